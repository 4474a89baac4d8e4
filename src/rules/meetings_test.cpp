// Case tables of the meeting rules (DOMAIN.md §5, seed §2.3.4): R-MTG-1 (district, once a year),
// R-MTG-2 (township, once per quarter), R-MTG-3 (judicial office with the police station, monthly).
#include <gtest/gtest.h>

#include "rules/engine.hpp"
#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::Want;

UnitFacts unit(const char* kind, const char* active_from, std::vector<const char*> held = {}) {
  UnitFacts u;
  u.unit_id = 7;
  u.kind = kind;
  u.active_from = D(active_from);
  for (const char* d : held) u.meetings.push_back(D(d));
  return u;
}

struct MeetingRow {
  const char* what;
  UnitFacts facts;
  const char* today;
  const char* rule;
  const char* key;
  const char* due;
  Want want;
};

void check(const std::vector<MeetingRow>& rows) {
  static constexpr State kStates[] = {State::open, State::done, State::overdue, State::not_applicable,
                                      State::missed};
  for (const MeetingRow& row : rows) {
    auto tasks = unit_tasks(row.facts, PolicyTable(), D(row.today));
    SCOPED_TRACE(std::string(row.what) + " | tasks: " + testing::keys_of(tasks));
    const Task* t = testing::find_task(tasks, row.key);
    if (row.want == Want::absent) {
      EXPECT_EQ(t, nullptr) << row.key;
      continue;
    }
    ASSERT_NE(t, nullptr) << row.key;
    EXPECT_EQ(t->rule, row.rule);
    EXPECT_EQ(domain::to_string(t->due), row.due);
    EXPECT_EQ(t->state, kStates[static_cast<int>(row.want)]);
    EXPECT_EQ(t->owner, owner::unit);
  }
}

// R-MTG-1, R-MTG-2, R-MTG-3: periods from active_from (a first partial period needs 30 days,
// capped at the period's length), up to the current period and the next one.
TEST(Rules, R_MTG_1_2_3_Meetings) {
  check({
      {"district: last year's meeting held", unit("district", "2024-01-01", {"2024-11-05"}), "2025-03-01",
       "R-MTG-1", "R-MTG-1/2024", "2024-12-31", Want::done},
      {"district: this year's open", unit("district", "2024-01-01", {"2024-11-05"}), "2025-03-01", "R-MTG-1",
       "R-MTG-1/2025", "2025-12-31", Want::open},
      {"district: next year's shown", unit("district", "2024-01-01"), "2025-03-01", "R-MTG-1", "R-MTG-1/2026",
       "2026-12-31", Want::open},
      {"district: missed year", unit("district", "2024-01-01"), "2025-03-01", "R-MTG-1", "R-MTG-1/2024",
       "2024-12-31", Want::missed},
      {"district active from 10 Dec: 22 days, none that year", unit("district", "2025-12-10"), "2025-12-20",
       "R-MTG-1", "R-MTG-1/2025", "", Want::absent},
      {"township active 10 Feb: 50 days in Q1", unit("township", "2025-02-10"), "2025-02-10", "R-MTG-2",
       "R-MTG-2/2025Q1", "2025-03-31", Want::open},
      {"township active 5 Mar: 27 days, none in Q1", unit("township", "2025-03-05"), "2025-03-05", "R-MTG-2",
       "R-MTG-2/2025Q1", "", Want::absent},
      {"township active 5 Mar: Q2 is the next", unit("township", "2025-03-05"), "2025-03-05", "R-MTG-2",
       "R-MTG-2/2025Q2", "2025-06-30", Want::open},
      {"township: a meeting in the next quarter does not count",
       unit("township", "2025-01-01", {"2025-04-02"}), "2025-04-03", "R-MTG-2", "R-MTG-2/2025Q1",
       "2025-03-31", Want::missed},
      {"judicial office: January held", unit("judicial_office", "2025-01-01", {"2025-01-20", "2025-03-03"}),
       "2025-03-10", "R-MTG-3", "R-MTG-3/2025-01", "2025-01-31", Want::done},
      {"judicial office: February (28 days) missed",
       unit("judicial_office", "2025-01-01", {"2025-01-20", "2025-03-03"}), "2025-03-10", "R-MTG-3",
       "R-MTG-3/2025-02", "2025-02-28", Want::missed},
      {"judicial office: March held", unit("judicial_office", "2025-01-01", {"2025-01-20", "2025-03-03"}),
       "2025-03-10", "R-MTG-3", "R-MTG-3/2025-03", "2025-03-31", Want::done},
      {"judicial office: April shown", unit("judicial_office", "2025-01-01", {"2025-01-20", "2025-03-03"}),
       "2025-03-10", "R-MTG-3", "R-MTG-3/2025-04", "2025-04-30", Want::open},
      {"judicial office: not beyond the next", unit("judicial_office", "2025-01-01"), "2025-03-10", "R-MTG-3",
       "R-MTG-3/2025-05", "", Want::absent},
      {"a meeting dated after today is not known yet", unit("judicial_office", "2025-01-01", {"2025-03-20"}),
       "2025-03-10", "R-MTG-3", "R-MTG-3/2025-03", "2025-03-31", Want::open},
  });
  EXPECT_TRUE(unit_tasks(unit("village", "2025-01-01"), PolicyTable(), D("2025-06-01")).empty());
  auto tasks =
      unit_tasks(unit("judicial_office", "2025-01-01", {"2025-01-20"}), PolicyTable(), D("2025-02-10"));
  const Task* feb = testing::find_task(tasks, "R-MTG-3/2025-02");
  ASSERT_NE(feb, nullptr);
  EXPECT_EQ(feb->previous_fulfilment, D("2025-01-20"));
  // Explained by values: once a month from the unit's start, the previous meeting, the window.
  EXPECT_EQ(feb->period, PeriodKind::month);
  EXPECT_EQ(feb->anchor, "active_from");
  EXPECT_EQ(feb->anchor_date, D("2025-01-01"));
  EXPECT_EQ(feb->window_from, D("2025-02-01"));
  EXPECT_EQ(feb->due, D("2025-02-28"));
  EXPECT_EQ(feb->state, State::open);
}

}  // namespace
}  // namespace anbang::rules
