// Logging through spdlog. Never log personal data (names, ID numbers, bodies, query strings of
// person searches): the access log records method, route path, status, bytes and duration only.
#pragma once
#include <string>

namespace anbang::platform {
void log_init(bool quiet);
void log_info(const std::string& msg);
void log_warn(const std::string& msg);
void log_error(const std::string& msg);
}  // namespace anbang::platform
