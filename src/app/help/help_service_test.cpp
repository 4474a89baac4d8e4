// Help groups and plans (R-ORG-1, R-ORG-3, R-ORG-4, R-ORG-5) through the use-case layer on a fresh demo
// database with a fixed clock (2026-11-26): the group of four, history, refusals, plan versions, the
// tasks they close and the lists.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

// A person of township 001 without help records (the demo gives most persons a group), registered.
store::PersonRecord fresh_person(TestWorld& w) {
  store::PersonRecord p = w.released_in("500153001");
  Status s = w.db->transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    for (const char* sql : {"DELETE FROM help_members WHERE person_id = ?", "DELETE FROM help_plans WHERE person_id = ?",
                            "DELETE FROM help_agreements WHERE person_id = ?"}) {
      if (auto n = c.exec(sql, {p.id}); !n.ok()) return n.error();
    }
    return {};
  });
  EXPECT_TRUE(s.ok());
  if (w.scalar("SELECT COUNT(*) FROM registrations WHERE person_id = ?", {p.id}) == 0) {
    AuthedCtx sfs = w.login("sfs_001");
    EXPECT_TRUE(w.app->supervision.record_registration(sfs, p.id, {"2026-11-20", "SF-T1", "{}", true}).ok());
  }
  return p;
}

std::int64_t user_id(TestWorld& w, const std::string& username) {
  return w.scalar("SELECT id FROM users WHERE username = ?", {username});
}

std::optional<PersonTask> task_of(TestWorld& w, const AuthedCtx& ctx, std::int64_t person, std::string_view key) {
  auto tasks = w.app->obligations.read_person_tasks(ctx, person);
  EXPECT_TRUE(tasks.ok());
  if (!tasks.ok()) return std::nullopt;
  for (const auto& t : tasks->pending()) {
    if (t.task.key == key) return t;
  }
  return std::nullopt;
}

MemberInput user_member(const std::string& role, std::int64_t user) {
  MemberInput m;
  m.role = role;
  m.user_id = user;
  m.joined_on = "2026-11-24";
  return m;
}

}  // namespace

TEST(HelpService, R_ORG_3_GroupOfFourIsCompleteAndClosesTheTask) {
  TestWorld w(40);
  store::PersonRecord p = fresh_person(w);
  AuthedCtx sfs = w.login("sfs_001");
  auto before = task_of(w, sfs, p.id, "R-ORG-3");
  ASSERT_TRUE(before.has_value());
  EXPECT_NE(before->state, "done");

  ASSERT_TRUE(w.app->help.add_member(sfs, p.id, user_member("judicial_assistant", user_id(w, "sfs_001"))).ok());
  auto one = w.app->help.group(sfs, p.id);
  ASSERT_TRUE(one.ok());
  EXPECT_TRUE(one->pending().check.too_few);  // R-ORG-1: one helper is not enough
  EXPECT_EQ(one->pending().check.missing, (std::vector<std::string>{"police_officer", "village_cadre", "family_member"}));

  ASSERT_TRUE(w.app->help.add_member(sfs, p.id, user_member("police_officer", user_id(w, "pcs_001"))).ok());
  std::int64_t cadre = w.scalar("SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id WHERE r.code = "
                                "'village_cadre' AND u.unit_id = ?",
                                {p.residence_unit_id});
  ASSERT_TRUE(w.app->help.add_member(sfs, p.id, user_member("village_cadre", cadre)).ok());
  MemberInput family;
  family.role = "family_member";
  family.name = "王芳";
  family.unit_or_relation = "妻子";
  family.phone = "13800001111";
  family.joined_on = "2026-11-24";
  family.is_contact = true;
  ASSERT_TRUE(w.app->help.add_member(sfs, p.id, family).ok());

  auto four = w.app->help.group(sfs, p.id);
  ASSERT_TRUE(four.ok());
  EXPECT_TRUE(four->pending().check.complete);
  EXPECT_EQ(four->pending().current.size(), 4u);
  EXPECT_EQ(four->pending().contact_name, "王芳");  // R-ORG-5: the file's family contact follows
  auto after = task_of(w, sfs, p.id, "R-ORG-3");
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->state, "done");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'help.member_added'", {p.id}), 4);

  // 我帮教的对象: the police officer sees the person.
  AuthedCtx pcs = w.login("pcs_001");
  auto mine = w.app->help.mine(pcs, 1, 100);
  ASSERT_TRUE(mine.ok());
  bool found = false;
  for (const auto& r : mine->pending().items) found = found || r.person_id == p.id;
  EXPECT_TRUE(found);
}

