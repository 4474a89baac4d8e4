// Test helper: a fresh database file with migrations, bootstrap data and the demo district.
#pragma once
#include <filesystem>
#include <memory>

#include "app/app.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "store/migrate.hpp"
#include "store/sqlite_db.hpp"

namespace anbang::app {

struct TestWorld {
  std::filesystem::path dir;
  std::unique_ptr<store::Database> db;
  platform::FixedClock clock{std::chrono::system_clock::from_time_t(1795651200)};  // 2026-11-26T00:00:00Z
  std::unique_ptr<App> app;

  explicit TestWorld(int persons = 30);
  ~TestWorld();
  // A context logged in as `username` (demo password), failing the test on error.
  Ctx login(const std::string& username);
};

}  // namespace anbang::app
