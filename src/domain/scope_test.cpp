#include "domain/scope.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {
// district 1 → townships 2, 3 → villages 4 (in 2), 5 (in 3); judicial office 6 of township 2;
// detention centre 7 (area: district); prison 8 (no area).
UnitTree sample() {
  return UnitTree({{1, std::nullopt, "500153", "荣昌区", "district", "", 1, true},
                   {2, 1, "500153001", "昌元街道", "township", "street", 2, true},
                   {3, 1, "500153101", "仁义镇", "township", "town", 3, true},
                   {4, 2, "500153001001", "一社区", "village", "community", 4, true},
                   {5, 3, "500153101001", "一村", "village", "village", 5, true},
                   {6, 2, "SFS500153001", "昌元街道司法所", "judicial_office", "", 2, true},
                   {7, 1, "KSS500153", "荣昌区看守所", "detention_centre", "", 1, true},
                   {8, std::nullopt, "PRISON1", "永川监狱", "prison", "", std::nullopt, true}});
}
}  // namespace

TEST(Scope, JudicialOfficeSeesItsTownshipOnly) {
  auto tree = sample();
  Scope s = make_scope(ScopeKind::subtree, 6, tree);
  EXPECT_EQ(s.kind, ScopeKind::subtree);
  EXPECT_TRUE(s.covers_unit(2));
  EXPECT_TRUE(s.covers_unit(4));
  EXPECT_FALSE(s.covers_unit(3));
  EXPECT_FALSE(s.covers_unit(5));
  EXPECT_FALSE(s.covers_unit(6));  // side units hold no persons
}

TEST(Scope, RJUR1_BothPlacesOfASeparatedPersonSeeThem) {
  auto tree = sample();
  Scope township2 = make_scope(ScopeKind::subtree, 2, tree);
  Scope township3 = make_scope(ScopeKind::subtree, 3, tree);
  // household in village 4 (township 2), residence in village 5 (township 3)
  EXPECT_TRUE(township2.covers_person(4, 5));
  EXPECT_TRUE(township3.covers_person(4, 5));
  Scope village5 = make_scope(ScopeKind::own, 5, tree);
  EXPECT_TRUE(village5.covers_person(4, 5));
  EXPECT_FALSE(village5.covers_person(4, 4));
}

TEST(Scope, DistrictAndNone) {
  auto tree = sample();
  EXPECT_TRUE(make_scope(ScopeKind::district, 2, tree).covers_unit(5));
  EXPECT_EQ(make_scope(ScopeKind::subtree, 7, tree).kind, ScopeKind::district);
  EXPECT_FALSE(make_scope(ScopeKind::none, 1, tree).covers_unit(1));
  EXPECT_FALSE(make_scope(ScopeKind::district, 8, tree).covers_unit(1));  // a prison has no area
}

TEST(UnitTree, WalksAndNames) {
  auto tree = sample();
  EXPECT_TRUE(tree.is_within(4, 1));
  EXPECT_FALSE(tree.is_within(4, 3));
  EXPECT_EQ(tree.township_of(4).value(), 2);
  EXPECT_EQ(tree.display_path(4), "昌元街道 / 一社区");
  EXPECT_EQ(tree.area_subtree_ids(2).size(), 2u);
}
}  // namespace anbang::domain
