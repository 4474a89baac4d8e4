// R-AID-1..6: the pre-check tables (DOMAIN.md §6). Each row: the facts, the expected result.
#include "domain/assistance.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

CivilDate d(int y, int m, int dd) { return CivilDate{y, m, dd}; }
const LivingStandards kStd{74000, 60000};  // urban 740 yuan, rural 600 yuan a month per person
const CivilDate kOn = d(2026, 11, 26);

Tri cond(const AidPrecheck& p, std::string_view code) {
  for (const auto& c : p.conditions)
    if (c.code == code) return c.state;
  ADD_FAILURE() << "no condition " << code;
  return Tri::unknown;
}

struct IncomeCase {
  const char* name;
  std::optional<std::string> household;
  std::optional<int> size;
  std::optional<std::int64_t> income;
  Tri expected;
};

TEST(Assistance, R_AID_1_per_capita_income_against_the_dated_standard) {
  const IncomeCase cases[] = {
      {"urban, below", "urban", 2, 147998, Tri::met},
      {"urban, equal to the standard is not below", "urban", 2, 148000, Tri::not_met},
      {"urban, one fen below", "urban", 2, 147999, Tri::met},
      {"rural, equal", "rural", 3, 180000, Tri::not_met},
      {"rural, below", "rural", 3, 179999, Tri::met},
      {"rural income above the rural but below the urban standard", "rural", 1, 70000, Tri::not_met},
      {"no income at all", "urban", 1, 0, Tri::met},
      {"household kind unknown", std::nullopt, 2, 1000, Tri::unknown},
      {"family size unknown", "urban", std::nullopt, 1000, Tri::unknown},
      {"income unknown", "urban", 2, std::nullopt, Tri::unknown},
  };
  for (const auto& c : cases) {
    AidFacts f;
    f.household_kind = c.household;
    f.family_size = c.size;
    f.family_income_fen = c.income;
    auto p = precheck(AidKind::dibao, f, std::nullopt, kOn, kStd);
    EXPECT_EQ(p.rule, "R-AID-1");
    EXPECT_EQ(p.overall, c.expected) << c.name;
    EXPECT_EQ(cond(p, "income_below_standard"), c.expected) << c.name;
  }
}

TEST(Assistance, R_AID_1_reports_standard_and_per_capita) {
  AidFacts f;
  f.household_kind = "rural";
  f.family_size = 3;
  f.family_income_fen = 100000;
  auto p = precheck(AidKind::dibao, f, std::nullopt, kOn, kStd);
  EXPECT_EQ(p.standard_fen, 60000);
  EXPECT_EQ(p.per_capita_fen, 33333);
}

struct TekunCase {
  const char* name;
  std::optional<CivilDate> birth;
  std::optional<bool> disabled, able, income, supporter, supporter_able;
  Tri expected;
};

TEST(Assistance, R_AID_2_old_disabled_or_minor_and_no_work_no_income_no_supporter) {
  const auto born60 = d(1966, 11, 26);    // exactly 60 on 2026-11-26
  const auto born59 = d(1966, 11, 27);    // 59 (60 tomorrow)
  const auto born16 = d(2010, 11, 26);    // exactly 16: not under 16
  const auto born15 = d(2010, 11, 27);    // 15
  const auto born40 = d(1986, 1, 1);
  const TekunCase cases[] = {
      {"aged exactly 60, all met", born60, false, false, false, false, std::nullopt, Tri::met},
      {"59 and not disabled", born59, false, false, false, false, std::nullopt, Tri::not_met},
      {"exactly 16 is not under 16", born16, false, false, false, false, std::nullopt, Tri::not_met},
      {"15 is under 16", born15, false, false, false, false, std::nullopt, Tri::met},
      {"40 and disabled", born40, true, false, false, false, std::nullopt, Tri::met},
      {"able to work", born60, false, true, false, false, std::nullopt, Tri::not_met},
      {"has income", born60, false, false, true, false, std::nullopt, Tri::not_met},
      {"a supporter able to support", born60, false, false, false, true, true, Tri::not_met},
      {"a supporter who cannot support", born60, false, false, false, true, false, Tri::met},
      {"a supporter, ability unknown", born60, false, false, false, true, std::nullopt, Tri::unknown},
      {"birth date unknown, not disabled", std::nullopt, false, false, false, false, std::nullopt, Tri::unknown},
      {"birth date unknown, disabled", std::nullopt, true, false, false, false, std::nullopt, Tri::met},
      {"ability to work unknown", born60, false, std::nullopt, false, false, std::nullopt, Tri::unknown},
      {"ability unknown but has income: the AND is not met", born60, false, std::nullopt, true, false,
       std::nullopt, Tri::not_met},
  };
  for (const auto& c : cases) {
    AidFacts f;
    f.disabled = c.disabled;
    f.able_to_work = c.able;
    f.has_income = c.income;
    f.has_supporter = c.supporter;
    f.supporter_able = c.supporter_able;
    auto p = precheck(AidKind::tekun, f, c.birth, kOn, kStd);
    EXPECT_EQ(p.rule, "R-AID-2");
    EXPECT_EQ(p.overall, c.expected) << c.name;
  }
}

