// Issue 10: the transitional hardship allowance (R-ALW-1..6) — the file's section and the
// application (/persons/{id}/allowance, /persons/{id}/household-kinds), the chain's steps and the
// units' work list (/allowance/applications/{aid}/steps, /allowance/work), the monthly payment
// (/allowance/due, /allowance/runs…, /allowance/ledger/{eid}/reverse), the report and the standards.
#include "app/allowance/allowance_xlsx.hpp"
#include "domain/id_number.hpp"
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

std::string month_of(domain::CivilDate first) { return domain::to_string(first).substr(0, 7); }

nlohmann::json opt_unit(const domain::UnitTree& tree, const std::optional<std::int64_t>& id) {
  return id ? unit_ref(tree, *id) : nlohmann::json();
}

nlohmann::json entitlement_json(const app::AllowanceItem& it) {
  const rules::Entitlement& e = it.entitlement;
  nlohmann::json months = nlohmann::json::array();
  for (const auto& m : e.months) {
    const std::string key = month_of(m.month);
    store::MonthHold h;
    if (auto f = it.holds.find(key); f != it.holds.end()) h = f->second;
    months.push_back({{"month", key},
                      {"status", std::string(rules::code(m.status))},
                      {"household_kind", std::string(m.household_kind)},
                      {"standard_fen", m.standard_fen},
                      {"amount_fen", m.amount_fen},
                      {"paid_fen", h.paid_fen},
                      {"paid_on", opt_json(h.paid_on)},
                      {"in_run", opt_json(h.in_run)}});
  }
  return {{"as_of", domain::to_string(it.as_of)},
          {"release_date", it.row.period_release_date},
          {"deadline", domain::to_string(e.deadline)},
          {"registered_on", e.registered_on ? nlohmann::json(domain::to_string(*e.registered_on)) : nlohmann::json()},
          {"rounding", std::string(e.rounding.empty() ? "whole" : e.rounding)},
          {"months_late", e.months_late},
          {"max_months", e.max_months},
          {"months_payable", e.months_payable},
          {"months", months},
          {"stopped_from", e.stopped_from ? nlohmann::json(month_of(*e.stopped_from)) : nlohmann::json()},
          {"stop_rule", std::string(e.stop_rule)},
          {"total_fen", e.total_fen}};
}

nlohmann::json ledger_json(const store::LedgerRow& e) {
  return {{"id", e.id},           {"application_id", e.application_id},
          {"month", e.month},     {"kind", e.kind},
          {"amount_fen", e.amount_fen}, {"paid_on", e.paid_on},
          {"run_id", opt_json(e.run_id)}, {"reverses_id", opt_json(e.reverses_id)},
          {"reason", e.reason},   {"user_name", e.user_name},
          {"created_at", e.created_at}, {"reversed", e.reversed}};
}

nlohmann::json item_json(const domain::UnitTree& tree, const app::AllowanceItem& it) {
  const auto& a = it.row;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : it.steps)
    steps.push_back({{"id", s.id},
                     {"step", s.step},
                     {"on", s.on_date},
                     {"note", s.note},
                     {"unit", opt_unit(tree, s.unit_id)},
                     {"user_name", s.user_name},
                     {"created_at", s.created_at}});
  nlohmann::json actions = nlohmann::json::array();
  for (auto x : it.actions) actions.push_back(std::string(x));
  nlohmann::json ledger = nlohmann::json::array();
  for (const auto& e : it.ledger) ledger.push_back(ledger_json(e));
  return {{"id", a.id},
          {"person_id", a.person_id},
          {"applied_on", a.applied_on},
          {"documents",
           {{"release_certificate", a.doc_release_certificate},
            {"id_card", a.doc_id_card},
            {"household_register", a.doc_household_register}}},
          {"hardship", a.hardship},
          {"office_unit", unit_ref(tree, a.office_unit_id)},
          {"village_unit", opt_unit(tree, a.village_unit_id)},
          {"township_unit", unit_ref(tree, a.township_unit_id)},
          {"state", a.state},
          {"since", a.since},
          {"due", opt_json(it.due)},
          {"overdue", it.overdue},
          {"approved_on", opt_json(a.approved_on)},
          {"rejected_reason", a.rejected_reason},
          {"steps", steps},
          {"actions", actions},
          {"entitlement", entitlement_json(it)},
          {"ledger", ledger},
          {"unit", opt_unit(tree, a.unit_id)},
          {"user_name", a.user_name},
          {"created_at", a.created_at}};
}

nlohmann::json line_json(const domain::UnitTree& tree, const store::RunLineRow& l) {
  return {{"application_id", l.application_id},
          {"person_id", l.person_id},
          {"name", l.person_name},
          {"id_number_masked", l.id_number ? domain::mask_id_number(*l.id_number) : ""},
          {"household_unit", unit_ref(tree, l.household_unit_id)},
          {"household_kind", l.household_kind},
          {"standard_fen", l.standard_fen},
          {"amount_fen", l.amount_fen},
          {"reversed", l.reversed}};
}

