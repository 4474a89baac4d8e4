// Social assistance (社会救助, DOMAIN.md §6, §2.4.1): the kinds of application (R-AID-1..6), the facts
// an application states, and the pre-check — per kind, each condition met / not met / unknown from
// what is known. Advice only: the deciding department decides. Pure: no I/O, no clock (the
// application's date, the person's birth date and the minimum living standards in force on that
// date are inputs).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.hpp"
#include "domain/kinds.hpp"

namespace anbang::domain {

// R-AID-1 低保, R-AID-2 特困供养, R-AID-3 医疗救助, R-AID-4 教育救助, R-AID-5 住房救助, R-AID-6 临时救助.
enum class AidKind { dibao, tekun, medical, education, housing, temporary };

// Where an application goes: the household-registration township (R-JUR-1, its civil-affairs
// office), a department, or a school (decided through the education department).
enum class AidAddressee { township, department, school };

// The state of an application: referred (waiting for a first answer), accepted, documents
// requested, granted, refused (the last two are decisions).
enum class AidState { referred, accepted, documents_requested, granted, refused };

// The kinds of sudden event of R-AID-6.
enum class SuddenEvent { fire, traffic_accident, serious_illness, necessary_spending, other };

template <>
struct CodeTable<AidKind> {
  static constexpr std::array<std::pair<AidKind, std::string_view>, 6> codes{{
      {AidKind::dibao, "dibao"},
      {AidKind::tekun, "tekun"},
      {AidKind::medical, "medical"},
      {AidKind::education, "education"},
      {AidKind::housing, "housing"},
      {AidKind::temporary, "temporary"},
  }};
};
template <>
struct CodeTable<AidAddressee> {
  static constexpr std::array<std::pair<AidAddressee, std::string_view>, 3> codes{{
      {AidAddressee::township, "township"},
      {AidAddressee::department, "department"},
      {AidAddressee::school, "school"},
  }};
};
template <>
struct CodeTable<AidState> {
  static constexpr std::array<std::pair<AidState, std::string_view>, 5> codes{{
      {AidState::referred, "referred"},
      {AidState::accepted, "accepted"},
      {AidState::documents_requested, "documents_requested"},
      {AidState::granted, "granted"},
      {AidState::refused, "refused"},
  }};
};
template <>
struct CodeTable<SuddenEvent> {
  static constexpr std::array<std::pair<SuddenEvent, std::string_view>, 5> codes{{
      {SuddenEvent::fire, "fire"},
      {SuddenEvent::traffic_accident, "traffic_accident"},
      {SuddenEvent::serious_illness, "serious_illness"},
      {SuddenEvent::necessary_spending, "necessary_spending"},
      {SuddenEvent::other, "other"},
  }};
};

// The rule id of a kind: dibao → "R-AID-1" … temporary → "R-AID-6".
std::string_view aid_rule(AidKind kind);

// What an application states. Every fact may be unknown (absent); an unknown fact makes the
// conditions that need it unknown, never met or not met.
struct AidFacts {
  std::optional<std::string> household_kind;  // "urban" | "rural" (the person's household status)
  std::optional<int> family_size;             // persons living together, the applicant included (≥ 1)
  std::optional<std::int64_t> family_income_fen;  // the family's monthly income, fen (≥ 0)
  std::optional<bool> disabled;
  std::optional<bool> able_to_work;
  std::optional<bool> has_income;        // the person's own income
  std::optional<bool> has_supporter;     // a legally obliged supporter (法定赡养、抚养、扶养义务人)
  std::optional<bool> supporter_able;    // … who is able to support
  std::optional<bool> dibao_member;      // a member of a 低保 family
  std::optional<bool> tekun_person;      // a 特困 person
  std::optional<bool> tekun_dispersed;   // a 特困 person supported at home (分散供养)
  std::optional<bool> other_hardship;    // another hardship person named by the government (R-AID-3)
  std::optional<bool> housing_hardship;  // meets the housing-hardship standard (R-AID-5)
  std::optional<bool> in_education;      // continuing education (a school) (R-AID-4)
  std::optional<bool> sudden_event;      // R-AID-6: a sudden hardship happened
  std::optional<SuddenEvent> event_kind;
  std::optional<CivilDate> event_date;
};

enum class Tri { met, not_met, unknown };
std::string_view to_string(Tri t);
Tri tri_and(std::initializer_list<Tri> all);  // any not met → not met; else any unknown → unknown
Tri tri_or(std::initializer_list<Tri> any);   // any met → met; else any unknown → unknown

// One condition of a kind, by its code (the web app words it: assistance.condition.<code>).
struct AidCondition {
  std::string_view code;
  Tri state = Tri::unknown;
};

// The minimum living standards (最低生活保障标准) in force on the application's date, fen a month
// per person (policy: min_living_standard_urban_fen / _rural_fen).
struct LivingStandards {
  std::int64_t urban_fen = 0, rural_fen = 0;
};

struct AidPrecheck {
  std::string_view rule;                  // "R-AID-1" …
  Tri overall = Tri::unknown;             // the kind's formula over the conditions
  std::vector<AidCondition> conditions;   // in the order the web app shows them
  std::optional<int> age;                 // on the application's date, when the birth date is known
  std::optional<std::int64_t> standard_fen;    // R-AID-1: the standard that applies (urban/rural)
  std::optional<std::int64_t> per_capita_fen;  // R-AID-1: family income / family size, rounded down
};

// The pre-check of `kind` on `applied_on`:
//  - R-AID-1: per-capita income below the standard of the household kind (income < standard × size;
//    equal is not below → not met);
//  - R-AID-2: (aged 60 or more ∨ under 16 ∨ disabled) ∧ unable to work ∧ no income ∧ (no supporter ∨
//    the supporter cannot support); age from the birth date on the application's date (exactly 16 is
//    not under 16, exactly 60 is aged);
//  - R-AID-3: 低保 family ∨ 特困 person ∨ another hardship person;
//  - R-AID-4: in education ∧ (低保 family ∨ 特困 person);
//  - R-AID-5: housing hardship ∧ (低保 family ∨ dispersed 特困 person);
//  - R-AID-6: a sudden event (its kind and date recorded).
AidPrecheck precheck(AidKind kind, const AidFacts& facts, std::optional<CivilDate> birth_date, CivilDate applied_on,
                     const LivingStandards& standards);

}  // namespace anbang::domain
