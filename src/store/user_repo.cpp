#include "store/user_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kUserCols =
    "id, username, display_name, phone, unit_id, role_id, password_hash, must_change_password, active, "
    "failed_logins, locked_until, last_login_at";
const std::string kUserByName = std::string("SELECT ") + kUserCols + " FROM users WHERE username = ?";
const std::string kUserById = std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?";
constexpr const char* kInsertUser =
    "INSERT INTO users (username, display_name, phone, unit_id, role_id, password_hash, "
    "must_change_password, "
    "active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateProfile =
    "UPDATE users SET display_name = ?, phone = ?, unit_id = ?, role_id = ?, active = ? WHERE id = ?";
constexpr const char* kSetPassword =
    "UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL "
    "WHERE id = ?";
constexpr const char* kSetMustChange = "UPDATE users SET must_change_password = ? WHERE id = ?";
constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";
constexpr const char* kLoginFailure = "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?";
constexpr const char* kLoginSuccess =
    "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?";
constexpr const char* kRoles = "SELECT id, code, name, scope FROM roles ORDER BY id";
constexpr const char* kRoleById = "SELECT id, code, name, scope FROM roles WHERE id = ?";
constexpr const char* kRoleByCode = "SELECT id, code, name, scope FROM roles WHERE code = ?";
constexpr const char* kRolePerms =
    "SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission";
constexpr const char* kPermissions =
    "SELECT code, resource, action, name FROM permissions ORDER BY resource, code";
constexpr const char* kInsertRole = "INSERT INTO roles (code, name, scope) VALUES (?, ?, ?) RETURNING id";
constexpr const char* kSetRoleScope = "UPDATE roles SET scope = ? WHERE id = ?";
constexpr const char* kClearRolePerms = "DELETE FROM role_permissions WHERE role_id = ?";
constexpr const char* kAddRolePerm = "INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)";
constexpr const char* kInsertPermission =
    "INSERT INTO permissions (code, resource, action, name) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, last_seen_at, ip) VALUES (?, ?, ?, "
    "?, ?, ?)";
constexpr const char* kFindSession =
    "SELECT token_digest, user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_digest = ?";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_digest = ?";
constexpr const char* kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kDeleteOtherSessions = "DELETE FROM sessions WHERE user_id = ? AND token_digest <> ?";
constexpr const char* kDeleteIdle = "DELETE FROM sessions WHERE last_seen_at < ?";
}  // namespace sql

namespace {
UserRow user_from(const Row& r) {
  UserRow u;
  u.id = r.i64(0);
  u.username = r.str(1);
  u.display_name = r.str(2);
  u.phone = r.str(3);
  u.unit_id = r.i64(4);
  u.role_id = r.i64(5);
  u.password_hash = r.str(6);
  u.must_change_password = r.boolean(7);
  u.active = r.boolean(8);
  u.failed_logins = static_cast<int>(r.i64(9));
  u.locked_until = r.opt_i64(10);
  u.last_login_at = r.opt_i64(11);
  return u;
}

Result<std::optional<UserRow>> one_user(Connection& c, const std::string& q, const Params& p) {
  auto row = c.query_one(q, p);
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<UserRow>{};
  return std::optional<UserRow>(user_from(**row));
}

Status done(const Result<std::int64_t>& r) {
  if (!r.ok()) return r.error();
  return {};
}

Result<std::optional<RoleRow>> one_role(Connection& c, const char* q, const Params& p) {
  auto row = c.query_one(q, p);
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<RoleRow>{};
  RoleRow role{(*row)->i64(0), (*row)->str(1), (*row)->str(2), (*row)->str(3), {}};
  auto perms = c.query(sql::kRolePerms, {role.id});
  if (!perms.ok()) return perms.error();
  for (const auto& pr : *perms) role.permissions.insert(pr.str(0));
  return std::optional<RoleRow>(std::move(role));
}
}  // namespace

Result<std::optional<UserRow>> find_user_by_name(Connection& c, const std::string& username) {
  return one_user(c, sql::kUserByName, {username});
}

Result<std::optional<UserRow>> find_user(Connection& c, std::int64_t id) {
  return one_user(c, sql::kUserById, {id});
}

Result<std::pair<std::vector<UserRow>, std::int64_t>> list_users(Connection& c, const UserFilter& f) {
  std::string where = " WHERE 1=1";
  Params p;
  if (!f.q.empty()) {
    std::string esc;
    for (char ch : f.q) {
      if (ch == '%' || ch == '_' || ch == '\\') esc += '\\';
      esc += ch;
    }
    where += " AND (username LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\')";
    p.push_back("%" + esc + "%");
    p.push_back("%" + esc + "%");
  }
  if (!f.unit_ids.empty()) {
    where += " AND unit_id IN (";
    for (std::size_t i = 0; i < f.unit_ids.size(); ++i) {
      where += i ? ",?" : "?";
      p.push_back(f.unit_ids[i]);
    }
    where += ")";
  }
  auto total = c.scalar("SELECT COUNT(*) FROM users" + where, p);
  if (!total.ok()) return total.error();
  Params pp = p;
  pp.push_back(std::int64_t{f.page_size});
  pp.push_back(std::int64_t{f.page - 1} * f.page_size);
  auto rows = c.query(
      std::string("SELECT ") + sql::kUserCols + " FROM users" + where + " ORDER BY username LIMIT ? OFFSET ?",
      pp);
  if (!rows.ok()) return rows.error();
  std::vector<UserRow> out;
  for (const auto& r : *rows) out.push_back(user_from(r));
  return std::make_pair(std::move(out), *total);
}

