#include "domain/person_rules.hpp"

#include <gtest/gtest.h>

#include "domain/id_number.hpp"

namespace anbang::domain {
namespace {
UnitTree tree() {
  return UnitTree({{1, std::nullopt, "500153", "荣昌区", "district", "", 1, true},
                   {2, 1, "500153001", "昌元街道", "township", "street", 2, true},
                   {3, 2, "500153001001", "一社区", "village", "community", 3, true},
                   {4, 2, "SFS500153001", "昌元街道司法所", "judicial_office", "", 2, true}});
}
CodeLookups codes() {
  return {[](const std::string& c) { return c == "01"; }, [](const std::string& c) { return c == "71"; },
          [](std::int64_t id) { return id == 10; },
          [](CivilDate release, const std::string&) { return add_years_clamped(release, 5); }};
}
PersonInput base() {
  PersonInput in;
  in.name = "张三";
  in.id_number = make_id_number("500153", {1985, 3, 12}, 123);
  in.household_unit_id = 3;
  in.residence_unit_id = 3;
  in.charge_ids = std::vector<std::int64_t>{10};
  in.release_date = "2025-06-01";
  in.release_kind = "prison";
  return in;
}
const CivilDate kToday{2026, 11, 26};
}  // namespace

// R-PER-1: the end date comes from the function the caller hands in (the engine's, with the dated
// policy: rules::assistance_end); no years are fixed here.
TEST(PersonRules, R_PER_1_AssistanceEndFromTheGivenFunction) {
  CodeLookups l = codes();
  std::string kind_seen;
  l.assistance_end = [&](CivilDate release, const std::string& kind) {
    kind_seen = kind;
    return add_years_clamped(release, 2);
  };
  PersonInput in = base();
  in.release_kind = "community_correction";
  auto p = validate_person(in, kToday, tree(), l);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->assistance_end_date, "2027-06-01");
  EXPECT_EQ(kind_seen, "community_correction");
}

TEST(PersonRules, R_PER_1_StatusIsComputedFromDates) {
  EXPECT_EQ(person_status("2026-12-01", "2031-12-01", "2026-11-26"), "in_custody");
  EXPECT_EQ(person_status("2026-11-26", "2031-11-26", "2026-11-26"), "under_assistance");
  EXPECT_EQ(person_status("2021-11-26", "2026-11-26", "2026-11-26"), "ended");  // released on the end date
  EXPECT_EQ(person_status("2021-11-27", "2026-11-27", "2026-11-26"), "under_assistance");
  // A detention after release: 羁押中, not 帮教中; the end of the period still comes first.
  EXPECT_EQ(person_status("2025-11-26", "2030-11-26", "2026-11-26", /*detained=*/true), "detained");
  EXPECT_EQ(person_status("2021-11-26", "2026-11-26", "2026-11-26", /*detained=*/true), "ended");
  EXPECT_EQ(person_status("2026-12-01", "2031-12-01", "2026-11-26", /*detained=*/true), "in_custody");
}

TEST(PersonRules, DerivesBirthDateAndGenderFromTheIdNumber) {
  auto p = validate_person(base(), kToday, tree(), codes());
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->birth_date.value(), "1985-03-12");
  EXPECT_EQ(p->gender, "1");
  EXPECT_EQ(p->assistance_end_date, "2030-06-01");
}

TEST(PersonRules, UnverifiedIdentityNeedsBirthDateAndGender) {
  PersonInput in = base();
  in.id_number.reset();
  EXPECT_EQ(validate_person(in, kToday, tree(), codes()).error().code, "ID_NUMBER_REQUIRED");
  in.identity_verified = false;
  EXPECT_EQ(validate_person(in, kToday, tree(), codes()).error().field, "birth_date");
  in.birth_date = "1980-01-01";
  EXPECT_EQ(validate_person(in, kToday, tree(), codes()).error().field, "gender");
  in.gender = "1";
  EXPECT_TRUE(validate_person(in, kToday, tree(), codes()).ok());
}

