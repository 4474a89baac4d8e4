// Unit tasks: R-EDU-1 targeted legal education (§2.3.4). Before each holiday, politically sensitive
// period or major event of the district's calendar, each township holds a targeted legal-education
// session in the targeted_education_days before the event's first day.
#include <algorithm>
#include <string>

#include "rules/engine.hpp"

namespace anbang::rules {

void append_targeted_education_tasks(const UnitFacts& facts, const PolicyTable& policy, CivilDate today,
                                     std::vector<Task>& out) {
  if (facts.kind != "township") return;
  std::vector<CalendarEvent> events = facts.calendar;
  std::sort(events.begin(), events.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
    return a.starts_on != b.starts_on ? a.starts_on < b.starts_on : a.id < b.id;
  });
  bool next_emitted = false;
  for (const CalendarEvent& e : events) {
    // An event that begins on or before the day the unit became active is not owed.
    if (e.starts_on <= facts.active_from) continue;
    const int n = policy.values_at(e.starts_on).targeted_education_days;
    Task task;
    task.rule = "R-EDU-1";
    task.clause = "§2.3.4";
    task.owner = owner::unit;
    task.anchor = "event_start";
    task.anchor_date = e.starts_on;
    task.key = "R-EDU-1/event-" + std::to_string(e.id);
    task.window_from = std::max(domain::add_days(e.starts_on, -n), facts.active_from);
    task.due = domain::add_days(e.starts_on, -1);
    // The first targeted session in the window for this event (or naming no event), held by today.
    for (const TargetedSession& s : facts.targeted_sessions) {
      if (s.held_on > today || s.held_on < task.window_from || s.held_on > task.due) continue;
      if (s.event_id && *s.event_id != e.id) continue;
      if (!task.fulfilled_on || s.held_on < *task.fulfilled_on) task.fulfilled_on = s.held_on;
    }
    if (task.fulfilled_on) {
      task.state = State::done;
    } else if (today > task.due) {
      task.state = State::missed;  // the event has begun: the duty can no longer be done
    } else {
      task.state = State::open;
    }
    const bool started = task.window_from <= today;
    if (!started && !task.fulfilled_on) {
      if (next_emitted) continue;  // only the next event whose window has not started
      next_emitted = true;
    }
    out.push_back(std::move(task));
  }
}

}  // namespace anbang::rules
