// The supervision service on a fresh demo database with a fixed clock (2026-11-26).
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {

// Records about a released person need the person released and out of custody on their day.
TEST(Supervision, R_PCK_1_RecordsNeedThePersonReleasedAndOutOfCustody) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  CustodyInput d;
  d.kind = "detention";
  d.from_date = "2026-11-20";
  ASSERT_TRUE(w.app->supervision.record_custody(sfs, p.id, d).ok());
  PickupInput pick{"2026-11-22", "", "", "family"};
  EXPECT_EQ(w.app->supervision.record_pickup(sfs, p.id, pick).error().code, "DATE_IN_CUSTODY");
  FollowUpInput visit;
  visit.held_on = "2026-11-24";
  EXPECT_EQ(w.app->supervision.record_follow_up(sfs, p.id, visit).error().code, "DATE_IN_CUSTODY");
  visit.held_on = "2000-01-01";
  EXPECT_EQ(w.app->supervision.record_follow_up(sfs, p.id, visit).error().code, "DATE_BEFORE_RELEASE");
  visit.held_on = "2026-11-19";  // the day before the detention
  EXPECT_TRUE(w.app->supervision.record_follow_up(sfs, p.id, visit).ok());
  auto view = w.app->persons.read(sfs, p.id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->pending().status, "detained");
}

}  // namespace anbang::app
