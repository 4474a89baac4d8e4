#include "app/core/audit.hpp"

#include "app/core/audit_actions.hpp"
#include "platform/log.hpp"

namespace anbang::app {

store::AuditRecord audit_record(const Ctx& ctx, const Actor* actor, const std::string& action,
                                const std::string& object_type, std::optional<std::int64_t> object_id,
                                const std::string& label, const std::string& detail) {
  // A code outside the one list is a programming error the tests catch (see audit_actions.hpp); the
  // record is written all the same, since an audit record must never be lost.
  if (!is_audit_action(action)) platform::log_error("unregistered audit action: " + action);
  store::AuditRecord r;
  r.at = ctx.now;
  if (actor) {
    if (!actor->system) r.user_id = actor->user_id;
    r.username = actor->username;
    if (actor->unit_id) r.unit_id = actor->unit_id;
    r.unit_name = actor->unit_name;
  }
  r.ip = ctx.ip;
  r.action = action;
  r.object_type = object_type;
  r.object_id = object_id;
  r.object_label = label;
  r.detail = detail;
  return r;
}

store::AuditRecord access_record(const AuthedCtx& ctx, const std::string& action,
                                 const std::string& object_type, std::optional<std::int64_t> object_id,
                                 const std::string& label, const std::string& detail) {
  auto r = audit_record(ctx, action, object_type, object_id, label, detail);
  r.access = true;
  return r;
}

Status record_change(store::Connection& c, const AuthedCtx& ctx, const std::string& action,
                     const std::string& object_type, std::optional<std::int64_t> object_id,
                     const std::string& label, const std::string& detail) {
  return store::insert_audit(c, audit_record(ctx, action, object_type, object_id, label, detail));
}

}  // namespace anbang::app
