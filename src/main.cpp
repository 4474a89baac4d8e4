// Composition root: builds the objects and runs one subcommand.
//   anbang serve   --db data/anbang.db --port 8080 [--web web/dist] [--demo]
//   anbang migrate --db data/anbang.db
//   anbang seed --demo --db data/anbang.db [--persons 3000]
//   anbang user add --db data/anbang.db --username u --name 姓名 --unit-code 500153 --role admin
//                   (password from the ANBANG_PASSWORD variable or one line on standard input)
//   anbang routes   (the API routes as JSON, for the contract test against api/openapi.yaml)
//   anbang tasks refresh --db data/anbang.db
// Global options, before or after the subcommand: --db, --quiet, --today YYYY-MM-DD (the server's
// today for tests and demonstrations: that date at the real time of day, advancing normally) or
// --today YYYY-MM-DDTHH:MM (that date from that time of day on: tests start at 09:00 so that a run
// begun just before midnight keeps its today).
#include <cctype>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <thread>

#include "app/core/guard.hpp"
#include "app/services.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"
#include "store/migrate.hpp"
#include "store/sqlite_db.hpp"
#include "store/maintenance.hpp"
#include "store/unit_repo.hpp"
#include "store/user_repo.hpp"

using namespace anbang;

namespace {

int fail(const std::string& msg) {
  std::cerr << "错误：" << msg << "\n";
  return 1;
}

// The first and last day `--today` accepts (the system clock's range is about 1678–2262).
constexpr domain::CivilDate kFirstToday{2000, 1, 1}, kLastToday{2199, 12, 31};

// The clock of `--today`, or nullptr for the system clock. Error: a Chinese message.
Result<std::unique_ptr<platform::ShiftedClock>> today_clock(const std::string& text,
                                                            const platform::Clock& real) {
  if (text.empty()) return std::unique_ptr<platform::ShiftedClock>{};
  // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (China Standard Time).
  std::string date_text = text.substr(0, 10);
  int minute = -1;
  if (text.size() == 16 && text[10] == 'T' && text[13] == ':' && std::isdigit(text[11]) && std::isdigit(text[12]) &&
      std::isdigit(text[14]) && std::isdigit(text[15])) {
    int h = std::stoi(text.substr(11, 2)), m = std::stoi(text.substr(14, 2));
    if (h < 24 && m < 60) minute = h * 60 + m;
  }
  bool shape_ok = text.size() == 10 || minute >= 0;
  auto day = domain::parse_date(date_text, "--today");
  if (!shape_ok || !day.ok() || *day < kFirstToday || *day > kLastToday) {
    return invalid("TODAY_INVALID",
                   "“今天”选项应为 " + domain::to_string(kFirstToday) + " 至 " + domain::to_string(kLastToday) +
                       " 之间的有效日期（格式 YYYY-MM-DD，也可在日期后加开始时刻），收到：" + text,
                   "--today");
  }
  auto shift = minute >= 0 ? platform::shift_to(*day, minute, real)
                           : std::chrono::seconds(std::chrono::days(platform::shift_days_to(*day, real)));
  auto clock = std::make_unique<platform::ShiftedClock>(shift);
  platform::log_warn("TODAY OVERRIDDEN (--today): the server's today is " + domain::to_string(*day) +
                     ", the real date is " +
                     domain::to_string(domain::shanghai_date_from_unix(platform::unix_seconds(real.now()))) +
                     " (China Standard Time); for tests and demonstrations only");
  return clock;
}

// Opens the database, applies migrations and bootstrap data, loads the caches.
struct Opened {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Services> app;
};

Result<Opened> open_all(const std::string& path, const platform::Clock& clock, app::Config config) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = store::SqliteDatabase::open(path);
  if (!db.ok()) return db.error();
  auto now = platform::unix_seconds(clock.now());
  auto applied = store::migrate(**db, now);
  if (!applied.ok()) return applied.error();
  for (const auto& m : *applied) platform::log_info("applied migration " + m);
  if (auto s = app::bootstrap(**db, now); !s.ok()) return s.error();
  // Planner statistics (approximate, fast): keeps the person search on the covering indexes.
  (void)(*db)->transact(store::TxKind::write, store::analyze_quick);
  Opened o;
  o.db = std::move(db).value();
  o.app = std::make_unique<app::Services>(*o.db, clock, config);
  if (auto s = o.app->core.load_caches(); !s.ok()) return s.error();
  return o;
}

