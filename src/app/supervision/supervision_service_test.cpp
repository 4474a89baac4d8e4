// The supervision service on a fresh demo database with a fixed clock (2026-11-26).
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "domain/checks.hpp"
#include "store/supervision_repo.hpp"

namespace anbang::app {

namespace {
// A person of township 500153001 released before 2026-06-01, under assistance, not yet registered.
store::PersonRecord unregistered(TestWorld& w) {
  store::PersonRecord p = w.released_in("500153001");
  // The demo may have registered the person: the test starts from no registration.
  auto s = w.db->transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto n = c.exec("DELETE FROM registrations WHERE person_id = ?", {p.id});
    if (!n.ok()) return n.error();
    return {};
  });
  EXPECT_TRUE(s.ok());
  return p;
}

FollowUpInput visit_on(const std::string& day) {
  FollowUpInput v;
  v.held_on = day;
  v.form = "入户走访";
  return v;
}
}  // namespace

// A record may be dated at most backdate_limit_days (90 by default) before the day it is entered:
// exactly the limit is allowed, one day more is refused with DATE_TOO_FAR_BACK.
TEST(Supervision, LateEntry_BackdateLimitAtItsEdge) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  // 2026-11-26 − 90 days = 2026-08-28.
  auto refused = w.app->follow_ups.record_follow_up(sfs, p.id, visit_on("2026-08-27"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "DATE_TOO_FAR_BACK");
  EXPECT_EQ(refused.error().field, "held_on");
  EXPECT_NE(refused.error().message.find("2026-08-28"), std::string::npos) << refused.error().message;
  EXPECT_TRUE(w.app->follow_ups.record_follow_up(sfs, p.id, visit_on("2026-08-28")).ok());
  // The same check for every record with a chosen date: custody, meetings, family help …
  CustodyInput d;
  d.kind = "detention";
  d.from_date = "2026-08-27";
  EXPECT_EQ(w.app->supervision.record_custody(sfs, p.id, d).error().code, "DATE_TOO_FAR_BACK");
  MeetingInput m;
  m.held_on = "2026-08-27";
  EXPECT_EQ(w.app->meetings.record(sfs, m).error().code, "DATE_TOO_FAR_BACK");
  m.held_on = "2026-08-28";
  EXPECT_TRUE(w.app->meetings.record(sfs, m).ok());
}

// The limit is a dated policy parameter: the value in force on the day of entry decides.
TEST(Supervision, LateEntry_BackdateLimitChangesOnADate) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx admin = w.login("admin");
  auto job = w.app->obligations.set_policy(admin, "backdate_limit_days", "30", "2026-11-27");
  ASSERT_TRUE(job.ok()) << job.error().message;
  w.app->core.jobs().wait_all();
  AuthedCtx sfs = w.login("sfs_001");
  EXPECT_TRUE(w.app->follow_ups.record_follow_up(sfs, p.id, visit_on("2026-10-01")).ok());  // 90 today
  w.clock.advance(std::chrono::hours(24));  // 2026-11-27: 30 from now on
  AuthedCtx next = w.login("sfs_001");
  EXPECT_TRUE(w.app->follow_ups.record_follow_up(next, p.id, visit_on("2026-10-28")).ok());  // exactly 30
  EXPECT_EQ(w.app->follow_ups.record_follow_up(next, p.id, visit_on("2026-10-27")).error().code,
            "DATE_TOO_FAR_BACK");
}

// 补录: a record dated before the day it is entered (China Standard Time) is a late entry — shown
// with both dates in the records and on the timeline; a record of today is not.
TEST(Supervision, LateEntry_FlaggedWithBothDates) {
  TestWorld w(80);
  store::PersonRecord p = unregistered(w);
  AuthedCtx sfs = w.login("sfs_001");
  ASSERT_TRUE(w.app->follow_ups.record_follow_up(sfs, p.id, visit_on("2026-11-25")).ok());
  ASSERT_TRUE(w.app->follow_ups.record_follow_up(sfs, p.id, visit_on("2026-11-26")).ok());
  auto recs = w.app->supervision.records(sfs, p.id);
  ASSERT_TRUE(recs.ok());
  std::int64_t late = 0, today = 0;
  for (const auto& r : recs->pending().items) {
    if (r.kind != "visit" || r.on < "2026-11-25") continue;  // the demo's own visits aside
    auto entered = domain::shanghai_date_from_unix(r.created_at);
    EXPECT_EQ(domain::to_string(entered), "2026-11-26");
    auto on = domain::parse_date(r.on);
    (domain::check::is_late_entry(*on, entered) ? late : today) += 1;
  }
  EXPECT_EQ(late, 1);
  EXPECT_EQ(today, 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'followup.visit' AND "
                     "json_extract(params, '$.late_on') = '2026-11-25' AND json_extract(params, '$.entered_on') = "
                     "'2026-11-26'",
                     {p.id}),
            1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'followup.visit' AND "
                     "json_extract(params, '$.late_on') IS NULL",
                     {p.id}),
            1);
}

