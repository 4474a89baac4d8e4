#include "app/organisation/organisation_service.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "app/core/guard.hpp"
#include "app/organisation/keep.hpp"
#include "domain/checks.hpp"

namespace anbang::app {

namespace {
constexpr std::string_view kManage = "org_group:manage";

Error group_not_found() { return not_found("GROUP_NOT_FOUND", "未找到该工作机构，或不在您的管辖范围内"); }

Status check_member(const OrgMemberInput& in, OrgMemberInput& out, domain::CivilDate today) {
  namespace check = domain::check;
  auto name = check::text(in.name, "name", "成员姓名", 50, true);
  if (!name.ok()) return name.error();
  auto position = check::text(in.position, "position", "单位职务", 100, false);
  if (!position.ok()) return position.error();
  if (auto s = check::one_of(in.role, {"leader", "deputy", "member"}, "role", "组内职务只能是组长、副组长或成员");
      !s.ok())
    return s;
  if (auto s = check::phone(in.phone, "phone", "联系电话"); !s.ok()) return s;
  auto joined = check::past_date(in.joined_on, "joined_on", "加入日期", today);
  if (!joined.ok()) return joined.error();
  out = {*name, *position, in.role, in.phone, domain::to_string(*joined)};
  return {};
}
}  // namespace

std::vector<std::string> owed_group_kinds(const std::string& unit_kind) {
  if (unit_kind == "district") return {"leading_group", "office"};
  if (unit_kind == "township") return {"leading_group"};
  if (unit_kind == "village") return {"working_group"};
  return {};
}

bool keeps_unit_groups(const AuthedCtx& ctx, const domain::UnitTree& tree, std::int64_t unit_id) {
  if (ctx.actor.system) return true;
  const domain::Unit* u = tree.find(unit_id);
  if (!u) return false;
  const bool district_user = ctx.actor.scope.kind == domain::ScopeKind::district;
  if (u->kind == "district") return district_user;
  if (district_user || ctx.actor.scope.kind != domain::ScopeKind::subtree) return false;
  auto township = tree.township_of(unit_id);
  return township && *township == ctx.actor.scope.root;
}

bool can_keep_org_group(const AuthedCtx& ctx, const domain::UnitTree& tree, std::int64_t unit_id) {
  return require(ctx, kManage).ok() && keeps_unit_groups(ctx, tree, unit_id);
}

Status OrganisationService::may_keep(const AuthedCtx& ctx, std::int64_t unit_id) const {
  if (ctx.actor.system) return {};
  auto tree = core_.units();
  if (!tree->find(unit_id)) return group_not_found();
  if (!keeps_unit_groups(ctx, *tree, unit_id))
    return forbidden("GROUP_NOT_YOURS",
                     "区级工作机构由区安帮办维护，镇街和村居工作机构由所在镇街（司法所）维护");
  return {};
}

bool OrganisationService::may_see(const AuthedCtx& ctx, std::int64_t unit_id) const {
  auto tree = core_.units();
  const domain::Unit* u = tree->find(unit_id);
  if (!u) return false;
  return u->kind == "district" || ctx.actor.scope.covers_unit(unit_id);
}

Result<std::int64_t> OrganisationService::create_group(const AuthedCtx& ctx, const OrgGroupInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  auto tree = core_.units();
  const domain::Unit* u = tree->find(in.unit_id);
  if (!u) return invalid("UNIT_NOT_FOUND", "请选择单位", "unit_id");
  auto owed = owed_group_kinds(u->kind);
  if (std::find(owed.begin(), owed.end(), in.kind) == owed.end())
    return invalid("GROUP_KIND_MISMATCH",
                   "区设领导小组和区安帮办，镇街设领导小组，村居设工作小组：该单位不设这种机构", "kind");
  if (auto s = may_keep(ctx, in.unit_id); !s.ok()) return s.error();
  auto name = check::text(in.name, "name", "机构名称", 100, true);
  if (!name.ok()) return name.error();
  auto note = check::text(in.note, "note", "备注", 1000, false);
  if (!note.ok()) return note.error();
  auto established = check::past_date(in.established_on, "established_on", "成立日期", ctx.today);
  if (!established.ok()) return established.error();
  return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
    store::OrgGroupRow g{0, in.unit_id, in.kind, *name, domain::to_string(*established), *note, ctx.now};
    auto id = store::insert_org_group(c, g, ctx.actor.user_id);
    if (!id.ok()) {
      if (id.error().code == "DB_CONSTRAINT")
        return conflict("GROUP_EXISTS", "该单位已建立这一工作机构，请在原机构中维护成员", "kind");
      return id.error();
    }
    nlohmann::json d = {{"unit_id", in.unit_id}, {"kind", in.kind}, {"name", *name},
                        {"established_on", g.established_on}};
    if (auto s = record_change(c, ctx, "org_group_create", "org_group", *id, *name, d.dump()); !s.ok()) return s.error();
    return *id;
  });
}

Status OrganisationService::update_group(const AuthedCtx& ctx, std::int64_t id, const OrgGroupInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kManage); !s.ok()) return s;
  auto name = check::text(in.name, "name", "机构名称", 100, true);
  if (!name.ok()) return name.error();
  auto note = check::text(in.note, "note", "备注", 1000, false);
  if (!note.ok()) return note.error();
  auto established = check::past_date(in.established_on, "established_on", "成立日期", ctx.today);
  if (!established.ok()) return established.error();
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto g = store::find_org_group(c, id);
    if (!g.ok()) return g.error();
    if (!*g || !may_see(ctx, (*g)->unit_id)) return group_not_found();
    if (auto s = may_keep(ctx, (*g)->unit_id); !s.ok()) return s;
    store::OrgGroupRow row = **g;
    row.name = *name;
    row.note = *note;
    row.established_on = domain::to_string(*established);
    if (auto s = store::update_org_group(c, row); !s.ok()) return s;
    nlohmann::json d = {{"name", row.name}, {"established_on", row.established_on}, {"note", row.note}};
    return record_change(c, ctx, "org_group_update", "org_group", id, row.name, d.dump());
  });
}

