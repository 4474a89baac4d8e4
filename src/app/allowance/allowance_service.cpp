#include "app/allowance/allowance_service.hpp"

#include <algorithm>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "rules/engine.hpp"

namespace anbang::app {

namespace {

using rules::Awaiting;
using rules::ChainStep;

Error not_your_step() {
  return forbidden("ALLOWANCE_NOT_YOUR_STEP", "这一环节不由您的单位办理：请由该人员户籍地对应的村居、司法所或镇街办理");
}
Error application_not_found() {
  return not_found("ALLOWANCE_NOT_FOUND", "未找到该补助金申请，或该申请不在您的管辖范围内");
}
Error run_not_found() { return not_found("ALLOWANCE_RUN_NOT_FOUND", "未找到该发放批次，或它不属于您的镇街"); }

// "2027-03" → its first day.
Result<domain::CivilDate> parse_month(const std::string& text, const char* field) {
  auto d = domain::parse_date(text + "-01");
  if (text.size() != 7 || !d.ok()) return invalid("FIELD_VALUE", "月份格式不正确，应为四位年份和两位月份，例如 2027-03", field);
  return *d;
}
std::string month_text(domain::CivilDate first) { return domain::to_string(first).substr(0, 7); }

// The permission a step of the awaited kind needs.
std::string_view duty_of(Awaiting a) {
  switch (a) {
    case Awaiting::documents: return perm::allowance_apply;
    case Awaiting::certificate: return perm::allowance_certify;
    case Awaiting::verification: return perm::allowance_verify;
    case Awaiting::approval: return perm::allowance_approve;
    case Awaiting::none: return {};
  }
  return {};
}

std::int64_t owed_by(const store::AllowanceRow& a, Awaiting w) {
  return rules::step_unit(w, a.office_unit_id, a.village_unit_id.value_or(0), a.township_unit_id);
}

std::vector<rules::ChainEvent> events_of(const std::vector<store::AllowanceStepRow>& steps) {
  std::vector<rules::ChainEvent> out;
  for (const auto& s : steps) {
    auto step = rules::parse_chain_step(s.step);
    auto on = domain::parse_date(s.on_date);
    if (step && on.ok()) out.push_back({*step, *on});
  }
  return out;
}

// The state code kept on the application.
std::string state_code(const rules::ChainState& s) {
  if (s.approved) return "approved";
  if (s.rejected) return "rejected";
  return std::string(rules::code(s.awaiting));
}

// What the caller may do now with an application in `state`.
std::vector<std::string_view> actions_for(const AuthedCtx& ctx, const store::AllowanceRow& a) {
  auto w = rules::parse_awaiting(a.state);
  if (!w || ctx.actor.system) return {};
  const std::string_view duty = duty_of(*w);
  // Without a village the judicial office records the certificate under its verification duty.
  const std::string_view need = (*w == Awaiting::certificate && !a.village_unit_id) ? perm::allowance_verify : duty;
  if (!ctx.actor.can(need) || ctx.actor.unit_id != owed_by(a, *w)) return {};
  switch (*w) {
    case Awaiting::documents: return {"resubmit", "reject"};
    case Awaiting::certificate: return {"certify", "return", "reject"};
    case Awaiting::verification: return {"verify", "return", "reject"};
    case Awaiting::approval: return {"approve", "return", "reject"};
    case Awaiting::none: return {};
  }
  return {};
}

rules::Entitlement entitlement_of(const rules::PolicyTable& policy, const store::AllowanceCaseRow& c,
                                  domain::CivilDate as_of) {
  rules::AllowanceFacts f{c.release_date, c.registration_date, as_of, c.facts.household_kinds, c.facts.dibao,
                          c.facts.reoffences};
  return rules::allowance_entitlement(policy, f);
}

Status check_documents(const AllowanceApplyInput& in) {
  if (!in.release_certificate || !in.id_card || !in.household_register)
    return invalid("ALLOWANCE_DOCUMENTS", "申请须持释放证明、身份证、户口本三项材料，请核对后勾选", "documents");
  return {};
}

// The units of a person's application: household township, its judicial office, the household
// village (if the household place is a village).
struct ChainUnits {
  std::int64_t township = 0, office = 0;
  std::optional<std::int64_t> village;
};
Result<ChainUnits> chain_units(const domain::UnitTree& tree, const store::PersonRecord& p) {
  auto town = tree.township_of(p.household_unit_id);
  if (!town)
    return invalid("ALLOWANCE_HOUSEHOLD_OUTSIDE", "该人员户籍地不在本区镇街，补助金应向户籍地申请", "household_unit_id");
  ChainUnits u;
  u.township = *town;
  u.office = tree.judicial_office_for(p.household_unit_id);
  const domain::Unit* home = tree.find(p.household_unit_id);
  if (home && home->kind == "village") u.village = home->id;
  return u;
}

store::AllowanceStepRow step_row(const AuthedCtx& ctx, std::int64_t application_id, std::string_view step,
                                 const std::string& on, const std::string& note) {
  store::AllowanceStepRow s;
  s.application_id = application_id;
  s.step = std::string(step);
  s.on_date = on;
  s.note = note;
  s.unit_id = ctx.actor.unit_id;
  s.user_id = ctx.actor.user_id;
  s.created_at = ctx.now;
  return s;
}

Result<std::optional<std::string>> registered_on(store::Connection& c, std::int64_t person_id,
                                                 const std::string& release_date) {
  auto r = c.query_one(
      "SELECT MIN(registered_on) FROM registrations WHERE person_id = ? AND registered_on >= ?",
      {person_id, release_date});
  if (!r.ok()) return r.error();
  if (!r->has_value()) return std::optional<std::string>{};
  return (*r)->opt_str(0);
}

// In custody (detention or a new sentence) on `day`.
Result<bool> in_custody_on(store::Connection& c, std::int64_t person_id, const std::string& day) {
  auto n = c.scalar(
      "SELECT COUNT(*) FROM custody_intervals WHERE person_id = ? AND from_date <= ? AND (to_date IS NULL OR "
      "to_date >= ?)",
      {person_id, day, day});
  if (!n.ok()) return n.error();
  return *n > 0;
}

}  // namespace

AllowanceItem AllowanceService::item_of(store::Connection& c, const AuthedCtx& ctx, store::AllowanceRow row) const {
  AllowanceItem it;
  if (auto steps = store::allowance_steps(c, row.id); steps.ok()) it.steps = std::move(steps).value();
  it.as_of = ctx.today;
  if (row.approved_on)
    if (auto d = domain::parse_date(*row.approved_on); d.ok()) it.as_of = *d;
  if (auto cs = store::allowance_case(c, row.id); cs.ok() && cs->has_value())
    it.entitlement = entitlement_of(*core_.policy(), **cs, it.as_of);
  if (auto h = store::month_holds(c, row.id); h.ok()) it.holds = std::move(h).value();
  if (auto l = store::application_ledger(c, row.id); l.ok()) it.ledger = std::move(l).value();
  it.actions = actions_for(ctx, row);
  if (rules::parse_awaiting(row.state)) {
    if (auto since = domain::parse_date(row.since); since.ok()) {
      const domain::CivilDate due =
          domain::add_days(*since, core_.policy()->values_at(*since).allowance_step_days);
      it.due = domain::to_string(due);
      it.overdue = ctx.today > due;
    }
  }
  it.row = std::move(row);
  return it;
}

Result<Audited<AllowanceSection>> AllowanceService::section(const AuthedCtx& ctx, std::int64_t person_id) {
  auto tree = core_.units();
  return read_person<AllowanceSection>(
      core_, ctx, perm::person_read, person_id, "allowance",
      [&](store::Connection& c, const Reached& reached) -> Result<AllowanceSection> {
        AllowanceSection s;
        auto rows = store::person_allowances(c, person_id);
        if (!rows.ok()) return rows.error();
        for (auto& r : *rows) s.items.push_back(item_of(c, ctx, std::move(r)));
        auto kinds = store::person_household_kinds(c, person_id);
        if (!kinds.ok()) return kinds.error();
        s.kinds = std::move(kinds).value();
        const auto& p = reached.record();
        auto units = chain_units(*tree, p);
        if (ctx.actor.can(perm::allowance_apply) && units.ok() &&
            (ctx.actor.unit_id == units->office || (units->village && ctx.actor.unit_id == *units->village))) {
          auto live = store::live_allowance_exists(c, person_id, p.release_date);
          if (!live.ok()) return live.error();
          auto reg = registered_on(c, person_id, p.release_date);
          if (!reg.ok()) return reg.error();
          auto held = in_custody_on(c, person_id, domain::to_string(ctx.today));
          if (!held.ok()) return held.error();
          // Offered only when it can succeed: registered (R-REG-1), out of custody, none live.
          s.can_apply = !*live && reg->has_value() && !*held && p.release_date <= domain::to_string(ctx.today);
        }
        return s;
      });
}

Result<std::int64_t> AllowanceService::apply(const AuthedCtx& ctx, std::int64_t person_id,
                                             const AllowanceApplyInput& in) {
  if (auto s = check_documents(in); !s.ok()) return s.error();
  if (auto s = domain::check::one_of(in.household_kind, {"urban", "rural"}, "household_kind", "请选择城镇或农村");
      !s.ok())
    return s.error();
  auto hardship = domain::check::text(in.hardship, "hardship", "困难情况", 500, false);
  if (!hardship.ok()) return hardship.error();
  auto tree = core_.units();
  return change_person<std::int64_t>(
      core_, ctx, perm::allowance_apply, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto on = released_day(core_, w.c, p, in.applied_on, "applied_on", "申请日期", ctx);
        if (!on.ok()) return on.error();
        auto units = chain_units(*tree, p);
        if (!units.ok()) return units.error();
        if (ctx.actor.system || !(ctx.actor.unit_id == units->office ||
                                  (units->village && ctx.actor.unit_id == *units->village)))
          return not_your_step();
        auto reg = registered_on(w.c, person_id, p.release_date);
        if (!reg.ok()) return reg.error();
        if (!*reg || **reg > *on)
          return invalid("ALLOWANCE_NOT_REGISTERED", "该人员尚未办理报到登记，请先登记报到再申请补助金（R-REG-1）");
        auto live = store::live_allowance_exists(w.c, person_id, p.release_date);
        if (!live.ok()) return live.error();
        if (*live) return conflict("ALLOWANCE_EXISTS", "该人员本期已有补助金申请在办理或已批准，不能重复申请");
        store::AllowanceRow row;
        row.person_id = person_id;
        row.period_release_date = p.release_date;
        row.applied_on = *on;
        row.doc_release_certificate = row.doc_id_card = row.doc_household_register = true;
        row.hardship = *hardship;
        row.village_unit_id = units->village;
        row.office_unit_id = units->office;
        row.township_unit_id = units->township;
        row.state = "certificate";
        row.since = *on;
        row.unit_id = ctx.actor.unit_id;
        row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        auto id = store::insert_allowance(w.c, row);
        if (!id.ok()) return id.error();
        if (auto s = store::insert_allowance_step(w.c, step_row(ctx, *id, "applied", *on, *hardship)); !s.ok())
          return s.error();
        // The status the application states, unless it is already the one in force on its day.
        auto kinds = store::person_household_kinds(w.c, person_id);
        if (!kinds.ok()) return kinds.error();
        std::string in_force;
        for (const auto& k : *kinds)
          if (k.since <= *on) in_force = k.kind;
        if (in_force != in.household_kind) {
          store::HouseholdKindRow k{0, person_id, *on, in.household_kind, ctx.actor.unit_id, ctx.actor.user_id,
                                    ctx.now, ""};
          if (auto s = store::insert_household_kind(w.c, k); !s.ok()) return s.error();
        }
        w.record(person_id, p.name,
                 Change{"allowance_apply",
                        {{"application_id", *id}, {"applied_on", *on}, {"household_kind", in.household_kind}},
                        "allowance", "allowance.applied",
                        with_late({{"on", *on}, {"by", ctx.actor.unit_name}, {"kind", in.household_kind}}, ctx, *on)});
        return *id;
      });
}

