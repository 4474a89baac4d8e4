#include "app/employment/employment_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"

namespace anbang::app {

namespace {
const std::initializer_list<std::string_view> kStatusKinds = {
    "employed", "self_employed", "in_base", "farming", "unable_to_work", "seeking_work", "not_willing", "unknown"};
const std::initializer_list<std::string_view> kReasons = {"seeking_work", "unable_to_work", "unwilling",
                                                              "not_reached", "other"};
const std::initializer_list<std::string_view> kServiceKinds = {"advice", "guidance", "job_introduction"};
const std::initializer_list<std::string_view> kResults = {"hired", "not_hired", "pending"};
const std::initializer_list<std::string_view> kBenefitKinds = {
    "social_insurance_subsidy", "job_subsidy", "entrepreneurship_training", "micro_loan", "tax_incentive",
    "hiring_subsidy"};

// The recording unit and user (none for system work without them, e.g. seeding).
std::optional<std::int64_t> id_or_null(std::int64_t id) { return id ? std::optional<std::int64_t>(id) : std::nullopt; }

Result<std::string> note_of(const std::string& note) {
  return domain::check::text(note, "note", "说明", 500, false);
}
}  // namespace

Result<std::map<std::int64_t, domain::ResettlementResult>> derive_resettlements(store::Connection& c,
                                                                               const std::vector<std::int64_t>& ids,
                                                                               const std::string& today) {
  auto facts = store::resettlement_facts(c, ids, today);
  if (!facts.ok()) return facts.error();
  std::map<std::int64_t, domain::ResettlementResult> out;
  for (const auto& [id, f] : *facts) out[id] = domain::derive_resettlement(f);
  return out;
}

EmploymentService::EmploymentService(Core& core) : core_(core) {
  core_.add_consequence("resettlement", [](store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id) -> Status {
    auto r = derive_resettlements(c, {person_id}, domain::to_string(ctx.today));
    if (!r.ok()) return r.error();
    const domain::ResettlementResult& res = r->at(person_id);
    auto set = store::set_resettlement(c, person_id, domain::code(res.status),
                                       res.reason ? domain::code(*res.reason) : std::string_view{});
    if (!set.ok()) return set.error();
    return {};
  });
  // A placement or an assistance ends on its date without any write: the nightly refresh recomputes.
  core_.add_daily_step("resettlement", [](store::Connection& c, domain::CivilDate today, std::int64_t from_id,
                                          std::int64_t to_id) -> Status {
    auto ids = store::person_ids_between(c, from_id, to_id);
    if (!ids.ok()) return ids.error();
    auto r = derive_resettlements(c, *ids, domain::to_string(today));
    if (!r.ok()) return r.error();
    for (const auto& [id, res] : *r) {
      auto set = store::set_resettlement(c, id, domain::code(res.status),
                                         res.reason ? domain::code(*res.reason) : std::string_view{});
      if (!set.ok()) return set.error();
    }
    return {};
  });
}

Result<std::int64_t> EmploymentService::record_status(const AuthedCtx& ctx, std::int64_t person_id,
                                                      const EmploymentStatusInput& in) {
  namespace check = domain::check;
  if (in.kind.empty()) return invalid("FIELD_REQUIRED", "请选择就业状况", "kind");
  if (auto s = check::one_of(in.kind, kStatusKinds, "kind", "就业状况取值无效，请从列表中选择"); !s.ok()) return s.error();
  const auto kind = *domain::parse<domain::EmploymentKind>(in.kind);
  auto employer = check::text(in.employer, "employer", "工作单位", 100, false);
  if (!employer.ok()) return employer.error();
  auto job = check::text(in.job, "job", "岗位", 50, false);
  if (!job.ok()) return job.error();
  auto note = note_of(in.note);
  if (!note.ok()) return note.error();
  if (kind == domain::EmploymentKind::employed && employer->empty())
    return invalid("EMPLOYER_REQUIRED", "就业状况为就业时请填写工作单位", "employer");
  if (!in.reason.empty()) {
    if (auto s = check::one_of(in.reason, kReasons, "reason", "未安置原因取值无效，请从列表中选择"); !s.ok())
      return s.error();
  }
  if (domain::is_working(kind) && (!in.reason.empty() || in.supported_by_family))
    return invalid("REASON_NOT_APPLICABLE", "该就业状况已属安置，无需填写未安置原因或亲属供养", "reason");
  return change_person<std::int64_t>(
      core_, ctx, perm::employment_record, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto since = released_day(core_, w.c, p, in.since, "since", "起始日期", ctx);
        if (!since.ok()) return since.error();
        store::EmploymentStatusRow row;
        row.person_id = person_id;
        row.kind = in.kind;
        row.since = *since;
        row.employer = *employer;
        row.job = *job;
        row.supported_by_family = in.supported_by_family;
        row.reason = in.reason;
        row.note = *note;
        row.unit_id = id_or_null(ctx.actor.unit_id);
        row.user_id = id_or_null(ctx.actor.user_id);
        row.created_at = ctx.now;
        auto id = store::insert_employment_status(w.c, row);
        if (!id.ok()) return id.error();
        w.record(person_id, p.name,
                 Change{"employment_status",
                        {{"status_id", *id}, {"kind", in.kind}, {"since", *since}, {"reason", in.reason}},
                        "employment", "employment.status",
                        with_late({{"kind", in.kind}, {"since", *since}, {"employer", *employer}, {"job", *job}}, ctx,
                                  *since)});
        return *id;
      });
}

