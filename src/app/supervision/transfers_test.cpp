// Transfers (R-JUR-1) and the R-PCK-1 notification on a fresh demo database with a fixed clock
// (2026-11-26).
#include <gtest/gtest.h>

#include "app/core/guard.hpp"
#include "app/test_support.hpp"

namespace anbang::app {

namespace {
store::PersonRecord person(TestWorld& w, std::int64_t id) {
  AuthedCtx sys = system_context(w.app->core, "test");
  auto rec = transact_value<std::optional<store::PersonRecord>>(
      *w.db, store::TxKind::read, [&](store::Connection& c) { return store::find_person(c, sys.actor.scope, id); });
  if (!rec.ok() || !rec->has_value()) throw std::runtime_error("no person " + std::to_string(id));
  return **rec;
}

// A person of township `code` under assistance with no transfer yet (the demo has a few).
store::PersonRecord untransferred_in(TestWorld& w, const std::string& code) {
  return person(w, w.scalar("SELECT MIN(p.id) FROM persons p JOIN units h ON h.id = p.household_unit_id JOIN units r ON "
                            "r.id = p.residence_unit_id WHERE h.code LIKE ? AND r.code LIKE ? AND p.release_date <= "
                            "'2026-06-01' AND p.assistance_end_date > '2027-06-01' AND NOT EXISTS (SELECT 1 FROM "
                            "transfers x WHERE x.person_id = p.id)",
                            {code + "%", code + "%"}));
}

std::int64_t unit_id(TestWorld& w, const std::string& code) {
  return w.scalar("SELECT id FROM units WHERE code = ?", {code});
}
}  // namespace

// R-JUR-1 / R-KPI-7: a duty that is over keeps the unit that owned it then. After an accepted move of
// the residence, a visit missed before the transfer still names the old village (on the workbench's
// task rows and on the file), while the open visit of the current half-year moves to the new one.
TEST(Transfers, R_JUR_1_AMissedVisitBeforeTheTransferStillNamesTheOldVillage) {
  TestWorld w(300);
  const std::int64_t id = w.scalar(
      "SELECT MIN(p.id) FROM tasks t JOIN persons p ON p.id = t.person_id JOIN units r ON r.id = "
      "p.residence_unit_id JOIN units h ON h.id = p.household_unit_id WHERE t.rule = 'R-VIS-1' AND t.state = "
      "'missed' AND r.code NOT LIKE '500153101%' AND h.code NOT LIKE '500153101%' AND p.assistance_end_date > "
      "'2027-06-01' AND NOT EXISTS (SELECT 1 FROM transfers x WHERE x.person_id = p.id)");
  ASSERT_GT(id, 0);
  const store::PersonRecord p = person(w, id);
  const std::int64_t old_village = p.residence_unit_id;
  // Task rows are rewritten on each refresh: the missed visit is found again by its key.
  const std::int64_t missed_due = w.scalar(
      "SELECT MIN(CAST(replace(due, '-', '') AS INTEGER)) FROM tasks WHERE person_id = ? AND rule = 'R-VIS-1' AND "
      "state = 'missed'",
      {id});
  const std::int64_t new_village = unit_id(w, "500153101001");
  ASSERT_GT(new_village, 0);

  AuthedCtx sfs = w.login("qu_abb");  // the district office: any township
  TransferInput in;
  in.to_unit_id = new_village;
  in.reason = "迁居";
  auto t = w.app->supervision.request_transfer(sfs, id, in);
  ASSERT_TRUE(t.ok()) << t.error().message;
  auto accepted = w.app->supervision.decide_transfer(w.login("sfs_101"), t->id, true, "");
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;

  // The stored row of the missed visit: still the old village.
  EXPECT_EQ(w.scalar("SELECT unit_id FROM tasks WHERE person_id = ? AND rule = 'R-VIS-1' AND state = 'missed' AND "
                     "CAST(replace(due, '-', '') AS INTEGER) = ?",
                     {id, missed_due}),
            old_village);
  // The current half-year's visit (open, due 2026-12-31) now belongs to the new village.
  EXPECT_EQ(w.scalar("SELECT unit_id FROM tasks WHERE person_id = ? AND rule = 'R-VIS-1' AND due = '2026-12-31'", {id}),
            new_village);
  // The file says the same (computed live).
  auto tasks = w.app->obligations.read_person_tasks(sfs, id);
  ASSERT_TRUE(tasks.ok());
  int missed = 0;
  for (const auto& pt : tasks->pending()) {
    if (pt.state == "missed" && pt.task.rule == "R-VIS-1") {
      EXPECT_EQ(pt.unit_id, old_village) << pt.task.key;
      ++missed;
    }
    if (pt.state == "open" && pt.task.rule == "R-VIS-1") {
      EXPECT_EQ(pt.unit_id, new_village) << pt.task.key;
    }
  }
  EXPECT_GT(missed, 0);
}

// Withdrawal: only the sending side, only while pending; state withdrawn, on the timeline.
TEST(Transfers, R_JUR_1_TheSendingSideWithdrawsAPendingTransfer) {
  TestWorld w(300);
  store::PersonRecord p = untransferred_in(w, "500153001");
  AuthedCtx sfs = w.login("sfs_001");
  TransferInput in;
  in.to_unit_id = unit_id(w, "500153101001");
  in.reason = "迁居";
  auto t = w.app->supervision.request_transfer(sfs, p.id, in);
  ASSERT_TRUE(t.ok()) << t.error().message;
  // The receiving side cannot withdraw it (nor learn of it this way).
  EXPECT_EQ(w.app->supervision.withdraw_transfer(w.login("sfs_101"), t->id, "").error().code, "TRANSFER_NOT_FOUND");
  auto withdrawn = w.app->supervision.withdraw_transfer(sfs, t->id, "本人不再迁居");
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().message;
  EXPECT_EQ(withdrawn->state, "withdrawn");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM transfers WHERE id = ? AND state = 'withdrawn'", {t->id}), 1);
  // Decided now: neither a second withdrawal nor the receiver's acceptance.
  EXPECT_EQ(w.app->supervision.withdraw_transfer(sfs, t->id, "").error().code, "TRANSFER_DECIDED");
  EXPECT_EQ(w.app->supervision.decide_transfer(w.login("sfs_101"), t->id, true, "").error().code,
            "TRANSFER_DECIDED");
  EXPECT_EQ(person(w, p.id).residence_unit_id, p.residence_unit_id);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'transfer.withdrawn'", {p.id}), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'transfer_withdraw'"), 1);
  // A new request is possible again.
  EXPECT_TRUE(w.app->supervision.request_transfer(sfs, p.id, in).ok());
}