Result<std::int64_t> AllowanceService::record_household_kind(const AuthedCtx& ctx, std::int64_t person_id,
                                                             const std::string& since_text, const std::string& kind) {
  if (auto s = domain::check::one_of(kind, {"urban", "rural"}, "kind", "请选择城镇或农村"); !s.ok()) return s.error();
  auto since = domain::check::date(since_text, "since", "起始日期");
  if (!since.ok()) return since.error();
  return change_person<std::int64_t>(
      core_, ctx, perm::allowance_apply, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const std::string on = domain::to_string(*since);
        if (on < reached.record().release_date)
          return invalid("DATE_ORDER", "起始日期不能早于本次释放日期 " + reached.record().release_date, "since");
        store::HouseholdKindRow k{0, person_id, on, kind, ctx.actor.unit_id, ctx.actor.user_id, ctx.now, ""};
        auto id = store::insert_household_kind(w.c, k);
        if (!id.ok()) return id.error();
        w.record(person_id, reached.record().name,
                 Change{"household_kind_record", {{"since", on}, {"kind", kind}}, "allowance", "allowance.household_kind",
                        {{"on", on}, {"kind", kind}}});
        return *id;
      });
}

Result<std::string> AllowanceService::step(const AuthedCtx& ctx, std::int64_t application_id,
                                           const AllowanceStepInput& in) {
  auto step = rules::parse_chain_step(in.step);
  if (!step) return invalid("FIELD_VALUE", "请选择办理环节", "step");
  const bool needs_note = *step == ChainStep::verified || *step == ChainStep::rejected || *step == ChainStep::returned;
  auto note = domain::check::text(in.note, "note", *step == ChainStep::verified ? "核实意见" : "理由", 500, needs_note);
  if (!note.ok()) return note.error();
  if (*step == ChainStep::applied) {
    if (!in.documents) return invalid("ALLOWANCE_DOCUMENTS", "请勾选重新提交的材料", "documents");
    if (auto s = check_documents(*in.documents); !s.ok()) return s.error();
  }
  // Which person and which duty: from the application as it stands (checked again inside the write).
  auto found = transact_value<std::optional<store::AllowanceRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_allowance(c, application_id); });
  if (!found.ok()) return found.error();
  if (!found->has_value()) return application_not_found();
  const store::AllowanceRow before = **found;
  auto awaiting = rules::parse_awaiting(before.state);
  // A finished application answers so only to a caller who reaches the person (else 404).
  std::string_view duty = awaiting ? duty_of(*awaiting) : perm::person_read;
  if (awaiting && *awaiting == Awaiting::certificate && !before.village_unit_id) duty = perm::allowance_verify;
  auto state = change_person<std::string>(
      core_, ctx, duty, before.person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::string> {
        auto again = store::find_allowance(w.c, application_id);
        if (!again.ok()) return again.error();
        if (!again->has_value()) return application_not_found();
        const store::AllowanceRow& a = **again;
        if (!awaiting) return conflict("ALLOWANCE_STEP_NOT_ALLOWED", "该申请已经办结（已批准或不予批准），不能再办理");
        if (a.state != before.state)
          return conflict("ALLOWANCE_STEP_NOT_ALLOWED", "该申请刚被他人办理过，请刷新页面后查看");
        if (ctx.actor.system || ctx.actor.unit_id != owed_by(a, *awaiting)) return not_your_step();
        auto steps = store::allowance_steps(w.c, a.id);
        if (!steps.ok()) return steps.error();
        auto events = events_of(*steps);
        const rules::ChainState now = rules::chain_state(events);
        if (!rules::step_allowed(now, *step))
          return conflict("ALLOWANCE_STEP_NOT_ALLOWED", "该申请当前不能办理这一环节，请刷新页面后查看");
        auto day = record_date(core_, ctx, in.on, "on", "办理日期");
        if (!day.ok()) return day.error();
        const std::string on = domain::to_string(*day);
        if (on < a.since) return invalid("DATE_ORDER", "办理日期不能早于上一环节的日期 " + a.since, "on");
        if (auto s = store::insert_allowance_step(w.c, step_row(ctx, a.id, rules::code(*step), on, *note)); !s.ok())
          return s.error();
        events.push_back({*step, *day});
        const rules::ChainState after = rules::chain_state(events);
        const std::string code = state_code(after);
        std::optional<std::string> approved;
        if (after.approved) approved = on;
        if (auto s = store::set_allowance_state(w.c, a.id, code, on, approved, after.rejected ? *note : std::string{});
            !s.ok())
          return s.error();
        const std::string event = *step == ChainStep::applied ? "resubmitted" : std::string(rules::code(*step));
        w.record(reached.id(), reached.record().name,
                 Change{"allowance_step", {{"application_id", a.id}, {"step", rules::code(*step)}, {"on", on}},
                        "allowance", "allowance." + event,
                        with_late({{"on", on}, {"by", ctx.actor.unit_name}, {"note", *note}}, ctx, on)});
        return code;
      });
  return state;
}

