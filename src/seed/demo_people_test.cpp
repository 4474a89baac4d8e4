#include "seed/demo_people.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/id_number.hpp"

namespace anbang::seed {
namespace {

using domain::CivilDate;

const CivilDate kToday{2026, 11, 26};

std::vector<DemoArea> areas() {
  return {
      {11, "500153101001", "仁义镇三奇村", 1},     {12, "500153101002", "仁义镇瑶山村", 1},
      {21, "500153001001", "昌元街道玉屏社区", 2}, {22, "500153001002", "昌元街道宝城社区", 2},
      {31, "500153109001", "河包镇石朝门村", 3},
  };
}

const std::vector<DemoPerson>& people() {
  static const std::vector<DemoPerson> kPeople = generate_demo_people(areas(), 2000, kToday, 20261126);
  return kPeople;
}

TEST(DemoPeople, Deterministic) {
  const auto again = generate_demo_people(areas(), 2000, kToday, 20261126);
  ASSERT_EQ(again.size(), people().size());
  for (size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].name, people()[i].name);
    EXPECT_EQ(again[i].id_number, people()[i].id_number);
    EXPECT_EQ(again[i].release_date, people()[i].release_date);
    EXPECT_EQ(again[i].residence_address, people()[i].residence_address);
    EXPECT_EQ(again[i].phone, people()[i].phone);
  }
  const auto other = generate_demo_people(areas(), 20, kToday, 7);
  int same = 0;
  for (size_t i = 0; i < other.size(); ++i) same += other[i].name == people()[i].name ? 1 : 0;
  EXPECT_LT(same, 5);
}

TEST(DemoPeople, SmallerCountIsAPrefix) {
  const auto few = generate_demo_people(areas(), 30, kToday, 20261126);
  ASSERT_EQ(few.size(), 30u);
  for (size_t i = 0; i < few.size(); ++i) EXPECT_EQ(few[i].id_number, people()[i].id_number);
}

TEST(DemoPeople, EmptyInputs) {
  EXPECT_TRUE(generate_demo_people({}, 10, kToday, 1).empty());
  EXPECT_TRUE(generate_demo_people(areas(), 0, kToday, 1).empty());
}

TEST(DemoPeople, IdNumbersValidUniqueAndConsistent) {
  std::set<std::string> ids;
  int without_id = 0;
  for (const DemoPerson& p : people()) {
    if (p.id_number.empty()) {
      EXPECT_FALSE(p.identity_verified);
      ++without_id;
      continue;
    }
    EXPECT_TRUE(p.identity_verified);
    auto info = domain::parse_id_number(p.id_number, kToday);
    ASSERT_TRUE(info.ok()) << p.id_number << " " << info.error().message;
    EXPECT_EQ(info->number, p.id_number);
    EXPECT_EQ(info->gender, p.gender) << p.id_number;
    EXPECT_EQ(info->birth_date, p.birth_date) << p.id_number;
    EXPECT_TRUE(ids.insert(p.id_number).second) << "duplicate " << p.id_number;
  }
  EXPECT_GT(without_id, 2000 * 2 / 100);
  EXPECT_LT(without_id, 2000 * 7 / 100);
}

TEST(DemoPeople, Shares) {
  int male = 0, separated = 0, future = 0, prison = 0, detention = 0, community = 0;
  for (const DemoPerson& p : people()) {
    male += p.gender == "1" ? 1 : 0;
    separated += p.household_unit_id != p.residence_unit_id ? 1 : 0;
    future += p.release_date > kToday ? 1 : 0;
    prison += p.release_kind == "prison" ? 1 : 0;
    detention += p.release_kind == "detention_centre" ? 1 : 0;
    community += p.release_kind == "community_correction" ? 1 : 0;
  }
  EXPECT_NEAR(male / 2000.0, 0.85, 0.03);
  EXPECT_NEAR(separated / 2000.0, 0.12, 0.03);
  EXPECT_NEAR(future / 2000.0, 0.03, 0.015);
  EXPECT_NEAR(prison / 2000.0, 0.70, 0.04);
  EXPECT_NEAR(detention / 2000.0, 0.20, 0.03);
  EXPECT_NEAR(community / 2000.0, 0.10, 0.03);
}

TEST(DemoPeople, FieldsArePlausible) {
  const std::set<std::string> education = {"21", "31", "41", "44", "47", "61", "71", "73", "81", "83", "90"};
  const CivilDate earliest = domain::add_years_clamped(kToday, -6);
  const CivilDate latest = domain::add_days(kToday, 60);
  for (const DemoPerson& p : people()) {
    SCOPED_TRACE(p.name);
    EXPECT_GE(p.name.size(), 6u);  // surname + 1–2 given characters, 3 bytes each
    EXPECT_LE(p.name.size(), 9u);
    EXPECT_TRUE(education.count(p.education_code));
    EXPECT_GE(p.release_date, earliest);
    EXPECT_LE(p.release_date, latest);
    const int age = domain::age_on(p.birth_date, p.release_date);
    EXPECT_GE(age, 18);
    EXPECT_LE(age, 70);
    EXPECT_TRUE(p.sentence_type == "fixed_term" || p.sentence_type == "criminal_detention");
    if (p.sentence_type == "criminal_detention") {
      EXPECT_LE(p.sentence_months, 6);
      EXPECT_NE(p.release_kind, "prison");
    }
    EXPECT_GE(p.sentence_months, 1);
    EXPECT_LE(p.sentence_months, 180);
    if (p.release_kind == "prison" && p.gender == "2") {
      EXPECT_EQ(p.releasing_authority, "重庆市女子监狱");
    }
    EXPECT_FALSE(p.releasing_authority.empty());
    EXPECT_FALSE(p.charge_name.empty());
    EXPECT_FALSE(p.household_address.empty());
    EXPECT_FALSE(p.residence_address.empty());
    if (!p.phone.empty()) {
      EXPECT_EQ(p.phone.size(), 11u);
      EXPECT_EQ(p.phone[0], '1');
      EXPECT_NE(std::string("358").find(p.phone[1]), std::string::npos);
    }
    if (p.identity_verified) {
      EXPECT_FALSE(p.family_contact_name.empty());
      EXPECT_EQ(p.family_contact_phone.size(), 11u);
    }
    const bool in_village = p.household_address.find("村") != std::string::npos;
    EXPECT_EQ(in_village,
              p.household_unit_id == 11 || p.household_unit_id == 12 || p.household_unit_id == 31);
  }
}

// Pins the generator's output so a platform or library difference shows up as a failure.
// Changing the generator on purpose changes these values: update them in the same commit.
TEST(DemoPeople, GoldenFirstPerson) {
  const DemoPerson& p = people()[0];
  EXPECT_EQ(p.name, "刘阳");
  EXPECT_EQ(p.id_number, "500226195905311651");
  EXPECT_EQ(p.release_date, (CivilDate{2022, 7, 18}));
  EXPECT_EQ(p.charge_name, "非法持有毒品罪");
  EXPECT_EQ(p.residence_address, "昌元街道玉屏社区玉屏路299号4单元5-3");
  EXPECT_EQ(p.phone, "15625701289");
}

}  // namespace
}  // namespace anbang::seed
