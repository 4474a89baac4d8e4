// Case table of R-EDU-1 targeted legal education (DOMAIN.md §5): before each event of the
// district's calendar a township holds a targeted legal-education session in the
// targeted_education_days (default 15) before the event's first day.
#include <gtest/gtest.h>

#include "rules/engine.hpp"
#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::Want;

struct Sess {
  const char* on;
  std::int64_t event = 0;  // 0 = names no event
};

UnitFacts township(std::vector<Sess> sessions, const char* kind = "township") {
  UnitFacts u;
  u.unit_id = 9;
  u.kind = kind;
  u.active_from = D("2026-01-01");
  // 1: 国庆 2026-10-01..07; 2: 春节 2027-02-06..12 (both in the calendar).
  u.calendar = {{2, D("2027-02-06"), D("2027-02-12")}, {1, D("2026-10-01"), D("2026-10-07")}};
  for (const Sess& s : sessions)
    u.targeted_sessions.push_back({D(s.on), s.event ? std::optional<std::int64_t>(s.event) : std::nullopt});
  return u;
}

struct EduRow {
  const char* what;
  UnitFacts facts;
  const char* today;
  const char* key;
  const char* window_from;  // nullptr when absent is wanted
  Want want;
};

}  // namespace

TEST(TargetedEducation, R_EDU_1_WindowCaseTable) {
  const char* k1 = "R-EDU-1/event-1";
  const char* k2 = "R-EDU-1/event-2";
  const std::vector<EduRow> rows = {
      {"window not started: the next event is shown open", township({}), "2026-09-01", k1, "2026-09-16", Want::open},
      {"only the next event beyond it is shown", township({}), "2026-09-01", k2, nullptr, Want::absent},
      {"first day of the window, nothing held", township({}), "2026-09-16", k1, "2026-09-16", Want::open},
      {"a session on the window's first day closes it", township({{"2026-09-16"}}), "2026-09-20", k1, "2026-09-16",
       Want::done},
      {"a session on the last day before the event closes it", township({{"2026-09-30"}}), "2026-09-30", k1,
       "2026-09-16", Want::done},
      {"a session one day before the window does not count", township({{"2026-09-15"}}), "2026-09-20", k1,
       "2026-09-16", Want::open},
      {"a session on the event's first day is too late", township({{"2026-10-01"}}), "2026-10-02", k1, "2026-09-16",
       Want::missed},
      {"the event began without a session: missed", township({}), "2026-10-01", k1, "2026-09-16", Want::missed},
      {"a session linked to another event does not count", township({{"2026-09-20", 2}}), "2026-09-25", k1,
       "2026-09-16", Want::open},
      {"a session linked to this event counts", township({{"2026-09-20", 1}}), "2026-09-25", k1, "2026-09-16",
       Want::done},
      {"a session dated after today is not counted yet", township({{"2026-09-28"}}), "2026-09-25", k1, "2026-09-16",
       Want::open},
      {"after the first event, the second is the next one", township({{"2026-09-20"}}), "2026-10-10", k2,
       "2027-01-22", Want::open},
      {"a village owes no targeted education", township({}, "village"), "2026-09-20", k1, nullptr, Want::absent},
      {"a judicial office owes none of its own", township({}, "judicial_office"), "2026-09-20", k1, nullptr,
       Want::absent},
  };
  static constexpr State kStates[] = {State::open, State::done, State::overdue, State::not_applicable,
                                      State::missed};
  for (const EduRow& row : rows) {
    auto tasks = unit_tasks(row.facts, PolicyTable(), D(row.today));
    SCOPED_TRACE(std::string(row.what) + " | tasks: " + testing::keys_of(tasks));
    const Task* t = testing::find_task(tasks, row.key);
    if (row.want == Want::absent) {
      EXPECT_EQ(t, nullptr);
      continue;
    }
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->state, kStates[static_cast<int>(row.want)]);
    EXPECT_EQ(domain::to_string(t->window_from), row.window_from);
    EXPECT_EQ(t->rule, "R-EDU-1");
  }
}

// The number of days is a dated policy parameter, read on the event's first day.
TEST(TargetedEducation, R_EDU_1_LeadDaysAreDatedByTheEventsStart) {
  PolicyTable policy;
  ASSERT_TRUE(policy.set("targeted_education_days", "30", D("2026-09-01")).ok());
  auto tasks = unit_tasks(township({{"2026-09-05"}}), policy, D("2026-09-10"));
  const Task* t = testing::find_task(tasks, "R-EDU-1/event-1");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(domain::to_string(t->window_from), "2026-09-01");
  EXPECT_EQ(domain::to_string(t->due), "2026-09-30");
  EXPECT_EQ(t->state, State::done);
}

// An event that began before the unit existed is not owed.
TEST(TargetedEducation, R_EDU_1_EventsBeforeTheUnitAreNotOwed) {
  UnitFacts u = township({});
  u.active_from = D("2026-10-01");
  auto tasks = unit_tasks(u, PolicyTable(), D("2026-10-05"));
  EXPECT_EQ(testing::find_task(tasks, "R-EDU-1/event-1"), nullptr);
  EXPECT_NE(testing::find_task(tasks, "R-EDU-1/event-2"), nullptr);
}

}  // namespace anbang::rules