Result<Audited<AllowanceWorkPage>> AllowanceService::work(const AuthedCtx& ctx, const std::string& view, int page,
                                                          int page_size) {
  if (!ctx.actor.can(perm::allowance_apply) && !ctx.actor.can(perm::allowance_certify) &&
      !ctx.actor.can(perm::allowance_verify) && !ctx.actor.can(perm::allowance_approve))
    return forbidden("PERMISSION_DENIED", "您没有此项操作的权限，如需开通请联系系统管理员");
  if (auto s = require(ctx, ""); !s.ok()) return s.error();
  if (auto s = domain::check::one_of(view, {"waiting", "overdue"}, "view", "列表应为待办理或已超期"); !s.ok())
    return s.error();
  if (auto s = domain::check::paging(page, page_size); !s.ok()) return s.error();
  AllowanceWorkPage out;
  out.page = page;
  out.page_size = page_size;
  auto found = transact_value<std::vector<AllowanceWorkItem>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<AllowanceWorkItem>> {
        auto rows = store::allowances_waiting_for(c, ctx.actor.unit_id, 2000);
        if (!rows.ok()) return rows.error();
        std::vector<AllowanceWorkItem> items;
        for (auto& r : *rows) {
          // Only the steps this user has the duty for.
          if (actions_for(ctx, r).empty()) continue;
          AllowanceWorkItem it;
          if (auto since = domain::parse_date(r.since); since.ok()) {
            const auto due = domain::add_days(*since, core_.policy()->values_at(*since).allowance_step_days);
            it.due = domain::to_string(due);
            it.overdue = ctx.today > due;
          }
          if (view == "overdue" && !it.overdue) continue;
          it.row = std::move(r);
          items.push_back(std::move(it));
        }
        return items;
      });
  if (!found.ok()) return found.error();
  out.total = static_cast<std::int64_t>(found->size());
  const std::size_t from = std::min(found->size(), static_cast<std::size_t>((page - 1) * page_size));
  const std::size_t to = std::min(found->size(), from + static_cast<std::size_t>(page_size));
  out.items.assign(std::make_move_iterator(found->begin() + from), std::make_move_iterator(found->begin() + to));
  auto record = access_record(ctx, "person_search", "persons", std::nullopt, std::to_string(out.items.size()) + " 人",
                              nlohmann::json{{"list", "allowance_work"}, {"view", view}}.dump());
  return Audited<AllowanceWorkPage>(std::move(out), std::move(record));
}

