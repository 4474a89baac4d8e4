// Warnings and re-offending (R-WRN-1, R-PER-1), going out for work (R-OUT-1) and the pick-up details
// (R-PCK-1/2) through the use-case layer on a fresh demo database (today 2026-11-26).
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "store/obligation_repo.hpp"
#include "store/warning_repo.hpp"

namespace anbang::app {

namespace {

// A general subject of township `code` under assistance, not detained, whereabouts known, with no
// follow-ups, pick-ups or outings of its own (the test adds what it needs).
store::PersonRecord general_in(TestWorld& w, const std::string& code, int nth = 0) {
  std::int64_t id = w.scalar(
      "SELECT p.id FROM persons p JOIN units h ON h.id = p.household_unit_id JOIN units r ON r.id = "
      "p.residence_unit_id WHERE h.code LIKE ? AND r.code LIKE ? AND p.key_subject = 0 AND p.whereabouts_unknown = 0 "
      "AND p.release_kind <> 'community_correction' AND p.release_date <= '2026-06-01' AND p.assistance_end_date > '2027-06-01' AND NOT EXISTS (SELECT 1 FROM "
      "custody_intervals c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 1 OFFSET ?",
      {code + "%", code + "%", std::int64_t{nth}});
  auto s = w.db->transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    for (const char* sql : {"DELETE FROM follow_ups WHERE person_id = ?", "DELETE FROM pickups WHERE person_id = ?"}) {
      if (auto n = c.exec(sql, {id}); !n.ok()) return n.error();
    }
    return w.app->core.run_consequences(c, system_context(w.app->core, "test"), id);  // tasks as the records now say
  });
  EXPECT_TRUE(s.ok());
  AuthedCtx sys = system_context(w.app->core, "test");
  auto rec = transact_value<std::optional<store::PersonRecord>>(
      *w.db, store::TxKind::read, [&](store::Connection& c) { return store::find_person(c, sys.actor.scope, id); });
  if (!rec.ok() || !rec->has_value()) throw std::runtime_error("no general subject in " + code);
  return **rec;
}

WarningInput warning_on(const std::string& day) {
  WarningInput in;
  in.sign_kind = "threat";
  in.signs = "酒后扬言报复原被害人";
  in.observed_on = day;
  in.measures = "村干部上门谈心，家属加强看护";
  return in;
}

bool is_key(TestWorld& w, std::int64_t id) { return w.scalar("SELECT key_subject FROM persons WHERE id = ?", {id}) == 1; }

std::int64_t charge_id(TestWorld& w) { return w.scalar("SELECT MIN(id) FROM charges WHERE chapter <> 1"); }

ReoffenceInput reoffence(TestWorld& w) {
  ReoffenceInput in;
  in.offence_on = "2026-11-10";
  in.custody_on = "2026-11-12";
  in.charge_id = charge_id(w);
  in.authority = "荣昌区公安局";
  in.expected_release_date = "2028-11-11";
  return in;
}

}  // namespace

