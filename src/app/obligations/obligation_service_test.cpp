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