// --- payments ---

bool AllowanceService::pays_for(const AuthedCtx& ctx, std::int64_t township_unit_id) const {
  return !ctx.actor.system && ctx.actor.can(perm::allowance_pay) && ctx.actor.unit_id == township_unit_id;
}

Status AllowanceService::may_read_township(const AuthedCtx& ctx, std::int64_t township_unit_id) const {
  if (auto s = require(ctx, ""); !s.ok()) return s;
  auto tree = core_.units();
  const domain::Unit* u = tree->find(township_unit_id);
  if (!u || u->kind != "township") return not_found("UNIT_NOT_FOUND", "未找到该镇街");
  if (pays_for(ctx, township_unit_id)) return {};
  if (ctx.actor.system || (ctx.actor.can(perm::allowance_report) && ctx.actor.scope.covers_unit(township_unit_id)))
    return {};
  return forbidden("PERMISSION_DENIED", "您没有查看该镇街补助金发放情况的权限");
}

Result<AllowanceDue> AllowanceService::due_in(store::Connection& c, std::int64_t township_unit_id,
                                              const std::string& month) const {
  AllowanceDue d;
  d.township_unit_id = township_unit_id;
  d.month = month;
  auto apps = store::approved_allowances(c, township_unit_id);
  if (!apps.ok()) return apps.error();
  for (const auto& a : *apps) {
    auto cs = store::allowance_case(c, a.id);
    if (!cs.ok()) return cs.error();
    if (!cs->has_value() || !a.approved_on) continue;
    auto approved = domain::parse_date(*a.approved_on);
    if (!approved.ok()) continue;
    const rules::Entitlement e = entitlement_of(*core_.policy(), **cs, *approved);
    for (const auto& m : e.months) {
      if (month_text(m.month) != month || m.status != rules::MonthStatus::payable) continue;
      auto holds = store::month_holds(c, a.id);
      if (!holds.ok()) return holds.error();
      store::MonthHold h;
      if (auto it = holds->find(month); it != holds->end()) h = it->second;
      if (h.paid_on || h.in_run) continue;
      store::RunLineRow l;
      l.application_id = a.id;
      l.person_id = a.person_id;
      l.month = month;
      l.attempt = h.attempt;
      l.household_kind = std::string(m.household_kind);
      l.standard_fen = m.standard_fen;
      l.amount_fen = m.amount_fen;
      l.person_name = a.person_name;
      l.id_number = a.id_number;
      l.household_unit_id = a.household_unit_id;
      d.total_fen += l.amount_fen;
      d.lines.push_back(std::move(l));
    }
  }
  return d;
}

