// Issue 8 (helper B): /org-groups (R-ORG-1, the "1112" structure), /education (R-EDU-1: calendar,
// sessions, talks, targeted-education tasks) and /publicity (R-PUB-1).
#include "app/organisation/keep.hpp"
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json group_json(const domain::UnitTree& tree, const store::OrgGroupRow& g) {
  return {{"id", g.id},
          {"unit", unit_ref(tree, g.unit_id)},
          {"kind", g.kind},
          {"name", g.name},
          {"established_on", g.established_on},
          {"note", g.note}};
}

nlohmann::json member_json(const store::OrgMemberRow& m) {
  return {{"id", m.id},           {"name", m.name},           {"position", m.position}, {"role", m.role},
          {"phone", m.phone},     {"joined_on", m.joined_on}, {"left_on", opt_json(m.left_on)},
          {"current", !m.left_on}};
}

nlohmann::json event_json(const store::EducationEventRow& e) {
  return {{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"starts_on", e.starts_on}, {"ends_on", e.ends_on}};
}

nlohmann::json session_json(const domain::UnitTree& tree, const store::EducationSessionRow& s) {
  nlohmann::json attendees = nlohmann::json::array();
  for (const auto& a : s.attendance)
    attendees.push_back({{"person_id", a.person_id}, {"name", a.person_name}, {"attended", a.attended}});
  nlohmann::json out = {{"id", s.id},         {"unit", unit_ref(tree, s.unit_id)},
                        {"held_on", s.held_on}, {"kind", s.kind},
                        {"topic", s.topic},   {"speaker", s.speaker},
                        {"note", s.note},     {"targeted", s.targeted},
                        {"event_id", opt_json(s.event_id)}, {"attendees", attendees}};
  add_entry_dates(out, s.held_on, s.created_at);
  return out;
}

nlohmann::json talk_json(const domain::UnitTree& tree, const store::EducationTalkRow& t) {
  nlohmann::json out = {{"id", t.id},
                        {"unit", t.unit_id ? unit_ref(tree, t.unit_id) : nlohmann::json()},
                        {"held_on", t.held_on},
                        {"talked_by", t.talked_by},
                        {"topic", t.topic},
                        {"summary", t.summary}};
  add_entry_dates(out, t.held_on, t.created_at);
  return out;
}

nlohmann::json consent_json(const store::ConsentRow& c) {
  return {{"id", c.id},
          {"given_on", c.given_on},
          {"scope", c.scope},
          {"valid_until", opt_json(c.valid_until)},
          {"note", c.note}};
}

nlohmann::json publicity_json(const domain::UnitTree& tree, const store::PublicityRow& p) {
  nlohmann::json out = {{"id", p.id},
                        {"kind", p.kind},
                        {"unit", unit_ref(tree, p.unit_id)},
                        {"person_id", opt_json(p.person_id)},
                        {"category", p.category.empty() ? nlohmann::json() : nlohmann::json(p.category)},
                        {"title", p.title},
                        {"happened_on", p.happened_on},
                        {"channel", p.channel},
                        {"state", p.state},
                        {"public_title", p.state == "published" ? nlohmann::json(p.public_title) : nlohmann::json()},
                        {"public_text", p.state == "published" ? nlohmann::json(p.public_text) : nlohmann::json()},
                        {"published_by", p.published_by ? nlohmann::json(p.published_by_name) : nlohmann::json()},
                        {"published_at", opt_json(p.published_at)}};
  return out;
}

nlohmann::json publicity_view_json(const domain::UnitTree& tree, const app::PublicityView& v) {
  nlohmann::json out = publicity_json(tree, v.item);
  out["body"] = v.item.body;
  out["preview_title"] = v.preview_title;
  out["preview_text"] = v.preview_text;
  return out;
}

Result<app::OrgGroupInput> group_input(const nlohmann::json& body) {
  app::OrgGroupInput in;
  if (auto s = read_strings(body, {{"kind", &in.kind},
                                   {"name", &in.name},
                                   {"established_on", &in.established_on},
                                   {"note", &in.note}});
      !s.ok())
    return s.error();
  auto unit = get_int(body, "unit_id");
  if (!unit.ok()) return unit.error();
  if (*unit) in.unit_id = **unit;
  if (in.established_on.empty()) return invalid("FIELD_REQUIRED", "请填写成立日期", "established_on");
  return in;
}

