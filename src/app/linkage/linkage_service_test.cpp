// The linkage service on a fresh demo database with a fixed clock (2026-11-26): the holes of
// issue 7 found from outside stay closed.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

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

}  // namespace

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
