// Unit tasks: R-MTG-1, R-MTG-2, R-MTG-3 (§2.3.4).
#include <algorithm>

#include "rules/days.hpp"
#include "rules/engine.hpp"

namespace anbang::rules {
namespace {

struct MeetingRule {
  std::string_view rule;
  PeriodKind kind;
};

// R-MTG-1: the district office, a joint meeting once a year. R-MTG-2: each township, a joint
// meeting of the units concerned once per quarter. R-MTG-3: each judicial office with its police
// station, once a month.
std::optional<MeetingRule> meeting_rule(std::string_view unit_kind) {
  if (unit_kind == "district")
    return MeetingRule{"R-MTG-1", PeriodKind::year};
  if (unit_kind == "township") {
    return MeetingRule{"R-MTG-2", PeriodKind::quarter};
  }
  if (unit_kind == "judicial_office") {
    return MeetingRule{"R-MTG-3", PeriodKind::month};
  }
  return std::nullopt;
}

}  // namespace

namespace {
void append_meeting_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today, std::vector<Task>& out) {
  std::optional<MeetingRule> m = meeting_rule(facts.kind);
  if (!m) return;
  std::vector<detail::Record> held;
  const std::int64_t t = domain::to_days(today);
  detail::to_records(facts.meetings, t, held);

  std::int64_t cursor = domain::to_days(facts.active_from);
  CivilDate cursor_date = facts.active_from;
  for (;;) {
    const detail::Period p = detail::calendar_period(m->kind, cursor_date, cursor);
    const std::int64_t from = std::max(p.first, cursor);
    const CivilDate from_date = from == cursor ? cursor_date : p.first_date;
    cursor = p.last + 1;
    cursor_date = detail::next_day(p.last_date);
    const std::int64_t min_days =
        std::min<std::int64_t>(policy.values_at(p.last_date).partial_period_min_days, p.last - p.first + 1);
    if (p.last + 1 - from < min_days) continue;  // a first partial period too short to owe a meeting

    Task task;
    task.rule = m->rule;
    task.clause = "§2.3.4";
    task.owner = owner::unit;
    task.anchor = "active_from";
    task.anchor_date = facts.active_from;
    task.period = m->kind;
    task.key = detail::period_key(m->rule, p);
    task.window_from = from_date;
    task.due = p.last_date;
    auto it = detail::first_on_or_after(held, from);
    if (it != held.begin()) task.previous_fulfilment = std::prev(it)->date;
    if (it != held.end() && it->day <= p.last) {
      task.state = State::done;
      task.fulfilled_on = it->date;
    } else {
      task.state = t > p.last ? State::missed : State::open;  // a closed period: missed (未按期完成)
    }
    out.push_back(std::move(task));
    if (from > t) break;  // the next one, not started yet
  }
}
}  // namespace

std::vector<Task> unit_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today) {
  std::vector<Task> out;
  append_meeting_tasks(facts, policy, today, out);
  append_targeted_education_tasks(facts, policy, today, out);  // R-EDU-1 (rules/education.cpp)
  append_base_agreement_tasks(facts, today, out);                // R-BASE-1 (rules/bases.cpp)
  append_skills_training_tasks(facts, policy, today, out);       // R-EMP-2 (rules/bases.cpp)
  return out;
}

}  // namespace anbang::rules
