// Properties of the engine over many generated persons, checked against a day-by-day oracle of
// R-VIS-1 and R-REV-1 (DOMAIN.md §5), and the explanation text.
#include <gtest/gtest.h>

#include <set>

#include "rules/engine.hpp"
#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using domain::add_days;
using testing::D;
using testing::P;

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

PersonFacts random_person(Rng& rng, std::int64_t id) {
  PersonFacts f;
  f.id = id;
  f.release_date = add_days(D("2020-01-01"), rng.below(6 * 365));
  f.release_kind = rng.below(5) == 0 ? "community_correction" : "prison";
  const CivilDate r = f.release_date;
  for (int i = rng.below(3); i > 0; --i) {
    CivilDate from = add_days(r, rng.below(900) - 60);
    f.key_intervals.push_back(
        {from, rng.below(3) ? std::optional(add_days(from, 1 + rng.below(400))) : std::nullopt});
  }
  for (int i = rng.below(4) == 0 ? 1 + rng.below(2) : 0; i > 0; --i) {
    CivilDate from = add_days(r, rng.below(1500));
    f.custody_intervals.push_back(
        {from, rng.below(4) ? std::optional(add_days(from, 1 + rng.below(300))) : std::nullopt});
  }
  for (int i = rng.below(8); i > 0; --i) f.visits.push_back(add_days(r, rng.below(2000)));
  for (int i = rng.below(5); i > 0; --i) f.reviews.push_back(add_days(r, rng.below(2000)));
  if (rng.below(2)) f.registration_date = add_days(r, rng.below(60));
  if (rng.below(10) == 0) f.assistance_end_override = add_days(r, rng.below(1500));
  return f;
}

// R-VIS-1 / R-REV-1 recomputed day by day with the default policy: (key, due) of every task.
// R-VIS-1 counts every day under assistance out of custody (key subjects owe the half-yearly visit
// too, R-VIS-2); R-REV-1 counts key days out of custody and is due at the latest on the last of them.
std::vector<std::pair<std::string, CivilDate>> oracle(const PersonFacts& f, CivilDate today, bool key_rule) {
  std::vector<std::pair<std::string, CivilDate>> out;
  const CivilDate end = assistance_end(f, PolicyTable());
  const int months = key_rule ? 3 : 6;
  CivilDate start{f.release_date.year, (f.release_date.month - 1) / months * months + 1, 1};
  for (; start < end; start = domain::add_months_clamped(start, months)) {
    const CivilDate next = domain::add_months_clamped(start, months);
    const CivilDate last = add_days(next, -1);
    int count = 0;
    std::optional<CivilDate> first, last_key;
    for (CivilDate d = start; d < next; d = add_days(d, 1)) {
      if (d < f.release_date || !(d < end)) continue;
      if (in_intervals(f.custody_intervals, d)) continue;  // custody days do not count
      const bool key = in_intervals(f.key_intervals, d);
      if (key) last_key = d;           // "the last such day": key, under assistance, not in custody (R-REV-1)
      if (key_rule && !key) continue;  // R-VIS-1 counts every day, key or general (R-VIS-2)
      ++count;
      if (!first) first = d;
    }
    if (count < 30) continue;
    CivilDate due = std::min(last, add_days(end, -1));
    if (key_rule) due = std::min(due, *last_key);
    const std::string label = (key_rule ? "Q" : "H") + std::to_string((start.month - 1) / months + 1);
    out.emplace_back(std::string(key_rule ? "R-REV-1/" : "R-VIS-1/") + std::to_string(start.year) + label,
                     due);
    if (today < *first) break;
  }
  return out;
}

