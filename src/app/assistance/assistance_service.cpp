#include "app/assistance/assistance_service.hpp"

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "rules/assistance.hpp"

namespace anbang::app {

namespace {

constexpr const char* kBoolFacts[] = {"disabled",       "able_to_work",    "has_income",     "has_supporter",
                                      "supporter_able", "dibao_member",    "tekun_person",   "tekun_dispersed",
                                      "other_hardship", "housing_hardship", "in_education",  "sudden_event"};

std::optional<bool>* bool_fact(domain::AidFacts& f, std::string_view key) {
  if (key == "disabled") return &f.disabled;
  if (key == "able_to_work") return &f.able_to_work;
  if (key == "has_income") return &f.has_income;
  if (key == "has_supporter") return &f.has_supporter;
  if (key == "supporter_able") return &f.supporter_able;
  if (key == "dibao_member") return &f.dibao_member;
  if (key == "tekun_person") return &f.tekun_person;
  if (key == "tekun_dispersed") return &f.tekun_dispersed;
  if (key == "other_hardship") return &f.other_hardship;
  if (key == "housing_hardship") return &f.housing_hardship;
  if (key == "in_education") return &f.in_education;
  if (key == "sudden_event") return &f.sudden_event;
  return nullptr;
}

Error fact_error(const std::string& key, const std::string& message) {
  return invalid("FIELD_VALUE", message, "facts." + key);
}

bool is_decided(const std::string& state) { return state == "granted" || state == "refused"; }

Error referral_not_found() {
  return not_found("REFERRAL_NOT_FOUND", "未找到该救助申请，或该申请不是转给本单位办理的");
}

// The unit that decides an application of `p` addressed to `addressee`.
Result<std::int64_t> deciding_unit(const domain::UnitTree& tree, const store::PersonRecord& p,
                                   const AidApplicationInput& in) {
  auto find_department = [&](std::string_view subkind) -> std::optional<std::int64_t> {
    for (const auto& u : tree.all())
      if (u.kind == "department" && u.subkind == subkind && u.active) return u.id;
    return std::nullopt;
  };
  if (in.addressee == "township") {
    // R-JUR-1: social assistance goes to the household-registration township.
    auto town = tree.township_of(p.household_unit_id);
    if (!town) return invalid("HOUSEHOLD_TOWNSHIP", "该人员的户籍地不在本区镇街，请改为提交给相关部门", "addressee");
    return *town;
  }
  if (in.addressee == "department") {
    auto id = find_department(in.department);
    if (!id) return invalid("DEPARTMENT_NOT_FOUND", "请选择受理的部门", "department");
    return *id;
  }
  auto id = find_department("education");  // a school decides through the education department
  if (!id) return invalid("DEPARTMENT_NOT_FOUND", "本区未设教育部门，无法提交给学校", "addressee");
  return *id;
}

// The unit the caller answers for: a department, or a township acting as its civil-affairs office.
std::optional<std::int64_t> caller_unit(const AuthedCtx& ctx) {
  if (ctx.actor.system) return std::nullopt;
  if (ctx.actor.unit_kind == "department" || ctx.actor.unit_kind == "township") return ctx.actor.unit_id;
  return std::nullopt;
}

}  // namespace

Result<domain::AidFacts> parse_aid_facts(const nlohmann::json& j, domain::CivilDate today) {
  domain::AidFacts f;
  if (j.is_null()) return f;
  if (!j.is_object()) return invalid("FIELD_VALUE", "申请事实格式不正确，请重新填写", "facts");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;  // not known
    if (auto* b = bool_fact(f, key)) {
      if (!v.is_boolean()) return fact_error(key, "请选择“是”“否”或“不清楚”");
      *b = v.get<bool>();
    } else if (key == "household_kind") {
      if (!v.is_string() || (v != "urban" && v != "rural"))
        return fact_error(key, "户籍类别应为城镇或农村");
      f.household_kind = v.get<std::string>();
    } else if (key == "family_size") {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > 30)
        return fact_error(key, "共同生活的家庭人口应为 1 至 30 之间的整数");
      f.family_size = v.get<int>();
    } else if (key == "family_income_fen") {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 100000000)
        return fact_error(key, "家庭月收入应为不小于 0 的金额");
      f.family_income_fen = v.get<std::int64_t>();
    } else if (key == "event_kind") {
      auto k = v.is_string() ? domain::parse<domain::SuddenEvent>(v.get<std::string>()) : std::nullopt;
      if (!k) return fact_error(key, "请从列表选择突发事件类型");
      f.event_kind = *k;
    } else if (key == "event_date") {
      if (!v.is_string()) return fact_error(key, "突发事件日期格式应为 YYYY-MM-DD");
      auto d = domain::check::past_date(v.get<std::string>(), "facts.event_date", "突发事件日期", today);
      if (!d.ok()) return d.error();
      f.event_date = *d;
    } else {
      return fact_error(key, "申请事实中有系统不认识的项目，请刷新页面后重新填写");
    }
  }
  if (f.sudden_event == true && !f.event_kind)
    return invalid("FIELD_REQUIRED", "请选择突发事件类型", "facts.event_kind");
  return f;
}