void print_demo_logins() {
  // Account names, the password and the path are values, kept apart from the Chinese text.
  std::cout << "演示账号（密码均为 " << "anbang@2026" << "，详见 " << "docs/demo-accounts.md" << "）：\n";
  const std::pair<const char*, const char*> accounts[] = {
      {"admin", "系统管理员"},     {"qu_abb", "区安帮办干部（全区）"}, {"auditor", "审计员"},
      {"sfs_001", "昌元街道司法所干部"}, {"pcs_001", "昌元派出所民警"},     {"cj_001_001", "村居干部"}};
  for (const auto& [name, role] : accounts) std::cout << "  " << std::left << std::setw(12) << name << role << "\n";
}

std::string read_password() {
  if (const char* env = std::getenv("ANBANG_PASSWORD")) return env;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

// `anbang routes`: every route the server registers, as JSON [{"method", "path"}] with OpenAPI
// path parameters ("/api/v1/persons/{id}"). The router is built over services whose database is never
// used (registering routes touches nothing), so no file is opened or created.
int print_routes() {
  struct NoDatabase final : store::Database {
    Status transact(store::TxKind, const std::function<Status(store::Connection&)>&) override {
      return internal_error("no database");
    }
    bool healthy() override { return false; }
  } db;
  platform::SystemClock clock;
  app::Services app(db, clock, app::Config{});
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : http::make_api_router(app).routes()) {
    out.push_back({{"method", r.method}, {"path", http::openapi_path(r.pattern)}});
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"刑满释放人员安置帮教信息管理系统"};
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may follow the subcommand (subcommands inherit this)
  std::string db_path = "data/anbang.db";
  cli.add_option("--db", db_path, "SQLite database file")->capture_default_str();
  bool quiet = false;
  cli.add_flag("--quiet", quiet, "log warnings and errors only");
  std::string today_text;
  cli.add_option("--today", today_text,
                 "pretend today is YYYY-MM-DD (China Standard Time) at the real time of day; tests and "
                 "demonstrations only");

  auto* serve = cli.add_subcommand("serve", "serve the web app and the API");
  std::string host = "127.0.0.1", web_dir = "web/dist";
  unsigned short port = 8080;
  // Reads answer from the audit commit's completion instead of blocking (http/person_routes.cpp), so
  // a small pool is best: measured 2–16 threads on 2 cores, 4 was fastest (bench/README.md).
  std::size_t threads = std::max(4u, 2 * std::thread::hardware_concurrency());
  bool demo = false, no_access_log = false;
  int idle_minutes = 30;
  serve->add_option("--host", host)->capture_default_str();
  serve->add_option("--port", port)->capture_default_str();
  serve->add_option("--web", web_dir, "directory of the built web app")->capture_default_str();
  serve->add_option("--threads", threads)->capture_default_str();
  serve->add_option("--idle-timeout", idle_minutes, "session idle timeout in minutes")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 60));
  int login_rate = 120;
  serve->add_option("--login-rate", login_rate, "login attempts per minute and client IP")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  bool secure_cookie = false;
  serve->add_flag("--secure-cookie", secure_cookie, "mark the session cookie Secure (serve behind HTTPS)");
  serve->add_flag("--demo", demo, "load the demo district when the database has no users yet");
  serve->add_flag("--no-access-log", no_access_log);

  cli.add_subcommand("migrate", "apply database migrations and reference data");

  auto* seed = cli.add_subcommand("seed", "load data");
  bool seed_demo = false;
  int persons = 3000;
  std::uint64_t seed_value = 20151031;
  seed->add_flag("--demo", seed_demo, "the demo district (units, users, persons)")->required();
  seed->add_option("--persons", persons, "number of released persons")->capture_default_str();
  seed->add_option("--seed", seed_value, "random seed")->capture_default_str();

  auto* tasks = cli.add_subcommand("tasks", "obligation engine");
  tasks->require_subcommand(1);
  auto* tasks_refresh =
      tasks->add_subcommand("refresh", "recompute every person's tasks now (also done at start)");

  auto* user = cli.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "add a user (password from ANBANG_PASSWORD or stdin)");
  std::string username, display_name, unit_code = "500153", role_code = "admin";
  bool must_change = true;
  user_add->add_option("--username", username)->required();
  user_add->add_option("--name", display_name)->required();
  user_add->add_option("--unit-code", unit_code)->capture_default_str();
  user_add->add_option("--role", role_code)->capture_default_str();
  user_add->add_flag("!--no-must-change", must_change, "do not force a password change at first login");

  auto* routes_cmd = cli.add_subcommand("routes", "print the API routes (method, OpenAPI path) as JSON");

  CLI11_PARSE(cli, argc, argv);
  if (routes_cmd->parsed()) return print_routes();
  http::block_stop_signals();  // before any thread starts (the audit writer starts with the App)
  platform::log_init(quiet);
  if (!platform::crypto_init()) return fail("加密库初始化失败");
  platform::SystemClock system_clock;
  auto shifted = today_clock(today_text, system_clock);
  if (!shifted.ok()) return fail(shifted.error().message);
  const platform::Clock& clock = *shifted ? static_cast<const platform::Clock&>(**shifted) : system_clock;
  app::Config config;
  config.idle_timeout_minutes = idle_minutes;
  config.secure_cookie = secure_cookie;
  config.login_attempts_per_minute = login_rate;
  auto opened = open_all(db_path, clock, config);
  if (!opened.ok()) return fail(opened.error().message);
  app::Services& application = *opened->app;

  if (cli.got_subcommand("migrate")) {
    std::cout << "数据库已是最新：" << db_path << "\n";
    return 0;
  }
  if (cli.got_subcommand("seed")) {
    auto summary = app::seed_demo(application, persons, seed_value);
    if (!summary.ok()) return fail(summary.error().message);
    std::cout << "已装入演示数据：" << summary->villages << " 个村（社区），" << summary->users << " 个用户，"
              << summary->persons << " 名刑满释放人员\n";
    print_demo_logins();
    return 0;
  }
  if (tasks_refresh->parsed()) {
    auto started = std::chrono::steady_clock::now();
    auto n = application.obligations.refresh_all_tasks(application.core.context("").today);
    if (!n.ok()) return fail(n.error().message);
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    std::cout << "已重新计算 " << *n << " 名人员的任务，用时 " << ms << " 毫秒\n";
    return 0;
  }
  if (user->parsed()) {
    std::string password = read_password();
    struct Refs {
      std::optional<std::int64_t> unit;
      std::optional<store::RoleRow> role;
    };
    auto refs =
        transact_value<Refs>(*opened->db, store::TxKind::read, [&](store::Connection& c) -> Result<Refs> {
          auto unit = store::unit_id_by_code(c, unit_code);
          if (!unit.ok()) return unit.error();
          auto role = store::find_role_by_code(c, role_code);
          if (!role.ok()) return role.error();
          return Refs{*unit, *role};
        });
    if (!refs.ok()) return fail(refs.error().message);
    if (!refs->unit) return fail("单位代码不存在：" + unit_code);
    if (!refs->role) return fail("角色不存在：" + role_code);
    // The normal use case creates the user (same checks, same audit record), as system work.
    app::AuthedCtx ctx = app::system_context(application.core, "cli_user_add");
    app::UserInput in{username, display_name, "", password, *refs->unit, refs->role->id, true};
    auto created = application.admin.create_user(ctx, in);
    if (!created.ok()) return fail(created.error().message);
    if (!must_change) {
      Status s = opened->db->transact(store::TxKind::write, [&](store::Connection& c) {
        return store::set_must_change_password(c, created->id, false);
      });
      if (!s.ok()) return fail(s.error().message);
    }
    std::cout << "已创建用户 " << username << "（首次登录" << (must_change ? "须" : "无需") << "修改密码）\n";
    return 0;
  }
  // serve
  if (demo) {
    auto users = transact_value<std::int64_t>(*opened->db, store::TxKind::read, store::count_users);
    if (users.ok() && *users == 0) {
      std::cout << "首次运行：正在装入演示数据……\n";
      auto summary = app::seed_demo(application, persons, seed_value);
      if (!summary.ok()) return fail(summary.error().message);
      std::cout << "已装入演示数据：" << summary->persons << " 名刑满释放人员\n";
    }
    print_demo_logins();
  }
  {
    auto started = std::chrono::steady_clock::now();
    // Records the automatic 解除帮教 first (R-PER-1): nobody is shown under assistance after the end.
    auto n = application.obligations.refresh_all_tasks(application.core.context("").today);
    if (!n.ok()) return fail(n.error().message);
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    platform::log_info("tasks refreshed for " + std::to_string(*n) + " persons in " + std::to_string(ms) +
                       " ms");
  }
  application.obligations.start_daily_refresh();
  http::Router router = http::make_api_router(application);
  http::StaticFiles files(web_dir);
  if (files.size() == 0) platform::log_warn("web app not found in " + web_dir + " (run make build)");
  std::cout << "已启动：" << "http://" << host << ":" << port << "（按 " << "Ctrl+C" << " 停止）\n"
            << std::flush;
  return http::serve(router, files, {host, port, threads, !no_access_log});
}
