// R-ORG-1, R-ORG-3, R-ORG-4 (§2.1, §2.5): help group completeness and the help tasks.
#include "rules/help.hpp"

#include <algorithm>

namespace anbang::rules {

bool is_help_role(std::string_view role) {
  return std::find(std::begin(kHelpRoles), std::end(kHelpRoles), role) != std::end(kHelpRoles);
}

bool is_plan_need(std::string_view need) {
  return std::find(std::begin(kPlanNeeds), std::end(kPlanNeeds), need) != std::end(kPlanNeeds);
}

GroupCheck check_group(const std::vector<std::string>& current_roles) {
  GroupCheck g;
  g.too_few = current_roles.size() < 2;
  for (std::string_view role : kFourRoles) {
    if (std::find(current_roles.begin(), current_roles.end(), role) == current_roles.end())
      g.missing.emplace_back(role);
  }
  g.complete = !g.too_few && g.missing.empty();
  return g;
}

std::optional<CivilDate> group_formed(const std::vector<Interval>& memberships, CivilDate from) {
  // Sweep the start and end days: the first start at which two memberships are open.
  std::vector<std::pair<CivilDate, int>> edges;
  edges.reserve(memberships.size() * 2);
  for (const Interval& m : memberships) {
    if (m.to && *m.to <= from) continue;  // over before `from`
    if (m.to && *m.to <= m.from) continue;
    edges.emplace_back(std::max(m.from, from), +1);
    if (m.to) edges.emplace_back(*m.to, -1);
  }
  // Ends before starts on the same day: a member leaving the day another joins is no overlap.
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && a.second < b.second);
  });
  int open = 0;
  for (const auto& [day, delta] : edges) {
    open += delta;
    if (open >= 2) return day;
  }
  return std::nullopt;
}

namespace {

// One one-off task, as the engine states them (engine.cpp emit_one_off): emitted once its window
// has started or it is fulfilled.
void one_off(const PersonFacts& f, CivilDate today, std::string_view rule, std::string_view clause,
             std::string_view anchor, std::string key, CivilDate anchor_date, CivilDate due,
             std::optional<CivilDate> record, std::vector<Task>& out) {
  if (record && *record > today) record.reset();
  if (!record && anchor_date > today) return;
  Task& t = out.emplace_back();
  t.rule = rule;
  t.clause = clause;
  t.owner = owner::household_judicial_office;
  t.anchor = anchor;
  t.anchor_date = anchor_date;
  t.key = std::move(key);
  t.window_from = anchor_date;
  t.due = due;
  if (record) {
    t.state = State::done;
    t.fulfilled_on = record;
    t.late = *record > due;
  } else if (in_intervals(f.custody_intervals, due)) {
    t.state = State::not_applicable;
    t.exemption = Exemption::in_custody;
  } else {
    t.state = today > due ? State::overdue : State::open;
  }
}

}  // namespace

void append_help_tasks(const PersonFacts& f, const PolicyTable& policy, CivilDate today, std::vector<Task>& out) {
  if (!f.registration_date || *f.registration_date > today) return;
  const CivilDate reg = *f.registration_date;
  const PolicyValues& v = policy.values_at(reg);

  // R-ORG-3, §2.1: the group of at least two (R-ORG-1) formed within help_group_days of registering.
  one_off(f, today, "R-ORG-3", "§2.1", "registration_date", "R-ORG-3", reg, domain::add_days(reg, v.help_group_days),
          group_formed(f.help_memberships, f.release_date), out);

  // R-ORG-4, §2.5: the first plan within help_plan_days of registering.
  std::optional<CivilDate> first;
  for (CivilDate d : f.plan_versions) {
    if (d <= today && (!first || d < *first)) first = d;
  }
  one_off(f, today, "R-ORG-4", "§2.5", "registration_date", "R-ORG-4", reg, domain::add_days(reg, v.help_plan_days),
          first, out);
  if (!first) return;

  // R-ORG-4: a revision after each full review and each change of class after the first plan.
  std::vector<std::pair<CivilDate, std::string_view>> triggers;
  for (CivilDate d : f.reviews) triggers.emplace_back(d, "review_held");
  for (CivilDate d : f.class_changes) triggers.emplace_back(d, "class_changed");
  std::sort(triggers.begin(), triggers.end());  // "class_changed" < "review_held": the review names a shared day
  std::optional<CivilDate> last;
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    const CivilDate day = triggers[i].first;
    if (day <= *first || day > today || (last && *last == day)) continue;
    // Of several triggers of one day, the review (sorted last of the day) names it.
    std::string_view anchor = triggers[i].second;
    while (i + 1 < triggers.size() && triggers[i + 1].first == day) anchor = triggers[++i].second;
    last = day;
    std::optional<CivilDate> answer;
    for (CivilDate d : f.plan_versions) {
      if (d >= day && d <= today && (!answer || d < *answer)) answer = d;
    }
    const CivilDate due = domain::add_days(day, policy.values_at(day).help_plan_revision_days);
    one_off(f, today, "R-ORG-4", "§2.5", anchor, "R-ORG-4/revision/" + domain::to_string(day), day, due, answer,
            out);
  }
}

}  // namespace anbang::rules