nlohmann::json aid_facts_json(const domain::AidFacts& f) {
  nlohmann::json j = nlohmann::json::object();
  if (f.household_kind) j["household_kind"] = *f.household_kind;
  if (f.family_size) j["family_size"] = *f.family_size;
  if (f.family_income_fen) j["family_income_fen"] = *f.family_income_fen;
  domain::AidFacts copy = f;
  for (const char* key : kBoolFacts)
    if (auto* b = bool_fact(copy, key); b && *b) j[key] = **b;
  if (f.event_kind) j["event_kind"] = std::string(domain::code(*f.event_kind));
  if (f.event_date) j["event_date"] = domain::to_string(*f.event_date);
  return j;
}

namespace {
// What the system itself knows on `on`: a granted 低保 or 特困供养 covering that day.
Status add_known(store::Connection& c, std::int64_t person_id, const std::string& on, domain::AidFacts& f) {
  auto dibao = store::granted_on(c, person_id, "dibao", on);
  if (!dibao.ok()) return dibao.error();
  if (*dibao) f.dibao_member = true;
  auto tekun = store::granted_on(c, person_id, "tekun", on);
  if (!tekun.ok()) return tekun.error();
  if (*tekun) f.tekun_person = true;
  return {};
}

std::optional<domain::CivilDate> birth_of(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto d = domain::parse_date(*text);
  if (!d.ok()) return std::nullopt;
  return *d;
}

domain::LivingStandards standards_on(const Core& core, domain::CivilDate on) {
  const auto& v = core.policy()->values_at(on);
  return {v.min_living_standard_urban_fen, v.min_living_standard_rural_fen};
}
}  // namespace

AidItem AssistanceService::item_of(store::Connection& c, store::AidRow row, const std::optional<std::string>& birth,
                                   domain::CivilDate today) const {
  AidItem item;
  auto on = domain::parse_date(row.applied_on);
  const domain::CivilDate applied = on.ok() ? *on : today;
  auto facts = parse_aid_facts(nlohmann::json::parse(row.facts, nullptr, false), today);
  domain::AidFacts f = facts.ok() ? *facts : domain::AidFacts{};
  (void)add_known(c, row.person_id, row.applied_on, f);
  auto kind = domain::parse<domain::AidKind>(row.kind).value_or(domain::AidKind::dibao);
  item.precheck = domain::precheck(kind, f, birth_of(birth), applied, standards_on(core_, applied));
  const domain::CivilDate due = rules::referral_due(*core_.policy(), applied);
  item.due = domain::to_string(due);
  item.overdue = !row.answered_on && today > due;
  auto steps = store::application_steps(c, row.id);
  if (steps.ok()) item.steps = std::move(steps).value();
  item.row = std::move(row);
  return item;
}

Result<Audited<domain::AidPrecheck>> AssistanceService::precheck(const AuthedCtx& ctx, std::int64_t person_id,
                                                                const std::string& kind_text,
                                                                const std::string& applied_on,
                                                                const nlohmann::json& facts) {
  auto kind = domain::parse<domain::AidKind>(kind_text);
  if (!kind) return invalid("FIELD_VALUE", "请选择救助类别", "kind");
  auto facts_in = parse_aid_facts(facts, ctx.today);
  if (!facts_in.ok()) return facts_in.error();
  domain::CivilDate on = ctx.today;
  if (!applied_on.empty()) {
    auto d = domain::check::date(applied_on, "applied_on", "申请日期");
    if (!d.ok()) return d.error();
    on = *d;
  }
  return read_person<domain::AidPrecheck>(
      core_, ctx, perm::assistance_apply, person_id, "assistance_precheck",
      [&](store::Connection& c, const Reached& reached) -> Result<domain::AidPrecheck> {
        domain::AidFacts f = *facts_in;
        if (auto s = add_known(c, person_id, domain::to_string(on), f); !s.ok()) return s.error();
        return domain::precheck(*kind, f, birth_of(reached.record().birth_date), on, standards_on(core_, on));
      });
}