Result<Audited<AllowanceDue>> AllowanceService::due(const AuthedCtx& ctx, std::int64_t township_unit_id,
                                                    const std::string& month) {
  auto first = parse_month(month, "month");
  if (!first.ok()) return first.error();
  if (auto s = may_read_township(ctx, township_unit_id); !s.ok()) return s.error();
  auto d = transact_value<AllowanceDue>(core_.db(), store::TxKind::read,
                                        [&](store::Connection& c) { return due_in(c, township_unit_id, month); });
  if (!d.ok()) return d.error();
  AllowanceDue out = std::move(d).value();
  out.can_confirm = pays_for(ctx, township_unit_id) && *first <= ctx.today && !out.lines.empty();
  auto record = access_record(ctx, "person_search", "persons", std::nullopt, std::to_string(out.lines.size()) + " 人",
                              nlohmann::json{{"list", "allowance_due"}, {"township_unit_id", township_unit_id},
                                             {"month", month}}.dump());
  return Audited<AllowanceDue>(std::move(out), std::move(record));
}

Result<std::int64_t> AllowanceService::confirm_run(const AuthedCtx& ctx, std::int64_t township_unit_id,
                                                   const std::string& month,
                                                   std::optional<std::int64_t> expected_total_fen) {
  auto first = parse_month(month, "month");
  if (!first.ok()) return first.error();
  if (*first > ctx.today)
    return invalid("ALLOWANCE_MONTH_NOT_BEGUN", "该月尚未开始，不能确认发放名单", "month");
  if (auto s = require(ctx, perm::allowance_pay); !s.ok()) return s.error();
  if (!pays_for(ctx, township_unit_id)) return not_your_step();
  // The run's persons are the township's approved applications (their household township): the
  // caller's own township, so in its jurisdiction; each is recorded below.
  return write_persons<std::int64_t>(core_, ctx, perm::allowance_pay, [&](PersonWrite& w) -> Result<std::int64_t> {
    auto d = due_in(w.c, township_unit_id, month);
    if (!d.ok()) return d.error();
    if (d->lines.empty())
      return conflict("ALLOWANCE_NOTHING_DUE", "该月没有待确认的发放名单（可能已由他人确认），请刷新页面后查看");
    if (expected_total_fen && *expected_total_fen != d->total_fen)
      return conflict("ALLOWANCE_DUE_CHANGED", "发放名单在您查看之后有变化，请刷新页面核对后再确认");
    auto seq = store::next_run_seq(w.c, township_unit_id, month);
    if (!seq.ok()) return seq.error();
    store::RunRow r;
    r.township_unit_id = township_unit_id;
    r.month = month;
    r.seq = *seq;
    r.total_fen = d->total_fen;
    r.confirmed_by = ctx.actor.user_id;
    r.confirmed_at = ctx.now;
    auto id = store::insert_run(w.c, r);
    if (!id.ok()) return id.error();
    for (auto& l : d->lines) {
      l.run_id = *id;
      auto line = store::insert_run_line(w.c, l);
      if (!line.ok()) return line.error();
      w.record(l.person_id, l.person_name,
               Change{"allowance_run_confirm",
                      {{"run_id", *id}, {"application_id", l.application_id}, {"month", month}, {"amount_fen", l.amount_fen}}});
    }
    return *id;
  });
}

