// Issue 9, helper C: /bases (R-BASE-1: transitional resettlement bases, agreements, placements, the
// townships' agreement tasks) and /trainings (R-EMP-2: human resources' skills trainings, enrolment,
// attendance, the yearly tasks), with the file's sections /persons/{id}/placements and
// /persons/{id}/trainings.
#include "domain/id_number.hpp"
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json services_json(const std::string& csv) {
  nlohmann::json out = nlohmann::json::array();
  std::size_t start = 0;
  while (start < csv.size()) {
    std::size_t comma = csv.find(',', start);
    if (comma == std::string::npos) comma = csv.size();
    if (comma > start) out.push_back(csv.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

nlohmann::json agreement_json(const store::AgreementRow& a) {
  return {{"id", a.id},
          {"signed_on", a.signed_on},
          {"valid_from", a.valid_from},
          {"valid_to", a.valid_to},
          {"capacity", a.capacity},
          {"services", services_json(a.services)}};
}

nlohmann::json base_json(const domain::UnitTree& tree, const app::BaseSummary& s) {
  const store::BaseRow& b = s.base;
  return {{"id", b.id},
          {"kind", b.kind},
          {"unit", unit_ref(tree, b.unit_id)},
          {"name", b.name},
          {"enterprise", b.enterprise},
          {"address", b.address},
          {"contact_name", b.contact_name},
          {"contact_phone", b.contact_phone},
          {"note", b.note},
          {"occupied", b.occupied},
          {"agreement", s.current ? agreement_json(*s.current) : nlohmann::json()},
          {"can_manage", s.can_manage}};
}

nlohmann::json placement_json(const domain::UnitTree& tree, const store::PlacementRow& p) {
  nlohmann::json out = {{"id", p.id},
                        {"base_id", p.base_id},
                        {"base_name", p.base_name},
                        {"person_id", p.person_id},
                        {"person_name", p.person_name},
                        {"placed_on", p.placed_on},
                        {"ended_on", opt_json(p.ended_on)},
                        {"end_reason", p.end_reason},
                        {"note", p.note},
                        {"unit", p.unit_id ? unit_ref(tree, p.unit_id) : nlohmann::json()},
                        {"active", !p.ended_on}};
  add_entry_dates(out, p.placed_on, p.created_at);
  return out;
}

nlohmann::json training_json(const domain::UnitTree& tree, const store::TrainingRow& t) {
  return {{"id", t.id},
          {"unit", unit_ref(tree, t.unit_id)},
          {"programme", t.programme},
          {"provider", t.provider},
          {"address", t.address},
          {"starts_on", t.starts_on},
          {"ends_on", t.ends_on},
          {"places", t.places},
          {"enrolled", t.enrolled},
          {"note", t.note}};
}

// What human resources (and an enrolling office) sees of an enrolled person: the name and the masked
// ID number, never the file.
nlohmann::json enrolment_json(const domain::UnitTree& tree, const store::EnrolmentRow& e) {
  nlohmann::json attended = e.attended ? nlohmann::json(*e.attended) : nlohmann::json();
  return {{"id", e.id},
          {"person_id", e.person_id},
          {"name", e.person_name},
          {"id_number_masked", e.id_number.empty() ? "" : domain::mask_id_number(e.id_number)},
          {"unit", e.unit_id ? unit_ref(tree, e.unit_id) : nlohmann::json()},
          {"attended", attended},
          {"certificate", e.certificate}};
}

nlohmann::json tasks_json(const domain::UnitTree& tree, const std::vector<app::PersonTask>& tasks) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& pt : tasks) items.push_back(person_task_json(tree, pt));
  return items;
}

Result<app::BaseInput> base_input(const nlohmann::json& body) {
  app::BaseInput in;
  if (auto s = read_strings(body, {{"kind", &in.kind},
                                   {"name", &in.name},
                                   {"enterprise", &in.enterprise},
                                   {"address", &in.address},
                                   {"contact_name", &in.contact_name},
                                   {"contact_phone", &in.contact_phone},
                                   {"note", &in.note}});
      !s.ok())
    return s.error();
  auto unit = get_int(body, "unit_id");
  if (!unit.ok()) return unit.error();
  in.unit_id = *unit;
  return in;
}

Result<app::TrainingInput> training_input(const nlohmann::json& body) {
  app::TrainingInput in;
  if (auto s = read_strings(body, {{"programme", &in.programme},
                                   {"provider", &in.provider},
                                   {"address", &in.address},
                                   {"starts_on", &in.starts_on},
                                   {"ends_on", &in.ends_on},
                                   {"note", &in.note}});
      !s.ok())
    return s.error();
  auto places = get_int(body, "places");
  if (!places.ok()) return places.error();
  if (!*places) return invalid("FIELD_REQUIRED", "请填写培训名额", "places");
  in.places = **places;
  return in;
}

}  // namespace

