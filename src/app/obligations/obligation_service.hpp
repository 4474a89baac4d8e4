// Obligations (DOMAIN.md §2–5): the engine's tasks kept for every person, the workbench, the
// 脱管/漏管 lists (R-LOST-1), the dated policy parameters and the refresh of everyone's tasks (at
// start, each night, and as a background job after a policy change). Owner roles become units here
// (R-JUR-1): visits to the residence village, reviews to the residence township, registration and
// linkage to the household township's judicial office.
#pragma once
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "rules/engine.hpp"
#include "store/obligation_repo.hpp"

namespace anbang::app {

struct TaskQuery {
  std::optional<std::int64_t> unit_id;  // owner unit subtree
  bool mine = false;                    // owner = the caller's unit (or its area for tree units)
  std::optional<std::int64_t> person_id;
  std::string rule, state;  // state: open | overdue | due_soon | done | not_applicable
  int page = 1, page_size = 20;
};

struct TaskPage {
  std::vector<store::TaskRow> items;
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

// One task of a person (or unit) as the engine explains it (by values, worded by the web app), with
// the unit that owes it.
struct PersonTask {
  rules::Task task;
  std::string state;  // open | overdue | done | missed | not_applicable
  std::int64_t unit_id = 0;
};

// Filters of the workbench counts (the district officer's: by township and by rule).
struct WorkbenchQuery {
  std::optional<std::int64_t> unit_id;  // owner unit subtree
  std::string rule;
};

struct Workbench {
  store::TaskCounts mine, scope;
  std::string today, week_end;
};

class ObligationService {
 public:
  // Registers the task refresh as a consequence of every person change (after classification).
  explicit ObligationService(Core& core);
  ~ObligationService();

  // Recomputes one person's tasks in the caller's write transaction.
  Status refresh_tasks(store::Connection& c, std::int64_t person_id, domain::CivilDate today);
  // R-PER-1: records the automatic release from assistance (解除帮教) of every person whose period
  // ended by `today` and has no such record yet; returns how many were recorded.
  Result<std::int64_t> record_period_ends(domain::CivilDate today);
  // Recomputes every person's tasks, in chunks; returns the number of persons. `progress` (optional)
  // hears (persons done, persons in all).
  Result<std::int64_t> refresh_all_tasks(domain::CivilDate today, const Jobs::Progress& progress = {});
  // Refreshes every person's tasks shortly after each midnight (China Standard Time) on a background
  // thread; stopped by the destructor.
  void start_daily_refresh();
  // When the daily refresh runs next: 00:05 China Standard Time of the clock's tomorrow (unix s).
  std::int64_t next_daily_refresh_at() const;

  Result<Audited<TaskPage>> find_tasks(const AuthedCtx& ctx, const TaskQuery& q);
  Result<Audited<std::vector<PersonTask>>> read_person_tasks(const AuthedCtx& ctx, std::int64_t id);
  // R-LOST-1: 脱管 risk ("lost") and 漏管 ("missed") lists of the caller's jurisdiction.
  Result<Audited<std::vector<store::LostRow>>> supervision_list(const AuthedCtx& ctx, const std::string& which);
  Result<Workbench> workbench(const AuthedCtx& ctx, const WorkbenchQuery& q = {});

  // Dated policy parameters: a district changes a parameter from a date on. The change commits at
  // once; every person's tasks are then recomputed by a background job whose id is returned
  // (progress: job()).
  Result<std::int64_t> set_policy(const AuthedCtx& ctx, const std::string& name, const std::string& value,
                                  const std::string& from);
  Result<std::optional<JobView>> job(const AuthedCtx& ctx, std::int64_t id) const;
  Result<std::vector<JobView>> jobs(const AuthedCtx& ctx) const;

  // A unit's tasks (R-MTG-1..3), computed live.
  std::vector<PersonTask> unit_tasks(const rules::UnitFacts& facts, domain::CivilDate today) const;

 private:
  std::vector<PersonTask> compute_tasks(const store::FactsRow& facts, domain::CivilDate today) const;
  std::vector<store::TaskRow> task_rows(const store::FactsRow& facts, domain::CivilDate today) const;
  Result<std::int64_t> refresh_chunks(domain::CivilDate today, std::int64_t max_id, bool bulk,
                                      const Jobs::Progress& progress);
  // The unit that owns a duty of `owner` role: by the person's units on `as_of` (accepted
  // transfers after that day undone), or today's units without a day.
  std::int64_t owner_unit(std::string_view owner, const store::FactsRow& facts,
                          std::optional<domain::CivilDate> as_of = std::nullopt) const;

  Core& core_;
  std::jthread daily_refresh_;
};

}  // namespace anbang::app
