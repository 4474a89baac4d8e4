#include "app/test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <stdexcept>

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

}  // namespace anbang::app
