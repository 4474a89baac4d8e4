#include <nlohmann/json.hpp>
#include <regex>

#include "app/admin/admin_service.hpp"
#include "app/core/audit.hpp"
#include "app/core/guard.hpp"
#include "domain/password_policy.hpp"
#include "domain/role_fit.hpp"
#include "domain/text.hpp"
#include "platform/crypto.hpp"
#include "store/unit_repo.hpp"

namespace anbang::app {

namespace {
Error user_not_found() { return not_found("USER_NOT_FOUND", "用户不存在"); }

Status check_user_fields(const UserInput& in, const domain::UnitTree& tree) {
  if (domain::trim_ascii(in.display_name).empty())
    return invalid("FIELD_REQUIRED", "请填写姓名", "display_name");
  if (domain::count_code_points(in.display_name) > 50)
    return invalid("FIELD_TOO_LONG", "姓名不能超过50个字", "display_name");
  if (in.phone.size() > 20) return invalid("FIELD_TOO_LONG", "电话不能超过20位", "phone");
  const domain::Unit* u = tree.find(in.unit_id);
  if (!u || !u->active) return invalid("UNIT_UNKNOWN", "所属单位不存在或已停用，请重新选择", "unit_id");
  return {};
}

// A user's role must fit the kind of their unit (domain::role_fits_unit_kind).
Status check_role_fits_unit(const store::RoleRow& role, std::int64_t unit_id, const domain::UnitTree& tree) {
  const domain::Unit* u = tree.find(unit_id);
  if (u && !domain::role_fits_unit_kind(role.code, u->kind))
    return invalid("ROLE_UNIT_MISMATCH", "该角色不适用于所属单位的类型，请重新选择", "role_id");
  return {};
}
}  // namespace

Result<std::pair<std::vector<store::UserRow>, std::int64_t>> AdminService::list_users(
    const AuthedCtx& ctx, const std::string& q, std::optional<std::int64_t> unit_id, int page, int page_size) {
  if (auto s = require(ctx, "user:manage"); !s.ok()) return s.error();
  if (page < 1 || page > 100000 || page_size < 1 || page_size > 100) {
    return invalid("FIELD_RANGE", "分页参数超出范围：页码 1–100000，每页 1–100 条", "page");
  }
  store::UserFilter f;
  f.q = std::string(domain::trim_ascii(q));
  if (unit_id) {
    f.unit_ids = core_.units()->subtree_ids(*unit_id);
    if (f.unit_ids.empty()) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
  }
  f.page = page;
  f.page_size = page_size;
  using Page = std::pair<std::vector<store::UserRow>, std::int64_t>;
  return transact_value<Page>(core_.db(), store::TxKind::read,
                              [&](store::Connection& c) { return store::list_users(c, f); });
}

Result<store::UserRow> AdminService::create_user(const AuthedCtx& ctx, const UserInput& in) {
  if (auto s = require(ctx, "user:manage"); !s.ok()) return s.error();
  static const std::regex name_re("^[A-Za-z][A-Za-z0-9_.-]{2,31}$");
  if (!std::regex_match(in.username, name_re)) {
    return invalid("USERNAME_FORMAT", "用户名须以字母开头，3到32位，只含字母、数字、下划线、点或短横线",
                   "username");
  }
  if (auto s = check_user_fields(in, *core_.units()); !s.ok()) return s.error();
  if (auto s = domain::check_password_strength(in.initial_password, in.username); !s.ok()) {
    Error e = s.error();
    e.field = "initial_password";
    return e;
  }
  store::UserRow u;
  u.username = in.username;
  u.display_name = std::string(domain::trim_ascii(in.display_name));
  u.phone = in.phone;
  u.unit_id = in.unit_id;
  u.role_id = in.role_id;
  u.password_hash = platform::hash_password(in.initial_password, core_.config().fast_password_hash);
  u.must_change_password = true;
  u.active = in.active.value_or(true);
  return transact_value<store::UserRow>(
      core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<store::UserRow> {
        auto role = store::find_role(c, in.role_id);
        if (!role.ok()) return role.error();
        if (!role->has_value()) return invalid("ROLE_UNKNOWN", "角色不存在，请重新选择", "role_id");
        if (auto s = check_role_fits_unit(**role, u.unit_id, *core_.units()); !s.ok()) return s.error();
        auto existing = store::find_user_by_name(c, u.username);
        if (!existing.ok()) return existing.error();
        if (existing->has_value()) return conflict("USERNAME_TAKEN", "用户名已被使用，请换一个", "username");
        auto id = store::insert_user(c, u, ctx.now);
        if (!id.ok()) return id.error();
        u.id = *id;
        nlohmann::json d = {{"unit_id", u.unit_id}, {"role", (*role)->code}};
        if (auto s = record_change(c, ctx, "user_create", "user", u.id, u.username, d.dump()); !s.ok())
          return s.error();
        u.password_hash.clear();
        return u;
      });
}

Result<store::UserRow> AdminService::update_user(const AuthedCtx& ctx, std::int64_t id, const UserInput& in) {
  if (auto s = require(ctx, "user:manage"); !s.ok()) return s.error();
  if (auto s = check_user_fields(in, *core_.units()); !s.ok()) return s.error();
  auto result = transact_value<store::UserRow>(
      core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<store::UserRow> {
        auto found = store::find_user(c, id);
        if (!found.ok()) return found.error();
        if (!found->has_value()) return user_not_found();
        store::UserRow before = **found, u = **found;
        auto role = store::find_role(c, in.role_id);
        if (!role.ok()) return role.error();
        if (!role->has_value()) return invalid("ROLE_UNKNOWN", "角色不存在，请重新选择", "role_id");
        // Checked when the unit or the role changes (a user saved before the check stays editable).
        if (in.unit_id != before.unit_id || in.role_id != before.role_id) {
          if (auto s = check_role_fits_unit(**role, in.unit_id, *core_.units()); !s.ok()) return s.error();
        }
        u.display_name = std::string(domain::trim_ascii(in.display_name));
        u.phone = in.phone;
        u.unit_id = in.unit_id;
        u.role_id = in.role_id;
        u.active = in.active.value_or(u.active);
        if (id == ctx.actor.user_id && !u.active)
          return invalid("SELF_DISABLE", "不能停用自己的账号", "active");
        if (auto s = store::update_user_profile(c, u); !s.ok()) return s.error();
        if (!u.active || u.unit_id != before.unit_id || u.role_id != before.role_id) {
          if (auto s = store::delete_user_sessions(c, id); !s.ok()) return s.error();  // take effect at once
        }
        nlohmann::json d = nlohmann::json::array();
        auto add = [&](const char* f, const std::string& o, const std::string& n) {
          if (o != n) d.push_back({{"field", f}, {"old", o}, {"new", n}});
        };
        add("display_name", before.display_name, u.display_name);
        add("phone", before.phone, u.phone);
        add("unit_id", std::to_string(before.unit_id), std::to_string(u.unit_id));
        add("role_id", std::to_string(before.role_id), std::to_string(u.role_id));
        add("active", before.active ? "1" : "0", u.active ? "1" : "0");
        if (auto s = record_change(c, ctx, "user_update", "user", id, u.username, d.dump()); !s.ok())
          return s.error();
        u.password_hash.clear();
        return u;
      });
  auth_.forget_sessions_of(id);  // after the commit: see AuthService::authenticate
  return result;
}

Status AdminService::reset_password(const AuthedCtx& ctx, std::int64_t id, const std::string& initial_password) {
  if (auto s = require(ctx, "user:manage"); !s.ok()) return s;
  auto target = transact_value<std::optional<store::UserRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_user(c, id); });
  if (!target.ok()) return target.error();
  if (!target->has_value()) return user_not_found();
  if (auto s = domain::check_password_strength(initial_password, (*target)->username); !s.ok()) {
    Error e = s.error();
    e.field = "initial_password";
    return e;
  }
  // Hash outside the write transaction: argon2id takes ~100 ms and would hold the writer.
  std::string hash = platform::hash_password(initial_password, core_.config().fast_password_hash);
  auto result = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto found = store::find_user(c, id);
    if (!found.ok()) return found.error();
    if (!found->has_value()) return user_not_found();
    if (auto s = store::set_password(c, id, hash, true); !s.ok()) return s;
    if (auto s = store::delete_user_sessions(c, id); !s.ok()) return s;
    return record_change(c, ctx, "password_reset", "user", id, (*found)->username, "{}");
  });
  auth_.forget_sessions_of(id);  // after the commit: see AuthService::authenticate
  return result;
}

