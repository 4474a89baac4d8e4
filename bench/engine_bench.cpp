// The obligation engine (src/rules) over 1,000,000 synthetic persons on one thread, and one
// person's refresh after a recorded visit. Targets (issue 3 "Measure"): all persons < 2 s, one
// refresh < 5 ms. Run a Release build:
//   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build --target anbang_bench
//   build/anbang_bench --benchmark_filter=Engine
// "Time" of BM_Engine_AllPersons is the time for all 1,000,000 persons.
#include <benchmark/benchmark.h>

#include <vector>

#include "rules/engine.hpp"
#include "rules/lost.hpp"

using namespace anbang;
using namespace anbang::rules;

namespace {

constexpr int kPersons = 1'000'000;
const CivilDate kToday{2026, 6, 15};

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64: the same persons on every machine
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

// Release dates spread over the 6 years before kToday, 15 % with a key interval, 3 visits each,
// linkage documents and registration for most, custody re-entry for 3 %.
PersonFacts synthetic_person(Rng& rng, std::int64_t id) {
  using domain::add_days;
  PersonFacts f;
  f.id = id;
  f.household_unit_id = 100 + rng.below(250);
  f.residence_unit_id = f.household_unit_id;
  f.release_date = add_days(kToday, -rng.below(6 * 365));
  f.release_kind =
      rng.below(10) == 0 ? "community_correction" : (rng.below(2) ? "prison" : "detention_centre");
  const CivilDate r = f.release_date;
  if (rng.below(100) < 15) {
    CivilDate from = add_days(r, rng.below(400) - 30);
    f.key_intervals.push_back(
        {from, rng.below(2) ? std::optional(add_days(from, 90 + rng.below(700))) : std::nullopt});
  }
  if (rng.below(100) < 3) {
    CivilDate from = add_days(r, 100 + rng.below(1000));
    f.custody_intervals.push_back({from, add_days(from, 30 + rng.below(300))});
  }
  f.form_received_into_custody = add_days(r, -400 - rng.below(2000));
  f.form_sent = add_days(*f.form_received_into_custody, rng.below(40));
  f.form_received = add_days(*f.form_sent, 3 + rng.below(10));
  f.verification_feedback_sent = add_days(*f.form_received, rng.below(40));
  f.release_notice_received = add_days(r, -20 - rng.below(30));
  f.reception_arrangement_sent = add_days(*f.release_notice_received, rng.below(14));
  f.picked_up = r;
  if (rng.below(100) < 95) f.registration_date = add_days(r, rng.below(40));
  f.visits.reserve(3);
  for (int i = 0; i < 3; ++i) f.visits.push_back(add_days(r, rng.below(6 * 365)));
  if (!f.key_intervals.empty()) f.reviews.push_back(add_days(r, rng.below(2 * 365)));
  return f;
}

const std::vector<PersonFacts>& persons() {
  static const std::vector<PersonFacts> all = [] {
    std::vector<PersonFacts> v;
    v.reserve(kPersons);
    Rng rng{20260615};
    for (int i = 0; i < kPersons; ++i) v.push_back(synthetic_person(rng, i + 1));
    return v;
  }();
  return all;
}

// Every task of every person, one reused buffer (what a full refresh job does).
void BM_Engine_AllPersons(benchmark::State& state) {
  const auto& all = persons();
  const PolicyTable policy;
  std::vector<Task> buffer;
  buffer.reserve(256);
  std::int64_t tasks = 0;
  for (auto _ : state) {
    tasks = 0;
    for (const PersonFacts& p : all) {
      buffer.clear();
      append_person_tasks(p, policy, kToday, buffer);
      tasks += static_cast<std::int64_t>(buffer.size());
    }
    benchmark::DoNotOptimize(tasks);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
  state.counters["persons"] = static_cast<double>(all.size());
  state.counters["tasks"] = static_cast<double>(tasks);
}
BENCHMARK(BM_Engine_AllPersons)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same with a fresh vector per person (person_tasks), as a single-person API call does.
void BM_Engine_AllPersonsFreshVectors(benchmark::State& state) {
  const auto& all = persons();
  const PolicyTable policy;
  for (auto _ : state) {
    std::int64_t tasks = 0;
    for (const PersonFacts& p : all)
      tasks += static_cast<std::int64_t>(person_tasks(p, policy, kToday).size());
    benchmark::DoNotOptimize(tasks);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_Engine_AllPersonsFreshVectors)->Unit(benchmark::kMillisecond)->Iterations(3);

// R-LOST-1 lists over all persons (tasks + 脱管 + 漏管).
void BM_Engine_LostLists(benchmark::State& state) {
  const auto& all = persons();
  const PolicyTable policy;
  for (auto _ : state) {
    LostLists lists = lost_lists(all, policy, kToday);
    state.counters["lost"] = static_cast<double>(lists.lost.size());
    state.counters["missed"] = static_cast<double>(lists.missed.size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_Engine_LostLists)->Unit(benchmark::kMillisecond)->Iterations(3);

// One person's refresh after a recorded visit: add the visit and recompute the tasks with their
// explaining values (what the app does before answering the request that recorded the visit).
void BM_Engine_RefreshAfterVisit(benchmark::State& state) {
  Rng rng{1};
  PersonFacts p = synthetic_person(rng, 1);
  p.key_intervals = {{domain::add_days(p.release_date, 10), std::nullopt}};
  const PolicyTable policy;
  for (auto _ : state) {
    p.visits.push_back(kToday);
    std::vector<Task> tasks = person_tasks(p, policy, kToday);
    std::size_t chars = 0;
    for (const Task& t : tasks) chars += t.key.size() + to_string(t.state).size() + to_string(t.period).size();
    benchmark::DoNotOptimize(chars);
    p.visits.pop_back();
  }
}
BENCHMARK(BM_Engine_RefreshAfterVisit)->Unit(benchmark::kMicrosecond);

}  // namespace
