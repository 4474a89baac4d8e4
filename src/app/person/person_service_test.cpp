// The person file on a fresh demo database with a fixed clock (2026-11-26): search, read, create,
// update (a move to another township is a transfer), the full ID number for person:id_full only,
// and one access record per page view.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "domain/id_number.hpp"

namespace anbang::app {
namespace {

// The input that would store `p` again (the edit form's body).
domain::PersonInput input_of(const store::PersonRecord& p) {
  domain::PersonInput in;
  in.name = p.name;
  in.former_names = p.former_names;
  in.gender = p.gender;
  in.ethnic_code = p.ethnic_code;
  in.id_number = p.id_number;
  in.identity_verified = p.identity_verified;
  in.birth_date = p.birth_date;
  in.education_code = p.education_code;
  in.household_unit_id = p.household_unit_id;
  in.household_address = p.household_address;
  in.residence_unit_id = p.residence_unit_id;
  in.residence_address = p.residence_address;
  in.charge_ids = p.charge_ids;
  in.sentence_type = p.sentence_type;
  in.sentence_months = p.sentence_months;
  in.release_date = p.release_date;
  in.release_kind = p.release_kind;
  in.releasing_authority = p.releasing_authority;
  in.family_contact_name = p.family_contact_name;
  in.family_contact_relation = p.family_contact_relation;
  in.family_contact_phone = p.family_contact_phone;
  in.phone = p.phone;
  in.version = p.version;
  return in;
}

std::int64_t unit(TestWorld& w, const std::string& code) {
  return w.scalar("SELECT id FROM units WHERE code = ?", {code});
}

std::int64_t reads(TestWorld& w, const std::string& action, std::int64_t person) {
  return w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = ? AND object_id = ?", {action, person});
}

template <class T>
T released(TestWorld& w, Result<Audited<T>> a) {
  EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().code);
  auto v = release(w.app->core.access_log(), std::move(a).value());
  EXPECT_TRUE(v.ok());
  return std::move(v).value();
}

}  // namespace

