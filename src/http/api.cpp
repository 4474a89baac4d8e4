#include "http/api.hpp"

#include <algorithm>
#include <exception>
#include <set>

#include "domain/text.hpp"
#include "platform/log.hpp"

namespace anbang::http {

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::locked:
      return 423;
    case ErrorKind::internal:
      break;
  }
  return 500;
}

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response error_response(const Error& e) {
  if (e.kind == ErrorKind::internal) platform::log_error("internal error: " + e.code + " " + e.message);
  std::string message =
      e.kind == ErrorKind::internal ? "系统内部错误，请稍后重试；如持续出现请联系管理员" : e.message;
  return json_response(status_for(e.kind),
                       {{"error", {{"code", e.code}, {"message", message}, {"field", e.field}}}});
}

Result<nlohmann::json> parse_object(const Request& req) {
  if (req.body.size() > kMaxJsonBody) {
    return Error{ErrorKind::too_large, "BODY_TOO_LARGE", "提交的内容过大（上限 256 千字节），请精简后重试", {}};
  }
  // A key given twice in one object would let two readers of the same body see different values:
  // refused, naming the key.
  std::vector<std::set<std::string>> keys;
  std::string repeated;
  auto j = nlohmann::json::parse(
      req.body,
      [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (event == E::object_start) keys.emplace_back();
        if (event == E::object_end && !keys.empty()) keys.pop_back();
        if (event == E::key && !keys.empty() && !keys.back().insert(parsed.get<std::string>()).second &&
            repeated.empty())
          repeated = parsed.get<std::string>();
        return true;
      },
      false);
  if (j.is_discarded()) return invalid("JSON_MALFORMED", "提交的数据不是有效的 JSON，请检查格式");
  if (!repeated.empty()) return invalid("JSON_DUPLICATE_KEY", "提交的数据中有字段出现了两次，请只保留一个", repeated);
  if (!j.is_object()) return invalid("JSON_NOT_OBJECT", "提交的数据应为 JSON 对象");
  return j;
}

namespace {
Error wrong_type(const char* field, const char* expected) {
  return invalid("FIELD_TYPE", std::string("字段类型应为") + expected, field);
}
}  // namespace

Status read_strings(const nlohmann::json& body, std::initializer_list<std::pair<const char*, std::string*>> fields) {
  for (auto [field, dst] : fields) {
    auto v = get_string(body, field);
    if (!v.ok()) return v.error();
    if (*v) *dst = **v;
  }
  return {};
}

Result<std::optional<std::string>> get_string(const nlohmann::json& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return wrong_type(field, "字符串");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<std::int64_t>> get_int(const nlohmann::json& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) return std::optional<std::int64_t>{};
  if (!it->is_number_integer()) return wrong_type(field, "整数");
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

Result<std::optional<bool>> get_bool(const nlohmann::json& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) return std::optional<bool>{};
  if (!it->is_boolean()) return wrong_type(field, "布尔值");
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<std::vector<std::int64_t>>> get_int_array(const nlohmann::json& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) return std::optional<std::vector<std::int64_t>>{};
  if (!it->is_array() || it->size() > 1000) return wrong_type(field, "整数数组");
  std::vector<std::int64_t> out;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) return wrong_type(field, "整数数组");
    out.push_back(v.get<std::int64_t>());
  }
  return std::optional<std::vector<std::int64_t>>(std::move(out));
}

Result<std::optional<std::vector<std::string>>> get_string_array(const nlohmann::json& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) return std::optional<std::vector<std::string>>{};
  if (!it->is_array() || it->size() > 1000) return wrong_type(field, "字符串数组");
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) return wrong_type(field, "字符串数组");
    out.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<int> query_int(const Request& req, const char* name, int fallback) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return fallback;
  if (v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos) {
    return invalid("FIELD_TYPE", "查询参数应为正整数", name);
  }
  return std::stoi(*v);
}

Status query_paging(const Request& req, int& page, int& page_size) {
  auto p = query_int(req, "page", 1);
  if (!p.ok()) return p.error();
  auto size = query_int(req, "page_size", 20);
  if (!size.ok()) return size.error();
  page = *p;
  page_size = *size;
  return {};
}

