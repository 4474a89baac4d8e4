// R-ALW-1..5 (§3.3): the hardship allowance's entitlement, its chain and its tasks.
#include "rules/allowance.hpp"

#include <algorithm>
#include <string>

namespace anbang::rules {

using domain::add_days;
using domain::add_months_clamped;

std::string_view code(MonthStatus s) {
  switch (s) {
    case MonthStatus::payable: return "payable";
    case MonthStatus::dibao: return "dibao";
    case MonthStatus::reoffended: return "reoffended";
  }
  return "payable";
}

CivilDate month_start(CivilDate d) { return {d.year, d.month, 1}; }

CivilDate next_month(CivilDate first) {
  return first.month == 12 ? CivilDate{first.year + 1, 1, 1} : CivilDate{first.year, first.month + 1, 1};
}

namespace {
CivilDate month_end(CivilDate first) { return add_days(next_month(first), -1); }

std::string month_key(CivilDate first) {
  std::string s = domain::to_string(first);
  return s.substr(0, 7);  // YYYY-MM
}
}  // namespace

int months_late(CivilDate deadline, CivilDate registered, bool started) {
  if (registered <= deadline) return 0;
  int n = 0;
  if (started) {
    while (add_months_clamped(deadline, n) < registered) ++n;  // deadline + n ≥ registered
    return n;
  }
  while (add_months_clamped(deadline, n + 1) <= registered) ++n;  // deadline + n ≤ registered
  return n;
}

namespace {
// The kind in force on `day`: the latest with since ≤ day, else the earliest known; "" if none.
std::string_view kind_on(const std::vector<HouseholdKind>& kinds, CivilDate day) {
  const HouseholdKind* best = nullptr;
  const HouseholdKind* earliest = nullptr;
  for (const auto& k : kinds) {
    if (!earliest || k.since < earliest->since) earliest = &k;
    if (k.since <= day && (!best || k.since >= best->since)) best = &k;
  }
  if (best) return best->kind;
  return earliest ? earliest->kind : std::string_view{};
}

bool overlaps(const Interval& i, CivilDate from, CivilDate to) { return i.from <= to && (!i.to || *i.to >= from); }
}  // namespace

Entitlement allowance_entitlement(const PolicyTable& policy, const AllowanceFacts& f) {
  Entitlement e;
  const PolicyValues& at_approval = policy.values_at(f.approved_on);
  e.deadline = registration_deadline(policy, f.release_date);
  e.registered_on = f.registration_date;
  e.rounding = at_approval.late_month_rounding == "started" ? "started" : "whole";
  e.max_months = at_approval.allowance_months;
  if (!f.registration_date) return e;  // not registered: nothing is payable (R-ALW-3)
  e.months_late = months_late(e.deadline, *f.registration_date, e.rounding == "started");
  e.months_payable = std::max(0, e.max_months - e.months_late);
  // R-ALW-5: the first re-offence of this period; R-ALW-4: 低保 stops the payment from its month.
  std::optional<CivilDate> reoffence;
  for (CivilDate d : f.reoffences)
    if (d >= f.release_date && (!reoffence || d < *reoffence)) reoffence = d;
  CivilDate m = month_start(f.approved_on);
  for (int i = 0; i < e.months_payable; ++i, m = next_month(m)) {
    AllowanceMonth am;
    am.month = m;
    am.household_kind = kind_on(f.household_kinds, m);
    const PolicyValues& v = policy.values_at(m);
    am.standard_fen = am.household_kind == "rural" ? v.min_living_standard_rural_fen : v.min_living_standard_urban_fen;
    const bool stopped = e.stopped_from.has_value();
    if (stopped) {
      am.status = e.stop_rule == "R-ALW-5" ? MonthStatus::reoffended : MonthStatus::dibao;
    } else if (reoffence && *reoffence <= month_end(m)) {
      am.status = MonthStatus::reoffended;
      e.stopped_from = m;
      e.stop_rule = "R-ALW-5";
    } else if (std::any_of(f.dibao.begin(), f.dibao.end(),
                           [&](const Interval& d) { return overlaps(d, m, month_end(m)); })) {
      am.status = MonthStatus::dibao;
      e.stopped_from = m;
      e.stop_rule = "R-ALW-4";
    }
    if (am.status == MonthStatus::payable) {
      am.amount_fen = am.standard_fen;
      e.total_fen += am.amount_fen;
    }
    e.months.push_back(am);
  }
  return e;
}

// --- R-ALW-2 ---

std::string_view code(ChainStep s) {
  switch (s) {
    case ChainStep::applied: return "applied";
    case ChainStep::certified: return "certified";
    case ChainStep::verified: return "verified";
    case ChainStep::approved: return "approved";
    case ChainStep::rejected: return "rejected";
    case ChainStep::returned: return "returned";
  }
  return "applied";
}

std::optional<ChainStep> parse_chain_step(std::string_view t) {
  for (ChainStep s : {ChainStep::applied, ChainStep::certified, ChainStep::verified, ChainStep::approved,
                      ChainStep::rejected, ChainStep::returned})
    if (code(s) == t) return s;
  return std::nullopt;
}

std::string_view code(Awaiting a) {
  switch (a) {
    case Awaiting::documents: return "documents";
    case Awaiting::certificate: return "certificate";
    case Awaiting::verification: return "verification";
    case Awaiting::approval: return "approval";
    case Awaiting::none: return "none";
  }
  return "none";
}

ChainState chain_state(const std::vector<ChainEvent>& steps) {
  ChainState s;
  for (const ChainEvent& e : steps) {
    if (!step_allowed(s, e.step) && e.step != ChainStep::applied) continue;  // not a step of this state
    s.since = e.on;
    switch (e.step) {
      case ChainStep::applied: s.awaiting = Awaiting::certificate; break;
      case ChainStep::certified: s.awaiting = Awaiting::verification; break;
      case ChainStep::verified: s.awaiting = Awaiting::approval; break;
      case ChainStep::approved:
        s.awaiting = Awaiting::none;
        s.approved = true;
        break;
      case ChainStep::rejected:
        s.awaiting = Awaiting::none;
        s.rejected = true;
        break;
      case ChainStep::returned:
        s.awaiting = s.awaiting == Awaiting::approval       ? Awaiting::verification
                     : s.awaiting == Awaiting::verification ? Awaiting::certificate
                                                            : Awaiting::documents;
        break;
    }
  }
  return s;
}

bool step_allowed(const ChainState& s, ChainStep next) {
  switch (s.awaiting) {
    case Awaiting::documents: return next == ChainStep::applied || next == ChainStep::rejected;
    case Awaiting::certificate:
      return next == ChainStep::certified || next == ChainStep::rejected || next == ChainStep::returned;
    case Awaiting::verification:
      return next == ChainStep::verified || next == ChainStep::rejected || next == ChainStep::returned;
    case Awaiting::approval:
      return next == ChainStep::approved || next == ChainStep::rejected || next == ChainStep::returned;
    case Awaiting::none: return false;
  }
  return false;
}

// --- the tasks ---

std::int64_t step_unit(Awaiting w, std::int64_t office, std::int64_t village, std::int64_t township) {
  switch (w) {
    case Awaiting::documents:
    case Awaiting::verification: return office;
    case Awaiting::certificate: return village ? village : office;
    case Awaiting::approval: return township;
    case Awaiting::none: return 0;
  }
  return 0;
}

std::optional<Awaiting> parse_awaiting(std::string_view t) {
  for (Awaiting a : {Awaiting::documents, Awaiting::certificate, Awaiting::verification, Awaiting::approval})
    if (code(a) == t) return a;
  return std::nullopt;
}

void append_allowance_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today,
                            std::vector<Task>& out) {
  for (const AllowanceCase& a : facts.allowances) {
    if (a.steps.empty()) continue;
    std::vector<ChainEvent> known;
    for (const ChainEvent& e : a.steps)
      if (e.on <= today) known.push_back(e);
    if (known.empty()) continue;
    const ChainState s = chain_state(known);
    if (s.awaiting != Awaiting::none) {
      Task& t = out.emplace_back();
      t.rule = "R-ALW-2";
      t.clause = "§3.3";
      t.owner = owner::deciding_unit;
      t.owner_unit_id = step_unit(s.awaiting, a.office_unit_id, a.village_unit_id, a.township_unit_id);
      t.anchor = code(s.awaiting);
      t.anchor_date = s.since;
      t.key = "R-ALW-2/" + std::to_string(a.id) + "/" + std::string(code(s.awaiting));
      t.window_from = s.since;
      t.due = add_days(s.since, policy.values_at(s.since).allowance_step_days);
      t.state = today > t.due ? State::overdue : State::open;
      continue;
    }
    if (!s.approved) continue;
    AllowanceFacts f{facts.release_date, facts.registration_date, s.since, a.household_kinds, a.dibao, a.reoffences};
    const Entitlement e = allowance_entitlement(policy, f);
    for (const AllowanceMonth& m : e.months) {
      if (m.status != MonthStatus::payable || m.month > today) continue;
      Task& t = out.emplace_back();
      t.rule = "R-ALW-1";
      t.clause = "§3.3";
      t.owner = owner::deciding_unit;
      t.owner_unit_id = a.township_unit_id;
      t.anchor = "allowance_month";
      t.anchor_date = m.month;
      t.key = "R-ALW-1/" + std::to_string(a.id) + "/" + month_key(m.month);
      t.window_from = m.month;
      t.due = month_end(m.month);
      std::optional<CivilDate> paid;
      for (const auto& [month, on] : a.paid)
        if (month == m.month && on <= today) paid = on;
      if (paid) {
        t.state = State::done;
        t.fulfilled_on = paid;
        t.late = *paid > t.due;
      } else {
        t.state = today > t.due ? State::overdue : State::open;
      }
    }
  }
}

}  // namespace anbang::rules
