#include "platform/xlsx_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace anbang::platform {

Result<std::unique_ptr<XlsxFile>> XlsxFile::create() {
  char path[] = "/tmp/anbang-export-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return internal_error("无法创建导出临时文件");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (!wb) {
    std::remove(path);
    return internal_error("无法创建导出文件");
  }
  return std::unique_ptr<XlsxFile>(new XlsxFile(path, wb));
}

XlsxFile::~XlsxFile() {
  if (wb_) workbook_close(wb_);
  std::remove(path_.c_str());
}

Result<std::string> XlsxFile::finish() {
  lxw_error closed = workbook_close(wb_);
  wb_ = nullptr;
  std::ifstream in(path_, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::remove(path_.c_str());
  if (closed != LXW_NO_ERROR) return internal_error("生成导出文件失败");
  return buf.str();
}

}  // namespace anbang::platform
