// R-LOST-1 (DOMAIN.md §5): the 脱管 risk list and the 漏管 list.
#include "rules/lost.hpp"

#include <gtest/gtest.h>

#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::P;

LostStatus lost(const PersonFacts& f, const char* today, const PolicyTable& policy = PolicyTable()) {
  return lost_status(person_tasks(f, policy, D(today)), f, policy, D(today));
}

// R-LOST-1: at risk of 脱管 when the whereabouts are unknown, or a follow-up (R-VIS-1, R-VIS-2,
// R-REV-1) is overdue by more than lost_contact_days (30) with no contact since its due date.
TEST(Rules, R_LOST_1_LostSupervision) {
  struct Case {
    const char* what;
    PersonFacts facts;
    const char* today;
    bool at_risk;
    const char* task_key;  // the most overdue follow-up, when at risk through one
  };
  PersonFacts unknown = P("2025-01-01");
  unknown.whereabouts_unknown = true;
  PersonFacts unknown_in_custody = P("2025-01-01").custody("2025-01-20");
  unknown_in_custody.whereabouts_unknown = true;
  const Case cases[] = {
      {"H1 visit overdue by 30 days: not yet", P("2025-01-01"), "2025-07-30", false, ""},
      {"overdue by 31 days", P("2025-01-01"), "2025-07-31", true, "R-VIS-1/2025H1"},
      {"the oldest overdue follow-up is named", P("2025-01-01"), "2026-02-15", true, "R-VIS-1/2025H1"},
      {"a late visit ends the risk", P("2025-01-01").visit("2025-07-15"), "2025-08-15", false, ""},
      {"a late review counts as contact", P("2025-01-01").key("2025-01-01").review("2025-07-15"),
       "2025-08-15", false, ""},
      {"key subject: review overdue", P("2025-01-01").key("2025-01-01"), "2025-05-02", true,
       "R-REV-1/2025Q1"},
      {"a registration overdue is not a follow-up", P("2025-01-01").visit("2025-01-05"), "2025-04-01", false,
       ""},
      {"whereabouts unknown", unknown, "2025-02-01", true, ""},
      {"in custody today: supervised by the custody unit", unknown_in_custody, "2025-08-01", false, ""},
      {"before release", unknown, "2024-12-31", false, ""},
      {"after the end of assistance", P("2019-01-01"), "2024-02-01", false, ""},
  };
  for (const Case& c : cases) {
    LostStatus st = lost(c.facts, c.today);
    EXPECT_EQ(st.at_risk, c.at_risk) << c.what;
    EXPECT_EQ(st.task_key, c.task_key) << c.what;
    // The reason is a code: the whereabouts flag, or the overdue follow-up task.
    if (c.at_risk) {
      EXPECT_NE(st.whereabouts_unknown, !st.task_key.empty()) << c.what;
    }
  }
  LostStatus st = lost(P("2025-01-01"), "2025-07-31");
  EXPECT_EQ(st.days_overdue, 31);
  EXPECT_EQ(st.due, D("2025-06-30"));
  EXPECT_TRUE(lost(unknown, "2025-02-01").whereabouts_unknown);

  // lost_contact_days 30 → 60 from 2025-01-01: today decides.
  PolicyTable policy;
  ASSERT_TRUE(policy.set("lost_contact_days", "60", D("2025-01-01")).ok());
  EXPECT_FALSE(lost(P("2025-01-01"), "2025-07-31", policy).at_risk);
  EXPECT_FALSE(lost(P("2025-01-01"), "2025-08-29", policy).at_risk);
  EXPECT_TRUE(lost(P("2025-01-01"), "2025-08-30", policy).at_risk);
}

// R-LOST-1: 漏管 = a registration form or release notice exists, the R-REG-1 deadline has passed
// and the person has not registered.
TEST(Rules, R_LOST_1_MissedSupervision) {
  struct Case {
    const char* what;
    PersonFacts facts;
    const char* today;
    bool missed;
  };
  const Case cases[] = {
      {"notice, deadline 2 Mar not passed", P("2025-01-31").notice("2025-01-05"), "2025-03-02", false},
      {"notice, deadline passed, not registered", P("2025-01-31").notice("2025-01-05"), "2025-03-03", true},
      {"form received only", P("2025-01-31").set(&PersonFacts::form_received, "2024-03-01"), "2025-03-03",
       true},
      {"registered late: no longer missed", P("2025-01-31").notice("2025-01-05").registered("2025-03-10"),
       "2025-03-20", false},
      {"registration dated after today", P("2025-01-31").notice("2025-01-05").registered("2025-03-10"),
       "2025-03-05", true},
      {"no document: not a linkage case", P("2025-01-31"), "2025-03-03", false},
      {"back in custody", P("2025-01-31").notice("2025-01-05").custody("2025-02-20"), "2025-03-03", false},
      {"after the end of assistance", P("2019-01-31").notice("2019-01-05"), "2024-03-01", false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(missed_supervision(c.facts, PolicyTable(), D(c.today)), c.missed) << c.what;
}

// R-LOST-1: the two lists over many persons.
TEST(Rules, R_LOST_1_Lists) {
  std::vector<PersonFacts> persons = {P("2025-01-01").visit("2025-03-01"), P("2025-01-01"),
                                      P("2025-06-01").notice("2025-05-02").visit("2025-06-15")};
  persons[1].id = 2;
  persons[2].id = 3;
  LostLists lists = lost_lists(persons, PolicyTable(), D("2025-08-01"));
  EXPECT_EQ(lists.lost, std::vector<std::int64_t>({2}));
  EXPECT_EQ(lists.missed, std::vector<std::int64_t>({3}));
}

}  // namespace
}  // namespace anbang::rules