Result<std::int64_t> AssistanceService::apply(const AuthedCtx& ctx, std::int64_t person_id,
                                              const AidApplicationInput& in) {
  namespace check = domain::check;
  auto kind = domain::parse<domain::AidKind>(in.kind);
  if (!kind) return invalid("FIELD_VALUE", "请选择救助类别", "kind");
  if (!domain::parse<domain::AidAddressee>(in.addressee))
    return invalid("FIELD_VALUE", "请选择申请提交给户籍地镇街、部门或学校", "addressee");
  auto school = check::text(in.school_name, "school_name", "学校名称", 100, in.addressee == "school");
  if (!school.ok()) return school.error();
  auto request = check::text(in.request, "request", "申请事项", 500, false);
  if (!request.ok()) return request.error();
  auto facts = parse_aid_facts(in.facts, ctx.today);
  if (!facts.ok()) return facts.error();
  auto tree = core_.units();
  return change_person<std::int64_t>(
      core_, ctx, perm::assistance_apply, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto on = released_day(core_, w.c, p, in.applied_on, "applied_on", "申请日期", ctx);
        if (!on.ok()) return on.error();
        auto unit = deciding_unit(*tree, p, in);
        if (!unit.ok()) return unit.error();
        store::AidRow row;
        row.person_id = person_id;
        row.kind = in.kind;
        row.applied_on = *on;
        row.addressee = in.addressee;
        row.deciding_unit_id = *unit;
        row.school_name = in.addressee == "school" ? *school : "";
        row.request = *request;
        row.facts = aid_facts_json(*facts).dump();
        row.unit_id = ctx.actor.unit_id;
        row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        auto id = store::insert_application(w.c, row);
        if (!id.ok()) return id.error();
        const domain::Unit* u = tree->find(*unit);
        std::string to = u ? u->name : "";
        if (!row.school_name.empty()) to = row.school_name + "（" + to + "）";
        w.record(person_id, p.name,
                 Change{"assistance_apply",
                        {{"application_id", *id}, {"kind", in.kind}, {"deciding_unit_id", *unit}, {"applied_on", *on}},
                        "assistance", "assistance.applied",
                        with_late({{"kind", in.kind}, {"to", to}, {"applied_on", *on}}, ctx, *on)});
        return *id;
      });
}

Result<Audited<std::vector<AidItem>>> AssistanceService::person_applications(const AuthedCtx& ctx,
                                                                             std::int64_t person_id) {
  return read_person<std::vector<AidItem>>(
      core_, ctx, perm::person_read, person_id, "assistance",
      [&](store::Connection& c, const Reached& reached) -> Result<std::vector<AidItem>> {
        auto rows = store::person_applications(c, person_id);
        if (!rows.ok()) return rows.error();
        std::vector<AidItem> out;
        for (auto& r : *rows) out.push_back(item_of(c, std::move(r), reached.record().birth_date, ctx.today));
        return out;
      });
}

Result<Audited<ReferralPage>> AssistanceService::referrals(const AuthedCtx& ctx, const std::string& view, int page,
                                                          int page_size) {
  if (auto s = require(ctx, perm::assistance_decide); !s.ok()) return s.error();
  if (auto s = domain::check::one_of(view, {"waiting", "overdue", "decided"}, "view",
                                     "列表应为待办理、已超期或已办结");
      !s.ok())
    return s.error();
  if (auto s = domain::check::paging(page, page_size); !s.ok()) return s.error();
  ReferralPage out;
  out.page = page;
  out.page_size = page_size;
  auto unit = caller_unit(ctx);
  if (unit) {
    auto found = transact_value<ReferralPage>(core_.db(), store::TxKind::read,
                                              [&](store::Connection& c) -> Result<ReferralPage> {
      ReferralPage p = out;
      Result<std::vector<store::AidRow>> rows =
          view == "decided" ? store::decided_referrals_to(c, *unit, page_size, (page - 1) * page_size)
                            : store::open_referrals_to(c, *unit, 1000);
      if (!rows.ok()) return rows.error();
      std::vector<AidItem> items;
      for (auto& r : *rows) {
        // The pre-check of a referral needs the birth date; the list carries only the age's input.
        auto birth = store::find_person(c, domain::Scope{domain::ScopeKind::district, 0, {}}, r.person_id);
        std::optional<std::string> b = birth.ok() && birth->has_value() ? (*birth)->birth_date : std::nullopt;
        AidItem it = item_of(c, std::move(r), b, ctx.today);
        if (view == "overdue" && !it.overdue) continue;
        items.push_back(std::move(it));
      }
      if (view == "decided") {
        auto n = store::count_decided_referrals_to(c, *unit);
        if (!n.ok()) return n.error();
        p.total = *n;
        p.items = std::move(items);
      } else {
        p.total = static_cast<std::int64_t>(items.size());
        const std::size_t from = std::min(items.size(), static_cast<std::size_t>((page - 1) * page_size));
        const std::size_t to = std::min(items.size(), from + static_cast<std::size_t>(page_size));
        p.items.assign(std::make_move_iterator(items.begin() + from), std::make_move_iterator(items.begin() + to));
      }
      return p;
    });
    if (!found.ok()) return found.error();
    out = std::move(found).value();
  }
  auto record = access_record(ctx, "person_search", "persons", std::nullopt, std::to_string(out.items.size()) + " 人",
                              nlohmann::json{{"list", "assistance_referrals"}, {"view", view}}.dump());
  return Audited<ReferralPage>(std::move(out), std::move(record));
}

