// Issue 3 wiring: tasks computed from records, closed by the record that fulfils them.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "store/obligation_repo.hpp"

namespace anbang::app {

TEST(Obligations, SeededPersonsGetTasks) {
  TestWorld w(20);
  auto n = transact_value<std::int64_t>(*w.db, store::TxKind::read, [](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM tasks");
  });
  ASSERT_TRUE(n.ok());
  EXPECT_GT(*n, 0);
}

}  // namespace anbang::app

namespace anbang::app {
// R-PER-1: on the end date the person is released from assistance automatically, with a record;
// history stays readable.
TEST(Obligations, R_PER_1_AutomaticReleaseFromAssistanceIsRecordedOnce) {
  TestWorld w(40);
  auto today = w.anonymous().today;
  auto ended = w.app->obligations.record_period_ends(today);
  ASSERT_TRUE(ended.ok());
  auto expected = transact_value<std::int64_t>(*w.db, store::TxKind::read, [&](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM persons WHERE assistance_end_date <= ?",
                    {domain::to_string(today)});
  });
  EXPECT_EQ(*ended, *expected);
  EXPECT_GT(*ended, 0);
  auto again = w.app->obligations.record_period_ends(today);
  EXPECT_EQ(*again, 0);  // once only
  auto events = transact_value<std::int64_t>(*w.db, store::TxKind::read, [](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM person_events WHERE kind = 'released_from_assistance'");
  });
  EXPECT_EQ(*events, *expected);
}
}  // namespace anbang::app

namespace anbang::app {
// The nightly refresh (record_period_ends, refresh_all_tasks) runs at 00:05 China Standard Time of
// the injected clock's next day, whatever the time of day it is asked at.
TEST(Obligations, DailyRefreshRunsAt0005ChinaStandardTimeOfTheClocksNextDay) {
  TestWorld w(1);
  const std::int64_t nov27_0005 = 1795651200 + 16 * 3600 + 5 * 60;  // 2026-11-26T16:05:00Z
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005);            // asked at 08:00 on 26 Nov
  w.clock.set(std::chrono::system_clock::from_time_t(1795651200 + 16 * 3600 - 1));  // 23:59:59
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005);
  w.clock.set(std::chrono::system_clock::from_time_t(1795651200 + 16 * 3600));  // 00:00 on 27 Nov
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005 + 86400);    // today's tasks were refreshed at start
  w.clock.set(std::chrono::system_clock::from_time_t(nov27_0005));  // the run itself wakes up
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005 + 86400);
  w.clock.advance(std::chrono::days(400));  // more than a year later
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005 + 401 * 86400);
}
}  // namespace anbang::app

