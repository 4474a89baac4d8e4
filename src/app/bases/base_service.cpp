#include "app/bases/base_service.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "rules/bases.hpp"
#include "store/meeting_repo.hpp"

namespace anbang::app {

namespace {
constexpr std::string_view kManage = "base:manage";

// The township a township's or judicial office's user works for.
std::optional<std::int64_t> own_township(const domain::UnitTree& tree, const Actor& a) {
  const domain::Unit* u = tree.find(a.unit_id);
  if (!u) return std::nullopt;
  if (u->kind == "township") return u->id;
  if (u->kind == "judicial_office") return u->area_unit_id;
  return std::nullopt;
}

std::vector<rules::AgreementSpan> spans(const std::vector<store::AgreementRow>& rows) {
  std::vector<rules::AgreementSpan> out;
  for (const auto& a : rows) {
    auto from = domain::parse_date(a.valid_from);
    auto to = domain::parse_date(a.valid_to);
    if (from.ok() && to.ok()) out.push_back({a.id, *from, *to, a.capacity});
  }
  return out;
}

std::optional<store::AgreementRow> current_of(const std::vector<store::AgreementRow>& rows, domain::CivilDate today) {
  auto a = rules::agreement_on(spans(rows), today);
  if (!a) return std::nullopt;
  for (const auto& r : rows) {
    if (r.id == a->id) return r;
  }
  return std::nullopt;
}

Result<store::BaseRow> check_base(const BaseInput& in) {
  namespace check = domain::check;
  store::BaseRow b;
  auto name = check::text(in.name, "name", "基地名称", 100, true);
  if (!name.ok()) return name.error();
  auto enterprise = check::text(in.enterprise, "enterprise", "依托企业", 100, false);
  if (!enterprise.ok()) return enterprise.error();
  auto address = check::text(in.address, "address", "地址", 200, false);
  if (!address.ok()) return address.error();
  auto contact = check::text(in.contact_name, "contact_name", "联系人", 50, false);
  if (!contact.ok()) return contact.error();
  if (auto s = check::phone(in.contact_phone, "contact_phone", "联系电话"); !s.ok()) return s.error();
  auto note = check::text(in.note, "note", "备注", 1000, false);
  if (!note.ok()) return note.error();
  b.name = *name;
  b.enterprise = *enterprise;
  b.address = *address;
  b.contact_name = *contact;
  b.contact_phone = in.contact_phone;
  b.note = *note;
  return b;
}
}  // namespace

bool BaseService::sees(const AuthedCtx& ctx, const store::BaseRow& b) const {
  if (ctx.actor.system) return true;
  if (b.kind == "district") return true;  // every unit places into the district base
  return ctx.actor.scope.covers_unit(b.unit_id);
}

bool BaseService::manages(const AuthedCtx& ctx, const store::BaseRow& b) const {
  if (ctx.actor.system) return true;
  if (!ctx.actor.can(kManage)) return false;
  if (b.kind == "district") return ctx.actor.scope.kind == domain::ScopeKind::district;
  return ctx.actor.scope.covers_unit(b.unit_id);
}

Result<std::vector<BaseSummary>> BaseService::list(const AuthedCtx& ctx) {
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  return transact_value<std::vector<BaseSummary>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<BaseSummary>> {
        auto bases = store::all_bases(c);
        if (!bases.ok()) return bases.error();
        auto agreements = store::all_agreements(c);
        if (!agreements.ok()) return agreements.error();
        std::vector<BaseSummary> out;
        for (auto& b : *bases) {
          if (!sees(ctx, b)) continue;
          std::vector<store::AgreementRow> mine;
          for (const auto& a : *agreements) {
            if (a.base_id == b.id) mine.push_back(a);
          }
          BaseSummary s{std::move(b), current_of(mine, ctx.today), false};
          s.can_manage = manages(ctx, s.base);
          out.push_back(std::move(s));
        }
        return out;
      });
}