Result<app::EducationEventInput> event_input(const nlohmann::json& body) {
  app::EducationEventInput in;
  if (auto s = read_strings(
          body, {{"name", &in.name}, {"kind", &in.kind}, {"starts_on", &in.starts_on}, {"ends_on", &in.ends_on}});
      !s.ok())
    return s.error();
  return in;
}

}  // namespace

void add_unitwork_routes(Router& r, app::Services& app) {
  // --- R-ORG-1: the "1112" unit groups ---
  r.add("GET", "/api/v1/org-groups", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      app::OrgGroupQuery q;
      q.unit_kind = query_text(req, "unit_kind");
      auto township = query_id(req, "township_id");
      if (!township.ok()) return error_response(township.error());
      q.township = *township;
      auto lacking = query_bool(req, "lacking");
      if (!lacking.ok()) return error_response(lacking.error());
      q.lacking_only = lacking->value_or(false);
      auto found = app.organisation.overview(ctx, q);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      int lacking_count = 0;
      for (const auto& st : *found) {
        lacking_count += st.group ? 0 : 1;
        items.push_back({{"unit", unit_ref(*tree, st.unit_id)},
                         {"unit_kind", st.unit_kind},
                         {"group_kind", st.group_kind},
                         {"group", st.group ? group_json(*tree, *st.group) : nlohmann::json()},
                         {"current_members", st.current_members},
                         {"can_keep", app::can_keep_org_group(ctx, *tree, st.unit_id)}});
      }
      return json_response(200, {{"items", items}, {"lacking", lacking_count}});
    });
  });
  r.add("POST", "/api/v1/org-groups", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = group_input(body);
      if (!in.ok()) return error_response(in.error());
      auto id = app.organisation.create_group(ctx, *in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  auto group_response = [&app](const app::AuthedCtx& ctx, std::int64_t id, int status) {
    auto g = app.organisation.group(ctx, id);
    if (!g.ok()) return error_response(g.error());
    auto tree = app.core.units();
    nlohmann::json out = group_json(*tree, g->group);
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : g->members) members.push_back(member_json(m));
    out["members"] = members;
    out["can_keep"] = app::can_keep_org_group(ctx, *tree, g->group.unit_id);
    return json_response(status, out);
  };
  r.add("GET", "/api/v1/org-groups/:id", [&app, group_response](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) { return group_response(ctx, req.params["id"], 200); });
  });
  r.add("PUT", "/api/v1/org-groups/:id", [&app, group_response](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = group_input(body);
      if (!in.ok()) return error_response(in.error());
      if (auto s = app.organisation.update_group(ctx, req.params["id"], *in); !s.ok()) return error_response(s.error());
      return group_response(ctx, req.params["id"], 200);
    });
  });
  r.add("POST", "/api/v1/org-groups/:id/members", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::OrgMemberInput in;
      if (auto s = read_strings(body, {{"name", &in.name},
                                       {"position", &in.position},
                                       {"role", &in.role},
                                       {"phone", &in.phone},
                                       {"joined_on", &in.joined_on}});
          !s.ok())
        return error_response(s.error());
      if (in.joined_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写加入日期", "joined_on"));
      auto id = app.organisation.add_member(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/org-group-members/:id/leave", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string left_on;
      if (auto s = read_strings(body, {{"left_on", &left_on}}); !s.ok()) return error_response(s.error());
      if (left_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写离开日期", "left_on"));
      if (auto s = app.organisation.member_left(ctx, req.params["id"], left_on); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "left"}});
    });
  });

  // --- R-EDU-1: the calendar, sessions, talks and the targeted-education tasks ---
  r.add("GET", "/api/v1/education/events", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.education.events(ctx);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : *found) items.push_back(event_json(e));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/education/events", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = event_input(body);
      if (!in.ok()) return error_response(in.error());
      auto id = app.education.create_event(ctx, *in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("PUT", "/api/v1/education/events/:id", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = event_input(body);
      if (!in.ok()) return error_response(in.error());
      if (auto s = app.education.update_event(ctx, req.params["id"], *in); !s.ok()) return error_response(s.error());
      return json_response(200, {{"status", "saved"}});
    });
  });
  r.add("DELETE", "/api/v1/education/events/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      if (auto s = app.education.delete_event(ctx, req.params["id"]); !s.ok()) return error_response(s.error());
      return no_content();
    });
  });
  r.add("GET", "/api/v1/education/sessions", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.education.sessions(ctx, 200);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& s : *found) items.push_back(session_json(*tree, s));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/education/sessions", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::EducationSessionInput in;
      if (auto s = read_strings(body, {{"held_on", &in.held_on},
                                       {"kind", &in.kind},
                                       {"topic", &in.topic},
                                       {"speaker", &in.speaker},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      if (in.held_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写教育日期", "held_on"));
      auto targeted = get_bool(body, "targeted");
      if (!targeted.ok()) return error_response(targeted.error());
      in.targeted = targeted->value_or(false);
      auto event = get_int(body, "event_id");
      if (!event.ok()) return error_response(event.error());
      in.event_id = *event;
      if (body.contains("attendees")) {
        const auto& list = body["attendees"];
        if (!list.is_array()) return error_response(invalid("FIELD_FORMAT", "参加人员应为列表", "attendees"));
        for (const auto& a : list) {
          if (!a.is_object() || !a.contains("person_id") || !a["person_id"].is_number_integer())
            return error_response(invalid("FIELD_FORMAT", "每名参加人员应注明是哪名帮教对象", "attendees"));
          app::AttendeeInput ai;
          ai.person_id = a["person_id"].get<std::int64_t>();
          if (a.contains("attended")) {
            if (!a["attended"].is_boolean())
              return error_response(invalid("FIELD_FORMAT", "是否到场应为是或否", "attendees"));
            ai.attended = a["attended"].get<bool>();
          }
          in.attendees.push_back(ai);
        }
      }
      auto id = app.education.record_session(ctx, in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/education/tasks", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.education.tasks(ctx);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      // Each task's key names its calendar event (R-EDU-1/event-<id>, GET /education/events).
      for (const auto& pt : found->tasks) items.push_back(person_task_json(*tree, pt));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/education-talks", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::EducationTalkInput in;
      if (auto s = read_strings(body, {{"held_on", &in.held_on},
                                       {"talked_by", &in.talked_by},
                                       {"topic", &in.topic},
                                       {"summary", &in.summary}});
          !s.ok())
        return error_response(s.error());
      if (in.held_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写谈话日期", "held_on"));
      auto id = app.education.record_talk(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/education", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.education.person_education(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json sessions = nlohmann::json::array(), talks = nlohmann::json::array();
      for (const auto& s : found->pending().sessions) {
        nlohmann::json item = session_json(*tree, s);
        item["attended"] = !s.attendance.empty() && s.attendance.front().attended;
        item.erase("attendees");
        sessions.push_back(std::move(item));
      }
      for (const auto& t : found->pending().talks) talks.push_back(talk_json(*tree, t));
      return after_audit(app, found->take_record(), json_response(200, {{"sessions", sessions}, {"talks", talks}}));
    });
  });

  // --- R-PUB-1: publicity ---
  r.add("POST", "/api/v1/persons/:id/publicity-consents", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::ConsentInput in;
      if (auto s = read_strings(body, {{"given_on", &in.given_on},
                                       {"scope", &in.scope},
                                       {"valid_until", &in.valid_until},
                                       {"note", &in.note}});
          !s.ok())
        return error_response(s.error());
      if (in.given_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写同意日期", "given_on"));
      auto id = app.publicity.record_consent(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/publicity-consents", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.publicity.consents(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& c : found->pending()) items.push_back(consent_json(c));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("GET", "/api/v1/publicity", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.publicity.list(ctx, query_text(req, "kind"), query_text(req, "state"));
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& p : *found) items.push_back(publicity_json(*tree, p));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/publicity", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::PublicityInput in;
      if (auto s = read_strings(body, {{"kind", &in.kind},
                                       {"category", &in.category},
                                       {"title", &in.title},
                                       {"body", &in.body},
                                       {"happened_on", &in.happened_on},
                                       {"channel", &in.channel}});
          !s.ok())
        return error_response(s.error());
      auto person = get_int(body, "person_id");
      if (!person.ok()) return error_response(person.error());
      in.person_id = *person;
      if (in.happened_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写日期", "happened_on"));
      auto id = app.publicity.create(ctx, in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/publicity/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.publicity.item(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json out = publicity_view_json(*tree, found->pending());
      return after_audit(app, found->take_record(), json_response(200, out));
    });
  });
  r.add("POST", "/api/v1/publicity/:id/publish", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto done = app.publicity.publish(ctx, req.params["id"]);
      if (!done.ok()) return error_response(done.error());
      auto tree = app.core.units();
      return json_response(200, publicity_view_json(*tree, *done));
    });
  });
  r.add("DELETE", "/api/v1/publicity/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      if (auto s = app.publicity.remove(ctx, req.params["id"]); !s.ok()) return error_response(s.error());
      return no_content();
    });
  });
}

}  // namespace anbang::http
