// Meetings (R-MTG-1..3) on a fresh demo database with a fixed clock (2026-11-26): who may record
// which meeting, and the unit's meeting tasks computed live by the engine.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

// The unit's task of `rule` whose window holds 2026-11-26.
std::optional<PersonTask> current(const std::vector<PersonTask>& tasks, std::string_view rule) {
  const domain::CivilDate today{2026, 11, 26};
  for (const auto& t : tasks) {
    if (t.task.rule == rule && t.task.window_from <= today && today <= t.task.due) return t;
  }
  return std::nullopt;
}

MeetingInput meeting(const std::string& on) { return MeetingInput{on, "季度联席会议", "张三、李四"}; }

// The demo units are created on the test's today; a unit owes meetings from its creation on, so the
// tests date the units back to the start of 2025 (a test's probe of the database).
void units_since_2025(TestWorld& w) {
  Status s = w.db->transact(store::TxKind::write, [](store::Connection& c) -> Status {
    auto n = c.exec("UPDATE units SET created_at = 1735660800", {});  // 2025-01-01 00:00 CST
    if (!n.ok()) return n.error();
    return {};
  });
  ASSERT_TRUE(s.ok());
}

}  // namespace

// R-MTG-3: each judicial office meets its police station once a month; the month's meeting closes
// the month's task.
TEST(MeetingService, R_MTG_3_TheMonthsLiaisonClosesTheMonthsTask) {
  TestWorld w(20);
  units_since_2025(w);
  AuthedCtx sfs = w.login("sfs_001");
  auto before = w.app->meetings.tasks(sfs);
  ASSERT_TRUE(before.ok()) << before.error().code;
  auto open = current(*before, "R-MTG-3");
  ASSERT_TRUE(open.has_value());
  EXPECT_NE(open->task.state, rules::State::done);
  ASSERT_TRUE(w.app->meetings.record(sfs, meeting("2026-11-20")).ok());
  auto after = w.app->meetings.tasks(sfs);
  ASSERT_TRUE(after.ok());
  auto closed = current(*after, "R-MTG-3");
  ASSERT_TRUE(closed.has_value());
  EXPECT_EQ(closed->task.state, rules::State::done);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM meetings WHERE kind = 'liaison' AND held_on = '2026-11-20'"), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'meeting_create' AND username = 'sfs_001'"), 1);
}

// R-MTG-2: a township records its joint meeting; R-MTG-1: the district office its yearly one.
TEST(MeetingService, R_MTG_1_2_EachUnitRecordsTheMeetingItOwes) {
  TestWorld w(20);
  units_since_2025(w);
  ASSERT_TRUE(w.app->meetings.record(w.login("zj_001"), meeting("2026-10-09")).ok());
  ASSERT_TRUE(w.app->meetings.record(w.login("qu_abb"), meeting("2026-11-02")).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM meetings WHERE kind = 'township_joint'"), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM meetings WHERE kind = 'district_joint'"), 1);
  auto district = w.app->meetings.tasks(w.login("qu_abb"));
  ASSERT_TRUE(district.ok());
  auto year = current(*district, "R-MTG-1");
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->task.state, rules::State::done);
  // The township's quarter (October to December) is closed by its meeting of 9 October.
  auto township = w.app->meetings.tasks(w.login("zj_001"));
  ASSERT_TRUE(township.ok());
  auto quarter = current(*township, "R-MTG-2");
  ASSERT_TRUE(quarter.has_value());
  EXPECT_EQ(quarter->task.state, rules::State::done);
  // Another township's quarter is still open.
  auto other = w.app->meetings.tasks(w.login("zj_101"));
  ASSERT_TRUE(other.ok());
  auto open = current(*other, "R-MTG-2");
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->task.state, rules::State::open);
}

TEST(MeetingService, RefusesFutureDatesLongTextsAndUnitsWithoutTheDuty) {
  TestWorld w(20);
  AuthedCtx sfs = w.login("sfs_001");
  EXPECT_EQ(w.app->meetings.record(sfs, meeting("2026-11-27")).error().code, "DATE_IN_FUTURE");
  EXPECT_EQ(w.app->meetings.record(sfs, meeting("2026-13-01")).error().field, "held_on");
  MeetingInput long_topic = meeting("2026-11-20");
  long_topic.topic = std::string(201 * 3, 'a');
  EXPECT_EQ(w.app->meetings.record(sfs, long_topic).error().code, "FIELD_TOO_LONG");
  // A village cadre has no meeting:record; a police station has no meeting duty either.
  EXPECT_EQ(w.app->meetings.record(w.login("cj_001_001"), meeting("2026-11-20")).error().code, "PERMISSION_DENIED");
  EXPECT_FALSE(w.app->meetings.record(w.login("pcs_001"), meeting("2026-11-20")).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM meetings"), 0);
  // A unit without the duty has no meeting tasks.
  auto none = w.app->meetings.tasks(w.login("cj_001_001"));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(MeetingService, TheListShowsMeetingsOfTheCallersAreaOnly) {
  TestWorld w(20);
  ASSERT_TRUE(w.app->meetings.record(w.login("sfs_001"), meeting("2026-11-20")).ok());
  ASSERT_TRUE(w.app->meetings.record(w.login("sfs_101"), meeting("2026-11-21")).ok());
  auto own = w.app->meetings.list(w.login("zj_001"), 50);
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ((*own)[0].held_on, "2026-11-20");
  auto all = w.app->meetings.list(w.login("qu_abb"), 50);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
}

}  // namespace anbang::app
