#include "app/needs/needs_service.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "store/follow_up_repo.hpp"

namespace anbang::app {

namespace {

template <std::size_t N>
bool member(const std::string_view (&list)[N], std::string_view v) {
  for (auto k : list)
    if (k == v) return true;
  return false;
}

Status category_ok(const std::string& v, const std::string& field) {
  if (member(kNeedCategories, v)) return {};
  return invalid("NEED_CATEGORY", "需求类别应为住房、就业、生活费用、医疗、家庭或证件办理之一", field);
}

Status status_ok(const std::string& v, const std::string& field) {
  if (member(kNeedStatuses, v)) return {};
  return invalid("NEED_STATUS", "需求状态应为待解决、正在解决、已解决或不再需要之一", field);
}

bool active(const std::string& status) { return status == "open" || status == "in_progress"; }

}  // namespace

Status raise_registration_needs(PersonWrite& w, const store::PersonRecord& p, std::int64_t registration_id) {
  auto before = store::person_needs(w.c, p.id);
  if (!before.ok()) return before.error();
  std::set<std::int64_t> had;
  for (const auto& n : *before) had.insert(n.id);
  auto raised = store::backfill_registration_needs(w.c, registration_id);
  if (!raised.ok()) return raised.error();
  if (*raised == 0) return {};
  auto after = store::person_needs(w.c, p.id);
  if (!after.ok()) return after.error();
  for (const auto& n : *after) {
    if (had.count(n.id)) continue;
    w.record(p.id, p.name,
             Change{"need_raise",
                    {{"need_id", n.id}, {"category", n.category}, {"source", "registration"}, {"raised_on", n.raised_on}},
                    "need", "need.raised",
                    {{"category", n.category}, {"source", "registration"}, {"raised_on", n.raised_on}}});
  }
  return {};
}

Result<std::vector<std::int64_t>> NeedsService::assess(const AuthedCtx& ctx, std::int64_t person_id,
                                                       const NeedAssessment& in) {
  namespace check = domain::check;
  if (auto s = check::one_of(in.source, {"visit", "review", "assessment"}, "source",
                             "评估来源应为走访、全面考察或需求评估");
      !s.ok())
    return s.error();
  if (in.source == "assessment" && in.source_id)
    return invalid("FIELD_VALUE", "单独的需求评估不关联走访或考察记录，请去掉所选记录", "source_id");
  if (in.items.empty()) return invalid("FIELD_REQUIRED", "请至少选择一项需求", "items");
  std::set<std::string> seen;
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    const auto& it = in.items[i];
    const std::string f = "items." + std::to_string(i);
    if (auto s = category_ok(it.category, f + ".category"); !s.ok()) return s.error();
    if (auto s = status_ok(it.status, f + ".status"); !s.ok()) return s.error();
    if (!seen.insert(it.category).second)
      return invalid("NEED_DUPLICATE", "同一类需求在一次评估中只能填写一次，请合并", f + ".category");
    auto note = check::text(it.note, f + ".note", "情况说明", 1000, false);
    if (!note.ok()) return note.error();
    notes.push_back(*note);
  }
  return change_person<std::vector<std::int64_t>>(
      core_, ctx, perm::needs_record, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::vector<std::int64_t>> {
        const store::PersonRecord& p = reached.record();
        auto on = released_day(core_, w.c, p, in.assessed_on, "assessed_on", "评估日期", ctx);
        if (!on.ok()) return on.error();
        if (in.source_id) {
          auto f = store::find_follow_up(w.c, *in.source_id);
          if (!f.ok()) return f.error();
          if (!f->has_value() || (*f)->person_id != person_id || (*f)->kind != in.source)
            return not_found("SOURCE_NOT_FOUND", "未找到该人员的这条走访或考察记录，请重新选择");
        }
        auto current = store::person_needs(w.c, person_id);
        if (!current.ok()) return current.error();
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0; i < in.items.size(); ++i) {
          const auto& it = in.items[i];
          const store::NeedRow* open = nullptr;
          for (const auto& n : *current)
            if (n.category == it.category && active(n.status) && !open) open = &n;
          store::NeedUpdateRow u;
          u.on_date = *on;
          u.action = notes[i];
          u.unit_id = ctx.actor.unit_id;
          u.user_id = ctx.actor.user_id;
          u.created_at = ctx.now;
          if (open) {
            if (*on < open->status_on)
              return invalid("DATE_ORDER", "评估日期不能早于该需求最近一次状态变更的日期 " + open->status_on,
                             "assessed_on");
            if (it.status == open->status && notes[i].empty()) continue;  // nothing new about it
            if (it.status != open->status) u.status = it.status;
            u.need_id = open->id;
            auto uid = store::insert_need_update(w.c, u);
            if (!uid.ok()) return uid.error();
            nlohmann::json params = {{"category", it.category}, {"on", *on}, {"source", in.source}};
            if (u.status) params["status"] = *u.status;
            if (!u.action.empty()) params["action"] = u.action;
            w.record(person_id, p.name,
                     Change{"need_update",
                            {{"need_id", open->id}, {"update_id", *uid}, {"status", u.status ? *u.status : ""},
                             {"source", in.source}},
                            "need", u.status ? "need.assessed_status" : "need.assessed_note", with_late(params, ctx, *on)});
            ids.push_back(open->id);
            continue;
          }
          if (!active(it.status))
            return invalid("NEED_NOT_OPEN", "该人员没有未解决的此类需求，无需标记为已解决或不再需要",
                           "items." + std::to_string(i) + ".status");
          store::NeedRow n;
          n.person_id = person_id;
          n.category = it.category;
          n.raised_on = *on;
          n.source = in.source;
          n.source_id = in.source_id;
          n.note = notes[i];
          n.unit_id = ctx.actor.unit_id;
          n.user_id = ctx.actor.user_id;
          n.created_at = ctx.now;
          auto nid = store::insert_need(w.c, n);
          if (!nid.ok()) return nid.error();
          u.need_id = *nid;
          u.status = it.status;
          u.action.clear();  // the note is the need's own
          if (auto uid = store::insert_need_update(w.c, u); !uid.ok()) return uid.error();
          w.record(person_id, p.name,
                   Change{"need_raise",
                          {{"need_id", *nid}, {"category", it.category}, {"source", in.source}, {"raised_on", *on}},
                          "need", "need.raised",
                          with_late({{"category", it.category}, {"source", in.source}, {"raised_on", *on}}, ctx, *on)});
          ids.push_back(*nid);
        }
        if (ids.empty())
          return invalid("NOTHING_CHANGED", "所填需求与现有需求清单相同，请修改状态或填写情况说明", "items");
        return ids;
      });
}

