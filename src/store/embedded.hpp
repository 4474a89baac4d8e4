// Files compiled into the binary by cmake/embed.cmake: (file name, content) pairs, sorted by name.
#pragma once
#include <string_view>
#include <utility>
#include <vector>

namespace anbang::embedded {
using Files = std::vector<std::pair<std::string_view, std::string_view>>;
// src/store/migrations/sqlite/V*.sql
const Files& sqlite_migrations();
// src/store/migrations/sqlite_audit/V*.sql (the attached "audit" database)
const Files& sqlite_audit_migrations();
// data/reference/*.csv (code tables and the township list)
const Files& reference_data();
// web/src/locales/<locale>/export.json, named "<locale>/export.json": the words of server-side files
const Files& file_messages();
}  // namespace anbang::embedded
