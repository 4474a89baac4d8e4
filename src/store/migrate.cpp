#include "store/migrate.hpp"

#include <algorithm>
#include <cstdlib>

#include "store/embedded.hpp"

namespace anbang::store {

namespace {
// One schema_migrations table per database file ("main" and the attached "audit").
std::string create_table(const std::string& schema) {
  return "CREATE TABLE IF NOT EXISTS " + schema +
         ".schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";
}
std::string version_sql(const std::string& schema) {
  return "SELECT COALESCE(MAX(version), 0) FROM " + schema + ".schema_migrations";
}
std::string record_sql(const std::string& schema) {
  return "INSERT INTO " + schema + ".schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";
}

int version_of(std::string_view file) {  // "V012__x.sql" -> 12
  if (file.size() < 2 || file[0] != 'V') return -1;
  return std::atoi(std::string(file.substr(1)).c_str());
}
}  // namespace

Result<int> schema_version(Database& db, const std::string& schema) {
  return transact_value<int>(db, TxKind::write, [&](Connection& c) -> Result<int> {
    auto made = c.exec(create_table(schema));
    if (!made.ok()) return made.error();
    auto v = c.scalar(version_sql(schema));
    if (!v.ok()) return v.error();
    return static_cast<int>(*v);
  });
}

namespace {
Result<std::vector<std::string>> apply(Database& db, const std::string& schema, embedded::Files files,
                                       std::int64_t now_unix, int up_to) {
  auto current = schema_version(db, schema);
  if (!current.ok()) return current.error();
  std::sort(files.begin(), files.end(),
            [](auto& a, auto& b) { return version_of(a.first) < version_of(b.first); });
  std::vector<std::string> applied;
  for (const auto& [name, sql] : files) {
    int v = version_of(name);
    if (v <= *current || v > up_to) continue;
    Status s = db.transact(TxKind::write, [&](Connection& c) -> Status {
      Status run = c.exec_script(sql);
      if (!run.ok()) return run;
      auto rec = c.exec(record_sql(schema), {std::int64_t{v}, schema + "/" + std::string(name), now_unix});
      if (!rec.ok()) return rec.error();
      return {};
    });
    if (!s.ok())
      return Error{ErrorKind::internal, "MIGRATION_FAILED", std::string(name) + ": " + s.error().message, {}};
    applied.push_back(schema + "/" + std::string(name));
  }
  return applied;
}
}  // namespace

Result<std::vector<std::string>> migrate(Database& db, std::int64_t now_unix, int up_to) {
  auto main = apply(db, "main", embedded::sqlite_migrations(), now_unix, up_to);
  if (!main.ok()) return main;
  auto audit = apply(db, "audit", embedded::sqlite_audit_migrations(), now_unix, 1 << 30);
  if (!audit.ok()) return audit;
  main->insert(main->end(), audit->begin(), audit->end());
  return main;
}

}  // namespace anbang::store