TEST(Engine, MatchesTheDayByDayOracleAndKeepsItsInvariants) {
  Rng rng{42};
  for (int i = 0; i < 400; ++i) {
    const PersonFacts f = random_person(rng, i);
    const CivilDate today = add_days(D("2020-06-01"), rng.below(8 * 365));
    const std::vector<Task> tasks = person_tasks(f, PolicyTable(), today);
    SCOPED_TRACE("person " + std::to_string(i) + " released " + domain::to_string(f.release_date) +
                 " today " + domain::to_string(today) + " | " + testing::keys_of(tasks));
    std::set<std::string> keys;
    for (const Task& t : tasks) {
      EXPECT_TRUE(keys.insert(t.key).second) << "duplicate key " << t.key;
      EXPECT_LE(t.window_from, t.due) << t.key;
      EXPECT_FALSE(t.anchor.empty()) << t.key;  // every task says what its deadline hangs on
      EXPECT_EQ(t.period != PeriodKind::none, is_recurring(t.rule)) << t.key;
      EXPECT_EQ(t.exemption != Exemption::none, t.state == State::not_applicable) << t.key;
      switch (t.state) {
        case State::done:
          ASSERT_TRUE(t.fulfilled_on) << t.key;
          EXPECT_LE(*t.fulfilled_on, today);
          if (t.key.find('/') != std::string::npos && t.rule != "R-LNK-4") {
            EXPECT_LE(t.window_from, *t.fulfilled_on) << t.key;
            EXPECT_LE(*t.fulfilled_on, t.due) << t.key;
          }
          break;
        case State::open:
          EXPECT_LE(today, t.due) << t.key;
          break;
        case State::overdue:
          EXPECT_LT(t.due, today) << t.key;
          EXPECT_FALSE(is_recurring(t.rule)) << t.key;  // a closed period is missed, not overdue
          break;
        case State::missed:
          EXPECT_LT(t.due, today) << t.key;
          EXPECT_TRUE(is_recurring(t.rule)) << t.key;
          break;
        case State::not_applicable:
          EXPECT_TRUE(in_intervals(f.custody_intervals, t.due)) << t.key;
          EXPECT_EQ(t.exemption, Exemption::in_custody) << t.key;
          if (t.rule == "R-REV-1") ADD_FAILURE() << "R-REV-1 is due on a day out of custody: " << t.key;
          break;
      }
    }
    for (bool key_rule : {false, true}) {
      std::vector<std::pair<std::string, CivilDate>> got;
      for (const Task& t : tasks) {
        if (t.rule == (key_rule ? "R-REV-1" : "R-VIS-1")) got.emplace_back(t.key, t.due);
      }
      EXPECT_EQ(got, oracle(f, today, key_rule)) << (key_rule ? "R-REV-1" : "R-VIS-1");
    }
  }
}

// A task explains itself by values, which the web app words: the rule and clause, the anchor event
// and date, the previous record, the window, the due date, the state and why it does not apply.
TEST(Engine, ExplainsEveryTaskAsValues) {
  auto tasks = person_tasks(P("2025-05-10").visit("2026-03-02"), PolicyTable(), D("2026-07-01"));
  const Task* h2 = testing::find_task(tasks, "R-VIS-1/2026H2");
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->clause, "§2.3.4");
  EXPECT_EQ(h2->anchor, "release_date");
  EXPECT_EQ(h2->anchor_date, D("2025-05-10"));
  EXPECT_EQ(h2->previous_fulfilment, D("2026-03-02"));
  EXPECT_EQ(h2->window_from, D("2026-07-01"));
  EXPECT_EQ(h2->due, D("2026-12-31"));
  EXPECT_EQ(h2->state, State::open);
  EXPECT_EQ(to_string(h2->period), "half_year");
  EXPECT_EQ(to_string(h2->exemption), "none");
  const Task* reg = testing::find_task(tasks, "R-REG-1");
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->clause, "§2.3.3");
  EXPECT_EQ(reg->anchor, "release_date");
  EXPECT_EQ(reg->window_from, D("2025-05-10"));
  EXPECT_EQ(reg->due, D("2025-06-09"));
  EXPECT_EQ(reg->state, State::overdue);
  EXPECT_EQ(reg->period, PeriodKind::none);  // one-off
  EXPECT_FALSE(reg->previous_fulfilment);
  auto custody = person_tasks(P("2026-01-01").custody("2026-05-01"), PolicyTable(), D("2026-07-10"));
  const Task* h1 = testing::find_task(custody, "R-VIS-1/2026H1");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->state, State::not_applicable);
  EXPECT_EQ(to_string(h1->exemption), "in_custody");
}

TEST(Engine, AppendReusesTheVectorAndMatchesPersonTasks) {
  std::vector<Task> buffer;
  Rng rng{7};
  for (int i = 0; i < 50; ++i) {
    PersonFacts f = random_person(rng, i);
    buffer.clear();
    append_person_tasks(f, PolicyTable(), D("2024-06-01"), buffer);
    auto tasks = person_tasks(f, PolicyTable(), D("2024-06-01"));
    ASSERT_EQ(buffer.size(), tasks.size());
    for (std::size_t k = 0; k < tasks.size(); ++k) EXPECT_EQ(buffer[k].key, tasks[k].key);
  }
}

}  // namespace
}  // namespace anbang::rules
