// /api/v1/persons/{id}/transfers and /api/v1/transfers (R-JUR-1, R-JUR-2).
#include "domain/id_number.hpp"
#include "http/api.hpp"
#include "http/views.hpp"
#include "platform/clock.hpp"

namespace anbang::http {

namespace {
nlohmann::json transfer_json(const domain::UnitTree& tree, const store::Transfer& t) {
  return {{"id", t.id},
          {"person_id", t.person_id},
          {"person_name", t.person_name},
          {"id_number_masked", t.person_id_number.empty() ? "" : domain::mask_id_number(t.person_id_number)},
          {"kind", t.kind},
          {"from_unit", unit_ref(tree, t.from_unit_id)},
          {"to_unit", unit_ref(tree, t.to_unit_id)},
          {"state", t.state},
          {"reason", t.reason},
          {"new_address", t.new_address},
          {"decision_note", t.decision_note},
          {"requested_at", platform::iso_utc_from_unix(t.requested_at)},
          {"decided_at",
           t.decided_at ? nlohmann::json(platform::iso_utc_from_unix(*t.decided_at)) : nlohmann::json()}};
}
}  // namespace

void add_transfer_routes(Router& r, app::Services& app) {
  r.add("POST", "/api/v1/persons/:id/transfers", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::TransferInput in;
      auto kind = get_string(body, "kind");
      if (!kind.ok()) return error_response(kind.error());
      if (*kind) in.kind = **kind;
      auto to = get_int(body, "to_unit_id");
      if (!to.ok()) return error_response(to.error());
      if (!*to) return error_response(invalid("FIELD_REQUIRED", "请选择转入单位", "to_unit_id"));
      in.to_unit_id = **to;
      auto reason = get_string(body, "reason");
      if (!reason.ok()) return error_response(reason.error());
      in.reason = reason->value_or("");
      auto address = get_string(body, "new_address");
      if (!address.ok()) return error_response(address.error());
      in.new_address = address->value_or("");
      auto t = app.supervision.request_transfer(ctx, req.params["id"], in);
      if (!t.ok()) return error_response(t.error());
      return json_response(201, transfer_json(*app.core.units(), *t));
    });
  });
  r.add("GET", "/api/v1/persons/:id/transfers", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.supervision.person_transfers(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& t : found->pending()) items.push_back(transfer_json(*tree, t));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/transfers/:id/withdraw", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto note = get_string(body, "note");
      if (!note.ok()) return error_response(note.error());
      auto t = app.supervision.withdraw_transfer(ctx, req.params["id"], note->value_or(""));
      if (!t.ok()) return error_response(t.error());
      return json_response(200, transfer_json(*app.core.units(), *t));
    });
  });
  r.add("GET", "/api/v1/transfers", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      std::string box = req.query_value("box").value_or("incoming");
      if (box != "incoming" && box != "outgoing") {
        return error_response(invalid("FIELD_VALUE", "转移列表应为转入或转出", "box"));
      }
      auto found = app.supervision.list_transfers(ctx, box == "incoming", query_text(req, "state"));
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& t : found->pending()) items.push_back(transfer_json(*tree, t));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  for (auto [path, accept] :
       {std::pair{"/api/v1/transfers/:id/accept", true}, std::pair{"/api/v1/transfers/:id/reject", false}}) {
    r.add("POST", path, [&app, accept = accept](Request& req) {
      return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
        auto note = get_string(body, "note");
        if (!note.ok()) return error_response(note.error());
        auto t = app.supervision.decide_transfer(ctx, req.params["id"], accept, note->value_or(""));
        if (!t.ok()) return error_response(t.error());
        return json_response(200, transfer_json(*app.core.units(), *t));
      });
    });
  }
}

}  // namespace anbang::http