// R-WRN-1 with R-CLS-1/3: a warning makes the person a key subject with the warning as the reason;
// the police station of the residence township sees it on its workbench; lifting it ends the reason.
TEST(Warnings, R_WRN_1_WarningMakesKeySubjectAndReachesTheStation) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx zj = w.login("zj_001"), pcs = w.login("pcs_001"), pcs2 = w.login("pcs_002");
  ASSERT_FALSE(is_key(w, p.id));
  auto id = w.app->warnings.record_warning(zj, p.id, warning_on("2026-11-20"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(is_key(w, p.id));
  auto cls = w.app->classification.read(zj, p.id);
  ASSERT_TRUE(cls.ok());
  ASSERT_EQ(cls->pending().reasons.size(), 1u);
  EXPECT_EQ(cls->pending().reasons[0].criterion, "reoffending_tendency");
  EXPECT_EQ(cls->pending().reasons[0].source, "warning:" + std::to_string(*id));
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM class_history WHERE person_id = ? AND code = 'class.key'", {p.id}), 1);
  // The station of the residence township (pcs_001), not another township's.
  auto board = w.app->warnings.police_board(pcs);
  ASSERT_TRUE(board.ok());
  bool seen = false;
  for (const auto& x : board->pending().warnings) seen = seen || x.id == *id;
  EXPECT_TRUE(seen);
  bool listed = false;
  for (const auto& k : board->pending().key_subjects) listed = listed || k.person_id == p.id;
  EXPECT_TRUE(listed);
  auto other = w.app->warnings.police_board(pcs2);
  ASSERT_TRUE(other.ok());
  for (const auto& x : other->pending().warnings) EXPECT_NE(x.id, *id);
  // The notice: once, not before the observation, with the receiving officer.
  EXPECT_EQ(w.app->warnings.record_notice(zj, p.id, *id, {"2026-11-19", "王警官"}).error().code, "DATE_ORDER");
  EXPECT_EQ(w.app->warnings.record_notice(zj, p.id, *id, {"2026-11-21", ""}).error().code, "FIELD_REQUIRED");
  ASSERT_TRUE(w.app->warnings.record_notice(zj, p.id, *id, {"2026-11-21", "王警官"}).ok());
  EXPECT_EQ(w.app->warnings.record_notice(zj, p.id, *id, {"2026-11-22", "王警官"}).error().code, "WARNING_NOTIFIED");
  // Lifted (a later review found no tendency): general again, the warning stays on the file.
  EXPECT_EQ(w.app->warnings.lift_warning(zj, p.id, *id, {"2026-11-25", ""}).error().code, "FIELD_REQUIRED");
  ASSERT_TRUE(w.app->warnings.lift_warning(zj, p.id, *id, {"2026-11-25", "全面考察未发现重新犯罪倾向"}).ok());
  EXPECT_FALSE(is_key(w, p.id));
  EXPECT_EQ(w.app->warnings.lift_warning(zj, p.id, *id, {"2026-11-25", "再次"}).error().code, "WARNING_LIFTED");
  auto file = w.app->warnings.person_warnings(zj, p.id);
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->pending().warnings.size(), 1u);
  EXPECT_EQ(file->pending().warnings[0].state, "lifted");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code LIKE 'warning.%'", {p.id}), 3);
}

// R-WRN-1: who may report, and what a report must say.
TEST(Warnings, R_WRN_1_RefusalsAndBadInput) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx zj2 = w.login("zj_002"), kss = w.login("kss"), zj = w.login("zj_001");
  EXPECT_EQ(w.app->warnings.record_warning(zj2, p.id, warning_on("2026-11-20")).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->warnings.record_warning(kss, p.id, warning_on("2026-11-20")).error().code, "PERMISSION_DENIED");
  WarningInput bad = warning_on("2026-11-20");
  bad.sign_kind = "rumour";
  EXPECT_EQ(w.app->warnings.record_warning(zj, p.id, bad).error().field, "sign_kind");
  EXPECT_EQ(w.app->warnings.record_warning(zj, p.id, warning_on("2026-11-27")).error().code, "DATE_IN_FUTURE");
  WarningInput notified = warning_on("2026-11-20");
  notified.notified_on = "2026-11-21";
  EXPECT_EQ(w.app->warnings.record_warning(zj, p.id, notified).error().field, "notified_officer");
  EXPECT_FALSE(is_key(w, p.id));  // nothing was recorded
}

