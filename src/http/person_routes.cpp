// /api/v1/persons and the roster export.
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

// Reads PersonInput fields; the first type error wins (also used by document_routes.cpp).
Result<domain::PersonInput> person_input(const nlohmann::json& o) {
  domain::PersonInput in;
  struct S {
    const char* name;
    std::optional<std::string> domain::PersonInput::*member;
  };
  static const S strings[] = {
      {"name", &domain::PersonInput::name},
      {"former_names", &domain::PersonInput::former_names},
      {"gender", &domain::PersonInput::gender},
      {"ethnic_code", &domain::PersonInput::ethnic_code},
      {"id_number", &domain::PersonInput::id_number},
      {"birth_date", &domain::PersonInput::birth_date},
      {"education_code", &domain::PersonInput::education_code},
      {"household_address", &domain::PersonInput::household_address},
      {"residence_address", &domain::PersonInput::residence_address},
      {"sentence_type", &domain::PersonInput::sentence_type},
      {"release_date", &domain::PersonInput::release_date},
      {"release_kind", &domain::PersonInput::release_kind},
      {"releasing_authority", &domain::PersonInput::releasing_authority},
      {"family_contact_name", &domain::PersonInput::family_contact_name},
      {"family_contact_relation", &domain::PersonInput::family_contact_relation},
      {"family_contact_phone", &domain::PersonInput::family_contact_phone},
      {"phone", &domain::PersonInput::phone},
  };
  for (const auto& s : strings) {
    auto v = get_string(o, s.name);
    if (!v.ok()) return v.error();
    in.*(s.member) = std::move(v).value();
  }
  struct I {
    const char* name;
    std::optional<std::int64_t> domain::PersonInput::*member;
  };
  static const I ints[] = {{"household_unit_id", &domain::PersonInput::household_unit_id},
                           {"residence_unit_id", &domain::PersonInput::residence_unit_id},
                           {"sentence_months", &domain::PersonInput::sentence_months},
                           {"version", &domain::PersonInput::version}};
  for (const auto& i : ints) {
    auto v = get_int(o, i.name);
    if (!v.ok()) return v.error();
    in.*(i.member) = *v;
  }
  auto verified = get_bool(o, "identity_verified");
  if (!verified.ok()) return verified.error();
  in.identity_verified = *verified;
  auto charges = get_int_array(o, "charge_ids");
  if (!charges.ok()) return charges.error();
  in.charge_ids = std::move(charges).value();
  return in;
}

namespace {

Result<app::PersonQuery> query_from(const Request& req) {
  app::PersonQuery q;
  q.q = query_text(req, "q");
  auto unit = query_id(req, "unit_id");
  if (!unit.ok()) return unit.error();
  q.unit_id = *unit;
  q.status = query_text(req, "status");
  q.released_from = query_text(req, "released_from");
  q.released_to = query_text(req, "released_to");
  q.sort = req.query_value("sort").value_or("id");
  q.order = req.query_value("order").value_or("asc");
  auto verified = query_bool(req, "identity_verified");
  if (!verified.ok()) return verified.error();
  q.identity_verified = *verified;
  auto separated = query_bool(req, "separated");
  if (!separated.ok()) return separated.error();
  q.separated = *separated;
  auto key = query_bool(req, "key_subject");
  if (!key.ok()) return key.error();
  q.key_subject = *key;
  q.resettlement = query_text(req, "resettlement");
  if (auto s = query_paging(req, q.page, q.page_size); !s.ok()) return s.error();
  return q;
}

// The export takes its filters from a JSON body (so that no name or ID number goes into a URL).
Result<app::PersonQuery> query_from_body(const nlohmann::json& o) {
  app::PersonQuery q;
  for (auto [field, dst] :
       {std::pair{"q", &q.q}, std::pair{"status", &q.status}, std::pair{"released_from", &q.released_from},
        std::pair{"released_to", &q.released_to}, std::pair{"sort", &q.sort}, std::pair{"order", &q.order},
        std::pair{"resettlement", &q.resettlement}}) {
    auto v = get_string(o, field);
    if (!v.ok()) return v.error();
    if (*v) *dst = **v;
  }
  auto unit = get_int(o, "unit_id");
  if (!unit.ok()) return unit.error();
  q.unit_id = *unit;
  auto verified = get_bool(o, "identity_verified");
  if (!verified.ok()) return verified.error();
  q.identity_verified = *verified;
  auto separated = get_bool(o, "separated");
  if (!separated.ok()) return separated.error();
  q.separated = *separated;
  auto key = get_bool(o, "key_subject");
  if (!key.ok()) return key.error();
  q.key_subject = *key;
  for (auto [field, dst] : {std::pair{"page", &q.page}, std::pair{"page_size", &q.page_size}}) {
    auto v = get_int(o, field);
    if (!v.ok()) return v.error();
    if (*v) {
      if (**v < 0 || **v > 1000000)
        return invalid("FIELD_RANGE", "分页参数超出范围", field);
      *dst = static_cast<int>(**v);
    }
  }
  return q;
}

}  // namespace

