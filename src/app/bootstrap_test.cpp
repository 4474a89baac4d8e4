// R-ORG-2: the organisation of district 500153 — the tree district → 21 townships/streets →
// villages/communities, and beside it each township's judicial office and police station, the
// district detention centre and the assisting departments.
#include <gtest/gtest.h>

#include <map>

#include "app/test_support.hpp"

namespace anbang::app {

TEST(Bootstrap, R_ORG_2_TheUnitTreeOfRongchang) {
  TestWorld w(0);
  auto tree = w.app->core.units();
  std::map<std::string, int> kinds;
  for (const auto& u : tree->all()) kinds[u.kind]++;
  EXPECT_EQ(kinds["district"], 1);
  EXPECT_EQ(kinds["township"], 21);
  EXPECT_EQ(kinds["judicial_office"], 21);
  EXPECT_EQ(kinds["police_station"], 21);
  EXPECT_EQ(kinds["detention_centre"], 1);
  EXPECT_EQ(kinds["village"], 210);  // the demo district: 10 per township
  EXPECT_GE(kinds["department"], 4);
  std::map<std::string, bool> subkinds;
  for (const auto& u : tree->all()) subkinds[u.subkind] = true;
  for (const char* dep : {"civil_affairs", "hr_social_security", "governance", "finance"})
    EXPECT_TRUE(subkinds[dep]) << dep;
  for (const auto& u : tree->all()) {
    if (u.kind == "township") {
      EXPECT_EQ(u.code.substr(0, 6), "500153");
      EXPECT_EQ(u.code.size(), 9u);
    }
    if (u.kind == "judicial_office" || u.kind == "police_station") {
      // Beside the tree: hangs under its township and serves the township's area.
      const domain::Unit* parent = tree->find(*u.parent_id);
      ASSERT_NE(parent, nullptr);
      EXPECT_EQ(parent->kind, "township");
      EXPECT_EQ(u.area_unit_id, parent->id);
    }
    if (u.kind == "village") {
      EXPECT_EQ(tree->find(*u.parent_id)->kind, "township");
    }
  }
}

TEST(Bootstrap, R_ORG_2_AdministratorsAddAndRenameUnits) {
  TestWorld w(0);
  AuthedCtx admin = w.login("admin");
  auto tree = w.app->core.units();
  std::int64_t town = 0;
  for (const auto& u : tree->all()) {
    if (u.code == "500153101") town = u.id;
  }
  auto village = w.app->admin.create_unit(admin, {town, "新建村", "village", "village", "", std::nullopt});
  ASSERT_TRUE(village.ok()) << village.error().message;
  EXPECT_EQ(village->code, "500153101011");  // next free code under the township
  EXPECT_EQ(village->area_unit_id, village->id);
  auto misplaced =
      w.app->admin.create_unit(admin, {village->id, "错位所", "judicial_office", "", "", std::nullopt});
  EXPECT_EQ(misplaced.error().code, "UNIT_PLACEMENT");
  auto renamed = w.app->admin.update_unit(admin, village->id, {std::nullopt, "更名村", "", "", "", false});
  ASSERT_TRUE(renamed.ok());
  EXPECT_FALSE(w.app->core.units()->find(village->id)->active);
  AuthedCtx officer = w.login("sfs_101");
  EXPECT_EQ(w.app->admin.create_unit(officer, {town, "x村", "village", "", "", std::nullopt}).error().code,
            "PERMISSION_DENIED");
}

TEST(Bootstrap, IsIdempotent) {
  TestWorld w(0);
  auto before = w.app->core.units()->all().size();
  ASSERT_TRUE(bootstrap(*w.db, 1).ok());
  ASSERT_TRUE(w.app->core.load_caches().ok());
  EXPECT_EQ(w.app->core.units()->all().size(), before);
  EXPECT_EQ(w.app->core.charges().size(), 483u);
}

}  // namespace anbang::app