void add_base_routes(Router& r, app::Services& app) {
  // --- R-BASE-1: bases, agreements, placements ---
  r.add("GET", "/api/v1/bases", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.bases.list(ctx);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& b : *found) items.push_back(base_json(*tree, b));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/bases", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = base_input(body);
      if (!in.ok()) return error_response(in.error());
      auto id = app.bases.create(ctx, *in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/bases/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.bases.get(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json out = base_json(*tree, found->summary);
      nlohmann::json agreements = nlohmann::json::array(), placements = nlohmann::json::array();
      for (const auto& a : found->agreements) agreements.push_back(agreement_json(a));
      for (const auto& p : found->placements) placements.push_back(placement_json(*tree, p));
      out["agreements"] = agreements;
      out["placements"] = placements;
      out["others"] = found->others;
      return json_response(200, out);
    });
  });
  r.add("PUT", "/api/v1/bases/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = base_input(body);
      if (!in.ok()) return error_response(in.error());
      if (auto s = app.bases.update(ctx, req.params["id"], *in); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "saved"}});
    });
  });
  r.add("POST", "/api/v1/bases/:id/agreements", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::BaseAgreementInput in;
      if (auto s = read_strings(body, {{"signed_on", &in.signed_on},
                                       {"valid_from", &in.valid_from},
                                       {"valid_to", &in.valid_to}});
          !s.ok())
        return error_response(s.error());
      auto capacity = get_int(body, "capacity");
      if (!capacity.ok()) return error_response(capacity.error());
      if (!*capacity) return error_response(invalid("FIELD_REQUIRED", "请填写可安置人数", "capacity"));
      in.capacity = **capacity;
      auto services = get_string_array(body, "services");
      if (!services.ok()) return error_response(services.error());
      if (*services) in.services = **services;
      auto id = app.bases.add_agreement(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/base-tasks", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.bases.tasks(ctx);
      if (!found.ok()) return error_response(found.error());
      return json_response(200, {{"items", tasks_json(*app.core.units(), *found)}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/placements", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::PlacementInput in;
      if (auto s = read_strings(body, {{"placed_on", &in.placed_on}, {"note", &in.note}}); !s.ok())
        return error_response(s.error());
      auto base = get_int(body, "base_id");
      if (!base.ok()) return error_response(base.error());
      if (!*base) return error_response(invalid("FIELD_REQUIRED", "请选择安置基地", "base_id"));
      in.base_id = **base;
      if (in.placed_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写入住日期", "placed_on"));
      auto id = app.bases.place(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/placements", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.bases.person_placements(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& p : found->pending()) items.push_back(placement_json(*tree, p));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/placements/:id/end", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::EndPlacementInput in;
      if (auto s = read_strings(body, {{"ended_on", &in.ended_on}, {"reason", &in.reason}}); !s.ok())
        return error_response(s.error());
      if (in.ended_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写离开日期", "ended_on"));
      if (auto s = app.bases.end(ctx, req.params["id"], in); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "ended"}});
    });
  });

  // --- R-EMP-2: skills trainings ---
  r.add("GET", "/api/v1/trainings", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.trainings.list(ctx);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& t : *found) items.push_back(training_json(*tree, t));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/trainings", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = training_input(body);
      if (!in.ok()) return error_response(in.error());
      auto id = app.trainings.create(ctx, *in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/trainings/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.trainings.get(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json out = training_json(*tree, found->training);
      nlohmann::json enrolments = nlohmann::json::array();
      for (const auto& e : found->enrolments) enrolments.push_back(enrolment_json(*tree, e));
      out["enrolments"] = enrolments;
      out["others"] = found->others;
      return json_response(200, out);
    });
  });
  r.add("PUT", "/api/v1/trainings/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = training_input(body);
      if (!in.ok()) return error_response(in.error());
      if (auto s = app.trainings.update(ctx, req.params["id"], *in); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "saved"}});
    });
  });
  r.add("POST", "/api/v1/trainings/:id/enrolments", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto person = get_int(body, "person_id");
      if (!person.ok()) return error_response(person.error());
      if (!*person) return error_response(invalid("FIELD_REQUIRED", "请选择报名的帮教对象", "person_id"));
      auto id = app.trainings.enrol(ctx, req.params["id"], **person);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("PUT", "/api/v1/enrolments/:id/attendance", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AttendanceInput in;
      auto attended = get_bool(body, "attended");
      if (!attended.ok()) return error_response(attended.error());
      if (!*attended) return error_response(invalid("FIELD_REQUIRED", "请选择是否参加培训", "attended"));
      in.attended = **attended;
      if (auto s = read_strings(body, {{"certificate", &in.certificate}}); !s.ok()) return error_response(s.error());
      if (auto s = app.trainings.record_attendance(ctx, req.params["id"], in); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "saved"}});
    });
  });
  r.add("GET", "/api/v1/training-tasks", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.trainings.tasks(ctx);
      if (!found.ok()) return error_response(found.error());
      return json_response(200, {{"items", tasks_json(*app.core.units(), *found)}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/trainings", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.trainings.person_trainings(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : found->pending()) {
        items.push_back({{"id", e.id},
                         {"training_id", e.training_id},
                         {"programme", e.programme},
                         {"provider", e.provider},
                         {"starts_on", e.starts_on},
                         {"ends_on", e.ends_on},
                         {"attended", e.attended ? nlohmann::json(*e.attended) : nlohmann::json()},
                         {"certificate", e.certificate}});
      }
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
}

}  // namespace anbang::http