Result<store::AidRow> AssistanceService::addressed_to_caller(store::Connection& c, const AuthedCtx& ctx,
                                                             std::int64_t id) const {
  auto unit = caller_unit(ctx);
  auto found = store::find_application(c, id);
  if (!found.ok()) return found.error();
  if (!unit || !found->has_value() || (*found)->deciding_unit_id != *unit) return referral_not_found();
  return std::move(**found);
}

Result<Audited<ReferralView>> AssistanceService::referral(const AuthedCtx& ctx, std::int64_t application_id) {
  if (auto s = require(ctx, perm::assistance_decide); !s.ok()) return s.error();
  auto row = transact_value<store::AidRow>(core_.db(), store::TxKind::read, [&](store::Connection& c) {
    return addressed_to_caller(c, ctx, application_id);
  });
  if (!row.ok()) return row.error();
  return read_person<ReferralView>(
      core_, ctx, perm::assistance_decide, row->person_id, "referral",
      [&](store::Connection& c, const Reached& reached) -> Result<ReferralView> {
        auto again = addressed_to_caller(c, ctx, application_id);
        if (!again.ok()) return again.error();
        const auto& p = reached.record();
        ReferralView v;
        v.name = p.name;
        v.id_number = p.id_number;
        v.household_unit_id = p.household_unit_id;
        v.household_address = p.household_address;
        v.item = item_of(c, std::move(again).value(), p.birth_date, ctx.today);
        return v;
      });
}

template <class Fn>
Status AssistanceService::answer(const AuthedCtx& ctx, std::int64_t application_id, Fn&& fn) {
  if (auto s = require(ctx, perm::assistance_decide); !s.ok()) return s.error();
  // Which person: from the application, and only if it is addressed to the caller's unit (a
  // referral of another department answers as not found and changes nothing).
  auto row = transact_value<store::AidRow>(core_.db(), store::TxKind::read, [&](store::Connection& c) {
    return addressed_to_caller(c, ctx, application_id);
  });
  if (!row.ok()) return row.error();
  auto done = change_person<bool>(core_, ctx, perm::assistance_decide, row->person_id,
                                  [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
                                    auto a = addressed_to_caller(w.c, ctx, application_id);
                                    if (!a.ok()) return a.error();
                                    if (is_decided(a->state))
                                      return conflict("REFERRAL_DECIDED", "该救助申请已经作出决定，不能再更改");
                                    if (auto s = fn(w, reached.record(), *a); !s.ok()) return s.error();
                                    return true;
                                  });
  if (!done.ok()) return done.error();
  return {};
}

namespace {
// The day of an answer: a record's date (not in the future, within the back-dating limit) and not
// before the application.
Result<std::string> answer_day(const Core& core, const AuthedCtx& ctx, const std::string& text,
                               const store::AidRow& a, const char* field, const char* label) {
  auto d = record_date(core, ctx, text, field, label);
  if (!d.ok()) return d.error();
  const std::string on = domain::to_string(*d);
  if (on < a.applied_on) return invalid("DATE_ORDER", std::string(label) + "不能早于申请日期 " + a.applied_on, field);
  return on;
}

store::AidStepRow step_of(const AuthedCtx& ctx, std::int64_t application_id, std::string step, std::string on,
                          std::string note) {
  store::AidStepRow s;
  s.application_id = application_id;
  s.step = std::move(step);
  s.on_date = std::move(on);
  s.note = std::move(note);
  s.unit_id = ctx.actor.unit_id;
  s.user_id = ctx.actor.user_id;
  s.created_at = ctx.now;
  return s;
}
}  // namespace