Result<std::int64_t> NeedsService::update_need(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t need_id,
                                               const NeedUpdateInput& in) {
  namespace check = domain::check;
  if (!in.status.empty())
    if (auto s = status_ok(in.status, "status"); !s.ok()) return s.error();
  if (!in.link_kind.empty() && !member(kNeedLinkKinds, in.link_kind))
    return invalid("NEED_LINK_KIND", "措施类型应为转介社会救助、就业服务、安置基地或帮教方案措施之一", "link_kind");
  auto action = check::text(in.action, "action", "采取的措施", 1000, false);
  if (!action.ok()) return action.error();
  if (action->empty() && in.status.empty())
    return invalid("FIELD_REQUIRED", "请填写采取的措施或选择新的状态", "action");
  if (action->empty() && !in.link_kind.empty())
    return invalid("FIELD_REQUIRED", "选择措施类型时请填写采取的措施", "action");
  return change_person<std::int64_t>(
      core_, ctx, perm::needs_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto found = store::find_need(w.c, need_id, person_id);
        if (!found.ok()) return found.error();
        if (!found->has_value()) return not_found("NEED_NOT_FOUND", "未找到该需求，请刷新需求清单后重试");
        const store::NeedRow& n = **found;
        auto d = record_date(core_, ctx, in.on_date, "on_date", "日期");
        if (!d.ok()) return d.error();
        const std::string on = domain::to_string(*d);
        if (on < n.raised_on) return invalid("DATE_ORDER", "日期不能早于需求提出日期 " + n.raised_on, "on_date");
        const bool changes_status = !in.status.empty() && in.status != n.status;
        if (!in.status.empty() && !changes_status && action->empty())
          return invalid("NOTHING_CHANGED", "该需求已是所选状态，请选择其他状态或填写采取的措施", "status");
        if (changes_status && on < n.status_on)
          return invalid("DATE_ORDER", "状态变更日期不能早于最近一次状态变更的日期 " + n.status_on, "on_date");
        store::NeedUpdateRow u;
        u.need_id = need_id;
        u.on_date = on;
        if (changes_status) u.status = in.status;
        u.action = *action;
        if (!in.link_kind.empty()) u.link_kind = in.link_kind;
        u.unit_id = ctx.actor.unit_id;
        u.user_id = ctx.actor.user_id;
        u.created_at = ctx.now;
        auto id = store::insert_need_update(w.c, u);
        if (!id.ok()) return id.error();
        nlohmann::json params = {{"category", n.category}, {"on", on}};
        if (u.status) params["status"] = *u.status;
        if (!u.action.empty()) params["action"] = u.action;
        if (u.link_kind) params["link_kind"] = *u.link_kind;
        const char* code = u.status ? (u.action.empty() ? "need.status" : "need.status_action") : "need.action";
        w.record(person_id, p.name,
                 Change{"need_update",
                        {{"need_id", need_id}, {"update_id", *id}, {"status", u.status ? *u.status : ""},
                         {"link_kind", u.link_kind ? *u.link_kind : ""}},
                        "need", code, with_late(params, ctx, on)});
        return *id;
      });
}

