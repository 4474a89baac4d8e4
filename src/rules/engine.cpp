// Person tasks: R-LNK-1, R-LNK-2, R-LNK-3, R-LNK-4, R-PCK-1, R-PCK-2, R-REG-1, R-VIS-1, R-VIS-2, R-REV-1
// (and R-ORG-3, R-ORG-4 from rules/help.cpp)
// within the assistance period of R-PER-1. Work is done on day numbers; the scratch vectors are
// per thread and reused, so a call allocates only the tasks it returns.
#include "rules/engine.hpp"

#include <algorithm>
#include <array>

#include "rules/allowance.hpp"
#include "rules/assistance.hpp"
#include "rules/days.hpp"
#include "rules/help.hpp"

namespace anbang::rules {
namespace {

using detail::Period;
using detail::Record;
using detail::Span;
using domain::add_days;
using domain::add_months_clamped;
using domain::from_days;
using domain::to_days;

struct Scratch {
  std::vector<Span> key, custody;
  std::vector<Record> visits, reviews;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Everything the rules of one person need, prepared once.
struct Ctx {
  const PersonFacts& f;
  const PolicyTable& policy;
  CivilDate today;
  std::int64_t t = 0;  // today
  std::int64_t r = 0;  // release day, first day under assistance
  std::int64_t e = 0;  // assistance end, first day no longer under assistance
  CivilDate last_day;  // e − 1 as a date
  const std::vector<Span>& key;
  const std::vector<Span>& custody;
  const std::vector<Record>& visits;
  const std::vector<Record>& reviews;