TEST(Assistance, R_AID_2_age_conditions_at_the_boundaries) {
  AidFacts f;
  auto p60 = precheck(AidKind::tekun, f, d(1966, 11, 26), kOn, kStd);
  EXPECT_EQ(p60.age, 60);
  EXPECT_EQ(cond(p60, "aged_60"), Tri::met);
  EXPECT_EQ(cond(p60, "under_16"), Tri::not_met);
  auto p16 = precheck(AidKind::tekun, f, d(2010, 11, 26), kOn, kStd);
  EXPECT_EQ(p16.age, 16);
  EXPECT_EQ(cond(p16, "under_16"), Tri::not_met);
  auto p15 = precheck(AidKind::tekun, f, d(2010, 11, 27), kOn, kStd);
  EXPECT_EQ(cond(p15, "under_16"), Tri::met);
  auto none = precheck(AidKind::tekun, f, std::nullopt, kOn, kStd);
  EXPECT_EQ(cond(none, "aged_60"), Tri::unknown);
  EXPECT_EQ(cond(none, "unable_to_work"), Tri::unknown);
  EXPECT_EQ(none.overall, Tri::unknown);
}

struct OrCase {
  const char* name;
  std::optional<bool> a, b, c;
  Tri expected;
};

TEST(Assistance, R_AID_3_dibao_family_tekun_or_other_hardship) {
  const OrCase cases[] = {
      {"低保 family", true, false, false, Tri::met},
      {"特困 person", false, true, false, Tri::met},
      {"other hardship", false, false, true, Tri::met},
      {"none of them", false, false, false, Tri::not_met},
      {"one unknown, others not", false, std::nullopt, false, Tri::unknown},
      {"unknown but one met", std::nullopt, std::nullopt, true, Tri::met},
  };
  for (const auto& c : cases) {
    AidFacts f;
    f.dibao_member = c.a;
    f.tekun_person = c.b;
    f.other_hardship = c.c;
    auto p = precheck(AidKind::medical, f, std::nullopt, kOn, kStd);
    EXPECT_EQ(p.rule, "R-AID-3");
    EXPECT_EQ(p.overall, c.expected) << c.name;
  }
}

TEST(Assistance, R_AID_4_in_education_and_dibao_or_tekun) {
  const OrCase cases[] = {
      {"school and 低保", true, true, false, Tri::met},
      {"school and 特困", true, false, true, Tri::met},
      {"school, neither", true, false, false, Tri::not_met},
      {"not at school", false, true, true, Tri::not_met},
      {"school unknown", std::nullopt, true, false, Tri::unknown},
      {"school, membership unknown", true, std::nullopt, false, Tri::unknown},
  };
  for (const auto& c : cases) {
    AidFacts f;
    f.in_education = c.a;
    f.dibao_member = c.b;
    f.tekun_person = c.c;
    auto p = precheck(AidKind::education, f, std::nullopt, kOn, kStd);
    EXPECT_EQ(p.rule, "R-AID-4");
    EXPECT_EQ(p.overall, c.expected) << c.name;
  }
}

TEST(Assistance, R_AID_5_housing_hardship_and_dibao_or_dispersed_tekun) {
  const OrCase cases[] = {
      {"hardship and 低保", true, true, false, Tri::met},
      {"hardship and dispersed 特困", true, false, true, Tri::met},
      {"hardship, neither", true, false, false, Tri::not_met},
      {"no hardship", false, true, true, Tri::not_met},
      {"hardship unknown", std::nullopt, true, false, Tri::unknown},
  };
  for (const auto& c : cases) {
    AidFacts f;
    f.housing_hardship = c.a;
    f.dibao_member = c.b;
    f.tekun_dispersed = c.c;
    auto p = precheck(AidKind::housing, f, std::nullopt, kOn, kStd);
    EXPECT_EQ(p.rule, "R-AID-5");
    EXPECT_EQ(p.overall, c.expected) << c.name;
  }
}

TEST(Assistance, R_AID_6_a_sudden_event) {
  AidFacts f;
  EXPECT_EQ(precheck(AidKind::temporary, f, std::nullopt, kOn, kStd).overall, Tri::unknown);
  f.sudden_event = false;
  EXPECT_EQ(precheck(AidKind::temporary, f, std::nullopt, kOn, kStd).overall, Tri::not_met);
  f.sudden_event = true;
  f.event_kind = SuddenEvent::fire;
  auto p = precheck(AidKind::temporary, f, std::nullopt, kOn, kStd);
  EXPECT_EQ(p.rule, "R-AID-6");
  EXPECT_EQ(p.overall, Tri::met);
}

TEST(Assistance, R_AID_1_kinds_have_one_code_each) {
  EXPECT_EQ(code(AidKind::tekun), "tekun");
  EXPECT_EQ(parse<AidKind>("temporary"), AidKind::temporary);
  EXPECT_FALSE(parse<AidKind>("bogus").has_value());
  EXPECT_EQ(parse<AidState>("documents_requested"), AidState::documents_requested);
}

}  // namespace
}  // namespace anbang::domain
