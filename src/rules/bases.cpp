// Unit tasks of issue 9 (helper C): R-BASE-1 a township's enterprise base agreement (§2.4.3) and
// R-EMP-2 human resources' skills trainings a year (§2.4.2). Pure; see engine.hpp for the contract.
#include <algorithm>
#include <string>

#include "rules/bases.hpp"
#include "rules/engine.hpp"

namespace anbang::rules {

std::optional<AgreementSpan> agreement_on(const std::vector<AgreementSpan>& agreements, CivilDate day) {
  for (const AgreementSpan& a : agreements) {
    if (a.valid_from <= day && day <= a.valid_to) return a;
  }
  return std::nullopt;
}

PlacementCheck check_placement(const std::vector<AgreementSpan>& agreements, CivilDate placed_on, CivilDate today,
                               std::int64_t occupied) {
  auto on_day = agreement_on(agreements, placed_on);
  if (!on_day) return PlacementCheck::no_agreement;
  // The places are those of the agreement in force today: the occupancy counted is today's.
  auto now = agreement_on(agreements, today);
  const std::int64_t capacity = now ? now->capacity : on_day->capacity;
  if (occupied >= capacity) return PlacementCheck::full;
  return PlacementCheck::ok;
}

bool overlaps(const std::vector<AgreementSpan>& agreements, CivilDate from, CivilDate to) {
  return std::any_of(agreements.begin(), agreements.end(),
                     [&](const AgreementSpan& a) { return a.valid_from <= to && from <= a.valid_to; });
}

void append_base_agreement_tasks(const UnitFacts& facts, CivilDate today, std::vector<Task>& out) {
  if (facts.kind != "township") return;
  Task task;
  task.rule = "R-BASE-1";
  task.clause = "§2.4.3";
  task.owner = owner::unit;
  task.key = "R-BASE-1/agreement";
  std::optional<CivilDate> last_end;
  for (const Interval& a : facts.enterprise_agreements) {
    if (!a.to) continue;
    if (a.from <= today && today <= *a.to) {
      // The agreement in force (the one that runs longest when several do).
      if (!task.fulfilled_on || *a.to > task.due) {
        task.state = State::done;
        task.fulfilled_on = a.from;
        task.window_from = a.from;
        task.due = *a.to;
        task.anchor = "agreement_from";
        task.anchor_date = a.from;
      }
    } else if (*a.to < today && (!last_end || *a.to > *last_end)) {
      last_end = *a.to;
    }
  }
  if (!task.fulfilled_on) {
    task.state = State::open;
    task.anchor = last_end ? "agreement_end" : "active_from";
    task.anchor_date = last_end ? *last_end : facts.active_from;
    task.window_from = facts.active_from;
    task.due = today;
  }
  out.push_back(std::move(task));
}

void append_skills_training_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today,
                                  std::vector<Task>& out) {
  if (facts.kind != "department" || facts.subkind != "hr_social_security") return;
  std::vector<CivilDate> held;
  for (CivilDate d : facts.trainings) {
    if (d <= today) held.push_back(d);  // a training counts once it has started
  }
  std::sort(held.begin(), held.end());
  for (int year = facts.active_from.year; year <= today.year; ++year) {
    const CivilDate first{year, 1, 1}, last{year, 12, 31};
    const int needed = policy.values_at(first).skills_trainings_per_year;
    Task task;
    task.rule = "R-EMP-2";
    task.clause = "§2.4.2";
    task.owner = owner::unit;
    task.anchor = "year_start";
    task.anchor_date = first;
    task.period = PeriodKind::year;
    task.key = "R-EMP-2/" + std::to_string(year);
    task.window_from = first;
    task.due = last;
    int count = 0;
    for (CivilDate d : held) {
      if (d < first || d > last) continue;
      if (++count == needed) task.fulfilled_on = d;
    }
    auto before = std::lower_bound(held.begin(), held.end(), first);
    if (before != held.begin()) task.previous_fulfilment = *std::prev(before);
    if (task.fulfilled_on) {
      task.state = State::done;
    } else {
      task.state = today > last ? State::missed : State::open;
    }
    out.push_back(std::move(task));
  }
}

}  // namespace anbang::rules