namespace {
Result<std::vector<store::RunLineRow>> lines_of(store::Connection& c, std::int64_t run_id) {
  return store::run_lines(c, run_id);
}
}  // namespace

Result<Audited<std::vector<AllowanceRunView>>> AllowanceService::runs(const AuthedCtx& ctx,
                                                                      std::int64_t township_unit_id,
                                                                      const std::string& month) {
  if (!month.empty())
    if (auto first = parse_month(month, "month"); !first.ok()) return first.error();
  if (auto s = may_read_township(ctx, township_unit_id); !s.ok()) return s.error();
  auto found = transact_value<std::vector<AllowanceRunView>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<AllowanceRunView>> {
        auto rows = store::township_runs(c, township_unit_id, month);
        if (!rows.ok()) return rows.error();
        std::vector<AllowanceRunView> out;
        for (auto& r : *rows) {
          AllowanceRunView v;
          auto lines = lines_of(c, r.id);
          if (!lines.ok()) return lines.error();
          v.lines = std::move(lines).value();
          v.can_pay = v.can_cancel = r.state == "confirmed" && pays_for(ctx, township_unit_id);
          v.run = std::move(r);
          out.push_back(std::move(v));
        }
        return out;
      });
  if (!found.ok()) return found.error();
  std::size_t persons = 0;
  for (const auto& v : *found) persons += v.lines.size();
  auto record = access_record(ctx, "person_search", "persons", std::nullopt, std::to_string(persons) + " 人",
                              nlohmann::json{{"list", "allowance_runs"}, {"township_unit_id", township_unit_id}}.dump());
  return Audited<std::vector<AllowanceRunView>>(std::move(found).value(), std::move(record));
}

Result<Audited<AllowanceRunView>> AllowanceService::run(const AuthedCtx& ctx, std::int64_t run_id) {
  if (auto s = require(ctx, ""); !s.ok()) return s.error();
  auto found = transact_value<AllowanceRunView>(core_.db(), store::TxKind::read,
                                                [&](store::Connection& c) -> Result<AllowanceRunView> {
    auto r = store::find_run(c, run_id);
    if (!r.ok()) return r.error();
    if (!r->has_value()) return run_not_found();
    AllowanceRunView v;
    v.run = std::move(**r);
    auto lines = lines_of(c, run_id);
    if (!lines.ok()) return lines.error();
    v.lines = std::move(lines).value();
    return v;
  });
  if (!found.ok()) return found.error();
  if (!may_read_township(ctx, found->run.township_unit_id).ok()) return run_not_found();
  found->can_pay = found->can_cancel =
      found->run.state == "confirmed" && pays_for(ctx, found->run.township_unit_id);
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                              std::to_string(found->lines.size()) + " 人",
                              nlohmann::json{{"list", "allowance_run"}, {"run_id", run_id}}.dump());
  return Audited<AllowanceRunView>(std::move(found).value(), std::move(record));
}