nlohmann::json run_json(const domain::UnitTree& tree, const app::AllowanceRunView& v) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : v.lines) lines.push_back(line_json(tree, l));
  const auto& r = v.run;
  return {{"id", r.id},
          {"township_unit", unit_ref(tree, r.township_unit_id)},
          {"month", r.month},
          {"seq", r.seq},
          {"state", r.state},
          {"lines", lines},
          {"total_fen", r.total_fen},
          {"confirmed_by", r.confirmed_by_name},
          {"confirmed_at", r.confirmed_at},
          {"paid_on", opt_json(r.paid_on)},
          {"paid_by", r.paid_by_name},
          {"paid_at", opt_json(r.paid_at)},
          {"cancelled_by", r.cancelled_by_name},
          {"cancelled_at", opt_json(r.cancelled_at)},
          {"cancel_reason", r.cancel_reason},
          {"can_pay", v.can_pay},
          {"can_cancel", v.can_cancel}};
}

Status read_documents(const nlohmann::json& body, app::AllowanceApplyInput& in) {
  if (!body.contains("documents") || body["documents"].is_null()) return {};
  const auto& d = body["documents"];
  if (!d.is_object()) return invalid("FIELD_VALUE", "材料格式不正确，请重新勾选", "documents");
  for (auto [key, field] : {std::pair{"release_certificate", &in.release_certificate},
                            std::pair{"id_card", &in.id_card}, std::pair{"household_register", &in.household_register}}) {
    auto v = get_bool(d, key);
    if (!v.ok()) return v.error();
    *field = v->value_or(false);
  }
  return {};
}

nlohmann::json standard_json(const app::AllowanceStandardRow& s) {
  return {{"from", opt_json(s.from)}, {"urban_fen", s.urban_fen}, {"rural_fen", s.rural_fen}};
}

}  // namespace

