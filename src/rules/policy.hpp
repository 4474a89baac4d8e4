// Dated policy parameters of the obligation engine (DOMAIN.md: "policy is data, with an effective
// date, not code"). A district changes a parameter from a date on; nothing else changes.
//
// Which date decides (the engine follows this everywhere):
//  - one-off deadlines take the values in force on their anchor event's date, so a deadline is
//    fixed when the obligation arises and never moves afterwards: registration_days by the release
//    date (R-REG-1), reception_feedback_days by the date the release notice was received (R-LNK-4),
//    linkage_form_months by the date received into custody (R-LNK-1), verification_feedback_months
//    by the date the form was received (R-LNK-2), family_help_days by the date a report of a family
//    in difficulty was received (R-LNK-3), release_notice_months_before and the assistance
//    years by the release date (R-LNK-4, R-PER-1);
//  - the kind of a recurring period (general_visit_period, key_visit_period) is the one in force on
//    the first day the period is laid from, so a change takes effect at the first period boundary on
//    or after its date and a running period is never cut;
//  - parameters that measure a period (partial_period_min_days) apply by the date of the calendar
//    period's last day, so all persons share one threshold for one half-year or quarter;
//  - targeted_education_days applies by the first day of the calendar event (R-EDU-1);
//  - skills_trainings_per_year applies by 1 January of the year it counts (R-EMP-2);
//  - lost_contact_days applies by today (R-LOST-1 is a current list).
//  - allowance_months and late_month_rounding apply by the township's approval of a hardship
//    allowance (R-ALW-1, R-ALW-3); the minimum living standards by each paid month's first day;
//    allowance_step_days by the day of the chain's previous step (R-ALW-2).
//  - backdate_limit_days applies by the day a record is entered (today): a record may carry a date
//    at most that many days before it (domain::check::record_date).
//  - help_group_days and help_plan_days apply by the registration date (R-ORG-3, R-ORG-4),
//    help_plan_revision_days by the date of the review or class change that asks for a revision.
// three_none_mode (R-CLS-2) is stored and validated here; the classifier reads it from at(date).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "domain/civil_date.hpp"

namespace anbang::rules {

using domain::CivilDate;

// The values of every parameter on one date. Defaults are DOMAIN.md's interpretations.
struct PolicyValues {
  int assistance_years_custody = 5;                // R-PER-1, after prison or detention centre
  int assistance_years_correction = 3;             // R-PER-1, after community correction
  int registration_days = 30;                      // R-REG-1
  int linkage_form_months = 1;                     // R-LNK-1
  int verification_feedback_months = 1;            // R-LNK-2
  int release_notice_months_before = 1;            // R-LNK-4
  int reception_feedback_days = 10;                // R-LNK-4
  int family_help_days = 30;                       // R-LNK-3: help after a report of difficulty
  int partial_period_min_days = 30;                // R-VIS-1, R-VIS-2, R-REV-1, R-MTG-*
  std::string general_visit_period = "half_year";  // R-VIS-1: month | quarter | half_year
  std::string key_visit_period = "none";           // R-VIS-2: none | month | quarter | half_year
  int lost_contact_days = 30;                      // R-LOST-1
  std::string three_none_mode = "all";             // R-CLS-2: all | any
  int backdate_limit_days = 90;                    // late entries (补录): how far back a record may be dated
  int help_group_days = 7;                         // R-ORG-3: the help group formed after registration
  int help_plan_days = 30;                         // R-ORG-4: the first help plan after registration
  int help_plan_revision_days = 15;                // R-ORG-4: a revision after a full review or a class change
  // R-EDU-1: a township's targeted legal education falls in the days before a calendar event
  // (the value in force on the event's first day).
  int targeted_education_days = 15;
  // R-EMP-2 (issue 9): human resources' skills trainings a calendar year (the value in force on
  // 1 January of the year).
  int skills_trainings_per_year = 2;
  // Issue 9, social assistance (R-AID-1..6): the district's minimum living standard (最低生活保障标准),
  // fen a month per person, urban and rural (the value in force on the application's date; the
  // hardship allowance of R-ALW-1 reads the same standard), and the days a deciding unit has to give
  // a first answer to a referral (the value in force on the day it was referred).
  int min_living_standard_urban_fen = 74000;
  int min_living_standard_rural_fen = 60000;
  int referral_answer_days = 15;
  // Issue 10, the transitional hardship allowance (R-ALW-1..5): at most allowance_months months
  // (R-ALW-1); late registration cut by whole months or by started months (R-ALW-3,
  // late_month_rounding: whole | started) — both by the day of the township's approval, which fixes
  // the entitlement; each step of the application chain (R-ALW-2) within allowance_step_days of the
  // step before it (by that step's day). A month's amount is the minimum living standard in force
  // on the month's first day.
  int allowance_months = 6;
  std::string late_month_rounding = "whole";
  int allowance_step_days = 10;
};

// One row as a district entered it: `name` takes `value` from `effective_from` on.
struct PolicyEntry {
  CivilDate effective_from;
  std::string name;
  std::string value;
};

class PolicyTable {
 public:
  // The values in force on `date`: the defaults, then every entry with effective_from <= date
  // applied in date order.
  PolicyValues at(CivilDate date) const { return values_at(date); }

  // Same as at() without a copy. The reference stays valid until the next set().
  const PolicyValues& values_at(CivilDate date) const;

  // The values in force today (entries dated after today are not in force yet). The way to ask for
  // "the current value" of a parameter that has no anchor date of its own.
  const PolicyValues& in_force(CivilDate today) const { return values_at(today); }

  // Adds (or, for the same name and date, replaces) an entry. Errors: POLICY_UNKNOWN_PARAMETER
  // (field "name"), POLICY_BAD_VALUE (field "value", the message names the allowed values),
  // POLICY_BAD_DATE (field "effective_from"). On error the table is unchanged.
  Status set(std::string_view name, std::string_view value, CivilDate from);

  // Every entry, ordered by (effective_from, name).
  const std::vector<PolicyEntry>& entries() const { return entries_; }

  // The first effective_from strictly after `date`, if any.
  std::optional<CivilDate> next_change_after(CivilDate date) const;

  // The parameter names set() accepts, in PolicyValues order.
  static const std::vector<std::string_view>& parameter_names();

 private:
  void rebuild();

  std::vector<PolicyEntry> entries_;
  std::vector<std::pair<CivilDate, PolicyValues>> snapshots_;  // one per distinct effective_from
  PolicyValues defaults_;
};

// Recurring period kinds of R-VIS-1, R-VIS-2, R-REV-1 and R-MTG-*.
enum class PeriodKind : std::uint8_t { none, month, quarter, half_year, year };

// "none" | "month" | "quarter" | "half_year" | "year"; anything else is none.
PeriodKind period_kind(std::string_view text);
// The inverse: "none" | "month" | "quarter" | "half_year" | "year".
std::string_view to_string(PeriodKind kind);

}  // namespace anbang::rules
