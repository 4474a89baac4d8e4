// /api/v1/documents (linkage, R-LNK-1..4) and /persons/{id}/classification (R-CLS-1..3).
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

Result<domain::PersonInput> person_input(const nlohmann::json& o);  // person_routes.cpp

namespace {
// channel, sender_unit_id, sender_name, sent_on, received_on (app::ChannelInput); all optional.
Status read_channel(const nlohmann::json& body, app::ChannelInput& via) {
  for (auto [field, dst] : {std::pair{"channel", &via.channel}, std::pair{"sender_name", &via.sender_name},
                            std::pair{"sent_on", &via.sent_on}, std::pair{"received_on", &via.received_on}}) {
    auto v = get_string(body, field);
    if (!v.ok()) return v.error();
    if (*v) *dst = **v;
  }
  auto unit = get_int(body, "sender_unit_id");
  if (!unit.ok()) return unit.error();
  via.sender_unit_id = *unit;
  return {};
}
// The fields of a release notice (POST /documents/release-notices, POST /documents/{id}/correction).
Status notice_fields(const nlohmann::json& body, app::ReleaseNoticeInput& in) {
  for (auto [field, dst] : {std::pair{"release_date", &in.release_date}, std::pair{"place", &in.place},
                            std::pair{"conduct", &in.conduct}, std::pair{"officer", &in.officer},
                            std::pair{"risk_level", &in.risk_level}}) {
    auto v = get_string(body, field);
    if (!v.ok()) return v.error();
    if (*v) *dst = **v;
  }
  auto tendency = get_bool(body, "reoffending_tendency");
  if (!tendency.ok()) return tendency.error();
  in.reoffending_tendency = tendency->value_or(false);
  nlohmann::json extra = nlohmann::json::object();
  for (const char* field : {"risk_factors", "suggestions"}) {
    auto it = body.find(field);
    if (it != body.end() && !it->is_null()) extra[field] = *it;
  }
  in.data = extra.dump();
  return {};
}
}  // namespace