// R-PER-1 with R-WRN-1: a re-offence ends the assistance period through the new sentence and is kept
// as its own record with the period it fell in (the re-offending rate counts it).
TEST(Warnings, R_PER_1_ReoffenceEndsPeriod) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx pcs = w.login("pcs_001"), zj = w.login("zj_001");
  EXPECT_EQ(w.app->warnings.record_reoffence(zj, p.id, reoffence(w)).error().code, "PERMISSION_DENIED");
  ReoffenceInput bad = reoffence(w);
  bad.charge_id = 999999;
  EXPECT_EQ(w.app->warnings.record_reoffence(pcs, p.id, bad).error().code, "CHARGE_NOT_FOUND");
  bad = reoffence(w);
  bad.custody_on = "2026-11-09";
  EXPECT_EQ(w.app->warnings.record_reoffence(pcs, p.id, bad).error().field, "custody_on");
  bad = reoffence(w);
  bad.offence_on = "2020-01-01";
  EXPECT_EQ(w.app->warnings.record_reoffence(pcs, p.id, bad).error().code, "OFFENCE_BEFORE_RELEASE");
  auto id = w.app->warnings.record_reoffence(pcs, p.id, reoffence(w));
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto periods = w.app->supervision.periods(pcs, p.id);
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->pending().earlier.size(), 1u);
  EXPECT_EQ(periods->pending().earlier[0].release_date, p.release_date);
  EXPECT_EQ(periods->pending().earlier[0].ended_on, std::optional<std::string>("2026-11-12"));
  EXPECT_EQ(periods->pending().earlier[0].end_reason, "new_sentence");
  EXPECT_EQ(periods->pending().current.release_date, "2028-11-11");
  // One way of ending a period: the custody record of kind new_sentence, linked from the re-offence.
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM custody_intervals WHERE person_id = ? AND kind = 'new_sentence'", {p.id}), 1);
  EXPECT_EQ(w.scalar("SELECT custody_id FROM reoffences WHERE id = ?", {*id}),
            w.scalar("SELECT id FROM custody_intervals WHERE person_id = ? AND kind = 'new_sentence'", {p.id}));
  auto file = w.app->warnings.person_warnings(pcs, p.id);
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->pending().reoffences.size(), 1u);
  EXPECT_EQ(file->pending().reoffences[0].period_release_date, p.release_date);
  EXPECT_TRUE(file->pending().reoffences[0].in_period);
  auto rate = transact_value<std::int64_t>(*w.db, store::TxKind::read, [&](store::Connection& c) {
    return store::count_reoffenders(c, pcs.actor.scope, "2026-01-01", "2026-12-31");
  });
  ASSERT_TRUE(rate.ok());
  EXPECT_GE(*rate, 1);
  // In custody for the new sentence now: a second re-offence of the same custody is refused.
  EXPECT_EQ(w.app->warnings.record_reoffence(pcs, p.id, reoffence(w)).error().code, "OFFENCE_BEFORE_RELEASE");
}

// R-OUT-1: the destination township's judicial office is notified (its list) and may record visits
// only while the outing is active; nothing else of the file widens.
TEST(Outings, R_OUT_1_DestinationOfficeVisitsOnlyWhileActive) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx sfs = w.login("sfs_001"), sfs2 = w.login("sfs_002"), sfs3 = w.login("sfs_003");
  std::int64_t town2 = w.scalar("SELECT id FROM units WHERE code = '500153002'");
  OutingInput in;
  in.destination_unit_id = town2;
  in.employer = "昌州建筑公司";
  in.phone = "13800000001";
  in.left_on = "2026-11-01";
  in.expected_return = "2027-02-01";
  FollowUpInput visit;
  visit.held_on = "2026-11-20";
  visit.form = "到务工地走访";
  EXPECT_EQ(w.app->follow_ups.record_follow_up(sfs2, p.id, visit).error().code, "PERSON_NOT_FOUND");
  auto id = w.app->outings.record_outing(sfs, p.id, in);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(w.app->outings.record_outing(sfs, p.id, in).error().code, "OUTING_OPEN");
  auto incoming = w.app->outings.incoming(sfs2);
  ASSERT_TRUE(incoming.ok());
  ASSERT_FALSE(incoming->pending().empty());
  EXPECT_EQ(incoming->pending().front().id, *id);
  auto none = w.app->outings.incoming(sfs3);
  ASSERT_TRUE(none.ok());
  for (const auto& o : none->pending()) EXPECT_NE(o.id, *id);
  // The destination office: the visit and the file's header, nothing else.
  EXPECT_TRUE(w.app->follow_ups.record_follow_up(sfs2, p.id, visit).ok());
  EXPECT_TRUE(w.app->persons.read(sfs2, p.id).ok());
  EXPECT_EQ(w.app->persons.timeline(sfs2, p.id).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->outings.person_outings(sfs2, p.id).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->warnings.record_warning(sfs2, p.id, warning_on("2026-11-20")).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->follow_ups.record_follow_up(sfs3, p.id, visit).error().code, "PERSON_NOT_FOUND");
  // The visit fulfils the person's half-year visit like any other.
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM tasks WHERE person_id = ? AND rule = 'R-VIS-1' AND task_key LIKE "
                     "'%2026H2' AND state = 'done'",
                     {p.id}),
            1);
  // Returned: the record ends, and so does the reach.
  EXPECT_EQ(w.app->outings.record_return(sfs, p.id, *id, "2026-10-31").error().code, "DATE_ORDER");
  ASSERT_TRUE(w.app->outings.record_return(sfs, p.id, *id, "2026-11-24").ok());
  EXPECT_EQ(w.app->outings.record_return(sfs, p.id, *id, "2026-11-25").error().code, "OUTING_RETURNED");
  EXPECT_EQ(w.app->follow_ups.record_follow_up(sfs2, p.id, visit).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->persons.read(sfs2, p.id).error().code, "PERSON_NOT_FOUND");
}

