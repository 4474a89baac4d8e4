// SQL for users, roles, permissions and sessions.
#pragma once
#include <set>

#include "store/db.hpp"

namespace anbang::store {

struct UserRow {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string phone;
  std::int64_t unit_id = 0;
  std::int64_t role_id = 0;
  std::string password_hash;
  bool must_change_password = true;
  bool active = true;
  int failed_logins = 0;
  std::optional<std::int64_t> locked_until;
  std::optional<std::int64_t> last_login_at;
};

struct RoleRow {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string scope;
  std::set<std::string> permissions;
};

struct PermissionRow {
  std::string code, resource, action, name;
};

struct SessionRow {
  std::string token_digest;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
};

struct UserFilter {
  std::string q;                       // username or display name, substring
  std::vector<std::int64_t> unit_ids;  // empty = any
  int page = 1, page_size = 20;
};

Result<std::optional<UserRow>> find_user_by_name(Connection& c, const std::string& username);
Result<std::optional<UserRow>> find_user(Connection& c, std::int64_t id);
Result<std::pair<std::vector<UserRow>, std::int64_t>> list_users(Connection& c, const UserFilter& f);
Result<std::int64_t> insert_user(Connection& c, const UserRow& u, std::int64_t now);
Status update_user_profile(Connection& c, const UserRow& u);
Status set_password(Connection& c, std::int64_t user_id, const std::string& hash, bool must_change);
// Only the flag that forces a password change at the next login (`user add --no-must-change`).
Status set_must_change_password(Connection& c, std::int64_t user_id, bool must_change);
// All users, active or not (serve --demo seeds only a database without any).
Result<std::int64_t> count_users(Connection& c);
Status record_login_failure(Connection& c, std::int64_t user_id, int failed,
                            std::optional<std::int64_t> locked_until);
Status record_login_success(Connection& c, std::int64_t user_id, std::int64_t now);

Result<std::vector<RoleRow>> list_roles(Connection& c);
Result<std::optional<RoleRow>> find_role(Connection& c, std::int64_t id);
Result<std::optional<RoleRow>> find_role_by_code(Connection& c, const std::string& code);
Result<std::vector<PermissionRow>> list_permissions(Connection& c);
Result<std::int64_t> insert_role(Connection& c, const RoleRow& r);
Status replace_role_permissions(Connection& c, std::int64_t role_id, const std::string& scope,
                                const std::set<std::string>& permissions);
Status insert_permission(Connection& c, const PermissionRow& p);

Status insert_session(Connection& c, const SessionRow& s, const std::string& ip);
Result<std::optional<SessionRow>> find_session(Connection& c, const std::string& digest);
Status touch_session(Connection& c, const std::string& digest, std::int64_t now);
Status delete_session(Connection& c, const std::string& digest);
Status delete_user_sessions(Connection& c, std::int64_t user_id);
Status delete_other_sessions(Connection& c, std::int64_t user_id, const std::string& keep_digest);
Status delete_idle_sessions(Connection& c, std::int64_t older_than);

}  // namespace anbang::store
