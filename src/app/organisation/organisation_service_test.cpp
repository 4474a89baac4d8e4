// The "1112" unit groups (R-ORG-1) on a fresh demo database (2026-11-26): who keeps which group,
// members with their history, and the list of units that lack their group.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

std::int64_t unit_id(TestWorld& w, const std::string& code) {
  return w.scalar("SELECT id FROM units WHERE code = ?", {code});
}

// A village of township 001 without a working group (the demo leaves some without one).
std::int64_t village_without_group(TestWorld& w) {
  return w.scalar(
      "SELECT MIN(u.id) FROM units u WHERE u.kind = 'village' AND u.code LIKE '500153001%' AND NOT EXISTS "
      "(SELECT 1 FROM org_groups g WHERE g.unit_id = u.id)");
}

}  // namespace

TEST(OrganisationService, R_ORG_1_TownshipKeepsItsVillagesWorkingGroupWithMemberHistory) {
  TestWorld w(10);
  AuthedCtx sfs = w.login("sfs_001");
  std::int64_t village = village_without_group(w);
  ASSERT_GT(village, 0);
  auto lacking = w.app->organisation.overview(sfs, {"village", std::nullopt, true});
  ASSERT_TRUE(lacking.ok());
  auto lacks = [&](const std::vector<OrgGroupStatus>& l) {
    return std::any_of(l.begin(), l.end(), [&](const OrgGroupStatus& s) { return s.unit_id == village; });
  };
  EXPECT_TRUE(lacks(*lacking));
  auto id = w.app->organisation.create_group(sfs, {village, "working_group", "帮教工作小组", "2026-03-01", ""});
  ASSERT_TRUE(id.ok()) << id.error().code;
  auto m1 = w.app->organisation.add_member(sfs, *id, {"王村长", "村委会主任", "leader", "13800000001", "2026-03-01"});
  ASSERT_TRUE(m1.ok()) << m1.error().code;
  auto m2 = w.app->organisation.add_member(sfs, *id, {"李会计", "村委会", "member", "", "2026-03-01"});
  ASSERT_TRUE(m2.ok());
  ASSERT_TRUE(w.app->organisation.member_left(sfs, *m2, "2026-10-01").ok());
  EXPECT_EQ(w.app->organisation.member_left(sfs, *m2, "2026-10-02").error().code, "MEMBER_ALREADY_LEFT");
  auto g = w.app->organisation.group(sfs, *id);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->members.size(), 2u);  // the history is kept
  EXPECT_EQ(g->members[1].left_on.value_or(""), "2026-10-01");
  auto after = w.app->organisation.overview(sfs, {"village", std::nullopt, true});
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(lacks(*after));
  auto all = w.app->organisation.overview(sfs, {"village", std::nullopt, false});
  ASSERT_TRUE(all.ok());
  for (const auto& s : *all) {
    if (s.unit_id == village) {
      EXPECT_EQ(s.current_members, 1);
    }
  }
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('org_group_create', 'org_member_add', "
                     "'org_member_leave') AND username = 'sfs_001'"),
            4);
  // A second working group for the same village is refused.
  EXPECT_EQ(w.app->organisation.create_group(sfs, {village, "working_group", "又一个", "2026-03-01", ""}).error().code,
            "GROUP_EXISTS");
}

TEST(OrganisationService, R_ORG_1_EachLevelKeepsItsOwnGroups) {
  TestWorld w(10);
  std::int64_t district = unit_id(w, "500153");
  std::int64_t township = unit_id(w, "500153101");
  std::int64_t village = village_without_group(w);
  // Another township's users may not keep township 001's village group; the district keeps only its own.
  EXPECT_EQ(
      w.app->organisation.create_group(w.login("zj_101"), {village, "working_group", "小组", "2026-03-01", ""}).error().code,
      "GROUP_NOT_YOURS");
  EXPECT_EQ(
      w.app->organisation.create_group(w.login("qu_abb"), {village, "working_group", "小组", "2026-03-01", ""}).error().code,
      "GROUP_NOT_YOURS");
  EXPECT_EQ(
      w.app->organisation.create_group(w.login("sfs_001"), {district, "office", "区安帮办", "2026-03-01", ""}).error().code,
      "GROUP_NOT_YOURS");
  // A village cadre has no org_group:manage; a township owes no office.
  EXPECT_EQ(w.app->organisation.create_group(w.login("cj_001_001"), {village, "working_group", "小组", "2026-03-01", ""})
                .error()
                .code,
            "PERMISSION_DENIED");
  EXPECT_EQ(
      w.app->organisation.create_group(w.login("zj_101"), {township, "office", "办公室", "2026-03-01", ""}).error().code,
      "GROUP_KIND_MISMATCH");
  EXPECT_EQ(
      w.app->organisation.create_group(w.login("zj_101"), {township, "leading_group", "", "2026-03-01", ""}).error().code,
      "FIELD_REQUIRED");
  EXPECT_EQ(w.app->organisation.create_group(w.login("zj_101"), {township, "leading_group", "组", "2026-12-01", ""})
                .error()
                .code,
            "DATE_IN_FUTURE");
  // A township's user sees its own area and the district's groups, not another township's.
  auto seen = w.app->organisation.overview(w.login("zj_101"), {"", std::nullopt, false});
  ASSERT_TRUE(seen.ok());
  bool district_seen = false;
  for (const auto& s : *seen) {
    if (s.unit_id == district) district_seen = true;
    EXPECT_NE(s.unit_id, village);
  }
  EXPECT_TRUE(district_seen);
}

}  // namespace anbang::app