Result<std::int64_t> EmploymentService::record_service(const AuthedCtx& ctx, std::int64_t person_id,
                                                       const EmploymentServiceInput& in) {
  namespace check = domain::check;
  if (in.kind.empty()) return invalid("FIELD_REQUIRED", "请选择服务类型", "kind");
  if (auto s = check::one_of(in.kind, kServiceKinds, "kind", "服务类型取值无效，请从列表中选择"); !s.ok()) return s.error();
  auto employer = check::text(in.employer, "employer", "用人单位", 100, false);
  if (!employer.ok()) return employer.error();
  auto note = note_of(in.note);
  if (!note.ok()) return note.error();
  const bool introduction = in.kind == "job_introduction";
  std::string result;
  if (introduction) {
    if (employer->empty()) return invalid("EMPLOYER_REQUIRED", "职业介绍请填写介绍的用人单位", "employer");
    result = in.result.empty() ? "pending" : in.result;
    if (auto s = check::one_of(result, kResults, "result", "介绍结果取值无效，请从列表中选择"); !s.ok()) return s.error();
  } else if (!in.result.empty()) {
    return invalid("RESULT_NOT_APPLICABLE", "只有职业介绍需要填写介绍结果", "result");
  }
  if (!in.provider_unit_id) return invalid("FIELD_REQUIRED", "请选择提供服务的单位", "provider_unit_id");
  auto tree = core_.units();
  const domain::Unit* provider = tree->find(*in.provider_unit_id);
  if (!provider || !provider->active ||
      (provider->kind != "department" && provider->kind != "judicial_office" && provider->kind != "township" &&
       provider->kind != "district"))
    return invalid("PROVIDER_NOT_FOUND", "提供服务的单位应为本区的部门、镇街或司法所，请从列表中选择", "provider_unit_id");
  return change_person<std::int64_t>(
      core_, ctx, perm::employment_record, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto on = released_day(core_, w.c, p, in.given_on, "given_on", "服务日期", ctx);
        if (!on.ok()) return on.error();
        store::EmploymentServiceRow row;
        row.person_id = person_id;
        row.kind = in.kind;
        row.given_on = *on;
        row.provider_unit_id = provider->id;
        row.employer = *employer;
        row.result = result;
        row.note = *note;
        row.unit_id = id_or_null(ctx.actor.unit_id);
        row.user_id = id_or_null(ctx.actor.user_id);
        row.created_at = ctx.now;
        auto id = store::insert_employment_service(w.c, row);
        if (!id.ok()) return id.error();
        w.record(person_id, p.name,
                 Change{"employment_service",
                        {{"service_id", *id}, {"kind", in.kind}, {"given_on", *on}, {"provider_unit_id", provider->id}},
                        "employment", "employment.service",
                        with_late({{"kind", in.kind},
                                   {"given_on", *on},
                                   {"provider", provider->name},
                                   {"employer", *employer},
                                   {"result", result}},
                                  ctx, *on)});
        return *id;
      });
}