// A move of the household registration asks for the new address, applied when accepted.
TEST(Transfers, R_JUR_1_AHouseholdMoveNeedsTheNewAddressAppliedOnAcceptance) {
  TestWorld w(300);
  store::PersonRecord p = untransferred_in(w, "500153001");
  AuthedCtx sfs = w.login("sfs_001");
  TransferInput in;
  in.kind = "household";
  in.to_unit_id = unit_id(w, "500153101001");
  in.reason = "户口迁移";
  auto refused = w.app->supervision.request_transfer(sfs, p.id, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "FIELD_REQUIRED");
  EXPECT_EQ(refused.error().field, "new_address");
  in.new_address = "重庆市荣昌区仁义镇新街12号";
  auto t = w.app->supervision.request_transfer(sfs, p.id, in);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(person(w, p.id).household_address, p.household_address);  // nothing moves before acceptance
  ASSERT_TRUE(w.app->supervision.decide_transfer(w.login("sfs_101"), t->id, true, "").ok());
  store::PersonRecord after = person(w, p.id);
  EXPECT_EQ(after.household_unit_id, in.to_unit_id);
  EXPECT_EQ(after.household_address, "重庆市荣昌区仁义镇新街12号");
}

// R-PCK-1: the household-registration judicial office notifies the township and the police station
// before a key subject's release; the task closes once both were notified, and the police station
// sees the person on its list of coming releases with the notification's state.
TEST(Transfers, R_PCK_1_NotificationClosesTheTaskAndShowsOnThePoliceList) {
  TestWorld w(600);
  const std::int64_t id = w.scalar(
      "SELECT MIN(t.person_id) FROM tasks t WHERE t.task_key LIKE '%/R-PCK-1/notice' AND t.state = 'open' AND "
      "NOT EXISTS (SELECT 1 FROM release_notifications n WHERE n.person_id = t.person_id)");
  ASSERT_GT(id, 0);
  const store::PersonRecord p = person(w, id);
  const std::string town = std::to_string(w.scalar(
      "SELECT CAST(substr(code, 7, 3) AS INTEGER) FROM units WHERE id = ?", {p.household_unit_id}));
  const std::string sfx = std::string(3 - town.size(), '0') + town;
  AuthedCtx sfs = w.login("sfs_" + sfx);
  AuthedCtx pcs = w.login("pcs_" + sfx);
  auto state = [&] {
    return w.scalar("SELECT COUNT(*) FROM tasks WHERE person_id = ? AND task_key LIKE '%/R-PCK-1/notice' AND state = 'done'",
                    {id});
  };
  auto listed = [&]() -> std::optional<UpcomingRelease> {
    auto list = w.app->supervision.upcoming_releases(pcs);
    EXPECT_TRUE(list.ok());
    for (const auto& u : list->pending()) {
      if (u.person_id == id) return u;
    }
    return std::nullopt;
  };
  auto before = listed();
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->task_state, "open");
  EXPECT_FALSE(before->police_notified_on.has_value());

  ReleaseNotificationInput in{"2026-11-20", "phone", "派出所李警官", "", {"police_station"}};
  // Only the household-registration office notifies; the police cannot (no permission).
  EXPECT_FALSE(w.app->supervision.record_release_notification(pcs, id, in).ok());
  auto rows = w.app->supervision.record_release_notification(sfs, id, in);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(state(), 0);  // the township still to notify
  in.recipients = {"township"};
  in.notified_on = "2026-11-25";
  ASSERT_TRUE(w.app->supervision.record_release_notification(sfs, id, in).ok());
  EXPECT_EQ(state(), 1);
  auto after = listed();
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->task_state, "done");
  EXPECT_EQ(after->police_notified_on, "2026-11-20");
  EXPECT_EQ(after->township_notified_on, "2026-11-25");
  // On the file: both rows, who notified whom.
  auto file = w.app->supervision.release_notifications(w.login("zj_" + sfx), id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->pending().size(), 2u);
  // A date after today is refused; so is an unknown recipient.
  in.notified_on = "2026-11-27";
  EXPECT_EQ(w.app->supervision.record_release_notification(sfs, id, in).error().code, "DATE_IN_FUTURE");
  in.notified_on = "2026-11-25";
  in.recipients = {"village"};
  EXPECT_EQ(w.app->supervision.record_release_notification(sfs, id, in).error().code, "FIELD_VALUE");
}

}  // namespace anbang::app
