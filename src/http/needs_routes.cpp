// Issue 9, helper D: /persons/{id}/needs (the needs list, item 1), /needs/open (the unit's open needs
// by category) and /persons/{id}/insurance (R-INS-1).
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json need_json(const domain::UnitTree& tree, const store::NeedRow& n) {
  nlohmann::json updates = nlohmann::json::array();
  for (const auto& u : n.updates) {
    nlohmann::json j = {{"id", u.id},
                        {"on_date", u.on_date},
                        {"status", opt_json(u.status)},
                        {"action", u.action},
                        {"link_kind", opt_json(u.link_kind)},
                        {"unit", u.unit_id ? unit_ref(tree, *u.unit_id) : nlohmann::json()},
                        {"user_name", u.user_name},
                        {"created_at", u.created_at}};
    add_entry_dates(j, u.on_date, u.created_at);
    updates.push_back(std::move(j));
  }
  nlohmann::json j = {{"id", n.id},
                      {"category", n.category},
                      {"status", n.status},
                      {"status_on", n.status_on},
                      {"raised_on", n.raised_on},
                      {"source", n.source},
                      {"source_id", opt_json(n.source_id)},
                      {"note", n.note},
                      {"unit", n.unit_id ? unit_ref(tree, *n.unit_id) : nlohmann::json()},
                      {"user_name", n.user_name},
                      {"created_at", n.created_at},
                      {"updates", updates}};
  add_entry_dates(j, n.raised_on, n.created_at);
  return j;
}

nlohmann::json insurance_json(const domain::UnitTree& tree, const app::InsuranceView& v) {
  nlohmann::json entries = nlohmann::json::array(), flags = nlohmann::json::array();
  for (const auto& e : v.entries) {
    nlohmann::json j = {{"id", e.id},
                        {"scheme", e.scheme},
                        {"status", e.status},
                        {"step", opt_json(e.step)},
                        {"on_date", e.on_date},
                        {"place", e.place},
                        {"note", e.note},
                        {"unit", e.unit_id ? unit_ref(tree, *e.unit_id) : nlohmann::json()},
                        {"user_name", e.user_name},
                        {"created_at", e.created_at}};
    entries.push_back(std::move(j));
  }
  for (const auto& r : v.civil_servant) {
    flags.push_back({{"id", r.id},
                     {"former_civil_servant", r.former_civil_servant},
                     {"on_date", r.on_date},
                     {"note", r.note},
                     {"user_name", r.user_name},
                     {"created_at", r.created_at}});
  }
  // The current status of each scheme: its latest entry (entries are oldest first).
  nlohmann::json current = nlohmann::json::object();
  for (const auto& e : v.entries) current[e.scheme] = {{"status", e.status}, {"on_date", e.on_date}};
  return {{"entries", entries},
          {"current", current},
          {"former_civil_servant", v.civil_servant.empty() ? nlohmann::json() : nlohmann::json(v.civil_servant.back().former_civil_servant)},
          {"civil_servant", flags}};
}

}  // namespace

void add_needs_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/persons/:id/needs", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.needs.person_needs(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& n : found->pending()) items.push_back(need_json(*tree, n));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/needs/assessments", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::NeedAssessment in;
      if (auto s = read_strings(body, {{"source", &in.source}, {"assessed_on", &in.assessed_on}}); !s.ok())
        return error_response(s.error());
      auto source_id = get_int(body, "source_id");
      if (!source_id.ok()) return error_response(source_id.error());
      in.source_id = *source_id;
      if (body.contains("items") && !body["items"].is_array())
        return error_response(invalid("FIELD_TYPE", "需求应为列表", "items"));
      if (body.contains("items")) {
        for (const auto& it : body["items"]) {
          if (!it.is_object()) return error_response(invalid("FIELD_TYPE", "每项需求应为对象", "items"));
          app::NeedAssessmentItem item;
          if (auto s = read_strings(it, {{"category", &item.category}, {"status", &item.status}, {"note", &item.note}});
              !s.ok())
            return error_response(s.error());
          in.items.push_back(std::move(item));
        }
      }
      auto ids = app.needs.assess(ctx, req.params["id"], in);
      if (!ids.ok()) return error_response(ids.error());
      return json_response(201, {{"ids", *ids}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/needs/:nid/updates", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::NeedUpdateInput in;
      if (auto s = read_strings(body, {{"on_date", &in.on_date},
                                       {"status", &in.status},
                                       {"action", &in.action},
                                       {"link_kind", &in.link_kind}});
          !s.ok())
        return error_response(s.error());
      auto id = app.needs.update_need(ctx, req.params["id"], req.params["nid"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/needs/open", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      app::OpenNeedsQuery q;
      q.category = query_text(req, "category");
      auto unit = query_id(req, "unit_id");
      if (!unit.ok()) return error_response(unit.error());
      q.unit_id = *unit;
      if (auto s = query_paging(req, q.page, q.page_size); !s.ok()) return error_response(s.error());
      auto found = app.needs.open_needs(ctx, q);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const auto& page = found->pending();
      nlohmann::json items = nlohmann::json::array(), counts = nlohmann::json::object();
      for (const auto& n : page.items) {
        items.push_back({{"need_id", n.need_id},
                         {"person_id", n.person_id},
                         {"person_name", n.person_name},
                         {"category", n.category},
                         {"status", n.status},
                         {"raised_on", n.raised_on},
                         {"source", n.source},
                         {"last_action_on", n.last_action_on.empty() ? nlohmann::json() : nlohmann::json(n.last_action_on)},
                         {"last_action", n.last_action},
                         {"household_unit", unit_ref(*tree, n.household_unit_id)},
                         {"residence_unit", unit_ref(*tree, n.residence_unit_id)}});
      }
      for (const auto& [k, v] : page.counts) counts[k] = v;
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items},
                                             {"counts", counts},
                                             {"total", page.total},
                                             {"page", page.page},
                                             {"page_size", page.page_size}}));
    });
  });
  r.add("GET", "/api/v1/persons/:id/insurance", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.needs.person_insurance(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      return after_audit(app, found->take_record(), json_response(200, insurance_json(*tree, found->pending())));
    });
  });
  r.add("POST", "/api/v1/persons/:id/insurance", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::InsuranceInput in;
      if (auto s = read_strings(body, {{"scheme", &in.scheme},
                                       {"status", &in.status},
                                       {"step", &in.step},
                                       {"on_date", &in.on_date},
                                       {"place", &in.place},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      auto id = app.needs.record_insurance(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/insurance/civil-servant", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::CivilServantInput in;
      if (auto s = read_strings(body, {{"on_date", &in.on_date}, {"note", &in.note}}); !s.ok())
        return error_response(s.error());
      auto flag = get_bool(body, "former_civil_servant");
      if (!flag.ok()) return error_response(flag.error());
      if (!*flag) return error_response(invalid("FIELD_REQUIRED", "请选择是否为原公职人员", "former_civil_servant"));
      in.former_civil_servant = **flag;
      auto id = app.needs.record_civil_servant(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
}

}  // namespace anbang::http
