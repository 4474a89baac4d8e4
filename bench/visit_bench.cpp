// One recorded visit end to end in the app layer (issue 3 "Measure": a single recorded visit updates
// that person's tasks in under 5 ms; issue 8: with the full form): FollowUpService::record_visit = guard,
// insert, the R-LOST-1 check of the visit log, the person's
// facts read back, tasks recomputed and rewritten, change audit, commit — everything but HTTP.
// On a copy of the 100,000-person bench database when it exists (bench/run.sh makes it), else on a
// fresh 3,000-person demo database:
//   build/anbang_bench --benchmark_filter=RecordVisit
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "app/services.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "store/migrate.hpp"
#include "store/sqlite_db.hpp"

using namespace anbang;

namespace {

struct World {
  std::filesystem::path dir;
  std::unique_ptr<store::Database> db;
  platform::SystemClock clock;
  std::unique_ptr<app::Services> app;
  std::optional<app::AuthedCtx> ctx;
  std::vector<std::int64_t> persons;  // under assistance, in the officer's township

  World() {
    dir = std::filesystem::temp_directory_path() / ("anbang-visit-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "b.db";
    const std::filesystem::path seeded = "build/bench/seed-100000.db";
    const bool big = std::filesystem::exists(seeded);
    if (big) std::filesystem::copy_file(seeded, file);
    platform::crypto_init();
    auto opened = store::SqliteDatabase::open(file.string());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    db = std::move(opened).value();
    auto now = platform::unix_seconds(clock.now());
    if (!store::migrate(*db, now).ok()) throw std::runtime_error("migrate");
    if (!app::bootstrap(*db, now).ok()) throw std::runtime_error("bootstrap");
    app::Config config;
    config.fast_password_hash = true;
    app = std::make_unique<app::Services>(*db, clock, config);
    if (!app->core.load_caches().ok()) throw std::runtime_error("caches");
    if (!big && !app::seed_demo(*app, 3000, 7).ok()) throw std::runtime_error("seed");
    if (!app->obligations.refresh_all_tasks(app->core.context("").today).ok()) throw std::runtime_error("refresh");
    auto base = app->core.context("127.0.0.1");
    auto logged = app->auth.login(base, "sfs_001", "anbang@2026");
    if (!logged.ok()) throw std::runtime_error("login");
    ctx.emplace(base, logged->actor);
    auto ids = store::transact_value<std::vector<std::int64_t>>(
        *db, store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<std::int64_t>> {
          auto rows = c.query(
              "SELECT p.id FROM persons p JOIN units u ON u.id = p.residence_unit_id WHERE u.parent_id = "
              "(SELECT id FROM units WHERE code = '500153001') AND p.release_date <= ? AND "
              "p.assistance_end_date > ? LIMIT 200",
              {domain::to_string(ctx->today), domain::to_string(ctx->today)});
          if (!rows.ok()) return rows.error();
          std::vector<std::int64_t> out;
          for (const auto& r : *rows) out.push_back(r.i64(0));
          return out;
        });
    if (!ids.ok() || ids->empty()) throw std::runtime_error("no persons");
    persons = std::move(ids).value();
  }
  ~World() {
    app.reset();
    db.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// The full form of the visit log (R-VIS-1/2): members present, place, form, the situation per
// aspect, findings, help given, next steps, outcome. Each iteration is timed on its own and p50/p99
// reported as counters (microseconds per visit), besides Google Benchmark's mean.
app::VisitInput full_visit(domain::CivilDate today) {
  app::VisitInput in;
  in.held_on = domain::to_string(today);
  in.form = "home_visit";
  in.outcome = "met";
  in.place = "本人家中";
  in.members = {{"张明", std::nullopt}, {"李华（村委会）", std::nullopt}, {"王芳（家属）", std::nullopt}};
  in.aspects = {{"work", "在村里养殖场务工，收入稳定"},
                {"family", "与母亲同住，关系和睦"},
                {"living", "住房自有，生活能自理"},
                {"health", "身体健康"},
                {"thinking", "思想稳定，认罪悔罪"}};
  in.situation = "情况稳定";
  in.findings = "无异常";
  in.help_given = "讲解就业扶持政策，联系养殖技术培训";
  in.next_steps = "下季度再次入户走访";
  return in;
}

void BM_RecordVisit(benchmark::State& state) {
  World w;
  const app::VisitInput in = full_visit(w.ctx->today);
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(state.max_iterations));
  std::size_t i = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto s = w.app->follow_ups.record_visit(*w.ctx, w.persons[i++ % w.persons.size()], in);
    micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    if (!s.ok()) state.SkipWithError(s.error().message.c_str());
  }
  std::sort(micros.begin(), micros.end());
  auto pct = [&](double p) {
    if (micros.empty()) return 0.0;
    auto k = static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1) + 0.5);
    return micros[std::min(k, micros.size() - 1)];
  };
  state.counters["p50_us"] = pct(0.50);
  state.counters["p99_us"] = pct(0.99);
  state.counters["persons"] = static_cast<double>(w.persons.size());
}
BENCHMARK(BM_RecordVisit)->Unit(benchmark::kMicrosecond)->Iterations(2000);

}  // namespace