Result<BaseDetail> BaseService::get(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  return transact_value<BaseDetail>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<BaseDetail> {
    auto b = store::find_base(c, id);
    if (!b.ok()) return b.error();
    if (!*b || !sees(ctx, **b)) return not_found("BASE_NOT_FOUND", "未找到该安置基地，或不在您的管辖范围内");
    auto agreements = store::base_agreements(c, id);
    if (!agreements.ok()) return agreements.error();
    auto placements = store::base_placements(c, id);
    if (!placements.ok()) return placements.error();
    BaseDetail d;
    d.summary = BaseSummary{std::move(**b), current_of(*agreements, ctx.today), false};
    d.summary.can_manage = manages(ctx, d.summary.base);
    d.agreements = std::move(*agreements);
    for (auto& p : *placements) {
      if (ctx.actor.system || ctx.actor.scope.covers_person(p.household_unit_id, p.residence_unit_id)) {
        d.placements.push_back(std::move(p));
      } else {
        ++d.others;  // counted in the occupancy, never named
      }
    }
    return d;
  });
}

Result<std::int64_t> BaseService::create(const AuthedCtx& ctx, const BaseInput& in) {
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  if (auto s = domain::check::one_of(in.kind, {"district", "enterprise"}, "kind", "基地类别只能是区级基地或企业基地");
      !s.ok())
    return s.error();
  auto b = check_base(in);
  if (!b.ok()) return b.error();
  auto tree = core_.units();
  b->kind = in.kind;
  if (in.kind == "district") {
    if (ctx.actor.scope.kind != domain::ScopeKind::district && !ctx.actor.system)
      return forbidden("BASE_NOT_YOURS", "区级安置基地由区安帮办维护");
    for (const auto& u : tree->all()) {
      if (u.kind == "district") b->unit_id = u.id;
    }
  } else {
    std::optional<std::int64_t> township = in.unit_id ? in.unit_id : own_township(*tree, ctx.actor);
    const domain::Unit* u = township ? tree->find(*township) : nullptr;
    if (!u || u->kind != "township") return invalid("UNIT_NOT_TOWNSHIP", "企业安置基地应属于一个镇街，请选择镇街", "unit_id");
    if (!ctx.actor.system && !ctx.actor.scope.covers_unit(u->id))
      return forbidden("BASE_NOT_YOURS", "只能为本镇街建立企业安置基地");
    b->unit_id = u->id;
  }
  b->created_at = ctx.now;
  return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
    auto id = store::insert_base(c, *b, ctx.actor.user_id);
    if (!id.ok()) return id.error();
    nlohmann::json d = {{"kind", b->kind}, {"unit_id", b->unit_id}, {"name", b->name}, {"enterprise", b->enterprise}};
    if (auto s = record_change(c, ctx, "base_create", "base", *id, b->name, d.dump()); !s.ok()) return s.error();
    return *id;
  });
}

Status BaseService::update(const AuthedCtx& ctx, std::int64_t id, const BaseInput& in) {
  if (auto s = require(ctx, kManage); !s.ok()) return s;
  auto b = check_base(in);
  if (!b.ok()) return b.error();
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto old = store::find_base(c, id);
    if (!old.ok()) return old.error();
    if (!*old || !sees(ctx, **old)) return not_found("BASE_NOT_FOUND", "未找到该安置基地，或不在您的管辖范围内");
    if (!manages(ctx, **old)) return forbidden("BASE_NOT_YOURS", "区级安置基地由区安帮办维护，企业安置基地由所在镇街维护");
    b->id = id;
    if (auto s = store::update_base(c, *b); !s.ok()) return s;
    nlohmann::json d = {{"name", b->name},
                        {"enterprise", b->enterprise},
                        {"address", b->address},
                        {"contact_name", b->contact_name},
                        {"before", {{"name", (*old)->name}, {"enterprise", (*old)->enterprise}}}};
    return record_change(c, ctx, "base_update", "base", id, b->name, d.dump());
  });
}

