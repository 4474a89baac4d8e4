#include "app/test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <gtest/gtest.h>

#include <stdexcept>

#include "app/core/guard.hpp"

namespace anbang::app {

TestWorld::TestWorld(int persons) {
  static std::atomic<int> n{0};
  dir = std::filesystem::temp_directory_path() /
        ("anbang-unit-" + std::to_string(getpid()) + "-" + std::to_string(n++));
  std::filesystem::create_directories(dir);
  platform::crypto_init();
  auto opened = store::SqliteDatabase::open((dir / "t.db").string());
  if (!opened.ok()) throw std::runtime_error(opened.error().message);
  db = std::move(opened).value();
  auto now = platform::unix_seconds(clock.now());
  if (!store::migrate(*db, now).ok()) throw std::runtime_error("migrate");
  if (!bootstrap(*db, now).ok()) throw std::runtime_error("bootstrap");
  Config config;
  config.fast_password_hash = true;
  app = std::make_unique<Services>(*db, clock, config);
  if (!app->core.load_caches().ok()) throw std::runtime_error("caches");
  auto demo = seed_demo(*app, persons, 7);
  if (!demo.ok()) throw std::runtime_error(demo.error().message);
}

TestWorld::~TestWorld() {
  app.reset();
  db.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

AuthedCtx TestWorld::login(const std::string& username) {
  Ctx ctx = anonymous();
  auto r = app->auth.login(ctx, username, "anbang@2026");
  if (!r.ok()) throw std::runtime_error(r.error().code);
  return AuthedCtx(ctx, r->actor);
}

std::int64_t TestWorld::scalar(const std::string& sql, store::Params params) {
  auto n = transact_value<std::int64_t>(*db, store::TxKind::read,
                                        [&](store::Connection& c) { return c.scalar(sql, params); });
  EXPECT_TRUE(n.ok()) << sql;
  return n.ok() ? *n : -1;
}

store::PersonRecord TestWorld::released_in(const std::string& code) {
  std::int64_t id = scalar(
      "SELECT MIN(p.id) FROM persons p JOIN units h ON h.id = p.household_unit_id "
      "JOIN units r ON r.id = p.residence_unit_id WHERE h.code LIKE ? AND r.code LIKE ? "
      "AND p.id_number IS NOT NULL AND p.release_date <= '2026-06-01' AND p.assistance_end_date > '2027-06-01'",
      {code + "%", code + "%"});
  AuthedCtx sys = system_context(app->core, "test");
  auto rec = transact_value<std::optional<store::PersonRecord>>(
      *db, store::TxKind::read, [&](store::Connection& c) { return store::find_person(c, sys.actor.scope, id); });
  if (!rec.ok() || !rec->has_value()) throw std::runtime_error("no such person in " + code);
  return **rec;
}

}  // namespace anbang::app
