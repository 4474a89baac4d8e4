#include "domain/role_fit.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

TEST(RoleFit, EachBuiltInRoleFitsItsKindOfUnit) {
  EXPECT_TRUE(role_fits_unit_kind("village_cadre", "village"));
  EXPECT_TRUE(role_fits_unit_kind("judicial_officer", "judicial_office"));
  EXPECT_TRUE(role_fits_unit_kind("police_officer", "police_station"));
  EXPECT_TRUE(role_fits_unit_kind("township_officer", "township"));
  EXPECT_TRUE(role_fits_unit_kind("district_officer", "district"));
  EXPECT_TRUE(role_fits_unit_kind("admin", "district"));
  EXPECT_TRUE(role_fits_unit_kind("auditor", "district"));
  EXPECT_TRUE(role_fits_unit_kind("custody_clerk", "detention_centre"));
  EXPECT_TRUE(role_fits_unit_kind("custody_clerk", "prison"));
  EXPECT_TRUE(role_fits_unit_kind("department_officer", "department"));
}

TEST(RoleFit, RefusesARoleOnAnotherKindOfUnit) {
  EXPECT_FALSE(role_fits_unit_kind("village_cadre", "judicial_office"));
  EXPECT_FALSE(role_fits_unit_kind("village_cadre", "township"));
  EXPECT_FALSE(role_fits_unit_kind("judicial_officer", "village"));
  EXPECT_FALSE(role_fits_unit_kind("admin", "village"));
  EXPECT_FALSE(role_fits_unit_kind("custody_clerk", "district"));
  EXPECT_FALSE(role_fits_unit_kind("police_officer", "judicial_office"));
}

TEST(RoleFit, ARoleThatIsNotBuiltInFitsAnyUnit) {
  EXPECT_TRUE(role_fits_unit_kind("custom_role", "village"));
  EXPECT_TRUE(unit_kinds_of_role("custom_role").empty());
  EXPECT_EQ(unit_kinds_of_role("custody_clerk").size(), 2u);
}

}  // namespace
}  // namespace anbang::domain