Result<std::int64_t> BaseService::add_agreement(const AuthedCtx& ctx, std::int64_t base_id, const BaseAgreementInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  auto signed_on = check::past_date(in.signed_on, "signed_on", "签订日期", ctx.today);
  if (!signed_on.ok()) return signed_on.error();
  auto from = check::date(in.valid_from, "valid_from", "有效期开始日期");
  if (!from.ok()) return from.error();
  auto to = check::date(in.valid_to, "valid_to", "有效期结束日期");
  if (!to.ok()) return to.error();
  if (auto s = check::order(*from, *to, "valid_to", "有效期结束日期不能早于开始日期"); !s.ok()) return s.error();
  if (in.capacity <= 0) return invalid("CAPACITY_INVALID", "可安置人数应至少为1人", "capacity");
  if (in.capacity > 10000) return invalid("CAPACITY_INVALID", "可安置人数不能超过10000人", "capacity");
  std::string services;
  for (const auto& sv : in.services) {
    if (auto s = check::one_of(sv, {"lodging", "work", "training", "counselling"}, "services",
                               "服务内容只能是食宿、就业、培训或心理辅导");
        !s.ok())
      return s.error();
    if (services.find(sv) != std::string::npos) continue;
    if (!services.empty()) services += ",";
    services += sv;
  }
  return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
    auto b = store::find_base(c, base_id);
    if (!b.ok()) return b.error();
    if (!*b || !sees(ctx, **b)) return not_found("BASE_NOT_FOUND", "未找到该安置基地，或不在您的管辖范围内");
    if (!manages(ctx, **b)) return forbidden("BASE_NOT_YOURS", "区级安置基地由区安帮办维护，企业安置基地由所在镇街维护");
    auto existing = store::base_agreements(c, base_id);
    if (!existing.ok()) return existing.error();
    if (rules::overlaps(spans(*existing), *from, *to))
      return conflict("AGREEMENT_OVERLAP", "与该基地已有协议的有效期重叠，请调整有效期", "valid_from");
    store::AgreementRow a{0, base_id, domain::to_string(*signed_on), domain::to_string(*from), domain::to_string(*to),
                          in.capacity, services, ctx.now};
    auto id = store::insert_agreement(c, a, ctx.actor.user_id);
    if (!id.ok()) return id.error();
    nlohmann::json d = {{"base_id", base_id},          {"signed_on", a.signed_on}, {"valid_from", a.valid_from},
                        {"valid_to", a.valid_to},      {"capacity", a.capacity},   {"services", services}};
    if (auto s = record_change(c, ctx, "base_agreement_create", "base", base_id, (*b)->name, d.dump()); !s.ok())
      return s.error();
    return *id;
  });
}

Result<std::int64_t> BaseService::place(const AuthedCtx& ctx, std::int64_t person_id, const PlacementInput& in) {
  auto note = domain::check::text(in.note, "note", "备注", 500, false);
  if (!note.ok()) return note.error();
  return change_person<std::int64_t>(
      core_, ctx, kManage, person_id, [&](PersonWrite& w, const Reached& r) -> Result<std::int64_t> {
        auto day = released_day(core_, w.c, r.record(), in.placed_on, "placed_on", "入住日期", ctx);
        if (!day.ok()) return day.error();
        auto b = store::find_base(w.c, in.base_id);
        if (!b.ok()) return b.error();
        if (!*b || !sees(ctx, **b)) return invalid("BASE_NOT_FOUND", "未找到该安置基地，或不在您的管辖范围内", "base_id");
        auto active = store::active_placement_of(w.c, person_id);
        if (!active.ok()) return active.error();
        if (*active)
          return conflict("ALREADY_PLACED", "该人员已在“" + (*active)->base_name + "”安置，请先办理离开", "base_id");
        auto agreements = store::base_agreements(w.c, in.base_id);
        if (!agreements.ok()) return agreements.error();
        // R-BASE-1: the count and the insert in this one write transaction (see the header).
        auto occupied = store::count_active_placements(w.c, in.base_id);
        if (!occupied.ok()) return occupied.error();
        auto placed_on = domain::parse_date(*day);
        if (!placed_on.ok()) return placed_on.error();
        switch (rules::check_placement(spans(*agreements), *placed_on, ctx.today, *occupied)) {
          case rules::PlacementCheck::no_agreement:
            return invalid("NO_VALID_AGREEMENT", "该基地在入住日期没有有效的安置协议，请先续签协议", "placed_on");
          case rules::PlacementCheck::full:
            return conflict("BASE_FULL", "该基地已满员，请选择其他基地或等有人离开后再安置", "base_id");
          case rules::PlacementCheck::ok:
            break;
        }
        store::PlacementRow p;
        p.base_id = in.base_id;
        p.person_id = person_id;
        p.placed_on = *day;
        p.note = *note;
        p.unit_id = ctx.actor.unit_id;
        p.created_at = ctx.now;
        auto id = store::insert_placement(w.c, p, ctx.actor.user_id);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"placement_id", *id}, {"base_id", in.base_id}, {"base", (*b)->name}, {"placed_on", *day}};
        w.record(person_id, r.record().name,
                 Change{"base_place", d, "base", "base.placed", with_late({{"base", (*b)->name}, {"placed_on", *day}}, ctx, *day)});
        return *id;
      });
}

