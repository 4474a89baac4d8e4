// /api/v1/auth: login, logout, me, password.
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {
std::string session_cookie(const std::string& token, bool clear, bool secure) {
  std::string c =
      std::string(kSessionCookie) + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}
}  // namespace

void add_auth_routes(Router& r, app::Services& app) {
  r.add("POST", "/api/v1/auth/login", [&app](Request& req) {
    return guarded([&] {
      // JSON only: a cross-site HTML form (text/plain, form-urlencoded) cannot log a victim in.
      if (req.header("content-type").rfind("application/json", 0) != 0) {
        return error_response(invalid("CONTENT_TYPE", "登录请求须为 JSON 格式"));
      }
      auto body = parse_object(req);
      if (!body.ok()) return error_response(body.error());
      auto username = get_string(*body, "username");
      if (!username.ok()) return error_response(username.error());
      auto password = get_string(*body, "password");
      if (!password.ok()) return error_response(password.error());
      app::Ctx ctx = app.core.context(req.ip);
      auto result = app.auth.login(ctx, username->value_or(""), password->value_or(""));
      if (!result.ok()) return error_response(result.error());
      Response resp = json_response(200, me_json(app, result->actor));
      resp.headers.emplace_back("Set-Cookie",
                                session_cookie(result->token, false, app.core.config().secure_cookie));
      return resp;
    });
  });
  r.add("POST", "/api/v1/auth/logout", [&app](Request& req) {
    return guarded([&] {
      auto ctx = authed(app, req);
      Response resp;
      resp.status = 204;
      if (ctx.ok()) {
        if (auto s = app.auth.logout(*ctx); !s.ok()) return error_response(s.error());
      } else if (ctx.error().code == "CSRF_INVALID") {
        return error_response(ctx.error());
      }
      resp.headers.emplace_back("Set-Cookie", session_cookie("", true, app.core.config().secure_cookie));
      return resp;
    });
  });
  r.add("GET", "/api/v1/auth/me", [&app](Request& req) {
    return guarded([&] {
      auto ctx = authed(app, req);
      if (!ctx.ok()) return error_response(ctx.error());
      return json_response(200, me_json(app, ctx->actor));
    });
  });
  r.add("POST", "/api/v1/auth/password", [&app](Request& req) {
    return guarded([&] {
      auto ctx = authed(app, req);
      if (!ctx.ok()) return error_response(ctx.error());
      auto body = parse_object(req);
      if (!body.ok()) return error_response(body.error());
      auto old_pw = get_string(*body, "old_password");
      if (!old_pw.ok()) return error_response(old_pw.error());
      auto new_pw = get_string(*body, "new_password");
      if (!new_pw.ok()) return error_response(new_pw.error());
      if (auto s = app.auth.change_password(*ctx, old_pw->value_or(""), new_pw->value_or("")); !s.ok()) {
        return error_response(s.error());
      }
      Response resp;
      resp.status = 204;
      return resp;
    });
  });
}

}  // namespace anbang::http
