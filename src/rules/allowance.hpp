// The transitional hardship allowance (过渡性困难生活补助金, §3.3, issue 10): R-ALW-1..5. Pure: the
// facts of one application + the dated policy table → the months it pays and why, and the tasks
// its chain and its payments owe. No I/O, no clock. The one place these rules are computed: the
// application's explanation, the monthly payment run and the tasks all ask here.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/engine.hpp"

namespace anbang::rules {

// --- R-ALW-1, R-ALW-3..5: the entitlement ---

struct AllowanceFacts {
  CivilDate release_date;
  std::optional<CivilDate> registration_date;  // R-REG-1: 报到
  CivilDate approved_on;                       // the township's approval (or, before it, the day asked)
  std::vector<HouseholdKind> household_kinds;  // any order
  std::vector<Interval> dibao;                 // granted 低保, [from, to] both included (R-ALW-4)
  std::vector<CivilDate> reoffences;           // offence dates of this period (R-ALW-5)
};

enum class MonthStatus : std::uint8_t {
  payable,
  dibao,       // R-ALW-4: 低保 runs in this month, or began in an earlier month of the schedule
  reoffended,  // R-ALW-5: the person re-offended in this month or an earlier one
};
std::string_view code(MonthStatus s);  // "payable" | "dibao" | "reoffended"

// One month of the schedule: consecutive calendar months from the approval's month.
struct AllowanceMonth {
  CivilDate month;             // its first day
  MonthStatus status = MonthStatus::payable;
  std::string_view household_kind;  // in force on the month's first day (else the first one known)
  std::int64_t standard_fen = 0;    // the minimum living standard of that kind on the month's first day
  std::int64_t amount_fen = 0;      // standard_fen when payable, else 0
};

struct Entitlement {
  CivilDate deadline;                      // R-REG-1: the last day to register
  std::optional<CivilDate> registered_on;  // none: not registered, nothing payable
  std::string_view rounding;               // late_month_rounding in force on the approval day
  int months_late = 0;                     // R-ALW-3
  int max_months = 0;                      // allowance_months in force on the approval day (R-ALW-1)
  int months_payable = 0;                  // max(0, max_months − months_late)
  std::vector<AllowanceMonth> months;      // months_payable months from the approval's month
  std::optional<CivilDate> stopped_from;   // the first month not paid (R-ALW-4 or R-ALW-5)
  std::string_view stop_rule;              // "R-ALW-4" | "R-ALW-5" | ""
  std::int64_t total_fen = 0;              // the sum of the months' amounts
};

// R-ALW-3: whole calendar months from the deadline to the registration date (deadline + n months ≤
// registered, month-end clamped), or with `started` the smallest n with deadline + n months ≥
// registered (a started month counts). 0 when registered on or before the deadline.
int months_late(CivilDate deadline, CivilDate registered, bool started);

Entitlement allowance_entitlement(const PolicyTable& policy, const AllowanceFacts& facts);

// The first day of the month of `d`, and of the month after.
CivilDate month_start(CivilDate d);
CivilDate next_month(CivilDate month_first_day);

// --- R-ALW-2: the application chain ---

// ChainStep, ChainEvent: rules/facts.hpp.
std::string_view code(ChainStep s);
std::optional<ChainStep> parse_chain_step(std::string_view text);

// What an application waits for: the documents (after a return to the applicant), the village's
// hardship certificate, the judicial office's verification, the township's approval; or nothing
// more (approved: paid monthly; rejected: ended).
enum class Awaiting : std::uint8_t { documents, certificate, verification, approval, none };
std::string_view code(Awaiting a);

struct ChainState {
  Awaiting awaiting = Awaiting::certificate;
  CivilDate since;  // the day of the step that made it wait (the last step)
  bool approved = false, rejected = false;
};

// The state after `steps` (in order; the first is `applied`): applied → certificate; certified →
// verification; verified → approval; approved and rejected end the chain; returned sends it back
// one step (certificate → documents, verification → certificate, approval → verification).
// Whether a step may be taken now: `allowed_next` says which steps fit the current state.
ChainState chain_state(const std::vector<ChainEvent>& steps);
bool step_allowed(const ChainState& state, ChainStep next);

// The unit that owes the awaited step: documents and verification the household township's judicial
// office, the certificate the household village (without one, the judicial office), the approval the
// household township; 0 for none.
std::int64_t step_unit(Awaiting a, std::int64_t office_unit_id, std::int64_t village_unit_id,
                       std::int64_t township_unit_id);
std::optional<Awaiting> parse_awaiting(std::string_view text);

// --- the tasks (engine: append_allowance_tasks) ---

// R-ALW-2: the open step of each application is a task of the unit that owes it (documents: the
// judicial office; certificate: the village, else the judicial office; verification: the judicial
// office; approval: the township), key "R-ALW-2/<id>/<step awaited>", due allowance_step_days
// after the step that made it wait; overdue after. R-ALW-1: each payable month that has begun is
// the township's task "R-ALW-1/<id>/<YYYY-MM>", due on the month's last day, done by its payment
// (late when paid after).
// All owner owner::deciding_unit with Task::owner_unit_id.
// The cases are PersonFacts::allowances.
void append_allowance_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today,
                            std::vector<Task>& out);

}  // namespace anbang::rules
