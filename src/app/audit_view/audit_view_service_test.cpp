// The audit viewer on a fresh demo database with a fixed clock (2026-11-26): the auditor sees who
// did what to whose record and when, not the personal data — change records keep their field names
// with the values masked, and a search by ID number finds the records without showing the name.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

std::string all_text(const std::vector<store::AuditRecord>& items) {
  std::string out;
  for (const auto& r : items) out += r.object_label + "|" + r.detail + "|" + r.username + "\n";
  return out;
}

}  // namespace

TEST(AuditViewService, ASearchByIdNumberFindsTheRecordsWithoutTheNameOrTheNumber) {
  TestWorld w(30);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  auto read = w.app->persons.read(sfs, p.id);
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(release(w.app->core.access_log(), std::move(read).value()).ok());
  auto unmask = w.app->persons.id_number(sfs, p.id);
  ASSERT_TRUE(unmask.ok());
  ASSERT_TRUE(release(w.app->core.access_log(), std::move(unmask).value()).ok());

  AuthedCtx auditor = w.login("auditor");
  AuditQuery q;
  q.person = *p.id_number;
  q.page_size = 100;
  auto found = w.app->audit.search(auditor, q);
  ASSERT_TRUE(found.ok()) << found.error().code;
  std::set<std::string> actions;
  for (const auto& r : found->first) {
    actions.insert(r.action);
    EXPECT_EQ(r.object_id, p.id);
    EXPECT_EQ(r.object_label, "档案 " + std::to_string(p.id));
  }
  EXPECT_TRUE(actions.count("person_read"));
  EXPECT_TRUE(actions.count("id_unmask"));
  const std::string text = all_text(found->first);
  EXPECT_EQ(text.find(p.name), std::string::npos) << text;
  EXPECT_EQ(text.find(*p.id_number), std::string::npos) << text;
  // By name too, with the same result.
  q.person = p.name;
  auto by_name = w.app->audit.search(auditor, q);
  ASSERT_TRUE(by_name.ok());
  EXPECT_EQ(by_name->second, found->second);
}

TEST(AuditViewService, ChangeRecordsShowFieldNamesWithMaskedValues) {
  TestWorld w(30);
  store::PersonRecord p = w.released_in("500153001");
  domain::PersonInput in;
  in.name = p.name;
  in.gender = p.gender;
  in.ethnic_code = p.ethnic_code;
  in.identity_verified = p.identity_verified;
  in.household_unit_id = p.household_unit_id;
  in.residence_unit_id = p.residence_unit_id;
  in.household_address = p.household_address;
  in.residence_address = "新地址99号";
  in.charge_ids = p.charge_ids;
  in.release_date = p.release_date;
  in.release_kind = p.release_kind;
  in.sentence_type = p.sentence_type;
  in.sentence_months = p.sentence_months;
  in.version = p.version;
  auto updated = w.app->persons.update(w.login("sfs_001"), p.id, in, true);
  ASSERT_TRUE(updated.ok()) << updated.error().code << updated.error().message;

  AuditQuery q;
  q.action = "person_update";
  q.person = *p.id_number;
  auto found = w.app->audit.search(w.login("auditor"), q);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->second, 1);
  const store::AuditRecord& r = found->first[0];
  EXPECT_EQ(r.username, "sfs_001");
  EXPECT_NE(r.detail.find("\"field\":\"residence_address\""), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("\"new\":\"***\""), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find("新地址"), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find(p.residence_address), std::string::npos) << r.detail;
}

TEST(AuditViewService, OnlyAuditorsSearchAndTheQueryIsChecked) {
  TestWorld w(10);
  AuditQuery q;
  EXPECT_EQ(w.app->audit.search(w.login("sfs_001"), q).error().code, "PERMISSION_DENIED");
  AuthedCtx auditor = w.login("auditor");
  q.person = std::string(51, 'a');
  EXPECT_EQ(w.app->audit.search(auditor, q).error().code, "FIELD_TOO_LONG");
  AuditQuery dates;
  dates.from = "2026-02-30";
  EXPECT_EQ(w.app->audit.search(auditor, dates).error().field, "from");
  // The export record's choice of full or masked numbers is visible to the auditor as such.
  ASSERT_TRUE(w.app->persons.export_roster(w.login("sfs_001"), PersonQuery{}).ok());
  AuditQuery exports;
  exports.action = "export";
  auto found = w.app->audit.search(auditor, exports);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->second, 1);
  EXPECT_NE(found->first[0].detail.find("\"id_numbers\":\"full\""), std::string::npos) << found->first[0].detail;
}

}  // namespace anbang::app