TEST(PersonService, SearchFindsByFullIdNumberNameAndPinyinWithinScopeOnly) {
  TestWorld w(60);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  for (const std::string& q : std::vector<std::string>{*p.id_number, p.name, p.id_number->substr(0, 10)}) {
    PersonQuery query;
    query.q = q;
    query.page_size = 100;
    PersonPage page = released(w, w.app->persons.search(sfs, query));
    bool found = false;
    for (const auto& item : page.items) found = found || item.id == p.id;
    EXPECT_TRUE(found) << q;
  }
  // Another township's judicial office finds nothing by the same full number.
  PersonQuery by_id;
  by_id.q = *p.id_number;
  PersonPage other = released(w, w.app->persons.search(w.login("sfs_101"), by_id));
  EXPECT_EQ(other.total, 0);
  EXPECT_GE(w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'person_search'"), 4);
  // Paging and text length are checked in one place (domain/checks).
  PersonQuery bad;
  bad.page_size = 0;
  EXPECT_EQ(w.app->persons.search(sfs, bad).error().code, "FIELD_RANGE");
}

TEST(PersonService, ReadIsAuditedAndOutOfScopeAnswersNotFoundOnRecord) {
  TestWorld w(40);
  store::PersonRecord p = w.released_in("500153001");
  PersonView v = released(w, w.app->persons.read(w.login("sfs_001"), p.id));
  EXPECT_EQ(v.record.id_number, p.id_number);  // the service has it; the HTTP view masks it
  EXPECT_EQ(v.status, "under_assistance");
  EXPECT_EQ(reads(w, "person_read", p.id), 1);
  auto refused = w.app->persons.read(w.login("sfs_101"), p.id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->persons.read(w.login("sfs_101"), 99999999).error().code, "PERSON_NOT_FOUND");
  ASSERT_TRUE(w.app->core.access_log().write(store::AuditRecord{}).ok());  // flush: refusals are queued
  EXPECT_EQ(reads(w, "person_refused", p.id), 1);
}

TEST(PersonService, CreateRefusesADuplicateIdNumberNamingTheUnitAndRecordsTheProbe) {
  TestWorld w(40);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  domain::PersonInput fresh = input_of(p);
  fresh.version.reset();
  fresh.name = "新建甲";
  fresh.id_number = domain::make_id_number("500153", domain::CivilDate{1979, 5, 5}, 913);
  fresh.birth_date.reset();
  fresh.gender.reset();
  auto made = w.app->persons.create(sfs, fresh);
  ASSERT_TRUE(made.ok()) << made.error().code << made.error().message;
  EXPECT_EQ(made->record.name, "新建甲");
  EXPECT_EQ(made->record.birth_date, "1979-05-05");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'person_create' AND object_id = ?", {made->record.id}), 1);

  // The same number from another township: refused, naming where the file is kept, not the person.
  AuthedCtx other = w.login("sfs_101");
  domain::PersonInput dup = fresh;
  dup.household_unit_id = dup.residence_unit_id = unit(w, "500153101001");
  auto refused = w.app->persons.create(other, dup);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PERSON_DUPLICATE_ID");
  EXPECT_EQ(refused.error().message.find("新建甲"), std::string::npos);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'person_duplicate_id' AND username = 'sfs_101'"), 1);
  // A township officer may not create files at all.
  EXPECT_EQ(w.app->persons.create(w.login("zj_001"), fresh).error().code, "PERMISSION_DENIED");
}

// R-JUR-1: editing a file cannot move a place to another township; a village of the same township may change.
TEST(PersonService, R_JUR_1_AnEditCannotMoveTheFileToAnotherTownship) {
  TestWorld w(40);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  domain::PersonInput moved = input_of(p);
  moved.residence_unit_id = unit(w, "500153101001");
  auto refused = w.app->persons.update(sfs, p.id, moved);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "MOVE_NEEDS_TRANSFER");
  EXPECT_EQ(refused.error().field, "residence_unit_id");
  moved = input_of(p);
  moved.household_unit_id = unit(w, "500153101001");
  EXPECT_EQ(w.app->persons.update(sfs, p.id, moved).error().code, "MOVE_NEEDS_TRANSFER");

  // Within the township: fine, with a change record and a timeline entry.
  domain::PersonInput within = input_of(p);
  const std::int64_t village = unit(w, p.residence_unit_id == unit(w, "500153001002") ? "500153001003" : "500153001002");
  within.residence_unit_id = village;
  auto ok = w.app->persons.update(sfs, p.id, within);
  ASSERT_TRUE(ok.ok()) << ok.error().code << ok.error().message;
  EXPECT_EQ(ok->record.residence_unit_id, village);
  EXPECT_EQ(ok->record.version, p.version + 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'person.updated'", {p.id}), 1);
  // The old version again: a conflict.
  EXPECT_EQ(w.app->persons.update(sfs, p.id, within).error().code, "VERSION_CONFLICT");
  // Out of scope: not found, before the body is looked at.
  domain::PersonInput junk;
  junk.version = 1;
  EXPECT_EQ(w.app->persons.update(w.login("sfs_101"), p.id, junk, true).error().code, "PERSON_NOT_FOUND");
}

TEST(PersonService, AnEditWithoutTheIdNumberKeepsTheStoredOne) {
  TestWorld w(40);
  store::PersonRecord p = w.released_in("500153001");
  domain::PersonInput in = input_of(p);
  in.id_number.reset();  // the edit form shows it masked and sends no number
  in.phone = "13922223333";
  auto kept = w.app->persons.update(w.login("sfs_001"), p.id, in, true);
  ASSERT_TRUE(kept.ok()) << kept.error().code << kept.error().message;
  EXPECT_EQ(kept->record.id_number, p.id_number);
  EXPECT_EQ(kept->record.phone, "13922223333");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND id_number = ?", {p.id, *p.id_number}), 1);
}

TEST(PersonService, TheFullIdNumberIsForPersonIdFullOnlyAndEachUnmaskingIsOnRecord) {
  TestWorld w(40);
  store::PersonRecord p = w.released_in("500153001");
  EXPECT_EQ(w.app->persons.id_number(w.login("zj_001"), p.id).error().code, "PERMISSION_DENIED");
  EXPECT_EQ(w.app->persons.id_number(w.login("cj_001_001"), p.id).error().code, "PERMISSION_DENIED");
  EXPECT_EQ(w.app->persons.id_number(w.login("sfs_101"), p.id).error().code, "PERSON_NOT_FOUND");
  AuthedCtx sfs = w.login("sfs_001");
  sfs.view_id = "view-0001";
  for (int i = 0; i < 2; ++i) {
    auto full = released(w, w.app->persons.id_number(sfs, p.id));
    EXPECT_EQ(full, p.id_number);
  }
  EXPECT_EQ(reads(w, "id_unmask", p.id), 2);  // never folded into the page view
  auto district = released(w, w.app->persons.id_number(w.login("qu_abb"), p.id));
  EXPECT_EQ(district, p.id_number);
  // The record's label carries the number masked.
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'id_unmask' AND object_label LIKE ?",
                     {"%" + domain::mask_id_number(*p.id_number)}),
            3);
}

