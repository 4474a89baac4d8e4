// /persons/{id}/visits (the visit log, R-VIS-1/2, R-LOST-1) and /persons/{id}/reviews (full
// reviews, R-REV-1, and their confirmation, R-CLS-3).
#include "http/api.hpp"
#include "http/views.hpp"

#include "domain/follow_up_kinds.hpp"
#include "platform/clock.hpp"

namespace anbang::http {

namespace {

nlohmann::json json_or(const std::string& text, nlohmann::json fallback) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() || j.type() != fallback.type() ? fallback : j;
}

nlohmann::json visit_json(const store::FollowUpRow& r) {
  nlohmann::json out = {{"id", r.id},
                        {"held_on", r.held_on},
                        {"form", r.form},
                        {"outcome", r.outcome},
                        {"place", r.place},
                        {"members", json_or(r.members, nlohmann::json::array())},
                        {"aspects", json_or(r.aspects, nlohmann::json::object())},
                        {"situation", r.situation},
                        {"findings", r.findings},
                        {"help_given", r.help_given},
                        {"next_steps", r.next_steps},
                        {"unit", r.unit_name},
                        {"user", r.user_name}};
  add_entry_dates(out, r.held_on, r.created_at);
  return out;
}

nlohmann::json review_json(const app::ReviewView& v) {
  const store::FollowUpRow& r = v.row;
  nlohmann::json conclusions = nlohmann::json::array();
  auto stored = json_or(r.conclusions, nlohmann::json::object());
  for (auto k : domain::all_codes<domain::ReviewCriterion>()) {
    const std::string key(k);
    if (!stored.contains(key) || !stored[key].is_object()) continue;
    conclusions.push_back({{"criterion", key},
                           {"conclusion", stored[key].value("conclusion", "unknown")},
                           {"note", stored[key].value("note", "")}});
  }
  nlohmann::json out = {{"id", r.id},
                        {"held_on", r.held_on},
                        {"conclusions", conclusions},
                        {"recommendation", r.recommendation.value_or("keep")},
                        {"findings", r.findings},
                        {"state", v.state},
                        {"can_confirm", v.can_confirm},
                        {"confirmed_at", r.confirmed_at ? nlohmann::json(platform::iso_utc_from_unix(*r.confirmed_at))
                                                        : nlohmann::json()},
                        {"confirmed_by", r.confirmed_at ? nlohmann::json(r.confirmed_by_name) : nlohmann::json()},
                        {"unit", r.unit_name},
                        {"user", r.user_name}};
  add_entry_dates(out, r.held_on, r.created_at);
  return out;
}

}  // namespace

void add_follow_up_routes(Router& r, app::Services& app) {
  r.add("POST", "/api/v1/persons/:id/visits", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::VisitInput in;
      if (auto s = read_strings(body, {{"held_on", &in.held_on},
                                       {"form", &in.form},
                                       {"outcome", &in.outcome},
                                       {"place", &in.place},
                                       {"situation", &in.situation},
                                       {"findings", &in.findings},
                                       {"help_given", &in.help_given},
                                       {"next_steps", &in.next_steps}});
          !s.ok())
        return error_response(s.error());
      if (in.held_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写走访日期", "held_on"));
      if (in.form.empty()) return error_response(invalid("FIELD_REQUIRED", "请选择走访形式", "form"));
      if (body.contains("members") && !body["members"].is_null()) {
        if (!body["members"].is_array()) return error_response(invalid("FIELD_TYPE", "在场人员应为列表", "members"));
        for (const auto& m : body["members"]) {
          if (!m.is_object() || !m.contains("name") || !m["name"].is_string())
            return error_response(invalid("FIELD_TYPE", "在场人员应有姓名", "members"));
          app::VisitMember member{m["name"].get<std::string>(), std::nullopt};
          if (m.contains("user_id") && !m["user_id"].is_null()) {
            if (!m["user_id"].is_number_integer())
              return error_response(invalid("FIELD_TYPE", "在场人员的用户编号应为整数", "members"));
            member.user_id = m["user_id"].get<std::int64_t>();
          }
          in.members.push_back(std::move(member));
        }
      }
      if (body.contains("aspects") && !body["aspects"].is_null()) {
        if (!body["aspects"].is_object())
          return error_response(invalid("FIELD_TYPE", "分项情况应为对象", "aspects"));
        for (const auto& [k, v] : body["aspects"].items()) {
          if (!v.is_string() && !v.is_null())
            return error_response(invalid("FIELD_TYPE", "分项情况应为文字", "aspects." + k));
          in.aspects.emplace_back(k, v.is_string() ? v.get<std::string>() : std::string());
        }
      }
      auto done = app.follow_ups.record_visit(ctx, req.params["id"], in);
      if (!done.ok()) return error_response(done.error());
      return json_response(201, {{"status", "recorded"},
                                 {"id", done->id},
                                 {"fulfils", done->fulfils},
                                 {"whereabouts_unknown", done->whereabouts_unknown}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/visits", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.follow_ups.visits(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& v : found->pending().items) items.push_back(visit_json(v));
      const bool unknown = found->pending().whereabouts_unknown;
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items}, {"whereabouts_unknown", unknown}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/reviews", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::ReviewInput in;
      if (auto s = read_strings(body, {{"held_on", &in.held_on},
                                       {"recommendation", &in.recommendation},
                                       {"findings", &in.findings}});
          !s.ok())
        return error_response(s.error());
      if (in.held_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写考察日期", "held_on"));
      if (in.recommendation.empty())
        return error_response(invalid("FIELD_REQUIRED", "请选择维持或变更类别的建议", "recommendation"));
      if (!body.contains("conclusions") || !body["conclusions"].is_array())
        return error_response(invalid("FIELD_REQUIRED", "请对每个考察项目给出结论", "conclusions"));
      for (const auto& c : body["conclusions"]) {
        if (!c.is_object() || !c.contains("criterion") || !c["criterion"].is_string() || !c.contains("conclusion") ||
            !c["conclusion"].is_string())
          return error_response(invalid("FIELD_TYPE", "考察结论应有项目和结论", "conclusions"));
        app::ReviewConclusionInput x{c["criterion"].get<std::string>(), c["conclusion"].get<std::string>(), ""};
        if (c.contains("note") && !c["note"].is_null()) {
          if (!c["note"].is_string()) return error_response(invalid("FIELD_TYPE", "考察说明应为文字", "conclusions"));
          x.note = c["note"].get<std::string>();
        }
        in.conclusions.push_back(std::move(x));
      }
      auto id = app.follow_ups.record_review(ctx, req.params["id"], in);
      if (!id.ok()) return error_response(id.error());
      return json_response(201, {{"status", "recorded"}, {"id", *id}});
    });
  });
  r.add("GET", "/api/v1/persons/:id/reviews", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.follow_ups.reviews(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& v : found->pending()) items.push_back(review_json(v));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/reviews/:rid/confirm", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      if (auto s = app.follow_ups.confirm_review(ctx, req.params["id"], req.params["rid"]); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "confirmed"}});
    });
  });
}

}  // namespace anbang::http
