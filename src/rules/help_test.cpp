// R-ORG-1, R-ORG-3, R-ORG-4, R-ORG-5 (rules/help.cpp): the group check and the help tasks, as case
// tables with the default policy (help_group_days 7, help_plan_days 30, help_plan_revision_days 15).
#include "rules/help.hpp"

#include <gtest/gtest.h>

#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::P;
using testing::Want;

// Facts with help records: members as "from[..to]" intervals, plan versions, class changes.
PersonFacts H(P base, std::vector<std::pair<const char*, const char*>> members,
              std::vector<const char*> plans = {}, std::vector<const char*> class_changes = {}) {
  PersonFacts f = base;
  for (auto [from, to] : members) f.help_memberships.push_back({D(from), to ? std::optional(D(to)) : std::nullopt});
  for (const char* d : plans) f.plan_versions.push_back(D(d));
  for (const char* d : class_changes) f.class_changes.push_back(D(d));
  return f;
}

TEST(Rules, R_ORG_3_FourRolesOrFlaggedIncomplete) {
  struct Case {
    std::vector<std::string> roles;
    bool complete, too_few;
    std::vector<std::string> missing;
  };
  const std::vector<Case> cases = {
      {{"police_officer", "judicial_assistant", "village_cadre", "family_member"}, true, false, {}},
      {{"police_officer", "judicial_assistant", "village_cadre", "family_member", "volunteer"}, true, false, {}},
      {{"police_officer", "judicial_assistant"}, false, false, {"village_cadre", "family_member"}},
      {{}, false, true, {"police_officer", "judicial_assistant", "village_cadre", "family_member"}},
      {{"social_worker", "volunteer"}, false, false,
       {"police_officer", "judicial_assistant", "village_cadre", "family_member"}},
  };
  for (const Case& c : cases) {
    GroupCheck g = check_group(c.roles);
    EXPECT_EQ(g.complete, c.complete) << c.roles.size();
    EXPECT_EQ(g.too_few, c.too_few) << c.roles.size();
    EXPECT_EQ(g.missing, c.missing) << c.roles.size();
  }
}

TEST(Rules, R_ORG_1_AtLeastTwoHelpers) {
  // One member, even of a 四位一体 role, is too few; two are enough in number.
  EXPECT_TRUE(check_group({"village_cadre"}).too_few);
  EXPECT_FALSE(check_group({"village_cadre", "volunteer"}).too_few);
  // The group counts as formed from the first day two members overlap.
  EXPECT_EQ(group_formed({{D("2026-01-05"), std::nullopt}}, D("2026-01-01")), std::nullopt);
  EXPECT_EQ(group_formed({{D("2026-01-05"), std::nullopt}, {D("2026-01-09"), std::nullopt}}, D("2026-01-01")),
            D("2026-01-09"));
  // One left the day the other joined: never two at once.
  EXPECT_EQ(group_formed({{D("2026-01-05"), D("2026-01-09")}, {D("2026-01-09"), std::nullopt}}, D("2026-01-01")),
            std::nullopt);
  // A group formed before the period counts from the period's first day.
  EXPECT_EQ(group_formed({{D("2025-01-05"), std::nullopt}, {D("2025-02-09"), std::nullopt}}, D("2026-01-01")),
            D("2026-01-01"));
}

TEST(Rules, R_ORG_3_GroupFormedWithinHelpGroupDays) {
  testing::check_table({
      {"not registered: no task", H(P("2026-01-10"), {}), "2026-03-01", "R-ORG-3", "R-ORG-3", "", Want::absent},
      {"registered 12 Jan: due 19 Jan, open", H(P("2026-01-10").registered("2026-01-12"), {}), "2026-01-15",
       "R-ORG-3", "R-ORG-3", "2026-01-19", Want::open},
      {"no group after the due date: overdue", H(P("2026-01-10").registered("2026-01-12"), {}), "2026-01-20",
       "R-ORG-3", "R-ORG-3", "2026-01-19", Want::overdue},
      {"one member is no group", H(P("2026-01-10").registered("2026-01-12"), {{"2026-01-13", nullptr}}),
       "2026-01-20", "R-ORG-3", "R-ORG-3", "2026-01-19", Want::overdue},
      {"two members: done", H(P("2026-01-10").registered("2026-01-12"), {{"2026-01-13", nullptr}, {"2026-01-14", nullptr}}),
       "2026-01-20", "R-ORG-3", "R-ORG-3", "2026-01-19", Want::done},
      {"two members dated after today are not known yet",
       H(P("2026-01-10").registered("2026-01-12"), {{"2026-01-13", nullptr}, {"2026-01-25", nullptr}}), "2026-01-20",
       "R-ORG-3", "R-ORG-3", "2026-01-19", Want::overdue},
      {"in custody on the due date", H(P("2026-01-10").registered("2026-01-12").custody("2026-01-15"), {}),
       "2026-01-25", "R-ORG-3", "R-ORG-3", "2026-01-19", Want::not_applicable},
  });
  auto tasks = person_tasks(H(P("2026-01-10").registered("2026-01-12"), {{"2026-01-13", nullptr}, {"2026-01-22", nullptr}}),
                            PolicyTable{}, D("2026-02-01"));
  const Task* t = testing::find_task(tasks, "R-ORG-3");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->late);
  EXPECT_EQ(t->fulfilled_on, D("2026-01-22"));
  EXPECT_EQ(t->owner, owner::household_judicial_office);
  EXPECT_EQ(t->anchor, "registration_date");
}

