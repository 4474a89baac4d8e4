// Case tables of R-BASE-1 (§2.4.3: at least one enterprise base per township with a signed agreement;
// occupancy never above capacity) and R-EMP-2 (§2.4.2: human resources holds at least
// skills_trainings_per_year, default 2, free trainings a year).
#include <gtest/gtest.h>

#include "rules/bases.hpp"
#include "rules/engine.hpp"
#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;

std::vector<AgreementSpan> one(const char* from, const char* to, std::int64_t capacity) {
  return {{1, D(from), D(to), capacity}};
}

TEST(Bases, R_BASE_1_placement_needs_an_agreement_valid_on_the_day) {
  auto a = one("2026-01-01", "2026-12-31", 3);
  const CivilDate today = D("2026-11-26");
  EXPECT_EQ(check_placement(a, D("2026-01-01"), today, 0), PlacementCheck::ok);  // first day
  EXPECT_EQ(check_placement(a, D("2026-12-31"), today, 0), PlacementCheck::ok);  // last day
  EXPECT_EQ(check_placement(a, D("2025-12-31"), today, 0), PlacementCheck::no_agreement);
  EXPECT_EQ(check_placement(one("2025-01-01", "2025-12-31", 3), D("2026-11-26"), today, 0),
            PlacementCheck::no_agreement);  // expired
  EXPECT_EQ(check_placement({}, today, today, 0), PlacementCheck::no_agreement);
}

TEST(Bases, R_BASE_1_occupancy_never_above_capacity) {
  auto a = one("2026-01-01", "2026-12-31", 3);
  const CivilDate today = D("2026-11-26");
  EXPECT_EQ(check_placement(a, today, today, 2), PlacementCheck::ok);    // the last place
  EXPECT_EQ(check_placement(a, today, today, 3), PlacementCheck::full);  // full
  EXPECT_EQ(check_placement(a, today, today, 4), PlacementCheck::full);
}

TEST(Bases, R_BASE_1_capacity_is_that_of_the_agreement_in_force_today) {
  std::vector<AgreementSpan> a = {{1, D("2025-01-01"), D("2025-12-31"), 10}, {2, D("2026-01-01"), D("2026-12-31"), 2}};
  // A late entry dated in the old agreement counts against today's places.
  EXPECT_EQ(check_placement(a, D("2025-12-20"), D("2026-01-10"), 2), PlacementCheck::full);
  EXPECT_EQ(check_placement(a, D("2025-12-20"), D("2026-01-10"), 1), PlacementCheck::ok);
}

TEST(Bases, R_BASE_1_agreements_overlap) {
  auto a = one("2026-01-01", "2026-12-31", 3);
  EXPECT_TRUE(overlaps(a, D("2026-12-31"), D("2027-12-31")));
  EXPECT_TRUE(overlaps(a, D("2025-01-01"), D("2026-01-01")));
  EXPECT_FALSE(overlaps(a, D("2027-01-01"), D("2027-12-31")));
  EXPECT_FALSE(overlaps(a, D("2025-01-01"), D("2025-12-31")));
}

UnitFacts township(std::vector<Interval> agreements) {
  UnitFacts u;
  u.unit_id = 5;
  u.kind = "township";
  u.active_from = D("2024-01-01");
  u.enterprise_agreements = std::move(agreements);
  return u;
}

std::vector<Task> base_tasks(const UnitFacts& u, const char* today) {
  std::vector<Task> out;
  append_base_agreement_tasks(u, D(today), out);
  return out;
}

TEST(Bases, R_BASE_1_township_with_a_valid_enterprise_agreement_is_done) {
  auto t = base_tasks(township({{D("2026-01-01"), D("2026-12-31")}}), "2026-11-26");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].rule, "R-BASE-1");
  EXPECT_EQ(t[0].key, "R-BASE-1/agreement");
  EXPECT_EQ(t[0].state, State::done);
  EXPECT_EQ(t[0].due, D("2026-12-31"));
  EXPECT_EQ(t[0].fulfilled_on, D("2026-01-01"));
}