Result<Audited<std::vector<store::NeedRow>>> NeedsService::person_needs(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<std::vector<store::NeedRow>>(
      core_, ctx, perm::person_read, person_id, "needs",
      [&](store::Connection& c, const Reached&) { return store::person_needs(c, person_id); });
}

Result<Audited<OpenNeedsPage>> NeedsService::open_needs(const AuthedCtx& ctx, const OpenNeedsQuery& q) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  if (auto s = domain::check::paging(q.page, q.page_size); !s.ok()) return s.error();
  if (!q.category.empty())
    if (auto s = category_ok(q.category, "category"); !s.ok()) return s.error();
  store::OpenNeedsFilter f;
  f.today = domain::to_string(ctx.today);
  f.category = q.category;
  f.page = q.page;
  f.page_size = q.page_size;
  if (q.unit_id) {
    auto tree = core_.units();
    if (!tree->find(*q.unit_id)) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
    f.unit_ids = tree->subtree_ids(*q.unit_id);
  }
  auto page = transact_value<OpenNeedsPage>(core_.db(), store::TxKind::read,
                                            [&](store::Connection& c) -> Result<OpenNeedsPage> {
                                              auto found = store::open_needs(c, ctx.actor.scope, f);
                                              if (!found.ok()) return found.error();
                                              auto counts = store::open_need_counts(c, ctx.actor.scope, f);
                                              if (!counts.ok()) return counts.error();
                                              return OpenNeedsPage{std::move(found->first), std::move(counts).value(),
                                                                   found->second, q.page, q.page_size};
                                            });
  if (!page.ok()) return page.error();
  nlohmann::json d = {{"list", "open_needs"}, {"category", q.category}, {"total", page->total}};
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                              std::to_string(page->items.size()) + " 条", d.dump());
  return Audited<OpenNeedsPage>(std::move(page).value(), std::move(record));
}

