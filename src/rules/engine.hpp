// The obligation engine: facts + dated policy + today → tasks (DOMAIN.md §2–§5). Pure: no I/O, no
// clock, no shared state; safe to call from any number of threads at once.
//
// Which tasks are emitted:
//  - one-off rules (R-LNK-1, R-LNK-2, R-LNK-4, R-PCK-1/R-PCK-2, R-REG-1) once their window has
//    started (window_from <= today) or they are already fulfilled; never without their anchor event;
//  - recurring rules (R-VIS-1, R-VIS-2, R-REV-1, R-MTG-*): every qualifying period whose window has
//    started, plus the next one (emitted open, so the next due date is always visible);
//  - nothing after the assistance period (R-PER-1); no end-of-assistance task (the app records it).
// Order: rule order as listed above, then period order.
//
// State is computed, never typed:
//  - done: a fulfilling record dated on or before today — for recurring rules inside
//    [window_from, due]; for one-off rules at any date (a late record closes the task, late = true);
//  - not_applicable: not done and the person is in custody on the due date
//    (Exemption::in_custody), or — recurring rules only — the period closed before the file was
//    opened (Exemption::before_file, PersonFacts::file_opened);
//  - missed (未按期完成): recurring rules only, not done and today > due: the period has closed and the
//    duty cannot be done any more; it is kept and counted, but is no longer on a to-do list;
//  - overdue: one-off rules only, today > due (stays overdue until done); open: otherwise.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.hpp"
#include "rules/facts.hpp"
#include "rules/policy.hpp"

namespace anbang::rules {

enum class State { open, done, overdue, not_applicable, missed };

// "open" | "done" | "overdue" | "not_applicable" | "missed".
std::string_view to_string(State state);

// Why a task is not_applicable.
enum class Exemption : std::uint8_t {
  none,
  in_custody,   // in custody on the due date
  before_file,  // a recurring duty of a period that closed before the file was opened (补录)
};

// True for the rules whose duty comes back each period (R-VIS-1, R-VIS-2, R-REV-1, R-MTG-*): these
// become missed, never overdue.
bool is_recurring(std::string_view rule);

// The state a kept task shows on `today` (dates YYYY-MM-DD): a stored open task past its due date is
// missed when recurring (its period closed), else overdue; any other state shows as stored.
std::string_view shown_state(std::string_view stored, std::string_view rule, std::string_view due,
                             std::string_view today);

// Owner roles. The app maps a role to a unit id through the person's units (R-JUR-1: daily duties
// to the residence place, linkage and registration to the household-registration place; R-JUR-2:
// identity unknown → the original investigating authority's place). Duties still owed resolve to the
// person's current units, so a transfer moves them with the person; a done or missed duty keeps the
// units of its day (R-KPI-7, app/obligations).
namespace owner {
inline constexpr std::string_view sender = "sender";  // the prison or detention centre
inline constexpr std::string_view household_judicial_office = "household_judicial_office";
inline constexpr std::string_view household_township = "household_township";
inline constexpr std::string_view residence_village = "residence_village";
inline constexpr std::string_view residence_township = "residence_township";
inline constexpr std::string_view unit = "unit";  // the meeting's own unit (R-MTG-*)
// R-AID-1..6: the unit a referral is addressed to (Task::owner_unit_id), not one of the person's.
inline constexpr std::string_view deciding_unit = "deciding_unit";
}  // namespace owner

// One obligation. The string_views point at static codes (rule tables inside the engine), so a Task
// may be copied and kept freely. A task carries no prose: its explanation is the values below, which
// the web app words (web/src/locales/*/task.ts, taskText.ts) — the duty from `rule` and `period`, what
// closes it from `rule`, the rest from the dates, `state`, `late` and `exemption`. No heap string
// per task but the key (small-string buffer), for the 1,000,000-persons-in-2-s budget.
struct Task {
  std::string_view rule;          // "R-VIS-1"
  std::string_view clause;        // "§2.3.4"
  std::string_view owner;         // one of owner::*
  std::string_view anchor;        // the event the deadline hangs on: "release_date", "form_received", ...
  std::string key;                // stable within one PersonFacts/UnitFacts: "R-VIS-1/2026H1", "R-REG-1"
  CivilDate anchor_date;
  CivilDate window_from;  // first day a fulfilling record counts (recurring rules)
  CivilDate due;          // last day in time
  State state = State::open;
  PeriodKind period = PeriodKind::none;          // recurring rules: the period of the duty (once per …)
  Exemption exemption = Exemption::none;         // when not_applicable
  bool late = false;                             // done, but fulfilled after due (one-off rules)
  std::optional<CivilDate> fulfilled_on;         // the record that closed the task
  std::optional<CivilDate> previous_fulfilment;  // recurring rules: the last record before window_from
  std::int64_t owner_unit_id = 0;                // owner::deciding_unit only: that unit
};

// R-PER-1: the first day no longer under assistance = release + N years (29 Feb → 28 Feb), N =
// assistance_years_correction after community correction, else assistance_years_custody, in force
// on the release date. The one function every caller asks for the end date.
CivilDate assistance_end(const PolicyTable& policy, CivilDate release_date, std::string_view release_kind);

// R-REG-1: the last day to register = release date + registration_days (in force on the release
// date). The one function every caller asks for the deadline (R-LOST-1, R-ALW-3 too).
CivilDate registration_deadline(const PolicyTable& policy, CivilDate release_date);

// The same for one period's facts; assistance_end_override replaces it when set.
CivilDate assistance_end(const PersonFacts& facts, const PolicyTable& policy);

// R-LNK-2: the verification feedback is due verification_feedback_months (in force on the day the
// form was received) after the form was received, month-end clamped.
CivilDate verification_feedback_due(const PolicyTable& policy, CivilDate form_received);

// R-LNK-4: the reception arrangement is due reception_feedback_days (in force on the day the notice
// was received) after receipt and never after the release date; a notice received on or after the
// release date is due the day it arrives.
CivilDate reception_feedback_due(const PolicyTable& policy, CivilDate notice_received, CivilDate release_date);

// True if `day` is inside one of the intervals.
bool in_intervals(const std::vector<Interval>& intervals, CivilDate day);

// Every task of one person's assistance period as of `today` (see the header comment).
std::vector<Task> person_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today);