TEST(Bases, R_BASE_1_township_whose_agreement_expired_is_flagged) {
  auto t = base_tasks(township({{D("2025-01-01"), D("2026-11-25")}}), "2026-11-26");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].state, State::open);
  EXPECT_EQ(t[0].anchor, "agreement_end");
  EXPECT_EQ(t[0].anchor_date, D("2026-11-25"));
  EXPECT_EQ(t[0].due, D("2026-11-26"));
  // On its last day it is still valid.
  EXPECT_EQ(base_tasks(township({{D("2025-01-01"), D("2026-11-26")}}), "2026-11-26")[0].state, State::done);
  // One that has not begun yet does not count today.
  EXPECT_EQ(base_tasks(township({{D("2026-11-27"), D("2027-11-26")}}), "2026-11-26")[0].state, State::open);
}

TEST(Bases, R_BASE_1_township_without_any_agreement_is_flagged_and_other_units_owe_nothing) {
  auto t = base_tasks(township({}), "2026-11-26");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].state, State::open);
  EXPECT_EQ(t[0].anchor, "active_from");
  UnitFacts office = township({});
  office.kind = "judicial_office";
  EXPECT_TRUE(base_tasks(office, "2026-11-26").empty());
}

UnitFacts hr(std::vector<const char*> trainings) {
  UnitFacts u;
  u.unit_id = 7;
  u.kind = "department";
  u.subkind = "hr_social_security";
  u.active_from = D("2025-06-01");
  for (const char* d : trainings) u.trainings.push_back(D(d));
  return u;
}

std::vector<Task> training_tasks(const UnitFacts& u, const char* today, const PolicyTable& policy = {}) {
  std::vector<Task> out;
  append_skills_training_tasks(u, policy, D(today), out);
  return out;
}

TEST(Trainings, R_EMP_2_two_trainings_a_year) {
  // 2025: one training (missed); 2026: two, the second on 2026-09-10 closes the year.
  auto t = training_tasks(hr({"2025-07-01", "2026-03-15", "2026-09-10", "2026-12-20"}), "2026-11-26");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].key, "R-EMP-2/2025");
  EXPECT_EQ(t[0].state, State::missed);
  EXPECT_EQ(t[0].due, D("2025-12-31"));
  EXPECT_EQ(t[1].key, "R-EMP-2/2026");
  EXPECT_EQ(t[1].state, State::done);
  EXPECT_EQ(t[1].fulfilled_on, D("2026-09-10"));
  EXPECT_EQ(t[1].previous_fulfilment, D("2025-07-01"));
}

TEST(Trainings, R_EMP_2_a_training_not_started_yet_does_not_count) {
  auto t = training_tasks(hr({"2026-03-15", "2026-12-20"}), "2026-11-26");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].state, State::open);
  EXPECT_EQ(training_tasks(hr({"2026-03-15", "2026-12-20"}), "2026-12-20")[1].state, State::done);
}

TEST(Trainings, R_EMP_2_the_number_is_dated_policy_by_the_first_of_january) {
  PolicyTable p;
  ASSERT_TRUE(p.set("skills_trainings_per_year", "3", D("2026-01-01")).ok());
  auto t = training_tasks(hr({"2025-07-01", "2025-08-01", "2026-03-15", "2026-09-10"}), "2026-11-26", p);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].state, State::done);  // 2025: two were enough
  EXPECT_EQ(t[1].state, State::open);  // 2026: three are needed
}

TEST(Trainings, R_EMP_2_only_human_resources_owes_trainings) {
  UnitFacts civil = hr({});
  civil.subkind = "civil_affairs";
  EXPECT_TRUE(training_tasks(civil, "2026-11-26").empty());
  EXPECT_EQ(training_tasks(hr({}), "2026-11-26").size(), 2u);  // 2025 (from June) and 2026
}

}  // namespace
}  // namespace anbang::rules
