// Test helper: a fresh database file with migrations, bootstrap data and the demo district, served
// by the whole use-case layer on a fixed clock (2026-11-26 08:00 China Standard Time).
#pragma once
#include <filesystem>
#include <memory>

#include "app/services.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "store/migrate.hpp"
#include "store/sqlite_db.hpp"

namespace anbang::app {

struct TestWorld {
  std::filesystem::path dir;
  std::unique_ptr<store::Database> db;
  platform::FixedClock clock{std::chrono::system_clock::from_time_t(1795651200)};  // 2026-11-26T00:00:00Z
  std::unique_ptr<Services> app;

  explicit TestWorld(int persons = 30);
  ~TestWorld();
  // A context signed in as `username` (demo password), failing the test on error.
  AuthedCtx login(const std::string& username);
  // One number from the database (a test's probe; -1 and a test failure on error).
  std::int64_t scalar(const std::string& sql, store::Params params = {});
  // A person whose household and residence are both in the township of `code` (e.g. "500153001"),
  // released before 2026-06-01 and under assistance beyond 2027-06-01, with an ID number.
  store::PersonRecord released_in(const std::string& code);
  // An anonymous context now.
  Ctx anonymous(const std::string& ip = "10.0.0.1") const { return app->core.context(ip); }
};

}  // namespace anbang::app
