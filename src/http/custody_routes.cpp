// /persons/{id}/custody and /persons/{id}/periods (R-PER-1: custody after release, new sentence,
// assistance periods) and /persons/{id}/family-changes (R-LNK-3).
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json period_json(const store::PeriodRow& p) {
  return {{"release_date", p.release_date},
          {"release_kind", p.release_kind},
          {"end_date", p.end_date},
          {"ended_on", opt_json(p.ended_on)},
          {"end_reason", p.end_reason}};
}

}  // namespace

void add_custody_routes(Router& r, app::Services& app) {
  r.add("POST", "/api/v1/persons/:id/custody", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::CustodyInput in;
      if (auto s = read_strings(body, {{"kind", &in.kind},
                                       {"from_date", &in.from_date},
                                       {"to_date", &in.to_date},
                                       {"expected_release_date", &in.expected_release_date},
                                       {"release_kind", &in.release_kind},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      auto id = app.supervision.record_custody(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/custody/:cid/end", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string to;
      if (auto s = read_strings(body, {{"to_date", &to}}); !s.ok()) return error_response(s.error());
      if (auto s = app.supervision.end_custody(ctx, req.params["id"], req.params["cid"], to); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "ended"}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/periods", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.supervision.periods(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      const app::PeriodsView& v = found->pending();
      auto tree = app.core.units();
      nlohmann::json earlier = nlohmann::json::array(), custody = nlohmann::json::array();
      for (const auto& p : v.earlier) earlier.push_back(period_json(p));
      for (const auto& c : v.custody) {
        custody.push_back({{"id", c.id},
                           {"kind", domain::code(c.kind)},
                           {"from_date", c.from_date},
                           {"to_date", opt_json(c.to_date)},
                           {"note", c.note},
                           {"unit", c.unit_id ? unit_ref(*tree, *c.unit_id) : nlohmann::json()}});
        add_entry_dates(custody.back(), c.from_date, c.created_at);
      }
      return after_audit(
          app, found->take_record(),
          json_response(200,
                        {{"current", period_json(v.current)}, {"earlier", earlier}, {"custody", custody}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/family-changes", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::FamilyChangeInput in;
      if (auto s = read_strings(
              body, {{"occurred_on", &in.occurred_on}, {"summary", &in.summary}, {"needs", &in.needs}});
          !s.ok())
        return error_response(s.error());
      for (auto [field, dst] : {std::pair{"family_in_difficulty", &in.family_in_difficulty},
                                std::pair{"children_in_difficulty", &in.children_in_difficulty}}) {
        auto v = get_bool(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      auto d = app.linkage.send_family_change(ctx, req.params["id"], in);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  r.add("GET", "/api/v1/persons/:id/family-changes", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.linkage.family_changes(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const std::string today = domain::to_string(ctx.today);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& v : found->pending()) {
        nlohmann::json item = document_json(*tree, v.change, today, *app.core.policy());
        nlohmann::json help = nlohmann::json::array();
        for (const auto& h : v.help) help.push_back(document_json(*tree, h, today, *app.core.policy()));
        item["help"] = help;
        items.push_back(std::move(item));
      }
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/documents/:id/family-help", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::FamilyHelpInput in;
      if (auto s =
              read_strings(body, {{"given_on", &in.given_on}, {"help", &in.help}, {"helpers", &in.helpers}});
          !s.ok())
        return error_response(s.error());
      auto d = app.linkage.record_family_help(ctx, req.params["id"], in);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
}

}  // namespace anbang::http
