// R-AID-1..6: the referral task of the deciding unit.
#include "rules/assistance.hpp"

#include <gtest/gtest.h>

#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;

PersonFacts with_referral(std::optional<CivilDate> answered) {
  PersonFacts f;
  f.id = 1;
  f.release_date = D("2026-06-01");
  f.referrals.push_back({7, "R-AID-1", 42, D("2026-11-01"), answered});
  return f;
}

const Task* find(const std::vector<Task>& ts, std::string_view key) {
  for (const auto& t : ts)
    if (t.key == key) return &t;
  return nullptr;
}

TEST(AssistanceTasks, R_AID_1_referral_unanswered_after_the_days_is_overdue_for_the_deciding_unit) {
  PolicyTable p;
  auto ts = person_tasks(with_referral(std::nullopt), p, D("2026-11-16"));
  const Task* t = find(ts, "R-AID-1/7");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->owner, owner::deciding_unit);
  EXPECT_EQ(t->owner_unit_id, 42);
  EXPECT_EQ(domain::to_string(t->due), "2026-11-16");
  EXPECT_EQ(t->state, State::open);  // the last day in time
  ts = person_tasks(with_referral(std::nullopt), p, D("2026-11-17"));
  EXPECT_EQ(find(ts, "R-AID-1/7")->state, State::overdue);
}

TEST(AssistanceTasks, R_AID_1_first_answer_closes_the_referral_task) {
  PolicyTable p;
  auto ts = person_tasks(with_referral(D("2026-11-20")), p, D("2026-11-26"));
  const Task* t = find(ts, "R-AID-1/7");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->state, State::done);
  EXPECT_TRUE(t->late);
  // an answer dated after today does not count yet
  ts = person_tasks(with_referral(D("2026-11-27")), p, D("2026-11-10"));
  EXPECT_EQ(find(ts, "R-AID-1/7")->state, State::open);
}

TEST(AssistanceTasks, R_AID_6_referral_days_are_dated_policy) {
  PolicyTable p;
  ASSERT_TRUE(p.set("referral_answer_days", "5", D("2026-10-01")).ok());
  PersonFacts f = with_referral(std::nullopt);
  f.referrals[0].rule = "R-AID-6";
  auto ts = person_tasks(f, p, D("2026-11-26"));
  const Task* t = find(ts, "R-AID-6/7");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(domain::to_string(t->due), "2026-11-06");
}

}  // namespace
}  // namespace anbang::rules