Result<std::int64_t> OrganisationService::add_member(const AuthedCtx& ctx, std::int64_t group_id,
                                                     const OrgMemberInput& in) {
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  OrgMemberInput m;
  if (auto s = check_member(in, m, ctx.today); !s.ok()) return s.error();
  return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
    auto g = store::find_org_group(c, group_id);
    if (!g.ok()) return g.error();
    if (!*g || !may_see(ctx, (*g)->unit_id)) return group_not_found();
    if (auto s = may_keep(ctx, (*g)->unit_id); !s.ok()) return s.error();
    if (m.joined_on < (*g)->established_on)
      return invalid("DATE_ORDER", "加入日期不能早于机构成立日期 " + (*g)->established_on, "joined_on");
    store::OrgMemberRow row{0, group_id, m.name, m.position, m.role, m.phone, m.joined_on, std::nullopt};
    auto id = store::insert_org_member(c, row, ctx.actor.user_id, ctx.now);
    if (!id.ok()) return id.error();
    nlohmann::json d = {{"group_id", group_id}, {"name", m.name}, {"role", m.role}, {"joined_on", m.joined_on}};
    if (auto s = record_change(c, ctx, "org_member_add", "org_group", group_id, (*g)->name, d.dump()); !s.ok())
      return s.error();
    return *id;
  });
}

Status OrganisationService::member_left(const AuthedCtx& ctx, std::int64_t member_id, const std::string& left_on) {
  if (auto s = require(ctx, kManage); !s.ok()) return s;
  auto left = domain::check::past_date(left_on, "left_on", "离开日期", ctx.today);
  if (!left.ok()) return left.error();
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto m = store::find_org_member(c, member_id);
    if (!m.ok()) return m.error();
    if (!*m) return not_found("MEMBER_NOT_FOUND", "未找到该成员");
    auto g = store::find_org_group(c, (*m)->group_id);
    if (!g.ok()) return g.error();
    if (!*g || !may_see(ctx, (*g)->unit_id)) return not_found("MEMBER_NOT_FOUND", "未找到该成员");
    if (auto s = may_keep(ctx, (*g)->unit_id); !s.ok()) return s;
    if ((*m)->left_on) return conflict("MEMBER_ALREADY_LEFT", "该成员已于 " + *(*m)->left_on + " 离开本机构");
    const std::string on = domain::to_string(*left);
    if (on < (*m)->joined_on)
      return invalid("DATE_ORDER", "离开日期不能早于加入日期 " + (*m)->joined_on, "left_on");
    if (auto s = store::set_org_member_left(c, member_id, on); !s.ok()) return s;
    nlohmann::json d = {{"member_id", member_id}, {"name", (*m)->name}, {"left_on", on}};
    return record_change(c, ctx, "org_member_leave", "org_group", (*g)->id, (*g)->name, d.dump());
  });
}

Result<OrgGroupView> OrganisationService::group(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  return transact_value<OrgGroupView>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<OrgGroupView> {
    auto g = store::find_org_group(c, id);
    if (!g.ok()) return g.error();
    if (!*g || !may_see(ctx, (*g)->unit_id)) return group_not_found();
    auto members = store::org_members(c, id);
    if (!members.ok()) return members.error();
    return OrgGroupView{**g, std::move(*members)};
  });
}

Result<std::vector<OrgGroupStatus>> OrganisationService::overview(const AuthedCtx& ctx, const OrgGroupQuery& q) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  if (!q.unit_kind.empty()) {
    if (auto s = domain::check::one_of(q.unit_kind, {"district", "township", "village"}, "unit_kind",
                                       "单位层级只能是区、镇街或村居");
        !s.ok())
      return s.error();
  }
  auto tree = core_.units();
  auto groups = transact_value<std::vector<store::OrgGroupRow>>(core_.db(), store::TxKind::read, store::all_org_groups);
  if (!groups.ok()) return groups.error();
  auto counts = transact_value<std::map<std::int64_t, int>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::map<std::int64_t, int>> {
        std::map<std::int64_t, int> out;
        for (const auto& g : *groups) {
          auto members = store::org_members(c, g.id);
          if (!members.ok()) return members.error();
          int n = 0;
          for (const auto& m : *members) n += m.left_on ? 0 : 1;
          out[g.id] = n;
        }
        return out;
      });
  if (!counts.ok()) return counts.error();
  std::map<std::pair<std::int64_t, std::string>, const store::OrgGroupRow*> by_unit;
  for (const auto& g : *groups) by_unit[{g.unit_id, g.kind}] = &g;
  std::vector<OrgGroupStatus> out;
  for (const auto& u : tree->all()) {
    if (!u.active || !domain::is_area_kind(u.kind)) continue;
    if (!q.unit_kind.empty() && u.kind != q.unit_kind) continue;
    if (q.township) {
      auto t = tree->township_of(u.id);
      if (!t || *t != *q.township) continue;
    }
    if (!may_see(ctx, u.id)) continue;
    for (const auto& kind : owed_group_kinds(u.kind)) {
      OrgGroupStatus st{u.id, u.kind, kind, std::nullopt, 0};
      auto it = by_unit.find({u.id, kind});
      if (it != by_unit.end()) {
        st.group = *it->second;
        st.current_members = (*counts)[it->second->id];
      }
      if (q.lacking_only && st.group) continue;
      out.push_back(std::move(st));
    }
  }
  return out;
}

}  // namespace anbang::app
