// R-LOST-1 (§2.3.4, §3.4): the 脱管 (lost supervision) and 漏管 (missed supervision) lists.
// Both are about now: they look at persons under assistance on `today` and not in custody then.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rules/engine.hpp"

namespace anbang::rules {

struct LostStatus {
  bool at_risk = false;              // on the 脱管 list
  bool whereabouts_unknown = false;  // the reason is the facts flag
  bool outing_overdue = false;       // R-OUT-1: the reason is an outing's overdue return (`due`)
  std::string task_key;              // else: the most overdue follow-up task
  std::optional<CivilDate> due;      // its due date
  std::int64_t days_overdue = 0;     // today − due
  // No prose: the lists send the reason as a code (whereabouts_unknown | outing_overdue |
  // follow_up_overdue) with the
  // task and its due date, and the web app words it.
};

// At risk of 脱管 when, on `today`, the person is under assistance and not in custody, and either
// the whereabouts are unknown, or an outing (R-OUT-1) has no return recorded and its expected return
// passed more than lost_contact_days ago with no visit or review after it, or a follow-up task (R-VIS-1, R-VIS-2, R-REV-1) in `tasks` was missed
// (its period closed unfulfilled) more than lost_contact_days (in force today) ago and no visit or
// review has been recorded after its due date (a late contact ends the risk; the period stays
// missed in the task list).
// `tasks` are person_tasks(facts, policy, today).
LostStatus lost_status(const std::vector<Task>& tasks, const PersonFacts& facts, const PolicyTable& policy,
                       CivilDate today);

// 漏管: a registration form or a release notice exists (dated on or before today), the R-REG-1
// deadline has passed, and the person has not registered by today — while under assistance and not
// in custody. A late registration ends it (lateness itself is R-KPI-2's business).
bool missed_supervision(const PersonFacts& facts, const PolicyTable& policy, CivilDate today);

// The two lists over many persons, as person ids in input order.
struct LostLists {
  std::vector<std::int64_t> lost;    // 脱管 risk
  std::vector<std::int64_t> missed;  // 漏管
};
LostLists lost_lists(std::span<const PersonFacts> persons, const PolicyTable& policy, CivilDate today);

}  // namespace anbang::rules