Result<std::int64_t> EmploymentService::record_benefit(const AuthedCtx& ctx, std::int64_t person_id,
                                                       const EmploymentBenefitInput& in) {
  namespace check = domain::check;
  if (in.kind.empty()) return invalid("FIELD_REQUIRED", "请选择扶持类型", "kind");
  if (auto s = check::one_of(in.kind, kBenefitKinds, "kind", "扶持类型取值无效，请从列表中选择"); !s.ok()) return s.error();
  if (!in.amount_fen) return invalid("FIELD_REQUIRED", "请填写金额，免费项目填 0", "amount_fen");
  if (*in.amount_fen < 0) return invalid("AMOUNT_NEGATIVE", "金额不能为负数，请填写实际金额", "amount_fen");
  if (*in.amount_fen > 100000000000LL) return invalid("FIELD_RANGE", "金额超出范围，请核对后重新填写", "amount_fen");
  auto lender = check::text(in.lender, "lender", "贷款经办机构", 100, false);
  if (!lender.ok()) return lender.error();
  auto enterprise = check::text(in.enterprise, "enterprise", "用人企业", 100, false);
  if (!enterprise.ok()) return enterprise.error();
  auto note = note_of(in.note);
  if (!note.ok()) return note.error();
  if (in.kind == "micro_loan" && lender->empty())
    return invalid("LENDER_REQUIRED", "担保贷款请填写贷款经办机构", "lender");
  if (in.kind == "hiring_subsidy" && enterprise->empty())
    return invalid("ENTERPRISE_REQUIRED", "企业吸纳就业补贴请填写用人企业名称", "enterprise");
  if (!in.department_unit_id) return invalid("FIELD_REQUIRED", "请选择扶持来源部门", "department_unit_id");
  auto tree = core_.units();
  const domain::Unit* dept = tree->find(*in.department_unit_id);
  if (!dept || !dept->active || dept->kind != "department")
    return invalid("DEPARTMENT_NOT_FOUND", "扶持来源部门应为本区的职能部门，请从列表中选择", "department_unit_id");
  std::optional<std::string> to;
  if (!in.to_on.empty()) {
    auto d = check::date(in.to_on, "to_on", "结束日期");
    if (!d.ok()) return d.error();
    to = domain::to_string(*d);
  }
  return change_person<std::int64_t>(
      core_, ctx, perm::employment_record, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto from = released_day(core_, w.c, p, in.from_on, "from_on", "开始日期", ctx);
        if (!from.ok()) return from.error();
        if (to && *to < *from) return invalid("DATE_ORDER", "结束日期不能早于开始日期 " + *from, "to_on");
        store::EmploymentBenefitRow row;
        row.person_id = person_id;
        row.kind = in.kind;
        row.department_unit_id = dept->id;
        row.amount_fen = *in.amount_fen;
        row.from_on = *from;
        row.to_on = to;
        row.lender = *lender;
        row.enterprise = *enterprise;
        row.note = *note;
        row.unit_id = id_or_null(ctx.actor.unit_id);
        row.user_id = id_or_null(ctx.actor.user_id);
        row.created_at = ctx.now;
        auto id = store::insert_employment_benefit(w.c, row);
        if (!id.ok()) return id.error();
        w.record(person_id, p.name,
                 Change{"employment_benefit",
                        {{"benefit_id", *id},
                         {"kind", in.kind},
                         {"department_unit_id", dept->id},
                         {"amount_fen", *in.amount_fen},
                         {"from_on", *from}},
                        "employment", "employment.benefit",
                        with_late({{"kind", in.kind},
                                   {"department", dept->name},
                                   {"amount_fen", *in.amount_fen},
                                   {"from_on", *from}},
                                  ctx, *from)});
        return *id;
      });
}

Result<Audited<EmploymentFile>> EmploymentService::person_employment(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<EmploymentFile>(
      core_, ctx, perm::person_read, person_id, "employment",
      [&](store::Connection& c, const Reached&) -> Result<EmploymentFile> {
        EmploymentFile f;
        auto statuses = store::person_employment_statuses(c, person_id);
        if (!statuses.ok()) return statuses.error();
        f.statuses = std::move(statuses).value();
        const std::string today = domain::to_string(ctx.today);
        for (const auto& s : f.statuses) {  // newest first: the first begun by today
          if (s.since <= today) {
            f.current = s;
            break;
          }
        }
        auto services = store::person_employment_services(c, person_id);
        if (!services.ok()) return services.error();
        f.services = std::move(services).value();
        auto benefits = store::person_employment_benefits(c, person_id);
        if (!benefits.ok()) return benefits.error();
        f.benefits = std::move(benefits).value();
        auto facts = store::resettlement_facts(c, {person_id}, today);
        if (!facts.ok()) return facts.error();
        f.facts = facts->at(person_id);
        f.resettlement = domain::derive_resettlement(f.facts);
        return f;
      });
}

}  // namespace anbang::app
