// SQL for the obligation engine's inputs (a person's facts, policy parameters) and its
// materialised output (the tasks table), plus the records that fulfil tasks (follow-ups,
// registrations). Task reads go through the caller's Scope via the task's person.
#pragma once
#include <unordered_map>

#include "domain/scope.hpp"
#include "rules/facts.hpp"
#include "rules/policy.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct TaskRow;

// The facts of a person's current assistance period (nullopt when the person does not exist).
// An accepted transfer (R-JUR-1/2): from `effective` on (the day it was accepted, Shanghai) the
// person's household (kind household | identity_established) or residence unit is `to_unit_id`.
struct UnitMove {
  std::string kind;
  std::int64_t from_unit_id = 0, to_unit_id = 0;
  domain::CivilDate effective;
};

struct FactsRow {
  rules::PersonFacts facts;
  std::string created_on;                      // the day the file was created (YYYY-MM-DD, Shanghai)
  std::optional<std::int64_t> sender_unit_id;  // of the registration form, if any
  std::vector<UnitMove> moves;                 // accepted transfers, oldest first
  bool class_seen = false, last_key = false;   // while loading: the class of the last class_history row
};
Result<std::optional<FactsRow>> load_facts(Connection& c, std::int64_t person_id);
Result<std::vector<std::int64_t>> all_person_ids(Connection& c);
// The facts of the persons with from_id <= id <= to_id, one query per table (the full refresh),
// ordered by id.
Result<std::vector<FactsRow>> load_facts_range(Connection& c, std::int64_t from_id, std::int64_t to_id);

// The digests of the stored tasks of the same persons' current periods (person_id → digest), so
// that the full refresh writes only what changed without reading the tasks back.
Result<std::unordered_map<std::int64_t, std::int64_t>> load_task_digests(Connection& c, std::int64_t from_id,
                                                                         std::int64_t to_id);

Result<rules::PolicyTable> load_policy(Connection& c);

struct TaskRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> person_id;
  std::int64_t unit_id = 0;
  std::string rule, task_key, window_from, due, state;  // as stored: open | done | not_applicable | missed
  std::optional<std::string> fulfilled_on;
  std::string person_name;
};

// The highest person id (0 without persons), and how many task digests exist, counting at most
// `limit` (1: whether there is any).
Result<std::int64_t> max_person_id(Connection& c);
Result<std::int64_t> count_task_digests(Connection& c, std::int64_t limit);

// A full generation of every person's tasks: empties the table (and the digests) and drops its unit
// index; end_task_bulk_load builds the index again (a no-op when it exists).
Status begin_task_bulk_load(Connection& c);
Status end_task_bulk_load(Connection& c);

// A 64-bit digest (FNV-1a) of the rows as stored (key, rule, unit, window, due, state, fulfilment).
std::int64_t task_digest(const std::vector<TaskRow>& rows);

// Replaces the person's tasks of the period released on `period` (task keys "<period>/...") with
// `rows` and records their digest; tasks of earlier periods stay as they were when the period
// ended (a recorded assistance period); rows under any other release date (one a release notice
// corrected) are deleted. `had_tasks` = false skips deleting (a first generation).
Status replace_person_tasks(Connection& c, std::int64_t person_id, const std::string& period,
                            const std::vector<TaskRow>& rows, const std::string& computed_on,
                            bool had_tasks = true);

// SQL condition: task `t` belongs to the current period of person `p` (its key starts with the
// person's release date and "/").
inline constexpr const char* kCurrentPeriodTask =
    "t.task_key >= p.release_date || '/' AND t.task_key < p.release_date || '0'";

// SQL condition: task `t` is of a recurring rule (rules::is_recurring): past its due date it is
// missed, never overdue.
inline constexpr const char* kRecurringTask =
    "(t.rule LIKE 'R-VIS-%' OR t.rule LIKE 'R-REV-%' OR t.rule LIKE 'R-MTG-%')";

struct TaskFilter {
  std::vector<std::int64_t> unit_ids;  // owner units (empty = any)
  std::string rule;
  // open (window opened, not yet due) | overdue (one-off, past due) | missed (recurring, period
  // closed unfulfilled) | done | not_applicable | due_soon | "" (any)
  std::string state;
  std::optional<std::int64_t> person_id;
  std::string today, due_until;  // due_soon: today <= due <= due_until
  int page = 1, page_size = 20;
};
Result<std::pair<std::vector<TaskRow>, std::int64_t>> search_tasks(Connection& c, const domain::Scope& scope,
                                                                   const TaskFilter& f);

// Workbench counts. `missed` (recurring duties whose period closed unfulfilled, any period) is kept
// apart from the to-do counts (overdue, due_this_week, open) for the evaluation (R-KPI).
struct TaskCounts {
  std::int64_t overdue = 0, due_this_week = 0, open = 0, done = 0, missed = 0;
};
Result<TaskCounts> count_tasks(Connection& c, const domain::Scope& scope,
                               const std::vector<std::int64_t>& unit_ids, const std::string& today,
                               const std::string& week_end, const std::string& rule = "");

struct FollowUp {
  std::int64_t person_id = 0;
  std::string kind, held_on, form, situation, findings;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
};
Result<std::int64_t> insert_follow_up(Connection& c, const FollowUp& f);

struct Registration {
  std::int64_t person_id = 0;
  std::string registered_on, certificate_no, needs;
  bool policies_explained = false;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
};
Result<std::int64_t> insert_registration(Connection& c, const Registration& r);

}  // namespace anbang::store

namespace anbang::store {

// R-LOST-1 lists over the stored tasks, within the caller's scope.
struct LostRow {
  std::int64_t person_id = 0;
  std::string name, reason;        // reason: whereabouts_unknown | outing_overdue | follow_up_overdue | not_registered
  std::optional<std::string> due;  // the missed due date
  std::int64_t residence_unit_id = 0, household_unit_id = 0;
};
// 脱管 risk: under assistance today, not detained, and whereabouts unknown, an outing's return overdue
// (R-OUT-1: expected back before `cutoff`, no return, no follow-up since), or a follow-up of the
// current period (R-VIS-1/2, R-REV-1) missed with its due date before `cutoff` and no follow-up since.
Result<std::vector<LostRow>> lost_contact(Connection& c, const domain::Scope& scope, const std::string& today,
                                          const std::string& cutoff, int limit);
// 漏管: a registration form or release notice exists, the current period's R-REG-1 deadline has
// passed and the person has not registered — while under assistance today and not detained.
Result<std::vector<LostRow>> missed_supervision(Connection& c, const domain::Scope& scope,
                                                const std::string& today, int limit);

}  // namespace anbang::store