Result<std::pair<std::vector<store::RoleRow>, std::vector<store::PermissionRow>>> AdminService::list_roles(
    const AuthedCtx& ctx) {
  // Readable by role managers and by user managers (who pick a role for a user).
  if (auto s = require(ctx, ctx.actor.can("user:manage") ? "user:manage" : "role:manage");
      !s.ok())
    return s.error();
  using Out = std::pair<std::vector<store::RoleRow>, std::vector<store::PermissionRow>>;
  return transact_value<Out>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto roles = store::list_roles(c);
    if (!roles.ok()) return roles.error();
    auto perms = store::list_permissions(c);
    if (!perms.ok()) return perms.error();
    return Out{std::move(roles).value(), std::move(perms).value()};
  });
}

Result<store::RoleRow> AdminService::update_role(const AuthedCtx& ctx, std::int64_t id, const std::string& scope,
                                        const std::set<std::string>& permissions) {
  if (auto s = require(ctx, "role:manage"); !s.ok()) return s.error();
  // Nobody widens (or narrows) their own powers: another administrator changes this role.
  if (id == ctx.actor.role_id) return forbidden("ROLE_OWN", "不能修改自己所担任角色的权限，请由其他管理员修改");
  if (scope != "none" && scope != "own" && scope != "subtree" && scope != "district") {
    return invalid("FIELD_VALUE", "数据范围取值无效，应为无、本单位、本单位及下级或全区", "scope");
  }
  auto result = transact_value<store::RoleRow>(
      core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<store::RoleRow> {
        auto role = store::find_role(c, id);
        if (!role.ok()) return role.error();
        if (!role->has_value()) return not_found("ROLE_NOT_FOUND", "角色不存在");
        auto known = store::list_permissions(c);
        if (!known.ok()) return known.error();
        for (const auto& p : permissions) {
          bool exists = false;
          for (const auto& k : *known) exists = exists || k.code == p;
          if (!exists) return invalid("PERMISSION_UNKNOWN", "未知的权限，请从列表选择", "permissions");
        }
        if (auto s = store::replace_role_permissions(c, id, scope, permissions); !s.ok()) return s.error();
        nlohmann::json d = {{"scope", {{"old", (*role)->scope}, {"new", scope}}},
                            {"permissions", {{"old", (*role)->permissions}, {"new", permissions}}}};
        if (auto s = record_change(c, ctx, "role_update", "role", id, (*role)->code, d.dump()); !s.ok())
          return s.error();
        store::RoleRow out = **role;
        out.scope = scope;
        out.permissions = permissions;
        return out;
      });
  auth_.forget_all_sessions();  // after the commit: see AuthService::authenticate
  return result;
}

