// The linkage service on a fresh demo database with a fixed clock (2026-11-26): the holes of
// issue 7 found from outside stay closed.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "domain/id_number.hpp"

namespace anbang::app {
namespace {

RegistrationFormInput form_for(const store::PersonRecord& p, std::int64_t household_unit) {
  RegistrationFormInput in;
  in.person.name = p.name;
  in.person.id_number = p.id_number;
  in.person.household_unit_id = household_unit;
  in.person.residence_unit_id = household_unit;
  in.person.charge_ids = p.charge_ids;
  in.person.release_date = "2028-03-01";
  in.received_into_custody = "2026-11-16";
  return in;
}

// A registration form the detention centre (kss) sends for a new person of township 500153001.
std::int64_t form_without_notice(TestWorld& w) {
  store::PersonRecord p = w.released_in("500153001");
  RegistrationFormInput in = form_for(p, p.household_unit_id);
  in.person.name = "衔接乙";
  in.person.id_number = domain::make_id_number("500153", domain::CivilDate{1988, 8, 8}, 917);
  in.person.gender = "1";
  in.person.sentence_type = "fixed_term";
  in.person.sentence_months = 24;
  in.person.release_date = "2027-03-01";
  auto form = w.app->linkage.send_registration_form(w.login("kss"), in);
  if (!form.ok()) throw std::runtime_error(form.error().message);
  return form->id;
}

ReleaseNoticeInput notice(std::int64_t form, const std::string& release) {
  ReleaseNoticeInput in;
  in.form_id = form;
  in.release_date = release;
  in.risk_level = "low";
  in.place = "荣昌区看守所";
  return in;
}

}  // namespace

// R-LNK-4: one notice per release; the sender corrects it with a required reason. The first is kept
// (superseded, visible in the document's history); the file follows the correction.
TEST(Linkage, R_LNK_4_ReleaseNoticeCorrectionKeepsTheFirstAndItsReason) {
  TestWorld w(120);
  const std::int64_t form = form_without_notice(w);
  ASSERT_GT(form, 0);
  const std::int64_t person = w.scalar("SELECT person_id FROM documents WHERE id = ?", {form});
  AuthedCtx kss = w.login("kss");
  auto first = w.app->linkage.send_release_notice(kss, notice(form, "2027-03-01"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(w.app->linkage.send_release_notice(kss, notice(form, "2027-03-02")).error().code, "RELEASE_NOTICE_EXISTS");

  AuthedCtx sfs = w.login("sfs_001");
  EXPECT_EQ(w.app->linkage.correct_release_notice(sfs, first->id, notice(form, "2027-03-05"), "写错").error().code,
            "DOCUMENT_NOT_FOUND");
  auto no_reason = w.app->linkage.correct_release_notice(kss, first->id, notice(form, "2027-03-05"), " ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, "FIELD_REQUIRED");
  EXPECT_EQ(no_reason.error().field, "reason");

  ReleaseNoticeInput fixed = notice(form, "2027-03-05");
  fixed.risk_level = "high";
  auto second = w.app->linkage.correct_release_notice(kss, first->id, fixed, "释放日期填错");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->supersedes, first->id);
  EXPECT_EQ(second->correction_reason, "释放日期填错");
  EXPECT_EQ(second->sent_on, first->sent_on);  // the deadlines stay those of the first
  EXPECT_EQ(w.scalar("SELECT superseded_by FROM documents WHERE id = ?", {first->id}), second->id);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND release_date = '2027-03-05'", {person}), 1);
  EXPECT_EQ(w.scalar("SELECT key_subject FROM persons WHERE id = ?", {person}), 1);  // R-CLS-1: high risk
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = "
                     "'document.release_notice_corrected' AND json_extract(params, '$.reason') = '释放日期填错'",
                     {person}),
            1);
  // The replaced one cannot be corrected or answered again.
  EXPECT_EQ(w.app->linkage.correct_release_notice(kss, first->id, fixed, "再改").error().code, "DOCUMENT_SUPERSEDED");
  ReceptionInput answer{"family", "2027-03-05", "", "", ""};
  EXPECT_EQ(w.app->linkage.send_reception(sfs, first->id, answer).error().code, "DOCUMENT_SUPERSEDED");
  ASSERT_TRUE(w.app->linkage.send_reception(sfs, second->id, answer).ok());

  // The history: the corrected notice names the first; the answer is among its replies.
  auto detail = w.app->linkage.document(kss, second->id);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  ASSERT_EQ(detail->pending().history.size(), 1u);
  EXPECT_EQ(detail->pending().history[0].id, first->id);
  ASSERT_EQ(detail->pending().replies.size(), 1u);
  EXPECT_EQ(detail->pending().replies[0].kind, "reception_arrangement");
}

// The custody unit opens the verification feedback and the reception arrangement it received for
// documents it sent (read-only, audited); an office of another township cannot.
TEST(Linkage, R_LNK_2_CustodyUnitOpensTheAnswersItReceived) {
  TestWorld w(120);
  const std::int64_t form = form_without_notice(w);
  ASSERT_GT(form, 0);
  AuthedCtx sfs = w.login("sfs_001");
  VerificationInput v;
  v.false_name = v.false_identity = "cleared";
  v.false_address = "suspected";
  auto feedback = w.app->linkage.send_verification(sfs, form, v);
  ASSERT_TRUE(feedback.ok()) << feedback.error().message;
  AuthedCtx kss = w.login("kss");
  const std::int64_t reads = w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'document_read'");
  auto opened = w.app->linkage.document(kss, feedback->id);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->pending().document.kind, "verification_feedback");
  ASSERT_TRUE(opened->pending().answered.has_value());
  EXPECT_EQ(opened->pending().answered->id, form);
  ASSERT_TRUE(release(w.app->core.access_log(), std::move(opened).value()).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'document_read'"), reads + 1);
  auto sent = w.app->linkage.document(kss, form);
  ASSERT_TRUE(sent.ok());
  ASSERT_EQ(sent->pending().replies.size(), 1u);
  EXPECT_EQ(sent->pending().replies[0].id, feedback->id);
  AuthedCtx other = w.login("sfs_101");
  EXPECT_EQ(w.app->linkage.document(other, feedback->id).error().code, "DOCUMENT_NOT_FOUND");
}

// R-PER-1, R-LNK-1: a form for a person released and under assistance changes nothing until the
// household-registration judicial office confirms it; only that office can, and only once.
TEST(Linkage, R_PER_1_AFormForAReleasedPersonIsAReportUntilConfirmed) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx kss = w.login("kss");
  auto form = w.app->linkage.send_registration_form(kss, form_for(p, p.household_unit_id));
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->person_id, p.id);
  EXPECT_NE(form->data.find("\"new_custody\":true"), std::string::npos);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND release_date = ?", {p.id, p.release_date}), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM assistance_periods WHERE person_id = ?", {p.id}), 0);

  AuthedCtx other = w.login("sfs_101");
  EXPECT_EQ(w.app->linkage.confirm_new_custody(other, form->id).error().code, "DOCUMENT_NOT_FOUND");
  AuthedCtx sfs = w.login("sfs_001");
  ASSERT_TRUE(w.app->linkage.confirm_new_custody(sfs, form->id).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND release_date = '2028-03-01'", {p.id}), 1);
  EXPECT_EQ(w.scalar(
                "SELECT COUNT(*) FROM assistance_periods WHERE person_id = ? AND ended_on = '2026-11-16' "
                   "AND end_reason = 'new_sentence'",
                   {p.id}),
            1);
  EXPECT_EQ(w.app->linkage.confirm_new_custody(sfs, form->id).error().code, "ALREADY_CONFIRMED");
}

// Nothing of a person outside the caller's jurisdiction changes or is shown: a paper form carrying
// such a person's ID number is refused, naming the judicial office that keeps the file.
TEST(Linkage, AMailedFormForAPersonHeldElsewhereIsRefusedNamingTheKeeper) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx other = w.login("sfs_101");
  const std::int64_t docs = w.scalar("SELECT COUNT(*) FROM documents");
  RegistrationFormInput in = form_for(p, w.scalar("SELECT id FROM units WHERE code = '500153101001'"));
  in.person.name = "化名";
  in.via.channel = "mail";
  in.via.sender_name = "重庆市永川监狱";
  in.via.received_on = "2026-11-20";
  auto refused = w.app->linkage.send_registration_form(other, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PERSON_HELD_ELSEWHERE");
  EXPECT_NE(refused.error().message.find("昌元街道司法所"), std::string::npos) << refused.error().message;
  EXPECT_EQ(refused.error().message.find(p.name), std::string::npos);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM documents"), docs);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND release_date = ?", {p.id, p.release_date}), 1);
}

}  // namespace anbang::app
