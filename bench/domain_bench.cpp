// Micro benchmarks of the pure rules on the hot paths of the person file.
#include <benchmark/benchmark.h>

#include "domain/id_number.hpp"
#include "domain/pinyin.hpp"
#include "domain/scope.hpp"

using namespace anbang::domain;

static void BM_ParseIdNumber(benchmark::State& state) {
  std::string id = make_id_number("500153", {1985, 3, 12}, 123);
  for (auto _ : state) benchmark::DoNotOptimize(parse_id_number(id, {2026, 11, 26}));
}
BENCHMARK(BM_ParseIdNumber);

static void BM_PinyinSearchKeys(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(pinyin_search_keys("欧阳秀英"));
}
BENCHMARK(BM_PinyinSearchKeys);

static void BM_ScopeCovers(benchmark::State& state) {
  std::vector<Unit> units = {{1, std::nullopt, "500153", "区", "district", "", 1, true}};
  for (int t = 0; t < 21; ++t) {
    std::int64_t tid = 2 + t * 11;
    units.push_back({tid, 1, std::to_string(tid), "镇", "township", "", tid, true});
    for (int v = 1; v <= 10; ++v)
      units.push_back({tid + v, tid, std::to_string(tid + v), "村", "village", "", tid + v, true});
  }
  UnitTree tree(units);
  Scope s = make_scope(ScopeKind::subtree, 2, tree);
  std::int64_t i = 0;
  for (auto _ : state) {
    ++i;
    benchmark::DoNotOptimize(s.covers_person(i % 240, (i * 7) % 240));
  }
}
BENCHMARK(BM_ScopeCovers);
