// An xlsx file being written (libxlsxwriter writes to a path): a private temporary file, the
// workbook on it, and its bytes once closed. The file is removed in every case.
#pragma once
#include <xlsxwriter.h>

#include <memory>
#include <string>

#include "common/result.hpp"

namespace anbang::platform {

class XlsxFile {
 public:
  // A new workbook on a fresh temporary file (INTERNAL when none can be made).
  static Result<std::unique_ptr<XlsxFile>> create();
  ~XlsxFile();
  XlsxFile(const XlsxFile&) = delete;
  XlsxFile& operator=(const XlsxFile&) = delete;

  lxw_workbook* workbook() { return wb_; }
  // Closes the workbook and hands out its bytes.
  Result<std::string> finish();

 private:
  XlsxFile(std::string path, lxw_workbook* wb) : path_(std::move(path)), wb_(wb) {}
  std::string path_;
  lxw_workbook* wb_;
};

}  // namespace anbang::platform