Result<domain::Unit> AdminService::create_unit(const AuthedCtx& ctx, const UnitInput& in) {
  if (auto s = require(ctx, "unit:manage"); !s.ok()) return s.error();
  auto tree = core_.units();
  if (!in.parent_id || !tree->find(*in.parent_id))
    return invalid("UNIT_UNKNOWN", "上级单位不存在", "parent_id");
  const domain::Unit& parent = *tree->find(*in.parent_id);
  std::string name(domain::trim_ascii(in.name));
  if (name.empty()) return invalid("FIELD_REQUIRED", "请填写单位名称", "name");
  if (domain::count_code_points(name) > 50)
    return invalid("FIELD_TOO_LONG", "单位名称不能超过50个字", "name");
  // Allowed placements keep the tree meaningful.
  bool ok = (in.kind == "village" && parent.kind == "township") ||
            ((in.kind == "judicial_office" || in.kind == "police_station") && parent.kind == "township") ||
            (in.kind == "township" && parent.kind == "district") ||
            ((in.kind == "department" || in.kind == "detention_centre" || in.kind == "prison") &&
             parent.kind == "district");
  if (!ok) return invalid("UNIT_PLACEMENT", "该类型的单位不能设在所选上级单位之下", "kind");
  domain::Unit u;
  u.parent_id = parent.id;
  u.name = name;
  u.kind = in.kind;
  u.subkind = in.subkind;
  u.code = in.code;
  u.active = true;
  bool self_area = domain::is_area_kind(u.kind);
  if (!self_area && u.kind != "prison") u.area_unit_id = parent.area_unit_id;
  auto out = transact_value<domain::Unit>(
      core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<domain::Unit> {
        if (u.code.empty()) {
          // Next free code under the parent: parent code + 3 digits for villages, else a prefix.
          for (int n = 1; n < 1000; ++n) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%03d", n);
            std::string candidate = parent.code + (self_area ? "" : "-" + u.kind + "-") + buf;
            auto taken = store::unit_id_by_code(c, candidate);
            if (!taken.ok()) return taken.error();
            if (!taken->has_value()) {
              u.code = candidate;
              break;
            }
          }
        } else {
          auto taken = store::unit_id_by_code(c, u.code);
          if (!taken.ok()) return taken.error();
          if (taken->has_value()) return conflict("UNIT_CODE_TAKEN", "单位代码已被使用", "code");
        }
        auto id = store::insert_unit(c, u, self_area, ctx.now);
        if (!id.ok()) return id.error();
        u.id = *id;
        if (self_area) u.area_unit_id = u.id;
        if (auto s = record_change(c, ctx, "unit_create", "unit", u.id, u.name,
                           nlohmann::json{{"parent_id", parent.id}, {"kind", u.kind}}.dump());
            !s.ok())
          return s.error();
        return u;
      });
  if (out.ok()) {  // committed: the cached tree and the sessions' scopes follow
    if (auto s = core_.reload_units(); !s.ok()) return s.error();
    auth_.forget_all_sessions();
  }
  return out;
}

