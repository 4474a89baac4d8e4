#include "rules/lost.hpp"

#include <algorithm>

namespace anbang::rules {
namespace {

// Under assistance on `today` (R-PER-1) and not in custody.
bool supervised_now(const PersonFacts& f, const PolicyTable& policy, CivilDate today) {
  return f.release_date <= today && today < assistance_end(f, policy) &&
         !in_intervals(f.custody_intervals, today);
}

bool is_follow_up(std::string_view rule) {
  return rule == "R-VIS-1" || rule == "R-VIS-2" || rule == "R-REV-1";
}

bool dated_by(const std::optional<CivilDate>& d, CivilDate today) { return d && *d <= today; }

}  // namespace

LostStatus lost_status(const std::vector<Task>& tasks, const PersonFacts& facts, const PolicyTable& policy,
                       CivilDate today) {
  LostStatus st;
  if (!supervised_now(facts, policy, today)) return st;
  if (facts.whereabouts_unknown) {
    st.at_risk = st.whereabouts_unknown = true;
    return st;
  }
  // The last contact (visit or review) on or before today.
  std::optional<CivilDate> last_contact;
  for (const auto* records : {&facts.visits, &facts.reviews}) {
    for (CivilDate d : *records) {
      if (d <= today && (!last_contact || *last_contact < d)) last_contact = d;
    }
  }
  const int limit = policy.in_force(today).lost_contact_days;
  // R-OUT-1: a return overdue without news. News = the return recorded (on or before today) or a
  // follow-up after the expected return; the earliest such outing is named.
  for (const Outing& o : facts.outings) {
    if (o.left_on > today || (o.returned_on && *o.returned_on <= today)) continue;
    if (domain::days_between(o.expected_return, today) <= limit) continue;
    if (last_contact && o.expected_return < *last_contact) continue;
    if (!st.outing_overdue || o.expected_return < *st.due) {
      st.at_risk = st.outing_overdue = true;
      st.due = o.expected_return;
      st.days_overdue = domain::days_between(o.expected_return, today);
    }
  }
  if (st.outing_overdue) return st;
  const Task* worst = nullptr;
  for (const Task& t : tasks) {
    // Follow-ups are recurring: once their period has closed unfulfilled they are missed.
    if ((t.state != State::missed && t.state != State::overdue) || !is_follow_up(t.rule)) continue;
    if (domain::days_between(t.due, today) <= limit) continue;
    if (last_contact && t.due < *last_contact) continue;
    if (!worst || t.due < worst->due) worst = &t;
  }
  if (!worst) return st;
  st.at_risk = true;
  st.task_key = worst->key;
  st.due = worst->due;
  st.days_overdue = domain::days_between(worst->due, today);
  return st;
}

bool missed_supervision(const PersonFacts& facts, const PolicyTable& policy, CivilDate today) {
  bool documents = dated_by(facts.form_sent, today) || dated_by(facts.form_received, today) ||
                   dated_by(facts.release_notice_received, today);
  if (!documents || !supervised_now(facts, policy, today)) return false;
  CivilDate deadline = registration_deadline(policy, facts.release_date);
  return today > deadline && !dated_by(facts.registration_date, today);  // R-REG-1 deadline passed
}

LostLists lost_lists(std::span<const PersonFacts> persons, const PolicyTable& policy, CivilDate today) {
  LostLists lists;
  std::vector<Task> tasks;
  for (const PersonFacts& p : persons) {
    tasks.clear();
    append_person_tasks(p, policy, today, tasks);
    if (lost_status(tasks, p, policy, today).at_risk) lists.lost.push_back(p.id);
    if (missed_supervision(p, policy, today)) lists.missed.push_back(p.id);
  }
  return lists;
}

}  // namespace anbang::rules
