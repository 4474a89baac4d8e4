// /api/v1/audit (read-only) and /api/v1/dicts.
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

void add_audit_routes(Router& r, app::App& app) {
  r.add("GET", "/api/v1/audit", [&app](Request& req) {
    return with_ctx(app, req, [&](app::Ctx& ctx) {
      app::AuditQuery q;
      q.username = query_text(req, "username");
      q.action = query_text(req, "action");
      q.person = query_text(req, "person");
      q.from = query_text(req, "from");
      q.to = query_text(req, "to");
      auto page = query_int(req, "page", 1);
      if (!page.ok()) return error_response(page.error());
      auto size = query_int(req, "page_size", 20);
      if (!size.ok()) return error_response(size.error());
      q.page = *page;
      q.page_size = *size;
      auto found = app.search_audit(ctx, q);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& a : found->first) items.push_back(audit_json(a));
      return json_response(200, {{"items", items}, {"total", found->second}, {"page", q.page}, {"page_size", q.page_size}});
    });
  });
}

void add_dict_routes(Router& r, app::App& app) {
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& v) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [code, name] : v) items.push_back({{"code", code}, {"name", name}});
    return nlohmann::json{{"items", items}};
  };
  r.add("GET", "/api/v1/dicts/ethnic-groups", [&app, pairs](Request& req) {
    auto ctx = authed(app, req);
    if (!ctx.ok()) return error_response(ctx.error());
    return json_response(200, pairs(app.ethnic_groups()));
  });
  r.add("GET", "/api/v1/dicts/education-levels", [&app, pairs](Request& req) {
    auto ctx = authed(app, req);
    if (!ctx.ok()) return error_response(ctx.error());
    return json_response(200, pairs(app.education_levels()));
  });
  r.add("GET", "/api/v1/dicts/charges", [&app](Request& req) {
    auto ctx = authed(app, req);
    if (!ctx.ok()) return error_response(ctx.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : app.charges()) {
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
}

}  // namespace anbang::http