TEST(PersonRules, RefusesBadInputWithFieldAndCode) {
  struct Case {
    const char* what;
    std::function<void(PersonInput&)> change;
    const char* code;
    const char* field;
  } cases[] = {
      {"empty name", [](PersonInput& p) { p.name = " "; }, "FIELD_REQUIRED", "name"},
      {"long name", [](PersonInput& p) { p.name = std::string(51 * 3, 'a'); }, "FIELD_TOO_LONG", "name"},
      {"side unit", [](PersonInput& p) { p.residence_unit_id = 4; }, "UNIT_NOT_AREA", "residence_unit_id"},
      {"unknown unit", [](PersonInput& p) { p.household_unit_id = 99; }, "UNIT_UNKNOWN", "household_unit_id"},
      {"district unit", [](PersonInput& p) { p.household_unit_id = 1; }, "UNIT_NOT_AREA",
       "household_unit_id"},
      {"unknown charge", [](PersonInput& p) { p.charge_ids = std::vector<std::int64_t>{11}; },
       "CHARGE_UNKNOWN", "charge_ids"},
      {"no charge", [](PersonInput& p) { p.charge_ids.reset(); }, "FIELD_REQUIRED", "charge_ids"},
      {"female gender", [](PersonInput& p) { p.gender = "2"; }, "GENDER_MISMATCH", "gender"},
      {"other birth", [](PersonInput& p) { p.birth_date = "1985-03-13"; }, "BIRTH_DATE_MISMATCH",
       "birth_date"},
      {"release before birth", [](PersonInput& p) { p.release_date = "1980-01-01"; }, "RELEASE_BEFORE_BIRTH",
       "release_date"},
      {"bad date", [](PersonInput& p) { p.release_date = "2025-02-29"; }, "DATE_INVALID", "release_date"},
      {"bad kind", [](PersonInput& p) { p.release_kind = "parole"; }, "FIELD_VALUE", "release_kind"},
      {"bad ethnic", [](PersonInput& p) { p.ethnic_code = "99"; }, "ETHNIC_UNKNOWN", "ethnic_code"},
      {"bad education", [](PersonInput& p) { p.education_code = "99"; }, "EDUCATION_UNKNOWN",
       "education_code"},
      {"bad sentence", [](PersonInput& p) { p.sentence_months = 601; }, "FIELD_RANGE", "sentence_months"},
      {"bad phone", [](PersonInput& p) { p.phone = "abc"; }, "PHONE_FORMAT", "phone"},
  };
  for (const auto& c : cases) {
    PersonInput in = base();
    c.change(in);
    auto r = validate_person(in, kToday, tree(), codes());
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.error().code, c.code) << c.what;
    EXPECT_EQ(r.error().field, c.field) << c.what;
    EXPECT_FALSE(r.error().message.empty()) << c.what;
  }
}

}  // namespace anbang::domain

namespace anbang::domain {
// Input as people type it: an ID number with full-width digits or spaces inside is the same number;
// a name or address carrying a bidirectional override is refused; a name of spaces is missing.
TEST(PersonRules, NormalisesIdNumbersAndRefusesInvisibleTricks) {
  const std::string id = *base().id_number;  // 18 ASCII characters
  std::string wide;
  for (char c : id.substr(0, 6)) wide += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
  PersonInput in = base();
  in.id_number = wide + " " + id.substr(6, 8) + "\xE3\x80\x80" + id.substr(14);
  auto p = validate_person(in, kToday, tree(), codes());
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->id_number.value(), id);

  in = base();
  in.name = "张\xE2\x80\xAE三";  // U+202E RIGHT-TO-LEFT OVERRIDE
  auto bidi = validate_person(in, kToday, tree(), codes());
  ASSERT_FALSE(bidi.ok());
  EXPECT_EQ(bidi.error().code, "FIELD_FORMAT");
  EXPECT_EQ(bidi.error().field, "name");
  in = base();
  in.household_address = "荣昌区\xE2\x81\xA6昌元街道";  // U+2066 LEFT-TO-RIGHT ISOLATE
  EXPECT_EQ(validate_person(in, kToday, tree(), codes()).error().field, "household_address");

  in = base();
  in.name = "  \xE3\x80\x80 ";
  auto blank = validate_person(in, kToday, tree(), codes());
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, "FIELD_REQUIRED");
}
}  // namespace anbang::domain
