// The dated policy table: defaults, changes from a date on, validation with codes and Chinese
// messages.
#include "rules/policy.hpp"

#include <gtest/gtest.h>

#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;

TEST(Policy, DefaultsBeforeAnyEntry) {
  PolicyTable t;
  PolicyValues v = t.at(D("2026-01-01"));
  EXPECT_EQ(v.assistance_years_custody, 5);
  EXPECT_EQ(v.assistance_years_correction, 3);
  EXPECT_EQ(v.registration_days, 30);
  EXPECT_EQ(v.linkage_form_months, 1);
  EXPECT_EQ(v.verification_feedback_months, 1);
  EXPECT_EQ(v.release_notice_months_before, 1);
  EXPECT_EQ(v.reception_feedback_days, 10);
  EXPECT_EQ(v.family_help_days, 30);
  EXPECT_EQ(v.partial_period_min_days, 30);
  EXPECT_EQ(v.general_visit_period, "half_year");
  EXPECT_EQ(v.key_visit_period, "none");
  EXPECT_EQ(v.lost_contact_days, 30);
  EXPECT_EQ(v.three_none_mode, "all");
  EXPECT_EQ(PolicyTable::parameter_names().size(), 25u);
  EXPECT_EQ(v.skills_trainings_per_year, 2);  // R-EMP-2
  EXPECT_EQ(v.help_group_days, 7);
  EXPECT_EQ(v.help_plan_days, 30);
  EXPECT_EQ(v.help_plan_revision_days, 15);
  EXPECT_EQ(v.targeted_education_days, 15);
  EXPECT_EQ(v.backdate_limit_days, 90);
  EXPECT_EQ(v.targeted_education_days, 15);
}

TEST(Policy, ChangesFromADateOn) {
  PolicyTable t;
  ASSERT_TRUE(t.set("reception_feedback_days", "7", D("2027-01-01")).ok());
  ASSERT_TRUE(t.set("three_none_mode", "any", D("2026-07-01")).ok());
  ASSERT_TRUE(t.set("reception_feedback_days", "5", D("2028-01-01")).ok());
  EXPECT_EQ(t.at(D("2026-06-30")).three_none_mode, "all");
  EXPECT_EQ(t.at(D("2026-07-01")).three_none_mode, "any");
  EXPECT_EQ(t.at(D("2026-12-31")).reception_feedback_days, 10);
  EXPECT_EQ(t.at(D("2027-01-01")).reception_feedback_days, 7);
  EXPECT_EQ(t.at(D("2027-01-01")).three_none_mode, "any");  // earlier changes carry on
  EXPECT_EQ(t.at(D("2030-01-01")).reception_feedback_days, 5);
  // The same parameter and date again replaces the value.
  ASSERT_TRUE(t.set("reception_feedback_days", "8", D("2027-01-01")).ok());
  EXPECT_EQ(t.at(D("2027-06-01")).reception_feedback_days, 8);
  ASSERT_EQ(t.entries().size(), 3u);
  EXPECT_EQ(t.entries()[0].name, "three_none_mode");  // ordered by date
  EXPECT_EQ(t.next_change_after(D("2026-01-01")), D("2026-07-01"));
  EXPECT_EQ(t.next_change_after(D("2026-07-01")), D("2027-01-01"));
  EXPECT_EQ(t.next_change_after(D("2028-01-01")), std::nullopt);
}

// "The value in force today" is asked as such: an entry dated after today is not in force yet.
TEST(Policy, InForceTodayIgnoresLaterEntries) {
  PolicyTable t;
  ASSERT_TRUE(t.set("three_none_mode", "any", D("2027-01-01")).ok());
  EXPECT_EQ(t.in_force(D("2026-11-26")).three_none_mode, "all");
  EXPECT_EQ(t.in_force(D("2027-01-01")).three_none_mode, "any");
}

