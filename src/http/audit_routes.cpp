// /api/v1/audit (read-only) and /api/v1/dicts.
#include <algorithm>

#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {
Response audit_reply(app::Services& app, const app::AuthedCtx& ctx, const app::AuditQuery& q) {
  auto found = app.audit.search(ctx, q);
  if (!found.ok()) return error_response(found.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : found->first) items.push_back(audit_json(a));
  return json_response(
      200, {{"items", items}, {"total", found->second}, {"page", q.page}, {"page_size", q.page_size}});
}
}  // namespace

void add_audit_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/audit", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      if (req.query_value("person")) {
        return error_response(
            invalid("QUERY_IN_URL", "按人员查询审计记录请使用检索接口，姓名和身份证号不能放在网址中", "person"));
      }
      app::AuditQuery q;
      q.username = query_text(req, "username");
      q.action = query_text(req, "action");
      q.from = query_text(req, "from");
      q.to = query_text(req, "to");
      if (auto s = query_paging(req, q.page, q.page_size); !s.ok()) return error_response(s.error());
      return audit_reply(app, ctx, q);
    });
  });
  r.add("POST", "/api/v1/audit/search", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AuditQuery q;
      for (auto [field, dst] :
           {std::pair{"username", &q.username}, std::pair{"action", &q.action},
            std::pair{"person", &q.person}, std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      for (auto [field, dst] : {std::pair{"page", &q.page}, std::pair{"page_size", &q.page_size}}) {
        auto v = get_int(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = static_cast<int>(std::clamp<std::int64_t>(**v, 0, 1000000));
      }
      return audit_reply(app, ctx, q);
    });
  });
}

void add_dict_routes(Router& r, app::Services& app) {
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& v) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [code, name] : v) items.push_back({{"code", code}, {"name", name}});
    return nlohmann::json{{"items", items}};
  };
  r.add("GET", "/api/v1/dicts/ethnic-groups", [&app, pairs](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx&) { return json_response(200, pairs(app.core.ethnic_groups())); });
  });
  r.add("GET", "/api/v1/dicts/education-levels", [&app, pairs](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx&) { return json_response(200, pairs(app.core.education_levels())); });
  });
  r.add("GET", "/api/v1/dicts/charge-chapters", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx&) {
      nlohmann::json items = nlohmann::json::array();
      int last = 0;
      for (const auto& c : app.core.charges()) {
        if (c.chapter == last) continue;
        last = c.chapter;
        items.push_back({{"chapter", c.chapter}, {"name", c.chapter_name}});
      }
      return json_response(200, {{"items", items}});
    });
  });
  r.add("GET", "/api/v1/dicts/charges", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx&) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& c : app.core.charges()) {
        items.push_back({{"id", c.id},
                         {"name", c.name},
                         {"chapter", c.chapter},
                         {"chapter_name", c.chapter_name},
                         {"section", c.section ? nlohmann::json(*c.section) : nlohmann::json()},
                         {"section_name", c.section_name},
                         {"article", c.article}});
      }
      return json_response(200, {{"items", items}});
    });
  });
}

}  // namespace anbang::http