// R-OUT-1 with R-LOST-1: an outing expected back more than lost_contact_days ago without news is on
// the 脱管 list with reason outing_overdue; the return takes it off.
TEST(Outings, R_OUT_1_OverdueReturnIsALostRisk) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx sfs = w.login("sfs_001");
  OutingInput in;
  in.division_code = "440306";
  in.address = "广东省深圳市宝安区某电子厂";
  in.contact = "李厂长";
  in.phone = "13800000002";
  in.left_on = "2026-08-30";
  in.expected_return = "2026-10-20";  // 37 days before today
  auto id = w.app->outings.record_outing(sfs, p.id, in);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto reason_of = [&]() -> std::string {
    auto list = w.app->obligations.supervision_list(sfs, "lost");
    EXPECT_TRUE(list.ok());
    for (const auto& r : list->pending())
      if (r.person_id == p.id) return r.reason + "/" + r.due.value_or("");
    return "";
  };
  EXPECT_EQ(reason_of(), "outing_overdue/2026-10-20");
  ASSERT_TRUE(w.app->outings.record_return(sfs, p.id, *id, "2026-11-25").ok());
  // Back: the outing is no longer a reason (the half-year visit this test removed still is).
  EXPECT_EQ(reason_of().rfind("follow_up_overdue/", 0), 0u) << reason_of();
}

// R-OUT-1: the destination is a unit of the district or an address elsewhere with its division code.
TEST(Outings, R_OUT_1_BadDestinations) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx sfs = w.login("sfs_001"), pcs = w.login("pcs_001");
  OutingInput in;
  in.employer = "某公司";
  in.phone = "13800000003";
  in.left_on = "2026-11-01";
  in.expected_return = "2027-01-01";
  in.division_code = "990101";
  in.address = "某地";
  EXPECT_EQ(w.app->outings.record_outing(sfs, p.id, in).error().code, "DIVISION_CODE");
  in.division_code = "500153";
  EXPECT_EQ(w.app->outings.record_outing(sfs, p.id, in).error().code, "DESTINATION_IN_DISTRICT");
  in.division_code = "";
  in.destination_unit_id = w.scalar("SELECT id FROM units WHERE code = '500153001'");
  EXPECT_EQ(w.app->outings.record_outing(sfs, p.id, in).error().code, "DESTINATION_SAME_TOWNSHIP");
  in.destination_unit_id = w.scalar("SELECT id FROM units WHERE code = 'PCS500153002'");
  EXPECT_EQ(w.app->outings.record_outing(sfs, p.id, in).error().code, "DESTINATION_NOT_FOUND");
  in.destination_unit_id = w.scalar("SELECT id FROM units WHERE code = '500153002'");
  in.expected_return = "2026-11-01";
  EXPECT_EQ(w.app->outings.record_outing(sfs, p.id, in).error().code, "DATE_ORDER");
  in.expected_return = "2027-01-01";
  EXPECT_EQ(w.app->outings.record_outing(pcs, p.id, in).error().code, "PERMISSION_DENIED");
}

