#include "app/app.hpp"

#include "store/unit_repo.hpp"

namespace anbang::app {

App::App(store::Database& db, const platform::Clock& clock, Config config)
    : db_(db),
      clock_(clock),
      config_(config),
      units_(std::make_shared<domain::UnitTree>()),
      audit_writer_(std::make_unique<AuditWriter>(db)) {}

App::~App() {
  daily_refresh_ = {};  // stop and join before the members it uses go away
}

Status App::reload_units(store::Connection& c) {
  auto units = store::load_units(c);
  if (!units.ok()) return units.error();
  auto tree = std::make_shared<const domain::UnitTree>(std::move(units).value());
  std::lock_guard lock(units_mu_);
  units_ = std::move(tree);
  return {};
}

Status App::load_caches() {
  return db_.transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    if (auto s = reload_units(c); !s.ok()) return s;
    auto charges = store::list_charges(c);
    if (!charges.ok()) return charges.error();
    charges_ = std::move(charges).value();
    charge_index_.clear();
    for (std::size_t i = 0; i < charges_.size(); ++i) charge_index_[charges_[i].id] = i;
    auto ethnic = store::list_code_table(c, "ethnic_groups");
    if (!ethnic.ok()) return ethnic.error();
    ethnic_ = std::move(ethnic).value();
    auto policy = store::load_policy(c);
    if (!policy.ok()) return policy.error();
    policy_ = std::move(policy).value();
    auto education = store::list_code_table(c, "education_levels");
    if (!education.ok()) return education.error();
    education_ = std::move(education).value();
    return {};
  });
}

std::shared_ptr<const domain::UnitTree> App::units() const {
  std::lock_guard lock(units_mu_);
  return units_;
}

Ctx App::context(const std::string& ip) const {
  Ctx ctx;
  ctx.ip = ip;
  ctx.now = platform::unix_seconds(clock_.now());
  ctx.today = domain::shanghai_date_from_unix(ctx.now);
  return ctx;
}

Status App::require(const Ctx& ctx, const std::string& permission) const {
  if (!ctx.actor) return Error{ErrorKind::unauthenticated, "AUTH_REQUIRED", "请先登录", {}};
  if (ctx.actor->must_change_password) {
    return forbidden("PASSWORD_CHANGE_REQUIRED", "首次登录或密码已被重置,请先修改密码");
  }
  if (!permission.empty() && !ctx.actor->can(permission)) {
    return forbidden("PERMISSION_DENIED", "您没有此项操作的权限,如需开通请联系系统管理员");
  }
  return {};
}

Status App::audit(store::Connection& c, const Ctx& ctx, const std::string& action,
                  const std::string& object_type, std::optional<std::int64_t> object_id,
                  const std::string& label, const std::string& detail) const {
  return store::insert_audit(c, audit_record(ctx, action, object_type, object_id, label, detail));
}

store::AuditRecord App::audit_record(const Ctx& ctx, const std::string& action,
                                     const std::string& object_type, std::optional<std::int64_t> object_id,
                                     const std::string& label, const std::string& detail) const {
  store::AuditRecord r;
  r.at = ctx.now;
  if (ctx.actor) {
    r.user_id = ctx.actor->user_id;
    r.username = ctx.actor->username;
    r.unit_id = ctx.actor->unit_id;
    r.unit_name = ctx.actor->unit_name;
  }
  r.ip = ctx.ip;
  r.action = action;
  r.object_type = object_type;
  r.object_id = object_id;
  r.object_label = label;
  r.detail = detail;
  return r;
}

void App::audit_now(const Ctx& ctx, const std::string& action, const std::string& object_type,
                    std::optional<std::int64_t> object_id, const std::string& label,
                    const std::string& detail) {
  (void)db_.transact(store::TxKind::write, [&](store::Connection& c) {
    return audit(c, ctx, action, object_type, object_id, label, detail);
  });
}

Result<Actor> App::actor_for(store::Connection& c, const store::UserRow& u) {
  auto role = store::find_role(c, u.role_id);
  if (!role.ok()) return role.error();
  if (!role->has_value()) return internal_error("用户的角色不存在");
  auto tree = units();
  const domain::Unit* unit = tree->find(u.unit_id);
  Actor a;
  a.user_id = u.id;
  a.username = u.username;
  a.display_name = u.display_name;
  a.unit_id = u.unit_id;
  a.unit_name = unit ? unit->name : "";
  a.unit_kind = unit ? unit->kind : "";
  a.role_id = u.role_id;
  a.role_code = (*role)->code;
  a.role_name = (*role)->name;
  a.permissions = (*role)->permissions;
  a.scope = domain::make_scope(domain::parse_scope_kind((*role)->scope), u.unit_id, *tree);
  a.must_change_password = u.must_change_password;
  return a;
}

domain::CodeLookups App::lookups() const {
  domain::CodeLookups l;
  l.ethnic_exists = [this](const std::string& code) {
    for (const auto& [c, n] : ethnic_) {
      if (c == code) return true;
    }
    return false;
  };
  l.education_exists = [this](const std::string& code) {
    for (const auto& [c, n] : education_) {
      if (c == code) return true;
    }
    return false;
  };
  l.charge_exists = [this](std::int64_t id) { return charge_index_.count(id) > 0; };
  l.assistance_end = [this](domain::CivilDate release, const std::string& kind) {
    return rules::assistance_end(policy_, release, kind);  // R-PER-1 with the dated policy
  };
  return l;
}

Status person_event(store::Connection& c, const Ctx& ctx, std::int64_t person_id, const std::string& kind,
                    const std::string& summary) {
  store::PersonEvent e;
  e.person_id = person_id;
  e.at = ctx.now;
  e.kind = kind;
  e.user_id = ctx.actor ? std::optional<std::int64_t>(ctx.actor->user_id) : std::nullopt;
  e.unit_id = ctx.actor ? std::optional<std::int64_t>(ctx.actor->unit_id) : std::nullopt;
  e.summary = summary;
  return store::insert_person_event(c, e);
}

Result<store::Document> file_document(store::Connection& c, const Ctx& ctx, store::Document d,
                                      const std::string& person_name) {
  d.entered_by = ctx.actor->user_id;
  d.created_at = ctx.now;
  auto id = store::insert_document(c, d);
  if (!id.ok()) return id.error();
  d.id = *id;
  d.person_name = person_name;
  return d;
}

}  // namespace anbang::app