void add_document_routes(Router& r, app::Services& app) {
  r.add("POST", "/api/v1/documents/registration-forms", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto person = body.find("person");
      if (person == body.end() || !person->is_object()) {
        return error_response(invalid("FIELD_REQUIRED", "请填写登记表中的人员信息", "person"));
      }
      app::RegistrationFormInput in;
      auto p = person_input(*person);
      if (!p.ok()) return error_response(p.error());
      in.person = std::move(p).value();
      auto received = get_string(body, "received_into_custody");
      if (!received.ok()) return error_response(received.error());
      if (!*received)
        return error_response(invalid("FIELD_REQUIRED", "请填写收押日期", "received_into_custody"));
      in.received_into_custody = **received;
      auto form = body.find("form");
      if (form != body.end() && !form->is_null()) {
        if (!form->is_object())
          return error_response(invalid("FIELD_TYPE", "登记表内容的格式应为对象", "form"));
        in.form = form->dump();
      }
      if (auto s = read_channel(body, in.via); !s.ok()) return error_response(s.error());
      auto d = app.linkage.send_registration_form(ctx, in);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  r.add("POST", "/api/v1/documents/:id/confirm-custody", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto d = app.linkage.confirm_new_custody(ctx, req.params["id"]);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  r.add("POST", "/api/v1/documents/:id/verification", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::VerificationInput in;
      for (auto [field, dst] :
           {std::pair{"false_name", &in.false_name}, std::pair{"false_identity", &in.false_identity},
            std::pair{"false_address", &in.false_address},
            std::pair{"family_situation", &in.family_situation},
            std::pair{"children_situation", &in.children_situation},
            std::pair{"verifying_officer", &in.verifying_officer}, std::pair{"sent_on", &in.sent_on}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      for (auto [field, dst] : {std::pair{"no_home", &in.no_home}, std::pair{"no_job", &in.no_job},
                                std::pair{"no_relatives", &in.no_relatives}}) {
        auto v = get_bool(body, field);
        if (!v.ok()) return error_response(v.error());
        *dst = *v;
      }
      auto d = app.linkage.send_verification(ctx, req.params["id"], in);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  r.add("POST", "/api/v1/documents/release-notices", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::ReleaseNoticeInput in;
      auto form = get_int(body, "form_id");
      if (!form.ok()) return error_response(form.error());
      if (!*form) return error_response(invalid("FIELD_REQUIRED", "请选择该人员的基本情况登记表", "form_id"));
      in.form_id = **form;
      if (auto s = notice_fields(body, in); !s.ok()) return error_response(s.error());
      if (auto s = read_channel(body, in.via); !s.ok()) return error_response(s.error());
      auto d = app.linkage.send_release_notice(ctx, in);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  // R-LNK-4: the sender replaces its notice with a corrected one (the same fields) and a reason.
  r.add("POST", "/api/v1/documents/:id/correction", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      // 404 for a notice the caller did not send comes before the body is parsed.
      std::int64_t id = req.params["id"];
      if (auto s = app.linkage.check_correctable(ctx, id); !s.ok()) return error_response(s.error());
      auto body = parse_object(req);
      if (!body.ok()) return error_response(body.error());
      app::ReleaseNoticeInput in;
      if (auto s = notice_fields(*body, in); !s.ok()) return error_response(s.error());
      auto reason = get_string(*body, "reason");
      if (!reason.ok()) return error_response(reason.error());
      auto d = app.linkage.correct_release_notice(ctx, id, in, reason->value_or(""));
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  r.add("GET", "/api/v1/documents/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.linkage.document(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto json = document_detail_json(*app.core.units(), found->pending(), domain::to_string(ctx.today),
                                       *app.core.policy());
      return after_audit(app, found->take_record(), json_response(200, json));
    });
  });
  r.add("POST", "/api/v1/documents/:id/reception", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::ReceptionInput in;
      for (auto [field, dst] :
           {std::pair{"pickup_by", &in.pickup_by}, std::pair{"planned_date", &in.planned_date},
            std::pair{"contact", &in.contact}, std::pair{"contact_phone", &in.contact_phone},
            std::pair{"sent_on", &in.sent_on}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      auto d = app.linkage.send_reception(ctx, req.params["id"], in);
      if (!d.ok()) return error_response(d.error());
      return json_response(201, document_json(*app.core.units(), *d, domain::to_string(ctx.today), *app.core.policy()));
    });
  });
  r.add("POST", "/api/v1/persons/:id/pickups", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::PickupInput in;
      for (auto [field, dst] : {std::pair{"picked_on", &in.picked_on}, std::pair{"place", &in.place},
                                std::pair{"team", &in.team}, std::pair{"kind", &in.kind}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      // Issue 8 (R-PCK-1/2 details).
      for (auto [field, dst] : {std::pair{"vehicle", &in.vehicle}, std::pair{"picked_at", &in.picked_at},
                                std::pair{"handover_by", &in.handover_by}, std::pair{"outcome", &in.outcome},
                                std::pair{"next_steps", &in.next_steps}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      auto headcount = get_int(body, "headcount");
      if (!headcount.ok()) return error_response(headcount.error());
      in.headcount = *headcount;
      auto signed_ = get_bool(body, "handover_signed");
      if (!signed_.ok()) return error_response(signed_.error());
      in.handover_signed = *signed_;
      if (body.contains("party") && !body["party"].is_null()) {
        if (!body["party"].is_array()) return error_response(invalid("FIELD_TYPE", "接回人员应为列表", "party"));
        for (const auto& m : body["party"]) {
          if (!m.is_object()) return error_response(invalid("FIELD_TYPE", "接回人员应为对象列表", "party"));
          app::PickupParty member;
          for (auto [field, dst] : {std::pair{"name", &member.name}, std::pair{"unit", &member.unit},
                                    std::pair{"role", &member.role}}) {
            auto v = get_string(m, field);
            if (!v.ok()) return error_response(invalid("FIELD_TYPE", "接回人员的姓名、单位和身份应为文字", "party"));
            if (*v) *dst = **v;
          }
          in.party.push_back(std::move(member));
        }
      }
      if (auto s = app.supervision.record_pickup(ctx, req.params["id"], in); !s.ok()) return error_response(s.error());
      return json_response(201, {{"status", "recorded"}});
    });
  });
  r.add("GET", "/api/v1/documents", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      app::DocumentQuery q;
      q.box = req.query_value("box").value_or("inbox");
      q.kind = query_text(req, "kind");
      if (auto s = query_paging(req, q.page, q.page_size); !s.ok()) return error_response(s.error());
      auto found = app.linkage.list_documents(ctx, q);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      std::string today = domain::to_string(ctx.today);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& d : found->pending().items) items.push_back(document_json(*tree, d, today, *app.core.policy()));
      std::int64_t total = found->pending().total;
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items}, {"total", total}, {"page", q.page}, {"page_size", q.page_size}}));
    });
  });
  r.add("GET", "/api/v1/persons/:id/classification", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.classification.read(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      const app::ClassView* v = &found->pending();
      nlohmann::json reasons = nlohmann::json::array(), history = nlohmann::json::array();
      for (const auto& r : v->reasons) reasons.push_back(app::class_reason_json(r));
      for (const auto& h : v->history) {
        // R-CLS-3: a code with the reasons it names; a row written before codes: its Chinese text.
        nlohmann::json hr = nlohmann::json::array();
        if (!h.code.empty()) {
          for (const auto& r : app::class_reasons_from_json(h.detail)) hr.push_back(app::class_reason_json(r));
        }
        history.push_back({{"from_date", h.from_date},
                           {"key", h.key},
                           {"code", h.code.empty() ? nlohmann::json() : nlohmann::json(h.code)},
                           {"reasons", hr},
                           {"reason", h.code.empty() ? nlohmann::json(h.reason) : nlohmann::json()}});
      }
      return after_audit(app, found->take_record(),
                         json_response(200, {{"key", v->key},
                                             {"class", v->key ? "key" : "general"},
                                             {"reasons", reasons},
                                             {"three_none_factors", v->three_none_factors},
                                             {"history", history}}));
    });
  });
}

}  // namespace anbang::http