TEST(Rules, R_ORG_3_HelpGroupDaysIsDatedPolicy) {
  PolicyTable p;
  ASSERT_TRUE(p.set("help_group_days", "14", D("2026-01-01")).ok());
  auto tasks = person_tasks(H(P("2026-01-10").registered("2026-01-12"), {}), p, D("2026-01-15"));
  const Task* t = testing::find_task(tasks, "R-ORG-3");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->due, D("2026-01-26"));
}

TEST(Rules, R_ORG_4_FirstPlanWithinHelpPlanDays) {
  testing::check_table({
      {"registered 12 Jan: plan due 11 Feb", H(P("2026-01-10").registered("2026-01-12"), {}), "2026-01-15",
       "R-ORG-4", "R-ORG-4", "2026-02-11", Want::open},
      {"no plan after the due date", H(P("2026-01-10").registered("2026-01-12"), {}), "2026-02-12", "R-ORG-4",
       "R-ORG-4", "2026-02-11", Want::overdue},
      {"a plan: done", H(P("2026-01-10").registered("2026-01-12"), {}, {"2026-02-01"}), "2026-02-12", "R-ORG-4",
       "R-ORG-4", "2026-02-11", Want::done},
      {"not registered: no task", H(P("2026-01-10"), {}), "2026-03-01", "R-ORG-4", "R-ORG-4", "", Want::absent},
  });
}

TEST(Rules, R_ORG_4_RevisionAfterReviewAndClassChange) {
  const P base = P("2026-01-10").registered("2026-01-12").key("2026-01-10").review("2026-03-20");
  testing::check_table({
      {"a review after the plan asks for a revision in 15 days", H(base, {}, {"2026-02-01"}), "2026-03-25",
       "R-ORG-4", "R-ORG-4/revision/2026-03-20", "2026-04-04", Want::open},
      {"not revised in time", H(base, {}, {"2026-02-01"}), "2026-04-05", "R-ORG-4", "R-ORG-4/revision/2026-03-20",
       "2026-04-04", Want::overdue},
      {"revised on the review day: done", H(base, {}, {"2026-02-01", "2026-03-20"}), "2026-04-05", "R-ORG-4",
       "R-ORG-4/revision/2026-03-20", "2026-04-04", Want::done},
      {"a review before the first plan asks nothing", H(base, {}, {"2026-03-25"}), "2026-04-05", "R-ORG-4",
       "R-ORG-4/revision/2026-03-20", "", Want::absent},
      {"a class change after the plan", H(P("2026-01-10").registered("2026-01-12"), {}, {"2026-02-01"}, {"2026-05-02"}),
       "2026-05-03", "R-ORG-4", "R-ORG-4/revision/2026-05-02", "2026-05-17", Want::open},
      {"a class change dated after today is not known yet",
       H(P("2026-01-10").registered("2026-01-12"), {}, {"2026-02-01"}, {"2026-05-02"}), "2026-05-01", "R-ORG-4",
       "R-ORG-4/revision/2026-05-02", "", Want::absent},
      {"the latest version answers every earlier trigger",
       H(base, {}, {"2026-02-01", "2026-06-01"}, {"2026-05-02"}), "2026-06-02", "R-ORG-4",
       "R-ORG-4/revision/2026-05-02", "2026-05-17", Want::done},
  });
  // A review and a class change of one day are one revision, named by the review.
  auto tasks = person_tasks(H(base, {}, {"2026-02-01"}, {"2026-03-20"}), PolicyTable{}, D("2026-03-25"));
  int revisions = 0;
  for (const Task& t : tasks) {
    if (t.key.starts_with("R-ORG-4/revision/")) {
      ++revisions;
      EXPECT_EQ(t.anchor, "review_held");
    }
  }
  EXPECT_EQ(revisions, 1);
}

TEST(Rules, R_ORG_5_SocialWorkersAndVolunteersAreHelpers) {
  EXPECT_TRUE(is_help_role("social_worker"));
  EXPECT_TRUE(is_help_role("volunteer"));
  EXPECT_FALSE(is_help_role("neighbour"));
  // They count towards the two helpers but are not one of the four.
  GroupCheck g = check_group({"social_worker", "volunteer"});
  EXPECT_FALSE(g.too_few);
  EXPECT_FALSE(g.complete);
}

}  // namespace
}  // namespace anbang::rules