// Answers with `ready` once `record` is committed to the access log (a 500 if that fails): the
// handler thread does not wait; the audit thread hands the response to the connection.
Response after_audit(app::Services& app, store::AuditRecord record, Response ready) {
  Response deferred;
  deferred.later = [&app, record = std::move(record), ready = std::move(ready)](Reply reply) mutable {
    app.core.access_log().write_async(std::move(record), [reply, ready = std::move(ready)](Status s) mutable {
      reply(s.ok() ? std::move(ready) : error_response(s.error()));
    });
  };
  return deferred;
}

namespace {

// One page of the person search, answered after its access-log record is committed.
Response search_reply(app::Services& app, const app::AuthedCtx& ctx, const app::PersonQuery& q) {
  auto found = app.persons.search(ctx, q);
  if (!found.ok()) return error_response(found.error());
  const app::PersonPage& page = found->pending();
  auto tree = app.core.units();
  std::string today = domain::to_string(ctx.today);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : page.items) items.push_back(person_summary_json(*tree, p, today));
  return after_audit(
      app, found->take_record(),
      json_response(
          200,
          {{"items", items}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}}));
}

}  // namespace

void add_person_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/persons", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      // Names and ID numbers never travel in URLs (proxies and browsers keep them).
      if (req.query_value("q")) {
        return error_response(
            invalid("QUERY_IN_URL", "按姓名、拼音或身份证号查询请使用检索接口，姓名和身份证号不能放在网址中", "q"));
      }
      auto q = query_from(req);
      if (!q.ok()) return error_response(q.error());
      return search_reply(app, ctx, *q);
    });
  });
  r.add("POST", "/api/v1/persons/search", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto q = query_from_body(body);
      if (!q.ok()) return error_response(q.error());
      return search_reply(app, ctx, *q);
    });
  });
  r.add("POST", "/api/v1/persons", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = person_input(body);
      if (!in.ok()) return error_response(in.error());
      auto v = app.persons.create(ctx, *in);
      if (!v.ok()) return error_response(v.error());
      return json_response(201, person_json(app, *v, ctx.today));
    });
  });
  r.add("GET", "/api/v1/persons/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.persons.read(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      return after_audit(app, found->take_record(),
                         json_response(200, person_json(app, found->pending(), ctx.today)));
    });
  });
  r.add("PUT", "/api/v1/persons/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = person_input(body);
      if (!in.ok()) return error_response(in.error());
      // The edit form shows the ID number masked: without the key, the stored number stays.
      auto v = app.persons.update(ctx, req.params["id"], *in, !body.contains("id_number"));
      if (!v.ok()) return error_response(v.error());
      return json_response(200, person_json(app, *v, ctx.today));
    });
  });
  // The full ID number, on an explicit request (POST: never cached, CSRF-checked), audited as "id_unmask".
  r.add("POST", "/api/v1/persons/:id/id-number", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.persons.id_number(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      const auto& number = found->pending();
      return after_audit(app, found->take_record(),
                         json_response(200, {{"id_number", number ? nlohmann::json(*number) : nlohmann::json()}}));
    });
  });
  r.add("GET", "/api/v1/persons/:id/timeline", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.persons.timeline(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : found->pending()) items.push_back(event_json(e));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/exports/persons.xlsx", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto body = req.body.empty() ? Result<nlohmann::json>(nlohmann::json::object()) : parse_object(req);
      if (!body.ok()) return error_response(body.error());
      auto q = query_from_body(*body);
      if (!q.ok()) return error_response(q.error());
      // The language of the file: the web app's (?locale=en); Chinese by default.
      const std::string locale = req.query_value("locale").value_or("zh-CN");
      if (locale != "zh-CN" && locale != "en")
        return error_response(invalid("FIELD_VALUE", "导出语言应为中文或英文", "locale"));
      auto file = app.persons.export_roster(ctx, *q, locale);
      if (!file.ok()) return error_response(file.error());
      return file_response(std::move(file).value());
    });
  });
}

}  // namespace anbang::http
