// Issue 9 (employment): the 就业与安置 section of the file — R-EMP-1 status entries and public
// employment services, R-EMP-3 benefits, and the derived 安置情况 (domain/resettlement).
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json status_json(const domain::UnitTree& tree, const store::EmploymentStatusRow& s) {
  return {{"id", s.id},
          {"kind", s.kind},
          {"since", s.since},
          {"employer", s.employer},
          {"job", s.job},
          {"supported_by_family", s.supported_by_family},
          {"reason", s.reason.empty() ? nlohmann::json() : nlohmann::json(s.reason)},
          {"note", s.note},
          {"unit", s.unit_id ? unit_ref(tree, *s.unit_id) : nlohmann::json()},
          {"user_name", s.user_name},
          {"created_at", s.created_at}};
}

nlohmann::json service_json(const domain::UnitTree& tree, const store::EmploymentServiceRow& s) {
  return {{"id", s.id},
          {"kind", s.kind},
          {"given_on", s.given_on},
          {"provider", unit_ref(tree, s.provider_unit_id)},
          {"employer", s.employer},
          {"result", s.result.empty() ? nlohmann::json() : nlohmann::json(s.result)},
          {"note", s.note},
          {"unit", s.unit_id ? unit_ref(tree, *s.unit_id) : nlohmann::json()},
          {"user_name", s.user_name},
          {"created_at", s.created_at}};
}

nlohmann::json benefit_json(const domain::UnitTree& tree, const store::EmploymentBenefitRow& b) {
  return {{"id", b.id},
          {"kind", b.kind},
          {"department", unit_ref(tree, b.department_unit_id)},
          {"amount_fen", b.amount_fen},
          {"from_on", b.from_on},
          {"to_on", opt_json(b.to_on)},
          {"lender", b.lender},
          {"enterprise", b.enterprise},
          {"note", b.note},
          {"unit", b.unit_id ? unit_ref(tree, *b.unit_id) : nlohmann::json()},
          {"user_name", b.user_name},
          {"created_at", b.created_at}};
}

nlohmann::json resettlement_json(const domain::ResettlementResult& r, const domain::ResettlementFacts& f) {
  return {{"status", domain::code(r.status)},
          {"resettled", r.status != domain::Resettlement::not_resettled},
          {"reason", r.reason ? nlohmann::json(domain::code(*r.reason)) : nlohmann::json()},
          // the facts it was derived from (the "why")
          {"facts",
           {{"employment", f.employment ? nlohmann::json(domain::code(*f.employment)) : nlohmann::json()},
            {"supported_by_family", f.supported_by_family},
            {"in_base", f.in_base},
            {"on_social_assistance", f.on_social_assistance}}}};
}

Response created(const Result<std::int64_t>& id) {
  if (!id.ok()) return error_response(id.error());
  return json_response(201, {{"id", *id}});
}

}  // namespace

void add_employment_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/persons/:id/employment", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.employment.person_employment(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const app::EmploymentFile& f = found->pending();
      nlohmann::json statuses = nlohmann::json::array(), services = nlohmann::json::array(),
                     benefits = nlohmann::json::array();
      for (const auto& s : f.statuses) statuses.push_back(status_json(*tree, s));
      for (const auto& s : f.services) services.push_back(service_json(*tree, s));
      for (const auto& b : f.benefits) benefits.push_back(benefit_json(*tree, b));
      nlohmann::json body = {{"current", f.current ? status_json(*tree, *f.current) : nlohmann::json()},
                             {"statuses", statuses},
                             {"services", services},
                             {"benefits", benefits},
                             {"resettlement", resettlement_json(f.resettlement, f.facts)}};
      return after_audit(app, found->take_record(), json_response(200, body));
    });
  });
  r.add("POST", "/api/v1/persons/:id/employment/statuses", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::EmploymentStatusInput in;
      if (auto s = read_strings(body, {{"kind", &in.kind},
                                       {"since", &in.since},
                                       {"employer", &in.employer},
                                       {"job", &in.job},
                                       {"reason", &in.reason},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      auto family = get_bool(body, "supported_by_family");
      if (!family.ok()) return error_response(family.error());
      in.supported_by_family = family->value_or(false);
      return created(app.employment.record_status(ctx, req.params["id"], in));
    });
  });
  r.add("POST", "/api/v1/persons/:id/employment/services", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::EmploymentServiceInput in;
      if (auto s = read_strings(body, {{"kind", &in.kind},
                                       {"given_on", &in.given_on},
                                       {"employer", &in.employer},
                                       {"result", &in.result},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      auto unit = get_int(body, "provider_unit_id");
      if (!unit.ok()) return error_response(unit.error());
      in.provider_unit_id = *unit;
      return created(app.employment.record_service(ctx, req.params["id"], in));
    });
  });
  r.add("POST", "/api/v1/persons/:id/employment/benefits", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::EmploymentBenefitInput in;
      if (auto s = read_strings(body, {{"kind", &in.kind},
                                       {"from_on", &in.from_on},
                                       {"to_on", &in.to_on},
                                       {"lender", &in.lender},
                                       {"enterprise", &in.enterprise},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      auto dept = get_int(body, "department_unit_id");
      if (!dept.ok()) return error_response(dept.error());
      in.department_unit_id = *dept;
      auto amount = get_int(body, "amount_fen");
      if (!amount.ok()) return error_response(amount.error());
      in.amount_fen = *amount;
      return created(app.employment.record_benefit(ctx, req.params["id"], in));
    });
  });
}

}  // namespace anbang::http
