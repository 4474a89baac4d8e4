#include "store/migrate.hpp"

#include <algorithm>
#include <cstdlib>

#include "store/embedded.hpp"

namespace anbang::store {

namespace {
constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at INTEGER NOT NULL)";
constexpr const char* kVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char* kRecord = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";

int version_of(std::string_view file) {  // "V012__x.sql" -> 12
  if (file.size() < 2 || file[0] != 'V') return -1;
  return std::atoi(std::string(file.substr(1)).c_str());
}
}  // namespace

Result<int> schema_version(Database& db) {
  return transact_value<int>(db, TxKind::write, [](Connection& c) -> Result<int> {
    auto made = c.exec(kCreateTable);
    if (!made.ok()) return made.error();
    auto v = c.scalar(kVersion);
    if (!v.ok()) return v.error();
    return static_cast<int>(*v);
  });
}

Result<std::vector<std::string>> migrate(Database& db, std::int64_t now_unix) {
  auto current = schema_version(db);
  if (!current.ok()) return current.error();
  auto files = embedded::sqlite_migrations();
  std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return version_of(a.first) < version_of(b.first); });
  std::vector<std::string> applied;
  for (const auto& [name, sql] : files) {
    int v = version_of(name);
    if (v <= *current) continue;
    Status s = db.transact(TxKind::write, [&](Connection& c) -> Status {
      Status run = c.exec_script(sql);
      if (!run.ok()) return run;
      auto rec = c.exec(kRecord, {std::int64_t{v}, std::string(name), now_unix});
      if (!rec.ok()) return rec.error();
      return {};
    });
    if (!s.ok()) return Error{ErrorKind::internal, "MIGRATION_FAILED", std::string(name) + ": " + s.error().message, {}};
    applied.emplace_back(name);
  }
  return applied;
}

}  // namespace anbang::store