  bool in_custody(std::int64_t day) const { return detail::find_span(custody, day) != nullptr; }
};

// A new task at the end of `out` (built in place: a Task is ~200 bytes).
Task& new_task(std::vector<Task>& out, std::string_view rule, std::string_view clause, std::string_view owner,
               std::string_view anchor, CivilDate anchor_date) {
  Task& t = out.emplace_back();
  t.rule = rule;
  t.clause = clause;
  t.owner = owner;
  t.anchor = anchor;
  t.anchor_date = anchor_date;
  return t;
}

// A task not done: not_applicable when a recurring duty's period closed before the file was opened
// (late entries, DOMAIN.md §5) or when in custody on the due date; else after the due date missed
// (recurring: the period has closed) or overdue (one-off: still owed); else open.
void set_pending(const Ctx& c, Task& t, bool recurring) {
  if (recurring && c.f.file_opened && t.due < *c.f.file_opened) {
    t.state = State::not_applicable;
    t.exemption = Exemption::before_file;
  } else if (!c.custody.empty() && c.in_custody(domain::to_days(t.due))) {
    t.state = State::not_applicable;
    t.exemption = Exemption::in_custody;
  } else if (c.today > t.due) {
    t.state = recurring ? State::missed : State::overdue;
  } else {
    t.state = State::open;
  }
}

// ---- one-off rules ----

struct OneOff {
  std::string_view rule, clause, owner, anchor, key;
  CivilDate anchor_date, window_from, due;
  std::optional<CivilDate> record;  // the fulfilling record, if any
};

void emit_one_off(const Ctx& c, const OneOff& o, std::vector<Task>& out) {
  std::optional<CivilDate> rec = o.record && *o.record <= c.today ? o.record : std::nullopt;
  if (!rec && o.window_from > c.today) return;  // window not started
  Task& t = new_task(out, o.rule, o.clause, o.owner, o.anchor, o.anchor_date);
  t.key = std::string(o.key);
  t.window_from = o.window_from;
  t.due = o.due;
  if (rec) {
    t.state = State::done;
    t.fulfilled_on = rec;
    t.late = *rec > o.due;
  } else {
    set_pending(c, t, /*recurring=*/false);
  }
}

// R-LNK-1, §2.3.1: the custody unit sends the registration form within linkage_form_months of
// receiving the person. Without the receipt date there is no deadline and no task. A form known
// only as received by the judicial office was sent: the receipt date closes the task.
void lnk_1(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  if (!f.form_received_into_custody) return;
  CivilDate anchor = *f.form_received_into_custody;
  CivilDate due = add_months_clamped(anchor, c.policy.values_at(anchor).linkage_form_months);
  emit_one_off(
      c,
      {"R-LNK-1", "§2.3.1", owner::sender, "form_received_into_custody", "R-LNK-1", anchor, anchor, due,
       f.form_sent ? f.form_sent : f.form_received},
      out);
}

// R-LNK-2, §2.3.1: the household-registration judicial office verifies and feeds back within
// verification_feedback_months of receiving the form.
void lnk_2(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  if (!f.form_received) return;
  CivilDate anchor = *f.form_received;
  CivilDate due = verification_feedback_due(c.policy, anchor);
  emit_one_off(c,
               {"R-LNK-2", "§2.3.1", owner::household_judicial_office, "form_received", "R-LNK-2", anchor, anchor,
                due, f.verification_feedback_sent},
               out);
}

// R-LNK-4, §2.3.1, first half: the release notice release_notice_months_before the release date
// (month-end clamped). Its window opens when the person is known to be in custody (receipt into
// custody, else the form's receipt); with neither it opens on the due date itself. A notice meets
// the sender's deadline by the day it was sent (a mailed one: its postmark when known), once it has
// arrived (received on or before today).
void lnk_4_notice(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  CivilDate due =
      add_months_clamped(f.release_date, -c.policy.values_at(f.release_date).release_notice_months_before);
  CivilDate from = due;
  if (f.form_received_into_custody && *f.form_received_into_custody < from)
    from = *f.form_received_into_custody;
  if (f.form_received && *f.form_received < from) from = *f.form_received;
  std::optional<CivilDate> sent;
  if (f.release_notice_received && *f.release_notice_received <= c.today)
    sent = f.release_notice_sent && *f.release_notice_sent < *f.release_notice_received
               ? f.release_notice_sent
               : f.release_notice_received;
  emit_one_off(
      c,
      {"R-LNK-4", "§2.3.1", owner::sender, "release_date", "R-LNK-4/notice", f.release_date, from, due, sent},
      out);
}

// R-LNK-4, §2.3.1, second half: the reception arrangement within reception_feedback_days
// (in force on the day the notice was received) of receipt and never after the release date; a
// notice received on or after the release date is due the day it arrives.
void lnk_4_reply(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  if (!f.release_notice_received) return;
  CivilDate got = *f.release_notice_received;
  CivilDate due = reception_feedback_due(c.policy, got, f.release_date);
  emit_one_off(c,
               {"R-LNK-4", "§2.3.1", owner::household_judicial_office, "release_notice_received", "R-LNK-4/reply",
                got, got, due, f.reception_arrangement_sent},
               out);
}

// R-LNK-3, §2.3.1: a family or minor children in difficulty get help from the township of the
// household-registration place (assistance matters, R-JUR-1) within family_help_days (in force on
// the day the report was received) of the report. One task per report, keyed by its date and order.
void lnk_3(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  std::string key;
  for (std::size_t i = 0; i < f.family_reports.size(); ++i) {
    const FamilyReport& r = f.family_reports[i];
    CivilDate due = add_days(r.received, c.policy.values_at(r.received).family_help_days);
    key = "R-LNK-3/" + domain::to_string(r.received) + "/" + std::to_string(i + 1);
    emit_one_off(c,
                 {"R-LNK-3", "§2.3.1", owner::household_township, "family_report_received", key,
                  r.received, r.received, due, r.helped},
                 out);
  }
}

// R-PCK-1, §2.3.2, first half: before a key subject's release the household-registration judicial
// office notifies the township government and the police station. The class on the release day
// decides, as for the pick-up. Window: from the receipt of the release notice, or from
// release_notice_months_before (in force on the release date) before the release if that is earlier
// (the notice is due then, R-LNK-4); due the day before the release ("before release"). Closed by
// a notification of both recipients: fulfilled on the later of the two first notifications.
void pck_1_notice(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  if (detail::find_span(c.key, c.r) == nullptr) return;
  const CivilDate due = add_days(f.release_date, -1);
  CivilDate from =
      add_months_clamped(f.release_date, -c.policy.values_at(f.release_date).release_notice_months_before);
  if (f.release_notice_received && *f.release_notice_received < from) from = *f.release_notice_received;
  if (due < from) from = due;
  std::optional<CivilDate> both;
  if (f.release_notified_township && f.release_notified_police)
    both = std::max(*f.release_notified_township, *f.release_notified_police);
  emit_one_off(c,
               {"R-PCK-1", "§2.3.2", owner::household_judicial_office, "release_date", "R-PCK-1/notice",
                f.release_date, from, due, both},
               out);
}

// R-PCK-1 / R-PCK-2, §2.3.2: pick-up on the release day; the class on the release day decides
// which (R-CLS-3: a reclassification before release switches the task). The window opens when the
// release notice arrives (preparation), else on the release day.
void pck(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  bool key = detail::find_span(c.key, c.r) != nullptr;
  CivilDate from = f.release_notice_received && *f.release_notice_received < f.release_date
                       ? *f.release_notice_received
                       : f.release_date;
  if (key) {
    emit_one_off(
        c,
        {"R-PCK-1", "§2.3.2", owner::household_township, "release_date", "R-PCK-1", f.release_date, from,
         f.release_date, f.picked_up},
        out);
  } else {
    emit_one_off(
        c,
        {"R-PCK-2", "§2.3.2", owner::household_township, "release_date", "R-PCK-2", f.release_date, from,
         f.release_date, f.picked_up},
        out);
  }
}

// R-REG-1, §2.3.3: registration within registration_days from the release day: deadline =
// release date + registration_days (in force on the release date).
void reg_1(const Ctx& c, std::vector<Task>& out) {
  const PersonFacts& f = c.f;
  CivilDate due = registration_deadline(c.policy, f.release_date);
  emit_one_off(c,
               {"R-REG-1", "§2.3.3", owner::household_judicial_office, "release_date", "R-REG-1",
                f.release_date, f.release_date, due, f.registration_date},
               out);
}

// ---- recurring rules ----

struct Recurring {
  std::string_view rule, clause, owner, anchor;
  bool key_class = false;                         // counts key days (else every day under assistance)
  PeriodKind fixed = PeriodKind::none;            // the period when not a parameter
  std::string PolicyValues::*param = nullptr;     // the period parameter, if any
  const std::vector<Record>* records = nullptr;   // sorted fulfilling records <= today
};

// Days of [a, b) under assistance (not in custody): as a key subject for the key rules, else all of
// them (R-VIS-2: the half-yearly minimum of R-VIS-1 applies to key and general subjects alike).
std::int64_t class_days(const Ctx& c, bool key_class, std::int64_t a, std::int64_t b) {
  std::int64_t cu = c.custody.empty() ? 0 : detail::overlap(c.custody, a, b);
  if (!key_class) return (b - a) - cu;
  std::int64_t k = detail::overlap(c.key, a, b);
  std::int64_t both = (c.custody.empty() || c.key.empty()) ? 0 : detail::overlap_both(c.key, c.custody, a, b);
  return k - both;
}

// First day of [a, b) under assistance in the class; b when there is none.
std::int64_t first_class_day(const Ctx& c, bool key_class, std::int64_t a, std::int64_t b) {
  std::int64_t d = a;
  while (d < b) {
    if (const Span* s = detail::find_span(c.custody, d)) {
      d = s->to;
      continue;
    }
    if (!key_class) return d;
    if (detail::find_span(c.key, d)) return d;
    std::int64_t next = b;  // looking for a key day: jump to the next key span
    for (const Span& s : c.key) {
      if (s.from > d) {
        next = s.from;
        break;
      }
    }
    d = next;
  }
  return b;
}

// Last day of [a, b) as a key subject and not in custody ("the last such day", R-REV-1); a - 1 when
// none.
std::int64_t last_key_day(const Ctx& c, std::int64_t a, std::int64_t b) {
  std::int64_t last = a - 1;
  for (const Span& s : c.key) {
    const std::int64_t lo = std::max(s.from, a);
    std::int64_t d = std::min(s.to, b) - 1;
    while (d >= lo) {
      const Span* cu = detail::find_span(c.custody, d);
      if (!cu) break;
      d = cu->from - 1;
    }
    if (d >= lo) last = std::max(last, d);
  }
  return last;
}

// Every qualifying period from the release day to the first one not yet started (emitted open,
// then stop) or to the end of assistance. A period qualifies with at least partial_period_min_days
// (in force on the calendar period's last day, capped at its length) days under assistance in the
// class. Window: the first such day to the due date = the period's last day, or the last day of
// assistance, or — for key-subject rules ("the last such day", R-REV-1) — the last day of the
// period as a key subject out of custody, whichever comes first.
void emit_recurring(const Ctx& c, const Recurring& rr, std::vector<Task>& out) {
  std::int64_t cursor = c.r;
  CivilDate cursor_date = c.f.release_date;
  while (cursor < c.e) {
    PeriodKind kind = rr.param ? period_kind(c.policy.values_at(cursor_date).*rr.param) : rr.fixed;
    if (kind == PeriodKind::none) {  // no duty now; look again when the policy next changes
      std::optional<CivilDate> next = c.policy.next_change_after(cursor_date);
      if (!next) return;
      cursor = to_days(*next);
      cursor_date = *next;
      continue;
    }
    const Period p = detail::calendar_period(kind, cursor_date, cursor);
    const std::int64_t a = std::max(p.first, cursor), b = std::min(p.last + 1, c.e);
    const CivilDate a_date = a == cursor ? cursor_date : p.first_date;
    cursor = p.last + 1;
    cursor_date = detail::next_day(p.last_date);
    const std::int64_t min_days =
        std::min<std::int64_t>(c.policy.values_at(p.last_date).partial_period_min_days, p.last - p.first + 1);
    if (class_days(c, rr.key_class, a, b) < min_days) continue;

    const std::int64_t from = first_class_day(c, rr.key_class, a, b);
    std::int64_t due = b - 1;
    if (rr.key_class) due = std::min(due, last_key_day(c, a, b));

    CivilDate anchor_date = c.f.release_date;
    if (rr.key_class) {
      if (const Span* k = detail::find_span(c.key, from)) anchor_date = k->from_date;
    }
    Task& t = new_task(out, rr.rule, rr.clause, rr.owner, rr.anchor, anchor_date);
    t.period = kind;
    t.key = detail::period_key(rr.rule, p);
    t.window_from = from == a ? a_date : from_days(from);
    t.due = due == p.last ? p.last_date : due == c.e - 1 ? c.last_day : from_days(due);

    const std::vector<Record>& recs = *rr.records;
    auto it = detail::first_on_or_after(recs, from);
    if (it != recs.begin()) t.previous_fulfilment = std::prev(it)->date;
    if (it != recs.end() && it->day <= due) {
      t.state = State::done;
      t.fulfilled_on = it->date;
    } else {
      set_pending(c, t, /*recurring=*/true);
    }
    if (from > c.t) return;  // the next one, not started yet
  }
}

// R-VIS-1, §2.3.4: one visit per general_visit_period (default half-year) for every person under
// assistance, key subjects included (R-VIS-2: never less than a general subject).
void vis_1(const Ctx& c, std::vector<Task>& out) {
  emit_recurring(c,
                 {.rule = "R-VIS-1",
                  .clause = "§2.3.4",
                  .owner = owner::residence_village,
                  .anchor = "release_date",
                  .param = &PolicyValues::general_visit_period,
                  .records = &c.visits},
                 out);
}

// R-VIS-2, §2.3.4: key subjects, one visit per key_visit_period while key (default none).
void vis_2(const Ctx& c, std::vector<Task>& out) {
  if (c.key.empty()) return;
  emit_recurring(c,
                 {.rule = "R-VIS-2",
                  .clause = "§2.3.4",
                  .owner = owner::residence_village,
                  .anchor = "key_subject_from",
                  .key_class = true,
                  .param = &PolicyValues::key_visit_period,
                  .records = &c.visits},
                 out);
}

// R-REV-1, §2.3.4: key subjects, one full review by the township per calendar quarter.
void rev_1(const Ctx& c, std::vector<Task>& out) {
  if (c.key.empty()) return;
  emit_recurring(c,
                 {.rule = "R-REV-1",
                  .clause = "§2.3.4",
                  .owner = owner::residence_township,
                  .anchor = "key_subject_from",
                  .key_class = true,
                  .fixed = PeriodKind::quarter,
                  .records = &c.reviews},
                 out);
}

}  // namespace

std::string_view to_string(State state) {
  switch (state) {
    case State::open:
      return "open";
    case State::done:
      return "done";
    case State::overdue:
      return "overdue";
    case State::not_applicable:
      return "not_applicable";
    case State::missed:
      return "missed";
  }
  return "open";
}

std::string_view to_string(Exemption exemption) {
  switch (exemption) {
    case Exemption::in_custody:
      return "in_custody";
    case Exemption::before_file:
      return "before_file";
    case Exemption::none:
      break;
  }
  return "none";
}

std::string_view shown_state(std::string_view stored, std::string_view rule, std::string_view due,
                             std::string_view today) {
  if (stored == "open" && due < today) return is_recurring(rule) ? "missed" : "overdue";
  return stored;
}

bool is_recurring(std::string_view rule) {
  return rule.starts_with("R-VIS") || rule.starts_with("R-REV") || rule.starts_with("R-MTG");
}

// R-PER-1, §2.3.3: assistance_years_custody (5) after prison or detention centre,
// assistance_years_correction (3) after community correction, by the release date.
CivilDate assistance_end(const PolicyTable& policy, CivilDate release_date, std::string_view release_kind) {
  const PolicyValues& v = policy.values_at(release_date);
  int years =
      release_kind == "community_correction" ? v.assistance_years_correction : v.assistance_years_custody;
  return domain::add_years_clamped(release_date, years);
}

CivilDate assistance_end(const PersonFacts& facts, const PolicyTable& policy) {
  if (facts.assistance_end_override) return *facts.assistance_end_override;
  return assistance_end(policy, facts.release_date, facts.release_kind);
}

// R-LNK-2, §2.3.1.
CivilDate reception_feedback_due(const PolicyTable& policy, CivilDate notice_received, CivilDate release_date) {
  CivilDate due = add_days(notice_received, policy.values_at(notice_received).reception_feedback_days);
  if (release_date < due) due = release_date;
  if (due < notice_received) due = notice_received;
  return due;
}

CivilDate verification_feedback_due(const PolicyTable& policy, CivilDate form_received) {
  return add_months_clamped(form_received, policy.values_at(form_received).verification_feedback_months);
}

bool in_intervals(const std::vector<Interval>& intervals, CivilDate day) {
  for (const Interval& i : intervals) {
    if (i.from <= day && (!i.to || day < *i.to)) return true;
  }
  return false;
}

void append_person_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today,
                         std::vector<Task>& out) {
  Scratch& s = scratch();
  const std::int64_t t = to_days(today);
  detail::to_spans(facts.key_intervals, s.key);
  detail::to_spans(facts.custody_intervals, s.custody);
  detail::to_records(facts.visits, t, s.visits);
  detail::to_records(facts.reviews, t, s.reviews);
  const CivilDate end = assistance_end(facts, policy);
  const Ctx c{.f = facts,
              .policy = policy,
              .today = today,
              .t = t,
              .r = to_days(facts.release_date),
              .e = to_days(end),
              .last_day = detail::previous_day(end),
              .key = s.key,
              .custody = s.custody,
              .visits = s.visits,
              .reviews = s.reviews};

  // Linkage and pick-up concern releases from custody; community correction has neither.
  if (facts.release_kind != "community_correction") {
    lnk_1(c, out);
    lnk_2(c, out);
    lnk_3(c, out);
    lnk_4_notice(c, out);
    lnk_4_reply(c, out);
    pck_1_notice(c, out);
    pck(c, out);
  }
  reg_1(c, out);
  append_help_tasks(facts, policy, today, out);  // R-ORG-3, R-ORG-4 (rules/help.cpp)
  vis_1(c, out);
  vis_2(c, out);
  rev_1(c, out);
  append_referral_tasks(facts, policy, today, out);  // R-AID-1..6 (rules/assistance.cpp)
  append_allowance_tasks(facts, policy, today, out);  // R-ALW-1, R-ALW-2 (rules/allowance.cpp)
}

CivilDate registration_deadline(const PolicyTable& policy, CivilDate release_date) {
  return add_days(release_date, policy.values_at(release_date).registration_days);
}

std::vector<Task> person_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today) {
  std::vector<Task> out;
  out.reserve(24);
  append_person_tasks(facts, policy, today, out);
  return out;
}

}  // namespace anbang::rules