Result<std::int64_t> insert_user(Connection& c, const UserRow& u, std::int64_t now) {
  return c.scalar(sql::kInsertUser,
                  {u.username, u.display_name, u.phone, u.unit_id, u.role_id, u.password_hash,
                   std::int64_t{u.must_change_password}, std::int64_t{u.active}, now});
}

Status update_user_profile(Connection& c, const UserRow& u) {
  return done(c.exec(sql::kUpdateProfile,
                     {u.display_name, u.phone, u.unit_id, u.role_id, std::int64_t{u.active}, u.id}));
}

Status set_password(Connection& c, std::int64_t user_id, const std::string& hash, bool must_change) {
  return done(c.exec(sql::kSetPassword, {hash, std::int64_t{must_change}, user_id}));
}

Status set_must_change_password(Connection& c, std::int64_t user_id, bool must_change) {
  return done(c.exec(sql::kSetMustChange, {std::int64_t{must_change}, user_id}));
}

Result<std::int64_t> count_users(Connection& c) { return c.scalar(sql::kCountUsers); }

Status record_login_failure(Connection& c, std::int64_t user_id, int failed,
                            std::optional<std::int64_t> locked_until) {
  return done(c.exec(sql::kLoginFailure, {std::int64_t{failed}, opt(locked_until), user_id}));
}

Status record_login_success(Connection& c, std::int64_t user_id, std::int64_t now) {
  return done(c.exec(sql::kLoginSuccess, {now, user_id}));
}

Result<std::vector<RoleRow>> list_roles(Connection& c) {
  auto rows = c.query(sql::kRoles);
  if (!rows.ok()) return rows.error();
  std::vector<RoleRow> out;
  for (const auto& r : *rows) {
    auto role = one_role(c, sql::kRoleById, {r.i64(0)});
    if (!role.ok()) return role.error();
    out.push_back(std::move(**role));
  }
  return out;
}

Result<std::optional<RoleRow>> find_role(Connection& c, std::int64_t id) {
  return one_role(c, sql::kRoleById, {id});
}

Result<std::optional<RoleRow>> find_role_by_code(Connection& c, const std::string& code) {
  return one_role(c, sql::kRoleByCode, {code});
}

Result<std::vector<PermissionRow>> list_permissions(Connection& c) {
  auto rows = c.query(sql::kPermissions);
  if (!rows.ok()) return rows.error();
  std::vector<PermissionRow> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.str(1), r.str(2), r.str(3)});
  return out;
}

Result<std::int64_t> insert_role(Connection& c, const RoleRow& r) {
  auto id = c.scalar(sql::kInsertRole, {r.code, r.name, r.scope});
  if (!id.ok()) return id.error();
  auto s = replace_role_permissions(c, *id, r.scope, r.permissions);
  if (!s.ok()) return s.error();
  return *id;
}

Status replace_role_permissions(Connection& c, std::int64_t role_id, const std::string& scope,
                                const std::set<std::string>& permissions) {
  if (auto s = done(c.exec(sql::kSetRoleScope, {scope, role_id})); !s.ok()) return s;
  if (auto s = done(c.exec(sql::kClearRolePerms, {role_id})); !s.ok()) return s;
  for (const auto& p : permissions) {
    if (auto s = done(c.exec(sql::kAddRolePerm, {role_id, p})); !s.ok()) return s;
  }
  return {};
}

Status insert_permission(Connection& c, const PermissionRow& p) {
  return done(c.exec(sql::kInsertPermission, {p.code, p.resource, p.action, p.name}));
}

Status insert_session(Connection& c, const SessionRow& s, const std::string& ip) {
  return done(c.exec(sql::kInsertSession,
                     {s.token_digest, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, ip}));
}

Result<std::optional<SessionRow>> find_session(Connection& c, const std::string& digest) {
  auto row = c.query_one(sql::kFindSession, {digest});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<SessionRow>{};
  const Row& r = **row;
  return std::optional<SessionRow>(SessionRow{r.str(0), r.i64(1), r.str(2), r.i64(3), r.i64(4)});
}

Status touch_session(Connection& c, const std::string& digest, std::int64_t now) {
  return done(c.exec(sql::kTouchSession, {now, digest}));
}

Status delete_session(Connection& c, const std::string& digest) {
  return done(c.exec(sql::kDeleteSession, {digest}));
}

Status delete_user_sessions(Connection& c, std::int64_t user_id) {
  return done(c.exec(sql::kDeleteUserSessions, {user_id}));
}

Status delete_other_sessions(Connection& c, std::int64_t user_id, const std::string& keep_digest) {
  return done(c.exec(sql::kDeleteOtherSessions, {user_id, keep_digest}));
}

Status delete_idle_sessions(Connection& c, std::int64_t older_than) {
  return done(c.exec(sql::kDeleteIdle, {older_than}));
}


}  // namespace anbang::store