Status AllowanceService::pay_run(const AuthedCtx& ctx, std::int64_t run_id, const std::string& on_text) {
  if (auto s = require(ctx, perm::allowance_pay); !s.ok()) return s;
  auto day = record_date(core_, ctx, on_text, "on", "发放日期");
  if (!day.ok()) return day.error();
  const std::string on = domain::to_string(*day);
  // The run's persons: those of its lines, of the caller's own township (checked below).
  auto paid = write_persons<bool>(core_, ctx, perm::allowance_pay, [&](PersonWrite& w) -> Result<bool> {
    auto r = store::find_run(w.c, run_id);
    if (!r.ok()) return r.error();
    if (!r->has_value() || !pays_for(ctx, (*r)->township_unit_id)) return run_not_found();
    const store::RunRow& run = **r;
    if (run.state == "cancelled") return conflict("ALLOWANCE_RUN_CANCELLED", "该批次名单已作废，不能登记发放");
    if (on < run.month + "-01") return invalid("DATE_ORDER", "发放日期不能早于发放月份 " + run.month, "on");
    auto set = store::set_run_paid(w.c, run_id, on, ctx.actor.user_id, ctx.now);
    if (!set.ok()) return set.error();
    if (!*set) return conflict("ALLOWANCE_RUN_PAID", "该批次已登记发放，不能重复发放");
    auto lines = store::run_lines(w.c, run_id);
    if (!lines.ok()) return lines.error();
    for (const auto& l : *lines) {
      store::LedgerRow e;
      e.application_id = l.application_id;
      e.person_id = l.person_id;
      e.township_unit_id = run.township_unit_id;
      e.month = l.month;
      e.attempt = l.attempt;
      e.kind = "payment";
      e.amount_fen = l.amount_fen;
      e.paid_on = on;
      e.run_id = run_id;
      e.line_id = l.id;
      e.user_id = ctx.actor.user_id;
      e.created_at = ctx.now;
      auto id = store::insert_ledger(w.c, e);
      if (!id.ok()) {
        if (id.error().code == "DB_CONSTRAINT")
          return conflict("ALLOWANCE_RUN_PAID", "该月补助金已发放过，不能重复发放");
        return id.error();
      }
      w.record(l.person_id, l.person_name,
               Change{"allowance_run_pay",
                      {{"run_id", run_id}, {"entry_id", *id}, {"month", l.month}, {"amount_fen", l.amount_fen}},
                      "allowance", "allowance.paid",
                      {{"on", on}, {"month", l.month}, {"amount_fen", l.amount_fen}, {"by", ctx.actor.unit_name}}});
    }
    return true;
  });
  if (!paid.ok()) return paid.error();
  return {};
}

Status AllowanceService::cancel_run(const AuthedCtx& ctx, std::int64_t run_id, const std::string& reason_text) {
  if (auto s = require(ctx, perm::allowance_pay); !s.ok()) return s;
  auto reason = domain::check::text(reason_text, "reason", "作废原因", 500, true);
  if (!reason.ok()) return reason.error();
  // The run's persons: those of its lines, of the caller's own township (checked below).
  auto done = write_persons<bool>(core_, ctx, perm::allowance_pay, [&](PersonWrite& w) -> Result<bool> {
    auto r = store::find_run(w.c, run_id);
    if (!r.ok()) return r.error();
    if (!r->has_value() || !pays_for(ctx, (*r)->township_unit_id)) return run_not_found();
    if ((*r)->state == "paid")
      return conflict("ALLOWANCE_RUN_PAID", "该批次已登记发放，不能作废；发放有误请对个人的发放记录冲销");
    auto lines = store::run_lines(w.c, run_id);
    if (!lines.ok()) return lines.error();
    auto set = store::cancel_run(w.c, run_id, ctx.actor.user_id, ctx.now, *reason);
    if (!set.ok()) return set.error();
    if (!*set) return conflict("ALLOWANCE_RUN_CANCELLED", "该批次名单已作废");
    for (const auto& l : *lines)
      w.record(l.person_id, l.person_name,
               Change{"allowance_run_cancel", {{"run_id", run_id}, {"month", l.month}, {"reason", *reason}}});
    return true;
  });
  if (!done.ok()) return done.error();
  return {};
}