// Same, appended to `out` (reuse one vector across persons to avoid allocations).
void append_person_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today,
                         std::vector<Task>& out);

// R-MTG-1 (district, yearly), R-MTG-2 (township, quarterly), R-MTG-3 (judicial office, monthly):
// periods from active_from, counted like R-VIS-1 (a first partial period needs
// partial_period_min_days days, capped at the period's length), up to the current period plus the
// next one. Other unit kinds: no tasks. A township also gets its R-EDU-1 tasks (after the meetings).
std::vector<Task> unit_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today);

// R-EDU-1: a township owes one targeted legal-education session in the targeted_education_days
// (in force on the event's first day) before each event of the calendar that starts after the unit
// became active: window [start - N, start - 1]. Appended to `out` for events whose window has
// started or that are done, plus the next one. Other unit kinds: none. Called by unit_tasks.
void append_targeted_education_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today,
                                     std::vector<Task>& out);

// Issue 9 (helper C), rules/bases.cpp. R-BASE-1: a township owes one enterprise base with an
// agreement valid today (key R-BASE-1/agreement): done while one covers today (fulfilled on its
// valid_from, due its valid_to), otherwise open and due today — anchored on the last agreement's
// end (agreement_end) or, with none ever, on the day the unit became active. Other kinds: none.
void append_base_agreement_tasks(const UnitFacts& facts, CivilDate today, std::vector<Task>& out);

// R-EMP-2: human resources holds at least skills_trainings_per_year (in force on 1 January of the
// year) skills trainings in each calendar year (a training counts in the year it starts, once it has
// started): key R-EMP-2/<year>, window the year, due 31 December; done on the start of the Nth
// training, missed after the year, open before. Years from the unit's active_from to today's.
void append_skills_training_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today,
                                  std::vector<Task>& out);

// "none" | "in_custody" | "before_file".
std::string_view to_string(Exemption exemption);

}  // namespace anbang::rules