void add_allowance_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/persons/:id/allowance", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.allowance.section(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const auto& s = found->pending();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& it : s.items) items.push_back(item_json(*tree, it));
      nlohmann::json kinds = nlohmann::json::array();
      for (const auto& k : s.kinds)
        kinds.push_back({{"id", k.id},
                         {"since", k.since},
                         {"kind", k.kind},
                         {"unit", opt_unit(*tree, k.unit_id)},
                         {"user_name", k.user_name},
                         {"created_at", k.created_at}});
      return after_audit(app, found->take_record(),
                         json_response(200, {{"applications", items}, {"household_kinds", kinds},
                                             {"can_apply", s.can_apply}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/allowance", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AllowanceApplyInput in;
      if (auto s = read_strings(body, {{"applied_on", &in.applied_on},
                                       {"household_kind", &in.household_kind},
                                       {"hardship", &in.hardship}});
          !s.ok())
        return error_response(s.error());
      if (auto s = read_documents(body, in); !s.ok()) return error_response(s.error());
      auto id = app.allowance.apply(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/household-kinds", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string since, kind;
      if (auto s = read_strings(body, {{"since", &since}, {"kind", &kind}}); !s.ok()) return error_response(s.error());
      auto id = app.allowance.record_household_kind(ctx, req.params["id"], since, kind);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/allowance/applications/:aid/steps", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AllowanceStepInput in;
      if (auto s = read_strings(body, {{"step", &in.step}, {"on", &in.on}, {"note", &in.note}}); !s.ok())
        return error_response(s.error());
      if (body.contains("documents") && !body["documents"].is_null()) {
        app::AllowanceApplyInput docs;
        if (auto s = read_documents(body, docs); !s.ok()) return error_response(s.error());
        in.documents = docs;
      }
      auto state = app.allowance.step(ctx, req.params["aid"], in);
      if (!state.ok()) return error_response(state.error());
      return json_response(200, {{"state", *state}});
    });
  });
  r.add("GET", "/api/v1/allowance/work", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      int page = 1, page_size = 20;
      if (auto s = query_paging(req, page, page_size); !s.ok()) return error_response(s.error());
      std::string view = query_text(req, "view");
      if (view.empty()) view = "waiting";
      auto found = app.allowance.work(ctx, view, page, page_size);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const auto& p = found->pending();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& it : p.items) {
        const auto& a = it.row;
        items.push_back({{"id", a.id},
                         {"person",
                          {{"id", a.person_id},
                           {"name", a.person_name},
                           {"id_number_masked", a.id_number ? domain::mask_id_number(*a.id_number) : ""},
                           {"household_unit", unit_ref(*tree, a.household_unit_id)}}},
                         {"state", a.state},
                         {"since", a.since},
                         {"due", opt_json(it.due)},
                         {"overdue", it.overdue},
                         {"applied_on", a.applied_on}});
      }
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items}, {"total", p.total}, {"page", p.page},
                                             {"page_size", p.page_size}}));
    });
  });
  r.add("GET", "/api/v1/allowance/due", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto town = query_id(req, "township_unit_id");
      if (!town.ok()) return error_response(town.error());
      if (!*town) return error_response(invalid("FIELD_REQUIRED", "请选择镇街", "township_unit_id"));
      auto found = app.allowance.due(ctx, **town, query_text(req, "month"));
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      const auto& d = found->pending();
      nlohmann::json lines = nlohmann::json::array();
      for (const auto& l : d.lines) lines.push_back(line_json(*tree, l));
      return after_audit(app, found->take_record(),
                         json_response(200, {{"township_unit", unit_ref(*tree, d.township_unit_id)},
                                             {"month", d.month},
                                             {"lines", lines},
                                             {"total_fen", d.total_fen},
                                             {"can_confirm", d.can_confirm}}));
    });
  });
  r.add("GET", "/api/v1/allowance/runs", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto town = query_id(req, "township_unit_id");
      if (!town.ok()) return error_response(town.error());
      if (!*town) return error_response(invalid("FIELD_REQUIRED", "请选择镇街", "township_unit_id"));
      auto found = app.allowance.runs(ctx, **town, query_text(req, "month"));
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& v : found->pending()) items.push_back(run_json(*tree, v));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/allowance/runs", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string month;
      if (auto s = read_strings(body, {{"month", &month}}); !s.ok()) return error_response(s.error());
      auto town = get_int(body, "township_unit_id");
      if (!town.ok()) return error_response(town.error());
      if (!*town) return error_response(invalid("FIELD_REQUIRED", "请选择镇街", "township_unit_id"));
      auto expected = get_int(body, "expected_total_fen");
      if (!expected.ok()) return error_response(expected.error());
      auto id = app.allowance.confirm_run(ctx, **town, month, *expected);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/allowance/runs/:rid", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.allowance.run(ctx, req.params["rid"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json j = run_json(*tree, found->pending());
      return after_audit(app, found->take_record(), json_response(200, j));
    });
  });
  r.add("POST", "/api/v1/allowance/runs/:rid/paid", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string on;
      if (auto s = read_strings(body, {{"on", &on}}); !s.ok()) return error_response(s.error());
      if (auto s = app.allowance.pay_run(ctx, req.params["rid"], on); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "paid"}});
    });
  });
  r.add("POST", "/api/v1/allowance/runs/:rid/cancel", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string reason;
      if (auto s = read_strings(body, {{"reason", &reason}}); !s.ok()) return error_response(s.error());
      if (auto s = app.allowance.cancel_run(ctx, req.params["rid"], reason); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "cancelled"}});
    });
  });
  r.add("GET", "/api/v1/allowance/runs/:rid/xlsx", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      const std::string locale = req.query_value("locale").value_or("zh-CN");
      if (locale != "zh-CN" && locale != "en")
        return error_response(invalid("FIELD_VALUE", "导出语言应为中文或英文", "locale"));
      auto file = app::allowance_run_xlsx(app.core, app.allowance, ctx, req.params["rid"], locale);
      if (!file.ok()) return error_response(file.error());
      return file_response(std::move(file).value());
    });
  });
  r.add("POST", "/api/v1/allowance/ledger/:eid/reverse", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string on, reason;
      if (auto s = read_strings(body, {{"on", &on}, {"reason", &reason}}); !s.ok()) return error_response(s.error());
      auto id = app.allowance.reverse(ctx, req.params["eid"], on, reason);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/allowance/report", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      const std::string from = query_text(req, "from"), to = query_text(req, "to");
      auto rows = app.allowance.report(ctx, from, to);
      if (!rows.ok()) return error_response(rows.error());
      auto tree = app.core.units();
      nlohmann::json out = nlohmann::json::array();
      for (const auto& x : *rows)
        out.push_back({{"township_unit", unit_ref(*tree, x.township_unit_id)},
                       {"month", x.month},
                       {"applications", x.applications},
                       {"approvals", x.approvals},
                       {"rejections", x.rejections},
                       {"persons_paid", x.persons_paid},
                       {"paid_fen", x.paid_fen}});
      return json_response(200, {{"from", from}, {"to", to}, {"rows", out}});
    });
  });
  r.add("GET", "/api/v1/allowance/standards", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& s : app.allowance.standards()) rows.push_back(standard_json(s));
      return json_response(200, {{"rows", rows},
                                 {"in_force", standard_json(app.allowance.standard_in_force(ctx.today))},
                                 {"can_edit", ctx.actor.can(app::perm::policy_manage)}});
    });
  });
}

}  // namespace anbang::http