Result<std::int64_t> AllowanceService::reverse(const AuthedCtx& ctx, std::int64_t entry_id, const std::string& on_text,
                                               const std::string& reason_text) {
  auto reason = domain::check::text(reason_text, "reason", "冲正原因", 500, true);
  if (!reason.ok()) return reason.error();
  auto day = record_date(core_, ctx, on_text, "on", "冲正日期");
  if (!day.ok()) return day.error();
  auto entry = transact_value<std::optional<store::LedgerRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_ledger(c, entry_id); });
  if (!entry.ok()) return entry.error();
  auto missing = [] { return not_found("ALLOWANCE_ENTRY_NOT_FOUND", "未找到该发放记录，或它不属于您的镇街"); };
  if (!entry->has_value() || !pays_for(ctx, (*entry)->township_unit_id)) {
    if (auto s = require(ctx, perm::allowance_pay); !s.ok()) return s.error();
    return missing();
  }
  const store::LedgerRow original = **entry;
  return change_person<std::int64_t>(
      core_, ctx, perm::allowance_pay, original.person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        auto again = store::find_ledger(w.c, entry_id);
        if (!again.ok()) return again.error();
        if (!again->has_value()) return missing();
        const store::LedgerRow& e = **again;
        if (e.kind != "payment" || e.reversed)
          return conflict("ALLOWANCE_ALREADY_REVERSED", "该记录已冲正（或本身是冲正记录），不能再冲正");
        const std::string on = domain::to_string(*day);
        if (on < e.paid_on) return invalid("DATE_ORDER", "冲正日期不能早于发放日期 " + e.paid_on, "on");
        store::LedgerRow r = e;
        r.id = 0;
        r.kind = "reversal";
        r.amount_fen = -e.amount_fen;
        r.paid_on = on;
        r.run_id.reset();
        r.line_id.reset();
        r.reverses_id = e.id;
        r.reason = *reason;
        r.user_id = ctx.actor.user_id;
        r.created_at = ctx.now;
        auto id = store::insert_ledger(w.c, r);
        if (!id.ok()) {
          if (id.error().code == "DB_CONSTRAINT")
            return conflict("ALLOWANCE_ALREADY_REVERSED", "该记录已冲正，不能再冲正");
          return id.error();
        }
        w.record(reached.id(), reached.record().name,
                 Change{"allowance_reverse", {{"entry_id", e.id}, {"reversal_id", *id}, {"month", e.month}},
                        "allowance", "allowance.reversed",
                        {{"on", on},
                         {"month", e.month},
                         {"amount_fen", e.amount_fen},
                         {"note", *reason},
                         {"by", ctx.actor.unit_name}}});
        return *id;
      });
}

Result<std::vector<store::AllowanceReportRow>> AllowanceService::report(const AuthedCtx& ctx, const std::string& from,
                                                                        const std::string& to) {
  if (auto s = require(ctx, ""); !s.ok()) return s.error();
  if (!ctx.actor.can(perm::allowance_report) && !ctx.actor.can(perm::allowance_pay))
    return forbidden("PERMISSION_DENIED", "您没有此项操作的权限，如需开通请联系系统管理员");
  auto f = parse_month(from, "from");
  if (!f.ok()) return f.error();
  auto t = parse_month(to, "to");
  if (!t.ok()) return t.error();
  if (*t < *f) return invalid("DATE_ORDER", "截止月份不能早于起始月份", "to");
  if (domain::add_months_clamped(*f, 24) <= *t) return invalid("FIELD_VALUE", "统计期间最长 24 个月", "to");
  auto rows = transact_value<std::vector<store::AllowanceReportRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::allowance_report(c, from, to); });
  if (!rows.ok()) return rows.error();
  std::vector<store::AllowanceReportRow> out;
  for (auto& r : *rows)
    if (ctx.actor.system || ctx.actor.scope.covers_unit(r.township_unit_id)) out.push_back(std::move(r));
  return out;
}

std::vector<AllowanceStandardRow> AllowanceService::standards() const {
  auto policy = core_.policy();
  std::vector<AllowanceStandardRow> out;
  rules::PolicyValues defaults;
  out.push_back({std::nullopt, defaults.min_living_standard_urban_fen, defaults.min_living_standard_rural_fen});
  std::vector<domain::CivilDate> dates;
  for (const auto& e : policy->entries())
    if (e.name == "min_living_standard_urban_fen" || e.name == "min_living_standard_rural_fen")
      if (dates.empty() || dates.back() != e.effective_from) dates.push_back(e.effective_from);
  for (auto d : dates) {
    const auto& v = policy->values_at(d);
    out.push_back({domain::to_string(d), v.min_living_standard_urban_fen, v.min_living_standard_rural_fen});
  }
  return out;
}

AllowanceStandardRow AllowanceService::standard_in_force(domain::CivilDate today) const {
  const auto& v = core_.policy()->in_force(today);
  AllowanceStandardRow r{std::nullopt, v.min_living_standard_urban_fen, v.min_living_standard_rural_fen};
  for (const auto& row : standards())
    if (row.from && *row.from <= domain::to_string(today)) r.from = row.from;
  return r;
}

}  // namespace anbang::app