TEST(HelpService, R_ORG_3_EndingAMembershipKeepsItAndFlagsTheGroup) {
  TestWorld w(40);
  store::PersonRecord p = fresh_person(w);
  AuthedCtx sfs = w.login("sfs_001");
  auto a = w.app->help.add_member(sfs, p.id, user_member("judicial_assistant", user_id(w, "sfs_001")));
  auto b = w.app->help.add_member(sfs, p.id, user_member("police_officer", user_id(w, "pcs_001")));
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(w.app->help.end_member(sfs, p.id, *b, "2026-11-25", "调离").ok());
  auto ended = w.app->help.end_member(sfs, p.id, *b, "2026-11-26", "");
  ASSERT_FALSE(ended.ok());
  EXPECT_EQ(ended.error().code, "MEMBER_ALREADY_LEFT");
  auto early = w.app->help.end_member(sfs, p.id, *a, "2026-11-20", "");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "DATE_BEFORE_JOINED");
  auto g = w.app->help.group(sfs, p.id);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->pending().members.size(), 2u);  // the history stays
  EXPECT_EQ(g->pending().current.size(), 1u);
  EXPECT_TRUE(g->pending().check.too_few);
}

TEST(HelpService, R_ORG_3_RefusalsOutsideJurisdictionAndPermission) {
  TestWorld w(40);
  store::PersonRecord p = fresh_person(w);
  AuthedCtx sfs = w.login("sfs_001");
  auto other = w.app->help.add_member(sfs, p.id, user_member("police_officer", user_id(w, "pcs_002")));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "MEMBER_OUT_OF_SCOPE");
  auto far = w.app->help.add_member(w.login("sfs_002"), p.id, user_member("police_officer", user_id(w, "pcs_002")));
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().code, "PERSON_NOT_FOUND");
  auto police = w.app->help.add_member(w.login("pcs_001"), p.id, user_member("police_officer", user_id(w, "pcs_001")));
  ASSERT_FALSE(police.ok());
  EXPECT_EQ(police.error().code, "PERMISSION_DENIED");
  ASSERT_TRUE(w.app->help.add_member(sfs, p.id, user_member("police_officer", user_id(w, "pcs_001"))).ok());
  auto twice = w.app->help.add_member(sfs, p.id, user_member("police_officer", user_id(w, "pcs_001")));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "MEMBER_EXISTS");
}

TEST(HelpService, R_ORG_4_PlanVersionsAndTheirTasks) {
  TestWorld w(40);
  store::PersonRecord p = fresh_person(w);
  AuthedCtx sfs = w.login("sfs_001");
  auto member = w.app->help.add_member(sfs, p.id, user_member("judicial_assistant", user_id(w, "sfs_001")));
  ASSERT_TRUE(member.ok());
  PlanInput plan{"2026-11-25", "2027-02-25", "", {{"work", "稳定就业", "推荐岗位", *member}}};
  auto not_member = plan;
  not_member.needs[0].member_id = 999999;
  auto bad = w.app->help.record_plan(sfs, p.id, not_member);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "PLAN_MEMBER_NOT_CURRENT");
  auto v1 = w.app->help.record_plan(sfs, p.id, plan);
  ASSERT_TRUE(v1.ok()) << v1.error().code;
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(task_of(w, sfs, p.id, "R-ORG-4")->state, "done");
  auto no_reason = w.app->help.record_plan(sfs, p.id, plan);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, "FIELD_REQUIRED");
  plan.reason = "考察后修订";
  plan.made_on = "2026-11-26";
  auto v2 = w.app->help.record_plan(sfs, p.id, plan);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->version, 2);
  auto plans = w.app->help.plans(sfs, p.id);
  ASSERT_TRUE(plans.ok());
  ASSERT_EQ(plans->pending().versions.size(), 2u);
  EXPECT_EQ(plans->pending().versions.front().version, 2);  // newest first, the first kept
  // A full review after the latest version asks for a revision (R-ORG-4/revision/<day>).
  ASSERT_TRUE(w.app->follow_ups.record_follow_up(w.login("zj_001"), p.id, {"review", "2026-11-26", "入户", "", ""}).ok());
  // The review and the version are of one day: the version answers it.
  auto rev = task_of(w, sfs, p.id, "R-ORG-4/revision/2026-11-26");
  ASSERT_TRUE(rev.has_value());
  EXPECT_EQ(rev->state, "done");
}

}  // namespace anbang::app
