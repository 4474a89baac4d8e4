// Versioned migrations: files V<nnn>__<name>.sql compiled into the binary, applied in order, each in
// its own transaction, recorded in schema_migrations. Applying is idempotent.
#pragma once
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

// Applies pending migrations; returns the names of those applied now. `up_to` stops the main
// database at that version (tests of a migration start from the schema before it).
Result<std::vector<std::string>> migrate(Database& db, std::int64_t now_unix, int up_to = 1 << 30);
// The highest applied version (0 when none) of a database file: "main" or "audit".
Result<int> schema_version(Database& db, const std::string& schema = "main");

}  // namespace anbang::store