TEST(PersonService, OnlyJudicialAndDistrictOfficersHoldPersonIdFullByDefault) {
  TestWorld w(5);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM permissions WHERE code = 'person:id_full'"), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM roles r JOIN role_permissions rp ON rp.role_id = r.id "
                     "WHERE rp.permission = 'person:id_full' AND r.code IN ('judicial_officer', 'district_officer')"),
            2);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM role_permissions WHERE permission = 'person:id_full'"), 2);
}

TEST(PersonService, OnePageViewIsOneAccessRecordPerFileRead) {
  TestWorld w(40);
  store::PersonRecord p = w.released_in("500153001");
  AuthedCtx sfs = w.login("sfs_001");
  sfs.view_id = "page-view-1";
  released(w, w.app->persons.read(sfs, p.id));
  released(w, w.app->persons.timeline(sfs, p.id));
  released(w, w.app->classification.read(sfs, p.id));
  EXPECT_EQ(reads(w, "person_read", p.id), 1);
  // Another view, the same view of another user, no view: each recorded.
  sfs.view_id = "page-view-2";
  released(w, w.app->persons.timeline(sfs, p.id));
  AuthedCtx district = w.login("qu_abb");
  district.view_id = "page-view-2";
  released(w, w.app->persons.read(district, p.id));
  sfs.view_id.clear();
  released(w, w.app->persons.read(sfs, p.id));
  released(w, w.app->persons.read(sfs, p.id));
  EXPECT_EQ(reads(w, "person_read", p.id), 5);
  // A view covers its file for 30 minutes of its own records' time, not for ever.
  sfs.view_id = "page-view-1";
  sfs.now += AuditWriter::kViewWindowSeconds;
  released(w, w.app->persons.read(sfs, p.id));
  EXPECT_EQ(reads(w, "person_read", p.id), 6);
}

TEST(PersonService, TheRosterExportSaysWhetherItGaveFullIdNumbers) {
  TestWorld w(40);
  PersonQuery q;
  ASSERT_TRUE(w.app->persons.export_roster(w.login("sfs_001"), q).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'export' AND username = 'sfs_001' "
                     "AND json_extract(detail, '$.id_numbers') = 'full'"),
            1);
  // A judicial officer without person:id_full (an administrator's choice) exports them masked.
  AuthedCtx masked = w.login("sfs_101");
  masked.actor.permissions.erase("person:id_full");
  ASSERT_TRUE(w.app->persons.export_roster(masked, q).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit.access_log WHERE action = 'export' AND username = 'sfs_101' "
                     "AND json_extract(detail, '$.id_numbers') = 'masked'"),
            1);
}

}  // namespace anbang::app
