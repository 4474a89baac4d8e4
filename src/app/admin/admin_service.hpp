// Administration: users, roles (permission matrix + scope), units. Needs user:manage, role:manage
// or unit:manage; every change is audited. Changes that alter who may see what (a user's unit or
// role, a role's permissions, the unit tree) end the cached sessions once they have committed.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/auth/auth_service.hpp"
#include "app/core/core.hpp"
#include "domain/unit_tree.hpp"
#include "store/user_repo.hpp"

namespace anbang::app {

struct UserInput {
  std::string username, display_name, phone, initial_password;
  std::int64_t unit_id = 0, role_id = 0;
  std::optional<bool> active;
};

struct UnitInput {
  std::optional<std::int64_t> parent_id;
  std::string name, kind, subkind, code;
  std::optional<bool> active;
};

class AdminService {
 public:
  AdminService(Core& core, AuthService& auth) : core_(core), auth_(auth) {}

  Result<std::pair<std::vector<store::UserRow>, std::int64_t>> list_users(const AuthedCtx& ctx, const std::string& q,
                                                                          std::optional<std::int64_t> unit_id,
                                                                          int page, int page_size);
  Result<store::UserRow> create_user(const AuthedCtx& ctx, const UserInput& in);
  Result<store::UserRow> update_user(const AuthedCtx& ctx, std::int64_t id, const UserInput& in);
  Status reset_password(const AuthedCtx& ctx, std::int64_t id, const std::string& initial_password);
  Result<std::pair<std::vector<store::RoleRow>, std::vector<store::PermissionRow>>> list_roles(const AuthedCtx& ctx);
  // An administrator cannot change the role they hold (ROLE_OWN).
  Result<store::RoleRow> update_role(const AuthedCtx& ctx, std::int64_t id, const std::string& scope,
                                     const std::set<std::string>& permissions);
  Result<domain::Unit> create_unit(const AuthedCtx& ctx, const UnitInput& in);
  Result<domain::Unit> update_unit(const AuthedCtx& ctx, std::int64_t id, const UnitInput& in);

 private:
  Core& core_;
  AuthService& auth_;
};

}  // namespace anbang::app