Result<std::optional<std::int64_t>> query_id(const Request& req, const char* name) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return std::optional<std::int64_t>{};
  if (v->size() > 18 || v->find_first_not_of("0123456789") != std::string::npos) {
    return invalid("FIELD_TYPE", "查询参数应为正整数", name);
  }
  return std::optional<std::int64_t>(std::stoll(*v));
}

Result<std::optional<bool>> query_bool(const Request& req, const char* name) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return std::optional<bool>{};
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return invalid("FIELD_TYPE", "查询参数应为布尔值", name);
}

std::string query_text(const Request& req, const char* name) { return req.query_value(name).value_or(""); }

Result<app::AuthedCtx> authed(app::Services& app, const Request& req) {
  std::string token = req.cookie(kSessionCookie);
  if (token.empty()) return Error{ErrorKind::unauthenticated, "AUTH_REQUIRED", "请先登录", {}};
  auto ctx = app.auth.authenticate(app.core.context(req.ip), token);
  if (!ctx.ok()) return ctx.error();
  // The web app's page view (audit_writer.hpp): 8–64 letters, digits or '-'; anything else is no view.
  std::string view = req.header("x-view-id");
  if (view.size() >= 8 && view.size() <= 64 &&
      std::all_of(view.begin(), view.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-';
      }))
    ctx->view_id = std::move(view);
  if (req.method != "GET" && req.method != "HEAD") {
    if (req.header("x-csrf-token") != ctx->actor.csrf_token) {
      return forbidden("CSRF_INVALID", "页面已过期或请求来源不可信，请刷新页面后重试");
    }
  }
  return ctx;
}

Response guarded(const std::function<Response()>& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return error_response(internal_error(e.what()));
  }
}

Response with_ctx(app::Services& app, const Request& req, const std::function<Response(const app::AuthedCtx&)>& fn) {
  return guarded([&] {
    auto ctx = authed(app, req);
    if (!ctx.ok()) return error_response(ctx.error());
    // Everything but /auth/me, /auth/password and /auth/logout waits for a forced password change.
    if (ctx->actor.must_change_password) {
      return error_response(forbidden("PASSWORD_CHANGE_REQUIRED", "首次登录或密码已被重置，请先修改密码"));
    }
    for (const auto& [name, value] : req.query) {
      if (!domain::is_valid_utf8(name) || !domain::is_valid_utf8(value)) {
        return error_response(invalid("FIELD_FORMAT", "查询参数不是有效的 UTF-8 文本", name));
      }
    }
    return fn(*ctx);
  });
}

Response with_body(app::Services& app, const Request& req,
                   const std::function<Response(const app::AuthedCtx&, const nlohmann::json&)>& fn) {
  return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
    auto body = parse_object(req);
    if (!body.ok()) return error_response(body.error());
    return fn(ctx, *body);
  });
}

Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

Response file_response(app::Export file) {
  Response resp;
  resp.content_type = std::move(file.content_type);
  resp.body = std::move(file.bytes);
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
  resp.headers.emplace_back("Cache-Control", "no-store");
  return resp;
}

Router make_api_router(app::Services& app) {
  Router r;
  r.add("GET", "/healthz", [&app](Request&) {
    bool ok = app.core.db().healthy();
    return json_response(ok ? 200 : 503, {{"status", ok ? "ok" : "database unavailable"},
                                          {"today", domain::to_string(app.core.context("").today)},
                                          {"today_overridden", app.core.clock().today_overridden()}});
  });
  add_auth_routes(r, app);
  add_person_routes(r, app);
  add_admin_routes(r, app);
  add_audit_routes(r, app);
  add_dict_routes(r, app);
  add_task_routes(r, app);
  add_document_routes(r, app);
  add_transfer_routes(r, app);
  add_custody_routes(r, app);
  add_help_routes(r, app);
  add_warning_routes(r, app);  // issue 8, helper D
  add_follow_up_routes(r, app);
  add_unitwork_routes(r, app);
  add_needs_routes(r, app);  // issue 9, helper D
  add_employment_routes(r, app);  // issue 9: employment and resettlement
  add_base_routes(r, app);  // issue 9, helper C
  add_assistance_routes(r, app);  // issue 9
  add_allowance_routes(r, app);   // issue 10
  return r;
}

}  // namespace anbang::http