// R-PCK-1/2: a failed pick-up (the person not met) is recorded with what was done next and does not
// fulfil the pick-up task; a pick-up that met the person does.
TEST(Pickups, R_PCK_1_FailedPickupDoesNotFulfil) {
  TestWorld w(80);
  store::PersonRecord p = general_in(w, "500153001");
  AuthedCtx zj = w.login("zj_001");
  auto state = [&]() {
    return w.scalar("SELECT COUNT(*) FROM tasks WHERE person_id = ? AND rule IN ('R-PCK-1','R-PCK-2') AND task_key "
                    "NOT LIKE '%notice' AND state = 'done'",
                    {p.id});
  };
  ASSERT_EQ(state(), 0);
  PickupInput failed;
  failed.picked_on = "2026-11-20";
  failed.kind = "family";
  failed.place = "重庆市永川监狱";
  failed.outcome = "not_met";
  EXPECT_EQ(w.app->supervision.record_pickup(zj, p.id, failed).error().field, "next_steps");
  failed.next_steps = "联系监狱核实，已通知家属和派出所查找";
  ASSERT_TRUE(w.app->supervision.record_pickup(zj, p.id, failed).ok());
  EXPECT_EQ(state(), 0);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'pickup.failed'", {p.id}), 1);
  PickupInput met;
  met.picked_on = "2026-11-21";
  met.kind = "family";
  met.place = "重庆市永川监狱";
  met.party = {{"张某", "父亲", "family_member"}, {"李某", "村委会", "village_representative"}};
  met.vehicle = "渝B12345";
  met.picked_at = "09:30";
  met.handover_signed = true;
  met.handover_by = "狱政科王某";
  ASSERT_TRUE(w.app->supervision.record_pickup(zj, p.id, met).ok());
  EXPECT_EQ(state(), 1) << w.scalar("SELECT COUNT(*) FROM tasks WHERE person_id = ? AND rule LIKE 'R-PCK%'", {p.id});
  EXPECT_EQ(w.scalar("SELECT headcount FROM pickups WHERE person_id = ? AND outcome = 'met'", {p.id}), 2);
  auto records = w.app->supervision.records(zj, p.id);
  ASSERT_TRUE(records.ok());
  bool detailed = false;
  for (const auto& r : records->pending().items)
    detailed = detailed || (r.kind == "pickup" && r.data.find("渝B12345") != std::string::npos &&
                            r.data.find("\"handover_signed\":true") != std::string::npos);
  EXPECT_TRUE(detailed);
}

// R-PCK-1/2: the party's roles follow the class — comprehensive governance, police and judicial
// staff for a key subject; family members and a village representative for a general subject.
TEST(Pickups, R_PCK_2_PartyRolesPerClass) {
  TestWorld w(200);
  store::PersonRecord general = general_in(w, "500153001"), key = general_in(w, "500153001", 1);
  AuthedCtx zj = w.login("zj_001");
  ASSERT_TRUE(w.app->warnings.record_warning(zj, key.id, warning_on("2026-11-10")).ok());
  ASSERT_TRUE(is_key(w, key.id));
  PickupInput in;
  in.picked_on = "2026-11-20";
  in.kind = "township_team";
  in.party = {{"赵某", "昌元派出所", "police"}};
  EXPECT_EQ(w.app->supervision.record_pickup(zj, general.id, in).error().code, "PICKUP_ROLE_FOR_CLASS");
  EXPECT_TRUE(w.app->supervision.record_pickup(zj, key.id, in).ok());
  in.kind = "family";
  in.party = {{"张某", "母亲", "family_member"}};
  EXPECT_EQ(w.app->supervision.record_pickup(zj, key.id, in).error().code, "PICKUP_ROLE_FOR_CLASS");
  EXPECT_TRUE(w.app->supervision.record_pickup(zj, general.id, in).ok());
  in.party = {{"张某", "母亲", "chauffeur"}};
  EXPECT_EQ(w.app->supervision.record_pickup(zj, general.id, in).error().field, "party");
  in.party = {{"张某", "母亲", "family_member"}, {"王某", "村委会", "village_representative"}};
  in.headcount = 1;
  EXPECT_EQ(w.app->supervision.record_pickup(zj, general.id, in).error().code, "PICKUP_HEADCOUNT");
  in.headcount = 3;
  in.picked_at = "25:00";
  EXPECT_EQ(w.app->supervision.record_pickup(zj, general.id, in).error().field, "picked_at");
}

}  // namespace anbang::app
