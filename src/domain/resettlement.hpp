// 安置情况 (resettlement status, issue 9 item 8; R-EMP-1, R-BASE-1, R-AID, §2.4) derived from a
// person's facts — the one place it is computed. The person list, the roster, the file and the
// resettlement rate (R-KPI-4) all take this function's answer (kept in persons.resettlement by the
// employment module's consequence). Pure: no I/O, no clock.
//
// When several facts hold, the first of this order wins (the more lasting resettlement first):
//   1. employed        — current employment status employed (employer, job)
//   2. self_employed   — current status self-employed / entrepreneur
//   3. farming         — current status farming (务农, counted as resettled)
//   4. in_base         — an active placement in a transitional base (R-BASE-1), or the current
//                        status "in a base"
//   5. social_assistance — active social assistance granted (R-AID, e.g. 低保)
//   6. family_support  — supported by the family (recorded with the current status)
//   7. not_resettled   — with the reason (未安置原因): the one recorded with the current status, else
//                        the status's own (seeking work, unable to work, unwilling, not reached),
//                        else not_recorded when no status is recorded at all.
#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "domain/kinds.hpp"

namespace anbang::domain {

// R-EMP-1: the kinds of an employment status entry.
enum class EmploymentKind { employed, self_employed, in_base, farming, unable_to_work, seeking_work, not_willing, unknown };

// The derived 安置情况.
enum class Resettlement { employed, self_employed, farming, in_base, social_assistance, family_support, not_resettled };

// 未安置原因: recorded with a status entry (all but not_recorded) or derived.
enum class UnresettledReason { seeking_work, unable_to_work, unwilling, not_reached, other, not_recorded };

template <>
struct CodeTable<EmploymentKind> {
  static constexpr std::array<std::pair<EmploymentKind, std::string_view>, 8> codes{{
      {EmploymentKind::employed, "employed"},
      {EmploymentKind::self_employed, "self_employed"},
      {EmploymentKind::in_base, "in_base"},
      {EmploymentKind::farming, "farming"},
      {EmploymentKind::unable_to_work, "unable_to_work"},
      {EmploymentKind::seeking_work, "seeking_work"},
      {EmploymentKind::not_willing, "not_willing"},
      {EmploymentKind::unknown, "unknown"},
  }};
};

template <>
struct CodeTable<Resettlement> {
  static constexpr std::array<std::pair<Resettlement, std::string_view>, 7> codes{{
      {Resettlement::employed, "employed"},
      {Resettlement::self_employed, "self_employed"},
      {Resettlement::farming, "farming"},
      {Resettlement::in_base, "in_base"},
      {Resettlement::social_assistance, "social_assistance"},
      {Resettlement::family_support, "family_support"},
      {Resettlement::not_resettled, "not_resettled"},
  }};
};

template <>
struct CodeTable<UnresettledReason> {
  static constexpr std::array<std::pair<UnresettledReason, std::string_view>, 6> codes{{
      {UnresettledReason::seeking_work, "seeking_work"},
      {UnresettledReason::unable_to_work, "unable_to_work"},
      {UnresettledReason::unwilling, "unwilling"},
      {UnresettledReason::not_reached, "not_reached"},
      {UnresettledReason::other, "other"},
      {UnresettledReason::not_recorded, "not_recorded"},
  }};
};

// True for the kinds of a person who works (a reason or family support does not go with them).
constexpr bool is_working(EmploymentKind k) {
  return k == EmploymentKind::employed || k == EmploymentKind::self_employed || k == EmploymentKind::in_base ||
         k == EmploymentKind::farming;
}

// The facts of one person, as of the day they were loaded (store::resettlement_facts).
struct ResettlementFacts {
  std::optional<EmploymentKind> employment;  // the current status entry's kind; none recorded = nullopt
  bool supported_by_family = false;          // recorded with the current status entry
  std::optional<UnresettledReason> recorded_reason;  // recorded with the current status entry
  bool in_base = false;                      // an active base placement (R-BASE-1) or status in_base
  bool on_social_assistance = false;         // active social assistance granted (R-AID)
};

struct ResettlementResult {
  Resettlement status = Resettlement::not_resettled;
  std::optional<UnresettledReason> reason;  // only for not_resettled
};

ResettlementResult derive_resettlement(const ResettlementFacts& f);

}  // namespace anbang::domain
