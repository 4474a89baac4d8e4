#include "platform/log.hpp"

#include <spdlog/spdlog.h>

namespace anbang::platform {
void log_init(bool quiet) {
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  spdlog::set_level(quiet ? spdlog::level::warn : spdlog::level::info);
}
void log_info(const std::string& msg) { spdlog::info(msg); }
void log_warn(const std::string& msg) { spdlog::warn(msg); }
void log_error(const std::string& msg) { spdlog::error(msg); }
}  // namespace anbang::platform