TEST(Policy, RejectsUnknownNamesAndBadValues) {
  PolicyTable t;
  Status s = t.set("visit_days", "10", D("2026-01-01"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "POLICY_UNKNOWN_PARAMETER");
  EXPECT_EQ(s.error().field, "name");
  EXPECT_EQ(s.error().kind, ErrorKind::invalid);
  // Issue 7 §5: the message is Chinese without the parameter's code; the field says which input.
  EXPECT_EQ(s.error().message.find("visit_days"), std::string::npos);

  struct Bad {
    const char* name;
    const char* value;
  };
  for (Bad b :
       {Bad{"registration_days", "abc"}, Bad{"registration_days", "-1"}, Bad{"registration_days", "0"},
        Bad{"registration_days", "366"}, Bad{"registration_days", " 30"}, Bad{"registration_days", "30 "},
        Bad{"registration_days", ""}, Bad{"registration_days", "+30"}, Bad{"registration_days", "3.5"},
        Bad{"lost_contact_days", "99999999"}, Bad{"general_visit_period", "none"},
        Bad{"general_visit_period", "quarterly"}, Bad{"key_visit_period", "year"},
        Bad{"three_none_mode", "ALL"}}) {
    Status r = t.set(b.name, b.value, D("2026-01-01"));
    ASSERT_FALSE(r.ok()) << b.name << "=" << b.value;
    EXPECT_EQ(r.error().code, "POLICY_BAD_VALUE") << b.name << "=" << b.value;
    EXPECT_EQ(r.error().field, "value");
    EXPECT_EQ(r.error().message.find(b.name), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(t.set("general_visit_period", "x", D("2026-01-01")).error().message, "参数值不在可选范围内，请从列表选择");
  EXPECT_EQ(t.set("registration_days", "0", D("2026-01-01")).error().message, "参数值应为 1 至 365 之间的整数");
  Status d = t.set("registration_days", "20", CivilDate{2026, 2, 30});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "POLICY_BAD_DATE");
  EXPECT_TRUE(t.entries().empty());  // nothing was stored
  EXPECT_EQ(t.at(D("2030-01-01")).registration_days, 30);
}

TEST(Policy, AcceptsTheBoundaries) {
  PolicyTable t;
  EXPECT_TRUE(t.set("lost_contact_days", "0", D("2026-01-01")).ok());
  EXPECT_TRUE(t.set("registration_days", "365", D("2026-01-01")).ok());
  EXPECT_TRUE(t.set("key_visit_period", "none", D("2026-01-01")).ok());
  EXPECT_TRUE(t.set("general_visit_period", "month", D("2026-01-01")).ok());
  EXPECT_EQ(period_kind(t.at(D("2026-01-01")).general_visit_period), PeriodKind::month);
  EXPECT_EQ(period_kind("half_year"), PeriodKind::half_year);
  EXPECT_EQ(period_kind("none"), PeriodKind::none);
}

}  // namespace
}  // namespace anbang::rules

namespace anbang::rules {
namespace {
// Issue 9: the minimum living standard (R-AID-1, R-ALW-1) and the referral answer days, dated.
TEST(Policy, R_AID_1_min_living_standard_is_dated_policy) {
  PolicyTable t;
  EXPECT_EQ(t.at(testing::D("2026-01-01")).min_living_standard_urban_fen, 74000);
  EXPECT_EQ(t.at(testing::D("2026-01-01")).min_living_standard_rural_fen, 60000);
  EXPECT_EQ(t.at(testing::D("2026-01-01")).referral_answer_days, 15);
  ASSERT_TRUE(t.set("min_living_standard_urban_fen", "78000", testing::D("2027-01-01")).ok());
  EXPECT_EQ(t.at(testing::D("2026-12-31")).min_living_standard_urban_fen, 74000);
  EXPECT_EQ(t.at(testing::D("2027-01-01")).min_living_standard_urban_fen, 78000);
  EXPECT_FALSE(t.set("min_living_standard_rural_fen", "-1", testing::D("2027-01-01")).ok());
}
}  // namespace
}  // namespace anbang::rules
