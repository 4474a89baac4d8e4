// The words of server-side files (the roster xlsx now, printed files later) come from the web app's
// own message files, web/src/locales/<locale>/export.json, compiled into the binary (CMake,
// store/embedded.hpp): one source for the words on screen and on paper (issue 7 §5).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace anbang::app {

class FileMessages {
 public:
  // The messages of `locale` ("zh-CN" or "en"); any other locale gets zh-CN.
  static const FileMessages& of(std::string_view locale);
  // The locales embedded in the binary.
  static std::vector<std::string> locales();

  // The text at a dotted key ("roster.col.name", "status.ended"); the key itself when missing (a
  // test checks that every key the server uses exists in every locale).
  std::string_view text(std::string_view key) const;
  bool has(std::string_view key) const;

  struct Impl;
  explicit FileMessages(const Impl* impl) : impl_(impl) {}

 private:
  const Impl* impl_;
};

// Every key the roster export looks up (person/export.cpp).
const std::vector<std::string>& roster_message_keys();

}  // namespace anbang::app