Status AssistanceService::accept(const AuthedCtx& ctx, std::int64_t application_id, const std::string& on_text) {
  return answer(ctx, application_id, [&](PersonWrite& w, const store::PersonRecord& p, const store::AidRow& a) -> Status {
    auto on = answer_day(core_, ctx, on_text, a, "on", "受理日期");
    if (!on.ok()) return on.error();
    if (a.state == "accepted") return conflict("REFERRAL_ACCEPTED", "该救助申请已经受理");
    if (auto s = store::set_accepted(w.c, a.id, *on); !s.ok()) return s;
    if (auto id = store::insert_step(w.c, step_of(ctx, a.id, "accepted", *on, "")); !id.ok()) return id.error();
    w.record(p.id, p.name,
             Change{"assistance_accept", {{"application_id", a.id}, {"on", *on}}, "assistance", "assistance.accepted",
                    {{"kind", a.kind}, {"by", ctx.actor.unit_name}, {"on", *on}}});
    return {};
  });
}

Status AssistanceService::request_documents(const AuthedCtx& ctx, std::int64_t application_id,
                                            const std::string& on_text, const std::string& missing_text) {
  auto missing = domain::check::text(missing_text, "missing", "需补充的材料", 500, true);
  if (!missing.ok()) return missing.error();
  return answer(ctx, application_id, [&](PersonWrite& w, const store::PersonRecord& p, const store::AidRow& a) -> Status {
    auto on = answer_day(core_, ctx, on_text, a, "on", "通知补充材料日期");
    if (!on.ok()) return on.error();
    if (auto s = store::set_documents_requested(w.c, a.id, *on, *missing); !s.ok()) return s;
    if (auto id = store::insert_step(w.c, step_of(ctx, a.id, "documents_requested", *on, *missing)); !id.ok())
      return id.error();
    w.record(p.id, p.name,
             Change{"assistance_request_documents", {{"application_id", a.id}, {"on", *on}}, "assistance",
                    "assistance.documents_requested",
                    {{"kind", a.kind}, {"by", ctx.actor.unit_name}, {"on", *on}, {"missing", *missing}}});
    return {};
  });
}

Status AssistanceService::decide(const AuthedCtx& ctx, std::int64_t application_id, const AidDecisionInput& in) {
  namespace check = domain::check;
  if (auto s = check::one_of(in.outcome, {"granted", "refused"}, "outcome", "请选择批准或不予批准"); !s.ok())
    return s;
  std::string from, to, reason;
  if (in.outcome == "granted") {
    if (!in.amount_fen) return invalid("FIELD_REQUIRED", "请填写批准的救助金额（每月）", "amount_fen");
    if (*in.amount_fen <= 0 || *in.amount_fen > 100000000)
      return invalid("AMOUNT_INVALID", "救助金额应大于 0 元，请重新填写", "amount_fen");
    auto f = check::date(in.from, "from", "救助起始日期");
    if (!f.ok()) return f.error();
    auto t = check::date(in.to, "to", "救助截止日期");
    if (!t.ok()) return t.error();
    if (auto s = check::order(*f, *t, "to", "救助截止日期不能早于起始日期"); !s.ok()) return s;
    from = domain::to_string(*f);
    to = domain::to_string(*t);
  } else {
    auto r = check::text(in.reason, "reason", "不予批准的理由", 500, true);
    if (!r.ok()) return r.error();
    reason = *r;
  }
  return answer(ctx, application_id, [&](PersonWrite& w, const store::PersonRecord& p, const store::AidRow& a) -> Status {
    auto on = answer_day(core_, ctx, in.on, a, "on", "决定日期");
    if (!on.ok()) return on.error();
    store::AidRow d;
    d.id = a.id;
    d.state = in.outcome;
    d.decided_on = *on;
    d.decided_by = ctx.actor.user_id;
    if (in.outcome == "granted") {
      d.amount_fen = in.amount_fen;
      d.granted_from = from;
      d.granted_to = to;
    }
    d.refusal_reason = reason;
    if (auto s = store::set_decided(w.c, d); !s.ok()) return s;
    if (auto id = store::insert_step(w.c, step_of(ctx, a.id, in.outcome, *on, reason)); !id.ok()) return id.error();
    nlohmann::json params = {{"kind", a.kind}, {"by", ctx.actor.unit_name}, {"on", *on}};
    if (in.outcome == "granted") {
      params["amount_fen"] = *in.amount_fen;
      params["from"] = from;
      params["to"] = to;
    } else {
      params["reason"] = reason;
    }
    w.record(p.id, p.name,
             Change{"assistance_decide", {{"application_id", a.id}, {"outcome", in.outcome}, {"on", *on}}, "assistance",
                    "assistance." + in.outcome, params});
    return {};
  });
}

}  // namespace anbang::app
