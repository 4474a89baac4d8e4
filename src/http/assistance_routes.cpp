// Issue 9: social assistance applications (R-AID-1..6) — /persons/{id}/assistance (the file's
// section, the application, its live pre-check) and /assistance/referrals (the deciding unit's
// workbench, the referral view and its answers).
#include "domain/id_number.hpp"
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json precheck_json(const domain::AidPrecheck& p) {
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto& c : p.conditions)
    conditions.push_back({{"code", std::string(c.code)}, {"state", std::string(domain::to_string(c.state))}});
  return {{"rule", std::string(p.rule)},
          {"overall", std::string(domain::to_string(p.overall))},
          {"conditions", conditions},
          {"age", p.age ? nlohmann::json(*p.age) : nlohmann::json()},
          {"standard_fen", p.standard_fen ? nlohmann::json(*p.standard_fen) : nlohmann::json()},
          {"per_capita_fen", p.per_capita_fen ? nlohmann::json(*p.per_capita_fen) : nlohmann::json()}};
}

nlohmann::json item_json(const domain::UnitTree& tree, const app::AidItem& it) {
  const auto& a = it.row;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : it.steps)
    steps.push_back({{"step", s.step},
                     {"on", s.on_date},
                     {"note", s.note},
                     {"unit", s.unit_id ? unit_ref(tree, *s.unit_id) : nlohmann::json()},
                     {"user_name", s.user_name}});
  auto facts = nlohmann::json::parse(a.facts, nullptr, false);
  return {{"id", a.id},
          {"person_id", a.person_id},
          {"kind", a.kind},
          {"rule", std::string(it.precheck.rule)},
          {"applied_on", a.applied_on},
          {"addressee", a.addressee},
          {"deciding_unit", unit_ref(tree, a.deciding_unit_id)},
          {"school_name", a.school_name},
          {"request", a.request},
          {"facts", facts.is_object() ? facts : nlohmann::json::object()},
          {"state", a.state},
          {"due", it.due},
          {"overdue", it.overdue},
          {"answered_on", opt_json(a.answered_on)},
          {"accepted_on", opt_json(a.accepted_on)},
          {"documents_requested_on", opt_json(a.documents_requested_on)},
          {"documents_missing", a.documents_missing},
          {"decided_on", opt_json(a.decided_on)},
          {"amount_fen", a.amount_fen ? nlohmann::json(*a.amount_fen) : nlohmann::json()},
          {"granted_from", opt_json(a.granted_from)},
          {"granted_to", opt_json(a.granted_to)},
          {"refusal_reason", a.refusal_reason},
          {"precheck", precheck_json(it.precheck)},
          {"steps", steps},
          {"unit", a.unit_id ? unit_ref(tree, *a.unit_id) : nlohmann::json()},
          {"user_name", a.user_name},
          {"created_at", a.created_at}};
}

// A referral in the deciding unit's lists: the application and the person's name, masked ID
// number and household place (nothing else of the file).
nlohmann::json referral_row_json(const domain::UnitTree& tree, const app::AidItem& it) {
  nlohmann::json j = item_json(tree, it);
  j["person"] = {{"name", it.row.person_name},
                 {"id_number_masked", it.row.id_number ? domain::mask_id_number(*it.row.id_number) : ""},
                 {"household_unit", unit_ref(tree, it.row.household_unit_id)}};
  return j;
}

}  // namespace

void add_assistance_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/persons/:id/assistance", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.assistance.person_applications(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& it : found->pending()) items.push_back(item_json(*tree, it));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/assistance/precheck", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string kind, applied_on;
      if (auto s = read_strings(body, {{"kind", &kind}, {"applied_on", &applied_on}}); !s.ok())
        return error_response(s.error());
      auto found = app.assistance.precheck(ctx, req.params["id"], kind, applied_on,
                                           body.contains("facts") ? body["facts"] : nlohmann::json::object());
      if (!found.ok()) return error_response(found.error());
      return after_audit(app, found->take_record(), json_response(200, precheck_json(found->pending())));
    });
  });
  r.add("POST", "/api/v1/persons/:id/assistance", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AidApplicationInput in;
      if (auto s = read_strings(body, {{"kind", &in.kind},
                                       {"applied_on", &in.applied_on},
                                       {"addressee", &in.addressee},
                                       {"department", &in.department},
                                       {"school_name", &in.school_name},
                                       {"request", &in.request}});
          !s.ok())
        return error_response(s.error());
      if (body.contains("facts")) in.facts = body["facts"];
      auto id = app.assistance.apply(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/assistance/referrals", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      int page = 1, page_size = 20;
      if (auto s = query_paging(req, page, page_size); !s.ok()) return error_response(s.error());
      std::string view = query_text(req, "view");
      if (view.empty()) view = "waiting";
      auto found = app.assistance.referrals(ctx, view, page, page_size);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const auto& p = found->pending();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& it : p.items) items.push_back(referral_row_json(*tree, it));
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items},
                                             {"total", p.total},
                                             {"page", p.page},
                                             {"page_size", p.page_size}}));
    });
  });
  r.add("GET", "/api/v1/assistance/referrals/:aid", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.assistance.referral(ctx, req.params["aid"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const auto& v = found->pending();
      nlohmann::json j = item_json(*tree, v.item);
      // The referral view: what the deciding unit needs to decide, the ID number in full (to match
      // its own registers; the read is on record with part "referral").
      j["person"] = {{"name", v.name},
                     {"id_number", v.id_number ? nlohmann::json(*v.id_number) : nlohmann::json()},
                     {"household_unit", unit_ref(*tree, v.household_unit_id)},
                     {"household_address", v.household_address}};
      return after_audit(app, found->take_record(), json_response(200, j));
    });
  });
  r.add("POST", "/api/v1/assistance/referrals/:aid/accept", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string on;
      if (auto s = read_strings(body, {{"on", &on}}); !s.ok()) return error_response(s.error());
      if (auto s = app.assistance.accept(ctx, req.params["aid"], on); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "accepted"}});
    });
  });
  r.add("POST", "/api/v1/assistance/referrals/:aid/documents", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string on, missing;
      if (auto s = read_strings(body, {{"on", &on}, {"missing", &missing}}); !s.ok()) return error_response(s.error());
      if (auto s = app.assistance.request_documents(ctx, req.params["aid"], on, missing); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "documents_requested"}});
    });
  });
  r.add("POST", "/api/v1/assistance/referrals/:aid/decision", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AidDecisionInput in;
      if (auto s = read_strings(body, {{"on", &in.on},
                                       {"outcome", &in.outcome},
                                       {"from", &in.from},
                                       {"to", &in.to},
                                       {"reason", &in.reason}});
          !s.ok())
        return error_response(s.error());
      auto amount = get_int(body, "amount_fen");
      if (!amount.ok()) return error_response(amount.error());
      in.amount_fen = *amount;
      if (auto s = app.assistance.decide(ctx, req.params["aid"], in); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", in.outcome}});
    });
  });
}

}  // namespace anbang::http