Result<std::int64_t> NeedsService::record_insurance(const AuthedCtx& ctx, std::int64_t person_id,
                                                    const InsuranceInput& in) {
  namespace check = domain::check;
  if (!member(kInsuranceSchemes, in.scheme))
    return invalid("INSURANCE_SCHEME", "险种应为城镇职工养老保险、城乡居民养老保险、失业保险或医疗保险之一", "scheme");
  if (!member(kInsuranceStatuses, in.status))
    return invalid("INSURANCE_STATUS", "参保状态应为参保续保中、已断保、转移中、已转移、未参保或不详之一", "status");
  if (!in.step.empty() && !member(kInsuranceSteps, in.step))
    return invalid("INSURANCE_STEP", "办理事项应为申请转移、转入地确认、转移完成、接续参保或参加当地社保之一", "step");
  // R-INS-1: a step leaves the scheme in a status that fits it.
  if ((in.step == "transfer_applied" || in.step == "destination_confirmed") && in.status != "transferring")
    return invalid("INSURANCE_STEP_STATUS", "申请转移或转入地确认后参保状态应为转移中", "status");
  if (in.step == "transfer_completed" && in.status != "transferred" && in.status != "insured")
    return invalid("INSURANCE_STEP_STATUS", "转移完成后参保状态应为已转移或参保续保中", "status");
  if ((in.step == "continued" || in.step == "joined_local") && in.status != "insured")
    return invalid("INSURANCE_STEP_STATUS", "接续参保或参加当地社保后参保状态应为参保续保中", "status");
  auto on = check::past_date(in.on_date, "on_date", "日期", ctx.today);
  if (!on.ok()) return on.error();
  auto place = check::text(in.place, "place", "经办地或转入地", 100, false);
  if (!place.ok()) return place.error();
  auto note = check::text(in.note, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  return change_person<std::int64_t>(
      core_, ctx, perm::insurance_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        store::InsuranceEntryRow e;
        e.person_id = person_id;
        e.scheme = in.scheme;
        e.status = in.status;
        if (!in.step.empty()) e.step = in.step;
        e.on_date = domain::to_string(*on);
        e.place = *place;
        e.note = *note;
        e.unit_id = ctx.actor.unit_id;
        e.user_id = ctx.actor.user_id;
        e.created_at = ctx.now;
        auto id = store::insert_insurance_entry(w.c, e);
        if (!id.ok()) return id.error();
        nlohmann::json params = {{"scheme", e.scheme}, {"status", e.status}, {"on", e.on_date}};
        if (e.step) params["step"] = *e.step;
        if (!e.place.empty()) params["place"] = e.place;
        w.record(person_id, p.name,
                 Change{"insurance_record", {{"entry_id", *id}, {"scheme", e.scheme}, {"status", e.status},
                                             {"step", in.step}, {"on_date", e.on_date}},
                        "insurance", e.step ? "insurance.step" : "insurance.status", params});
        return *id;
      });
}

Result<std::int64_t> NeedsService::record_civil_servant(const AuthedCtx& ctx, std::int64_t person_id,
                                                        const CivilServantInput& in) {
  auto on = domain::check::past_date(in.on_date, "on_date", "日期", ctx.today);
  if (!on.ok()) return on.error();
  auto note = domain::check::text(in.note, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  return change_person<std::int64_t>(
      core_, ctx, perm::insurance_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        auto rows = store::person_civil_servant(w.c, person_id);
        if (!rows.ok()) return rows.error();
        const bool now_flag = !rows->empty() && rows->back().former_civil_servant;
        if (now_flag == in.former_civil_servant && !rows->empty())
          return invalid("NOTHING_CHANGED", in.former_civil_servant ? "该人员已登记为原公职人员" : "该人员已登记为非原公职人员",
                         "former_civil_servant");
        store::CivilServantRow r{0,        person_id,         in.former_civil_servant, domain::to_string(*on), *note,
                                 ctx.actor.unit_id, ctx.actor.user_id, ctx.now, ""};
        auto id = store::insert_civil_servant(w.c, r);
        if (!id.ok()) return id.error();
        w.record(person_id, reached.record().name,
                 Change{"insurance_civil_servant", {{"id", *id}, {"former_civil_servant", in.former_civil_servant},
                                                    {"on_date", r.on_date}},
                        "insurance", in.former_civil_servant ? "insurance.civil_servant" : "insurance.not_civil_servant",
                        {{"on", r.on_date}}});
        return *id;
      });
}

Result<Audited<InsuranceView>> NeedsService::person_insurance(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<InsuranceView>(core_, ctx, perm::person_read, person_id, "insurance",
                                    [&](store::Connection& c, const Reached&) -> Result<InsuranceView> {
                                      InsuranceView v;
                                      auto es = store::person_insurance(c, person_id);
                                      if (!es.ok()) return es.error();
                                      v.entries = std::move(es).value();
                                      auto cs = store::person_civil_servant(c, person_id);
                                      if (!cs.ok()) return cs.error();
                                      v.civil_servant = std::move(cs).value();
                                      return v;
                                    });
}

}  // namespace anbang::app
