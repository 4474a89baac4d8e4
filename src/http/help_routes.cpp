// /persons/{id}/help-group, /persons/{id}/help-plans, /persons/{id}/help-agreements and the lists
// /help-groups/incomplete and /help-groups/mine (R-ORG-1, R-ORG-3, R-ORG-4, R-ORG-5).
#include "http/api.hpp"
#include "http/views.hpp"

namespace anbang::http {

namespace {

nlohmann::json opt_text(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json member_json(const store::HelpMember& m, const std::string& today) {
  nlohmann::json j = {{"id", m.id},
                      {"role", m.role},
                      {"user_id", m.user_id ? nlohmann::json(*m.user_id) : nlohmann::json()},
                      {"name", m.name},
                      {"unit_or_relation", m.unit_or_relation},
                      {"phone", m.phone},
                      {"is_contact", m.is_contact},
                      {"joined_on", m.joined_on},
                      {"left_on", opt_text(m.left_on)},
                      {"left_reason", m.left_reason},
                      {"current", m.joined_on <= today && (!m.left_on || *m.left_on > today)}};
  add_entry_dates(j, m.joined_on, m.created_at);
  return j;
}

nlohmann::json list_json(const domain::UnitTree& tree, const app::HelpListPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : page.items) {
    std::vector<std::string> roles;
    std::string rest = r.roles;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      roles.push_back(rest.substr(0, comma));
      rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    }
    auto check = rules::check_group(roles);
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    items.push_back({{"person_id", r.person_id},
                     {"name", r.name},
                     {"release_date", r.release_date},
                     {"household_unit", unit_ref(tree, r.household_unit_id)},
                     {"residence_unit", unit_ref(tree, r.residence_unit_id)},
                     {"members", r.members},
                     {"roles", roles},
                     {"complete", check.complete},
                     {"too_few", check.too_few},
                     {"missing_roles", check.missing},
                     {"next_task", r.next_rule ? nlohmann::json{{"rule", *r.next_rule}, {"due", *r.next_due}}
                                               : nlohmann::json()}});
  }
  return {{"items", items}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

}  // namespace

void add_help_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/persons/:id/help-group", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.help.group(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      const app::GroupView& v = found->pending();
      const std::string today = domain::to_string(ctx.today);
      nlohmann::json members = nlohmann::json::array();
      for (const auto& m : v.members) members.push_back(member_json(m, today));
      nlohmann::json body = {{"members", members},
                             {"current_count", v.current.size()},
                             {"complete", v.check.complete},
                             {"too_few", v.check.too_few},
                             {"missing_roles", v.check.missing},
                             {"family_contact",
                              {{"name", v.contact_name}, {"relation", v.contact_relation}, {"phone", v.contact_phone}}}};
      return after_audit(app, found->take_record(), json_response(200, body));
    });
  });
  r.add("GET", "/api/v1/persons/:id/help-group/candidates", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.help.candidates(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& c : found->pending())
        items.push_back({{"user_id", c.user_id},
                         {"name", c.display_name},
                         {"phone", c.phone},
                         {"role_code", c.role_code},
                         {"unit", unit_ref(*tree, c.unit_id)}});
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/help-group/members", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::MemberInput in;
      for (auto [field, dst] : std::initializer_list<std::pair<const char*, std::string*>>{
               {"role", &in.role},
               {"name", &in.name},
               {"unit_or_relation", &in.unit_or_relation},
               {"phone", &in.phone},
               {"joined_on", &in.joined_on}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      auto user = get_int(body, "user_id");
      if (!user.ok()) return error_response(user.error());
      in.user_id = *user;
      auto contact = get_bool(body, "is_contact");
      if (!contact.ok()) return error_response(contact.error());
      in.is_contact = contact->value_or(false);
      auto id = app.help.add_member(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/help-group/members/:mid/end", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto left = get_string(body, "left_on");
      if (!left.ok()) return error_response(left.error());
      auto reason = get_string(body, "reason");
      if (!reason.ok()) return error_response(reason.error());
      if (auto s = app.help.end_member(ctx, req.params["id"], req.params["mid"], left->value_or(""),
                                       reason->value_or(""));
          !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "ended"}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/help-group/members/:mid/contact", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      if (auto s = app.help.set_contact(ctx, req.params["id"], req.params["mid"]); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "contact"}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/help-plans", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.help.plans(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      const app::PlansView& v = found->pending();
      auto name_of = [&](std::int64_t id) -> nlohmann::json {
        for (const auto& m : v.members) {
          if (m.id == id) return {{"id", m.id}, {"name", m.name}, {"role", m.role}};
        }
        return nullptr;
      };
      nlohmann::json versions = nlohmann::json::array(), agreements = nlohmann::json::array();
      for (const auto& p : v.versions) {
        nlohmann::json needs = nlohmann::json::array();
        auto stored = nlohmann::json::parse(p.needs, nullptr, false);
        if (stored.is_array()) {
          for (const auto& n : stored)
            needs.push_back({{"need", n.value("need", "")},
                             {"goal", n.value("goal", "")},
                             {"measures", n.value("measures", "")},
                             {"member", name_of(n.value("member_id", std::int64_t{0}))}});
        }
        nlohmann::json j = {{"id", p.id},       {"version", p.version}, {"made_on", p.made_on},
                            {"review_on", p.review_on}, {"reason", p.reason}, {"needs", needs},
                            {"user", p.user_name}};
        add_entry_dates(j, p.made_on, p.created_at);
        versions.push_back(std::move(j));
      }
      for (const auto& a : v.agreements) {
        auto parties = nlohmann::json::parse(a.parties, nullptr, false);
        nlohmann::json j = {{"id", a.id},
                            {"signed_on", a.signed_on},
                            {"parties", parties.is_array() ? parties : nlohmann::json::array()},
                            {"note", a.note}};
        add_entry_dates(j, a.signed_on, a.created_at);
        agreements.push_back(std::move(j));
      }
      return after_audit(app, found->take_record(),
                         json_response(200, {{"versions", versions}, {"agreements", agreements}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/help-plans", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::PlanInput in;
      for (auto [field, dst] : std::initializer_list<std::pair<const char*, std::string*>>{
               {"made_on", &in.made_on}, {"review_on", &in.review_on}, {"reason", &in.reason}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      if (body.contains("needs") && !body["needs"].is_array())
        return error_response(invalid("FIELD_TYPE", "需求应为数组", "needs"));
      if (body.contains("needs")) {
        std::size_t i = 0;
        for (const auto& n : body["needs"]) {
          const std::string at = "needs[" + std::to_string(i++) + "]";
          if (!n.is_object()) return error_response(invalid("FIELD_TYPE", "每项需求应为对象", at));
          app::PlanNeedInput need;
          for (auto [field, dst] : std::initializer_list<std::pair<const char*, std::string*>>{
                   {"need", &need.need}, {"goal", &need.goal}, {"measures", &need.measures}}) {
            if (!n.contains(field)) continue;
            if (!n[field].is_string())
              return error_response(invalid("FIELD_TYPE", "需求的内容应为文本", at + "." + field));
            *dst = n[field].get<std::string>();
          }
          if (!n.contains("member_id") || !n["member_id"].is_number_integer())
            return error_response(invalid("FIELD_REQUIRED", "请为每项需求选择责任人", at + ".member_id"));
          need.member_id = n["member_id"].get<std::int64_t>();
          in.needs.push_back(std::move(need));
        }
      }
      auto done = app.help.record_plan(ctx, req.params["id"], in);
      if (!done.ok()) return error_response(done.error());
      return json_response(201, {{"id", done->id}, {"version", done->version}});
    });
  });
  r.add("POST", "/api/v1/persons/:id/help-agreements", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::AgreementInput in;
      auto on = get_string(body, "signed_on");
      if (!on.ok()) return error_response(on.error());
      in.signed_on = on->value_or("");
      auto note = get_string(body, "note");
      if (!note.ok()) return error_response(note.error());
      in.note = note->value_or("");
      auto parties = get_string_array(body, "parties");
      if (!parties.ok()) return error_response(parties.error());
      if (*parties) in.parties = **parties;
      auto id = app.help.record_agreement(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"id", *id}});
    });
  });
  r.add("GET", "/api/v1/help-groups/incomplete", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      app::HelpListQuery q;
      auto unit = query_id(req, "unit_id");
      if (!unit.ok()) return error_response(unit.error());
      q.unit_id = *unit;
      q.name = query_text(req, "name");
      q.problem = query_text(req, "problem");
      if (auto s = query_paging(req, q.page, q.page_size); !s.ok()) return error_response(s.error());
      auto found = app.help.incomplete(ctx, q);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      return after_audit(app, found->take_record(), json_response(200, list_json(*tree, found->pending())));
    });
  });
  r.add("GET", "/api/v1/help-groups/mine", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      int page = 1, page_size = 20;
      if (auto s = query_paging(req, page, page_size); !s.ok()) return error_response(s.error());
      auto found = app.help.mine(ctx, page, page_size);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      return after_audit(app, found->take_record(), json_response(200, list_json(*tree, found->pending())));
    });
  });
}

}  // namespace anbang::http
