// Help groups and help plans (R-ORG-1, R-ORG-3, R-ORG-4, R-ORG-5): the group's completeness and the
// engine's tasks of forming the group and making and revising the plan. Pure: no I/O, no clock.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.hpp"

namespace anbang::rules {

// The member roles of a help group (R-ORG-3 四位一体 first, then R-ORG-5).
inline constexpr std::string_view kHelpRoles[] = {"police_officer", "judicial_assistant", "village_cadre",
                                                  "family_member",  "social_worker",      "volunteer"};
// R-ORG-3: the four roles of 四位一体.
inline constexpr std::string_view kFourRoles[] = {"police_officer", "judicial_assistant", "village_cadre",
                                                  "family_member"};
bool is_help_role(std::string_view role);

// R-ORG-3, R-ORG-1: a group is complete with at least two current members and each of the four
// roles of 四位一体 among them; otherwise it is flagged (never refused) with what it lacks.
struct GroupCheck {
  bool complete = false;
  bool too_few = false;                 // fewer than two current members (R-ORG-1)
  std::vector<std::string> missing;     // the 四位一体 roles no current member has, in kFourRoles order
};
GroupCheck check_group(const std::vector<std::string>& current_roles);

// R-ORG-3: the first day on or after `from` on which at least two memberships overlap.
std::optional<CivilDate> group_formed(const std::vector<Interval>& memberships, CivilDate from);

// R-ORG-4: the help plan needs a person's plan can address.
inline constexpr std::string_view kPlanNeeds[] = {"housing", "work", "family", "health", "thinking", "legal_education"};
bool is_plan_need(std::string_view need);

// The tasks of R-ORG-3 and R-ORG-4 for one period (engine.cpp calls this after R-REG-1):
//  - R-ORG-3: from the registration, the group formed (two members at once) within help_group_days;
//  - R-ORG-4: from the registration, a first plan within help_plan_days;
//  - R-ORG-4/revision/<date>: after the first plan, each full review (R-REV-1) and each change of
//    class (R-CLS-3) asks for a new version within help_plan_revision_days, closed by the first
//    version made on or after that day (one task per day when both fall on one day).
// One-off tasks, stated like the engine's (open, overdue, done — late when after due —, or
// not_applicable when in custody on the due date). Records dated after today are ignored.
void append_help_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today, std::vector<Task>& out);

}  // namespace anbang::rules
