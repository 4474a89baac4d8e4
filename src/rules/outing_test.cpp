// R-OUT-1 with R-LOST-1: an outing whose return is overdue without news is a 脱管 risk.
#include <gtest/gtest.h>

#include "rules/lost.hpp"
#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::P;

PersonFacts out(PersonFacts f, const char* left, const char* expected, const char* returned = nullptr) {
  Outing o{D(left), D(expected), std::nullopt};
  if (returned) o.returned_on = D(returned);
  f.outings.push_back(o);
  return f;
}

// The overdue-return window: expected back 2025-03-31, lost_contact_days 30 → at risk from
// 2025-05-01 (31 days after) unless the return or a follow-up after the expected return is recorded.
TEST(Rules, R_OUT_1_OverdueReturnWindow) {
  struct Case {
    const char* what;
    PersonFacts facts;
    const char* today;
    bool at_risk;
  };
  // Visits every half-year keep R-VIS-1 quiet, so the outing alone decides.
  auto base = [] { return P(P("2025-01-01").visit("2025-01-20")); };
  const Case cases[] = {
      {"away, expected back later", out(base(), "2025-02-01", "2025-03-31"), "2025-03-15", false},
      {"expected return passed by 30 days: not yet", out(base(), "2025-02-01", "2025-03-31"), "2025-04-30", false},
      {"passed by 31 days: at risk", out(base(), "2025-02-01", "2025-03-31"), "2025-05-01", true},
      {"returned: the record is ended", out(base(), "2025-02-01", "2025-03-31", "2025-04-02"), "2025-05-01", false},
      {"return recorded after today does not count yet", out(base(), "2025-02-01", "2025-03-31", "2025-05-10"),
       "2025-05-01", true},
      {"a visit after the expected return is news",
       out(P("2025-01-01").visit("2025-01-20").visit("2025-04-10"), "2025-02-01", "2025-03-31"), "2025-05-01",
       false},
      {"a visit before the expected return is not", out(P("2025-01-01").visit("2025-03-20"), "2025-02-01", "2025-03-31"),
       "2025-05-01", true},
      {"an outing that has not begun", out(base(), "2025-06-01", "2025-03-31"), "2025-05-01", false},
      {"in custody: the custody unit supervises", out(base().custody("2025-04-20"), "2025-02-01", "2025-03-31"),
       "2025-05-01", false},
      {"after the end of assistance", out(P("2019-01-01"), "2023-06-01", "2023-07-01"), "2024-02-01", false},
  };
  for (const Case& c : cases) {
    LostStatus st = lost_status(person_tasks(c.facts, PolicyTable(), D(c.today)), c.facts, PolicyTable(), D(c.today));
    EXPECT_EQ(st.at_risk, c.at_risk) << c.what;
    EXPECT_EQ(st.outing_overdue, c.at_risk) << c.what;
    if (c.at_risk) {
      EXPECT_EQ(st.due, D("2025-03-31")) << c.what;
      EXPECT_TRUE(st.task_key.empty()) << c.what;
    }
  }
  LostStatus st = lost_status(person_tasks(cases[2].facts, PolicyTable(), D("2025-05-01")), cases[2].facts,
                              PolicyTable(), D("2025-05-01"));
  EXPECT_EQ(st.days_overdue, 31);
  // The window follows lost_contact_days in force today.
  PolicyTable policy;
  ASSERT_TRUE(policy.set("lost_contact_days", "60", D("2025-01-01")).ok());
  PersonFacts f = out(base(), "2025-02-01", "2025-03-31");
  EXPECT_FALSE(lost_status(person_tasks(f, policy, D("2025-05-30")), f, policy, D("2025-05-30")).at_risk);
  EXPECT_TRUE(lost_status(person_tasks(f, policy, D("2025-05-31")), f, policy, D("2025-05-31")).at_risk);
}

}  // namespace
}  // namespace anbang::rules