// R-REG-1: one registration per release — a second is refused; a correction edits it with a
// required reason, kept in the change record and the timeline.
TEST(Supervision, R_REG_1_SecondRegistrationRefusedCorrectionKeepsItsReason) {
  TestWorld w(80);
  store::PersonRecord p = unregistered(w);
  AuthedCtx sfs = w.login("sfs_001");
  RegistrationInput reg{"2026-11-20", "SF-1", "{}", false};
  ASSERT_TRUE(w.app->supervision.record_registration(sfs, p.id, reg).ok());
  reg.registered_on = "2026-11-21";
  EXPECT_EQ(w.app->supervision.record_registration(sfs, p.id, reg).error().code, "REGISTRATION_EXISTS");

  RegistrationCorrection fix{{"2026-11-19", "SF-2", "{}", true}, "   "};
  auto no_reason = w.app->supervision.correct_registration(sfs, p.id, fix);
  EXPECT_EQ(no_reason.error().code, "FIELD_REQUIRED");
  EXPECT_EQ(no_reason.error().field, "reason");
  fix.reason = "证明书编号录错";
  ASSERT_TRUE(w.app->supervision.correct_registration(sfs, p.id, fix).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM registrations WHERE person_id = ?", {p.id}), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM registrations WHERE person_id = ? AND registered_on = '2026-11-19' AND "
                     "certificate_no = 'SF-2' AND policies_explained = 1",
                     {p.id}),
            1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'registration.corrected' AND "
                     "json_extract(params, '$.reason') = '证明书编号录错'",
                     {p.id}),
            1);
  auto recs = w.app->supervision.records(sfs, p.id);
  ASSERT_TRUE(recs.ok());
  ASSERT_TRUE(recs->pending().registration.has_value());
  EXPECT_EQ(recs->pending().registration->certificate_no, "SF-2");
  // Unchanged: refused; the township of another office cannot reach it.
  EXPECT_EQ(w.app->supervision.correct_registration(sfs, p.id, fix).error().code, "NOTHING_CHANGED");
  AuthedCtx other = w.login("sfs_101");
  EXPECT_EQ(w.app->supervision.correct_registration(other, p.id, fix).error().code, "PERSON_NOT_FOUND");
}

// Records about a released person need the person released and out of custody on their day.
TEST(Supervision, R_PCK_1_RecordsNeedThePersonReleasedAndOutOfCustody) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  CustodyInput d;
  d.kind = "detention";
  d.from_date = "2026-11-20";
  ASSERT_TRUE(w.app->supervision.record_custody(sfs, p.id, d).ok());
  PickupInput pick;
  pick.picked_on = "2026-11-22";
  pick.kind = "family";
  EXPECT_EQ(w.app->supervision.record_pickup(sfs, p.id, pick).error().code, "DATE_IN_CUSTODY");
  FollowUpInput visit;
  visit.held_on = "2026-11-24";
  EXPECT_EQ(w.app->follow_ups.record_follow_up(sfs, p.id, visit).error().code, "DATE_IN_CUSTODY");
  visit.held_on = "2000-01-01";
  EXPECT_EQ(w.app->follow_ups.record_follow_up(sfs, p.id, visit).error().code, "DATE_BEFORE_RELEASE");
  visit.held_on = "2026-11-19";  // the day before the detention
  EXPECT_TRUE(w.app->follow_ups.record_follow_up(sfs, p.id, visit).ok());
  auto view = w.app->persons.read(sfs, p.id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->pending().status, "detained");
}

}  // namespace anbang::app