Status BaseService::end(const AuthedCtx& ctx, std::int64_t placement_id, const EndPlacementInput& in) {
  auto reason = domain::check::text(in.reason, "reason", "离开原因", 200, false);
  if (!reason.ok()) return reason.error();
  // The placement names its person; the guard decides whether the caller reaches them.
  auto found = transact_value<std::optional<store::PlacementRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_placement(c, placement_id); });
  if (!found.ok()) return found.error();
  if (!*found) return not_found("PLACEMENT_NOT_FOUND", "未找到该安置记录");
  const store::PlacementRow p = **found;
  auto out = change_person<bool>(core_, ctx, kManage, p.person_id, [&](PersonWrite& w, const Reached& r) -> Result<bool> {
    auto now = store::find_placement(w.c, placement_id);
    if (!now.ok()) return now.error();
    if (!*now || (*now)->ended_on) return conflict("PLACEMENT_ENDED", "该安置记录已办理离开");
    auto day = record_date(core_, ctx, in.ended_on, "ended_on", "离开日期");
    if (!day.ok()) return day.error();
    const std::string ended_on = domain::to_string(*day);
    if (ended_on < p.placed_on) return invalid("DATE_ORDER", "离开日期不能早于入住日期（" + p.placed_on + "）", "ended_on");
    if (auto s = store::end_placement(w.c, placement_id, ended_on, *reason, ctx.actor.user_id); !s.ok()) return s.error();
    nlohmann::json d = {{"placement_id", placement_id}, {"base", p.base_name}, {"ended_on", ended_on}, {"reason", *reason}};
    w.record(p.person_id, r.record().name,
             Change{"base_leave", d, "base", "base.left",
                    with_late({{"base", p.base_name}, {"ended_on", ended_on}, {"reason", *reason}}, ctx, ended_on)});
    return true;
  });
  if (!out.ok()) return out.error();
  return {};
}

Result<Audited<std::vector<store::PlacementRow>>> BaseService::person_placements(const AuthedCtx& ctx,
                                                                                  std::int64_t person_id) {
  return read_person<std::vector<store::PlacementRow>>(
      core_, ctx, perm::person_read, person_id, "bases",
      [&](store::Connection& c, const Reached&) { return store::person_placements(c, person_id); });
}

Result<std::vector<PersonTask>> BaseService::tasks(const AuthedCtx& ctx) {
  if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  auto tree = core_.units();
  std::vector<std::int64_t> townships;
  if (ctx.actor.system || ctx.actor.scope.kind == domain::ScopeKind::district) {
    for (const auto& u : tree->all()) {
      if (u.kind == "township" && u.active) townships.push_back(u.id);
    }
  } else if (auto t = own_township(*tree, ctx.actor)) {
    townships.push_back(*t);
  }
  if (townships.empty()) return std::vector<PersonTask>{};
  return transact_value<std::vector<PersonTask>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<PersonTask>> {
        auto bases = store::all_bases(c);
        if (!bases.ok()) return bases.error();
        auto agreements = store::all_agreements(c);
        if (!agreements.ok()) return agreements.error();
        std::map<std::int64_t, std::int64_t> township_of_base;
        for (const auto& b : *bases) {
          if (b.kind == "enterprise") township_of_base[b.id] = b.unit_id;
        }
        std::map<std::int64_t, std::vector<rules::Interval>> by_township;
        for (const auto& a : *agreements) {
          auto it = township_of_base.find(a.base_id);
          if (it == township_of_base.end()) continue;
          auto from = domain::parse_date(a.valid_from);
          auto to = domain::parse_date(a.valid_to);
          if (from.ok() && to.ok()) by_township[it->second].push_back({*from, *to});
        }
        std::vector<PersonTask> out;
        for (std::int64_t t : townships) {
          rules::UnitFacts facts;
          facts.unit_id = t;
          facts.kind = "township";
          auto created = store::unit_created_at(c, t);
          if (!created.ok()) return created.error();
          facts.active_from = domain::shanghai_date_from_unix(*created);
          facts.enterprise_agreements = by_township[t];
          for (auto& pt : obligations_.unit_tasks(facts, ctx.today)) {
            if (pt.task.rule == "R-BASE-1") out.push_back(std::move(pt));
          }
        }
        return out;
      });
}

}  // namespace anbang::app
