// Issue 8, helper D: /persons/{id}/warnings and /reoffences (R-WRN-1), /persons/{id}/outings and
// /outings/incoming (R-OUT-1), and the police workbench /workbench/police.
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json warning_json(const domain::UnitTree& tree, const store::WarningRow& w) {
  return {{"id", w.id},
          {"person_id", w.person_id},
          {"person_name", w.person_name},
          {"residence_unit", unit_ref(tree, w.residence_unit_id)},
          {"sign_kind", w.sign_kind},
          {"signs", w.signs},
          {"observed_on", w.observed_on},
          {"measures", w.measures},
          {"police_station", w.police_unit_id ? unit_ref(tree, *w.police_unit_id) : nlohmann::json()},
          {"notified_on", opt_json(w.notified_on)},
          {"notified_officer", w.notified_officer},
          {"state", w.state},
          {"lifted_on", opt_json(w.lifted_on)},
          {"lift_reason", w.lift_reason},
          {"unit", w.unit_id ? unit_ref(tree, *w.unit_id) : nlohmann::json()},
          {"user_name", w.user_name},
          {"created_at", w.created_at}};
}

nlohmann::json reoffence_json(const app::Services& app, const store::ReoffenceRow& r) {
  const store::ChargeRow* charge = app.core.charge(r.charge_id);
  return {{"id", r.id},
          {"offence_on", r.offence_on},
          {"custody_on", r.custody_on},
          {"charge", {{"id", r.charge_id}, {"name", charge ? charge->name : ""}}},
          {"authority", r.authority},
          {"note", r.note},
          {"period_release_date", r.period_release_date},
          {"in_period", r.in_period},
          {"user_name", r.user_name},
          {"created_at", r.created_at}};
}

nlohmann::json outing_json(const domain::UnitTree& tree, const store::OutingRow& o, const std::string& today) {
  return {{"id", o.id},
          {"person_id", o.person_id},
          {"person_name", o.person_name},
          {"residence_unit", unit_ref(tree, o.residence_unit_id)},
          {"destination_unit", o.destination_unit_id ? unit_ref(tree, *o.destination_unit_id) : nlohmann::json()},
          {"destination_office", o.destination_office_id ? unit_ref(tree, *o.destination_office_id) : nlohmann::json()},
          {"division_code", o.division_code},
          {"address", o.address},
          {"employer", o.employer},
          {"contact", o.contact},
          {"phone", o.phone},
          {"left_on", o.left_on},
          {"expected_return", o.expected_return},
          {"returned_on", opt_json(o.returned_on)},
          // active: left by today and no return recorded (the destination office may record visits)
          {"active", !o.returned_on && o.left_on <= today},
          {"note", o.note},
          {"user_name", o.user_name},
          {"created_at", o.created_at}};
}

}  // namespace

void add_warning_routes(Router& r, app::Services& app) {
  r.add("POST", "/api/v1/persons/:id/warnings", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::WarningInput in;
      if (auto s = read_strings(body, {{"sign_kind", &in.sign_kind},
                                       {"signs", &in.signs},
                                       {"observed_on", &in.observed_on},
                                       {"measures", &in.measures},
                                       {"notified_on", &in.notified_on},
                                       {"notified_officer", &in.notified_officer}});
          !s.ok())
        return error_response(s.error());
      auto id = app.warnings.record_warning(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/warnings/:wid/notice", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::WarningNotice in;
      if (auto s = read_strings(body, {{"notified_on", &in.notified_on}, {"officer", &in.officer}}); !s.ok())
        return error_response(s.error());
      if (auto s = app.warnings.record_notice(ctx, req.params["id"], req.params["wid"], in); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "notified"}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/warnings/:wid/lift", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::WarningLift in;
      if (auto s = read_strings(body, {{"lifted_on", &in.lifted_on}, {"reason", &in.reason}}); !s.ok())
        return error_response(s.error());
      if (auto s = app.warnings.lift_warning(ctx, req.params["id"], req.params["wid"], in); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "lifted"}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/warnings", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.warnings.person_warnings(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json ws = nlohmann::json::array(), rs = nlohmann::json::array();
      for (const auto& w : found->pending().warnings) ws.push_back(warning_json(*tree, w));
      for (const auto& x : found->pending().reoffences) rs.push_back(reoffence_json(app, x));
      return after_audit(app, found->take_record(), json_response(200, {{"warnings", ws}, {"reoffences", rs}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/reoffences", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::ReoffenceInput in;
      if (auto s = read_strings(body, {{"offence_on", &in.offence_on},
                                       {"custody_on", &in.custody_on},
                                       {"authority", &in.authority},
                                       {"note", &in.note},
                                       {"expected_release_date", &in.expected_release_date},
                                       {"release_kind", &in.release_kind}});
          !s.ok())
        return error_response(s.error());
      auto charge = get_int(body, "charge_id");
      if (!charge.ok()) return error_response(charge.error());
      if (!*charge) return error_response(invalid("FIELD_REQUIRED", "请选择罪名", "charge_id"));
      in.charge_id = **charge;
      auto id = app.warnings.record_reoffence(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/workbench/police", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.warnings.police_board(ctx);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json ws = nlohmann::json::array(), ks = nlohmann::json::array();
      for (const auto& w : found->pending().warnings) ws.push_back(warning_json(*tree, w));
      for (const auto& k : found->pending().key_subjects) {
        ks.push_back({{"person_id", k.person_id},
                      {"name", k.name},
                      {"release_date", k.release_date},
                      {"assistance_end_date", k.assistance_end_date},
                      {"residence_unit", unit_ref(*tree, k.residence_unit_id)},
                      {"open_warnings", k.open_warnings}});
      }
      return after_audit(app, found->take_record(), json_response(200, {{"warnings", ws}, {"key_subjects", ks}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/outings", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::OutingInput in;
      if (auto s = read_strings(body, {{"division_code", &in.division_code},
                                       {"address", &in.address},
                                       {"employer", &in.employer},
                                       {"contact", &in.contact},
                                       {"phone", &in.phone},
                                       {"left_on", &in.left_on},
                                       {"expected_return", &in.expected_return},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      auto unit = get_int(body, "destination_unit_id");
      if (!unit.ok()) return error_response(unit.error());
      in.destination_unit_id = *unit;
      auto id = app.outings.record_outing(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/outings/:oid/return", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string on;
      if (auto s = read_strings(body, {{"returned_on", &on}}); !s.ok()) return error_response(s.error());
      if (auto s = app.outings.record_return(ctx, req.params["id"], req.params["oid"], on); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "returned"}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/outings", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.outings.person_outings(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const std::string today = domain::to_string(ctx.today);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& o : found->pending()) items.push_back(outing_json(*tree, o, today));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("GET", "/api/v1/outings/incoming", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.outings.incoming(ctx);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const std::string today = domain::to_string(ctx.today);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& o : found->pending()) items.push_back(outing_json(*tree, o, today));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
}

}  // namespace anbang::http