Result<domain::Unit> AdminService::update_unit(const AuthedCtx& ctx, std::int64_t id, const UnitInput& in) {
  if (auto s = require(ctx, "unit:manage"); !s.ok()) return s.error();
  auto tree = core_.units();
  const domain::Unit* found = tree->find(id);
  if (!found) return not_found("UNIT_NOT_FOUND", "单位不存在");
  domain::Unit u = *found;
  std::string name(domain::trim_ascii(in.name));
  if (name.empty()) return invalid("FIELD_REQUIRED", "请填写单位名称", "name");
  if (domain::count_code_points(name) > 50)
    return invalid("FIELD_TOO_LONG", "单位名称不能超过50个字", "name");
  if (u.kind == "district" && in.active == false)
    return invalid("UNIT_DISTRICT", "不能停用区级单位", "active");
  nlohmann::json d = nlohmann::json::array();
  if (u.name != name) d.push_back({{"field", "name"}, {"old", u.name}, {"new", name}});
  bool active = in.active.value_or(u.active);
  if (u.active != active)
    d.push_back({{"field", "active"}, {"old", u.active ? "1" : "0"}, {"new", active ? "1" : "0"}});
  u.name = name;
  u.active = active;
  auto result = transact_value<domain::Unit>(
      core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<domain::Unit> {
        if (auto s = store::update_unit(c, id, u.name, u.active); !s.ok()) return s.error();
        if (auto s = record_change(c, ctx, "unit_update", "unit", id, u.name, d.dump()); !s.ok()) return s.error();
        return u;
      });
  if (result.ok()) {  // committed: the cached tree and the sessions' scopes follow
    if (auto s = core_.reload_units(); !s.ok()) return s.error();
  }
  auth_.forget_all_sessions();
  return result;
}

}  // namespace anbang::app
