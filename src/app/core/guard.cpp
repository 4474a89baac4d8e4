#include "app/core/guard.hpp"

#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "store/assistance_repo.hpp"
#include "store/outing_repo.hpp"

namespace anbang::app {

Error person_not_found() { return not_found("PERSON_NOT_FOUND", "未找到该人员，或该人员不在您的管辖范围内"); }

Status require(const AuthedCtx& ctx, std::string_view permission) {
  if (ctx.actor.must_change_password) {
    return forbidden("PASSWORD_CHANGE_REQUIRED", "首次登录或密码已被重置，请先修改密码");
  }
  if (!permission.empty() && !ctx.actor.system && !ctx.actor.can(permission)) {
    return forbidden("PERMISSION_DENIED", "您没有此项操作的权限，如需开通请联系系统管理员");
  }
  return {};
}

bool reaches_through_outing(std::string_view permission, std::optional<std::string_view> read_part) {
  if (read_part) return permission == perm::person_read && read_part->empty();
  return permission == perm::visit_record;
}

bool reaches_through_referral(std::string_view permission, std::optional<std::string_view> read_part) {
  if (permission != perm::assistance_decide) return false;
  return !read_part || *read_part == "referral";
}

Result<Reached> reach_person(Core& core, store::Connection& c, const AuthedCtx& ctx, std::int64_t id,
                             bool through_outing, bool through_referral) {
  auto rec = store::find_person(c, ctx.actor.scope, id);
  if (!rec.ok()) return rec.error();
  // R-OUT-1: reach through an active outing to the caller's judicial office (guard.hpp), only for
  // the uses reaches_through_outing names.
  if (!rec->has_value() && through_outing && !ctx.actor.system && ctx.actor.unit_kind == "judicial_office") {
    rec = store::person_via_active_outing(c, id, ctx.actor.unit_id, domain::to_string(ctx.today));
    if (!rec.ok()) return rec.error();
  }
  // R-AID-1..6: reach through a referral to the caller's department (guard.hpp), only for the uses
  // reaches_through_referral names.
  if (!rec->has_value() && through_referral && !ctx.actor.system && ctx.actor.unit_kind == "department") {
    rec = store::person_via_referral(c, id, ctx.actor.unit_id);
    if (!rec.ok()) return rec.error();
  }
  if (!rec->has_value()) {
    // Refused reads are on record too (who asked for which id); the person's data is not.
    core.access_log().write_async(
        access_record(ctx, "person_refused", "person", id, "", R"({"reason":"not_found_or_out_of_scope"})"),
        [](Status) {});
    return person_not_found();
  }
  return Reached(std::move(**rec));
}

AuthedCtx system_context(const Core& core, std::string_view why) {
  Actor a;
  a.system = true;
  a.username = "system:" + std::string(why);
  a.scope = domain::Scope{domain::ScopeKind::district, 0, {}};
  return AuthedCtx(core.context(""), std::move(a));
}

}  // namespace anbang::app
