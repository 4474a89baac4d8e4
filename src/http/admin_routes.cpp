// /api/v1/units, /roles, /users (administration).
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

Result<app::UserInput> user_input(const nlohmann::json& o) {
  app::UserInput in;
  for (auto [field, dst] :
       {std::pair{"username", &in.username}, std::pair{"display_name", &in.display_name},
        std::pair{"phone", &in.phone}, std::pair{"initial_password", &in.initial_password}}) {
    auto v = get_string(o, field);
    if (!v.ok()) return v.error();
    if (*v) *dst = **v;
  }
  for (auto [field, dst] : {std::pair{"unit_id", &in.unit_id}, std::pair{"role_id", &in.role_id}}) {
    auto v = get_int(o, field);
    if (!v.ok()) return v.error();
    if (!*v)
      return invalid("FIELD_REQUIRED",
                     std::string("请选择") + (std::string(field) == "unit_id" ? "所属单位" : "角色"), field);
    *dst = **v;
  }
  auto active = get_bool(o, "active");
  if (!active.ok()) return active.error();
  in.active = *active;
  return in;
}

Result<std::vector<store::RoleRow>> roles_of(app::Services& app, const app::AuthedCtx& ctx) {
  auto roles = app.admin.list_roles(ctx);
  if (!roles.ok()) return roles.error();
  return roles->first;
}

Response user_reply(app::Services& app, const app::AuthedCtx& ctx, const store::UserRow& u, int status) {
  auto roles = roles_of(app, ctx);
  if (!roles.ok()) return error_response(roles.error());
  return json_response(status, user_json(app, u, *roles));
}

}  // namespace

void add_admin_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/units", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& u : app.core.units()->all()) items.push_back(unit_json(u));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/units", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::UnitInput in;
      auto parent = get_int(body, "parent_id");
      if (!parent.ok()) return error_response(parent.error());
      in.parent_id = *parent;
      for (auto [field, dst] : {std::pair{"name", &in.name}, std::pair{"kind", &in.kind},
                                std::pair{"subkind", &in.subkind}, std::pair{"code", &in.code}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      auto u = app.admin.create_unit(ctx, in);
      if (!u.ok()) return error_response(u.error());
      return json_response(201, unit_json(*u));
    });
  });
  r.add("PUT", "/api/v1/units/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::UnitInput in;
      auto name = get_string(body, "name");
      if (!name.ok()) return error_response(name.error());
      in.name = name->value_or("");
      auto active = get_bool(body, "active");
      if (!active.ok()) return error_response(active.error());
      in.active = *active;
      auto u = app.admin.update_unit(ctx, req.params["id"], in);
      if (!u.ok()) return error_response(u.error());
      return json_response(200, unit_json(*u));
    });
  });
  r.add("GET", "/api/v1/roles", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto roles = app.admin.list_roles(ctx);
      if (!roles.ok()) return error_response(roles.error());
      nlohmann::json items = nlohmann::json::array(), perms = nlohmann::json::array();
      for (const auto& role : roles->first) items.push_back(role_json(role));
      for (const auto& p : roles->second) {
        perms.push_back({{"code", p.code}, {"resource", p.resource}, {"action", p.action}, {"name", p.name}});
      }
      return json_response(200, {{"items", items}, {"permissions", perms}});
    });
  });
  r.add("PUT", "/api/v1/roles/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto perms = get_string_array(body, "permissions");
      if (!perms.ok()) return error_response(perms.error());
      auto scope = get_string(body, "scope");
      if (!scope.ok()) return error_response(scope.error());
      if (!*perms || !*scope)
        return error_response(invalid("FIELD_REQUIRED", "请提交权限列表和数据范围", "permissions"));
      auto role = app.admin.update_role(ctx, req.params["id"], **scope, {(*perms)->begin(), (*perms)->end()});
      if (!role.ok()) return error_response(role.error());
      return json_response(200, role_json(*role));
    });
  });
  r.add("GET", "/api/v1/users", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto unit = query_id(req, "unit_id");
      if (!unit.ok()) return error_response(unit.error());
      int page = 1, size = 20;
      if (auto s = query_paging(req, page, size); !s.ok()) return error_response(s.error());
      auto users = app.admin.list_users(ctx, query_text(req, "q"), *unit, page, size);
      if (!users.ok()) return error_response(users.error());
      auto roles = roles_of(app, ctx);
      if (!roles.ok()) return error_response(roles.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& u : users->first) items.push_back(user_json(app, u, *roles));
      return json_response(
          200, {{"items", items}, {"total", users->second}, {"page", page}, {"page_size", size}});
    });
  });
  r.add("POST", "/api/v1/users", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = user_input(body);
      if (!in.ok()) return error_response(in.error());
      auto u = app.admin.create_user(ctx, *in);
      if (!u.ok()) return error_response(u.error());
      return user_reply(app, ctx, *u, 201);
    });
  });
  r.add("PUT", "/api/v1/users/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = user_input(body);
      if (!in.ok()) return error_response(in.error());
      auto u = app.admin.update_user(ctx, req.params["id"], *in);
      if (!u.ok()) return error_response(u.error());
      return user_reply(app, ctx, *u, 200);
    });
  });
  r.add("POST", "/api/v1/users/:id/reset-password", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto pw = get_string(body, "initial_password");
      if (!pw.ok()) return error_response(pw.error());
      if (auto s = app.admin.reset_password(ctx, req.params["id"], pw->value_or("")); !s.ok())
        return error_response(s.error());
      return no_content();
    });
  });
}

}  // namespace anbang::http
