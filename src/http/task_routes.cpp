// /api/v1/tasks, /workbench and the records that close tasks (issue 3).
#include "http/api.hpp"
#include "http/views.hpp"
#include "platform/clock.hpp"

namespace anbang::http {

namespace {

std::string shown_state(const store::TaskRow& t, const std::string& today) {
  return std::string(rules::shown_state(t.state, t.rule, t.due, today));
}

nlohmann::json task_row_json(const domain::UnitTree& tree, const store::TaskRow& t,
                             const std::string& today) {
  return {{"id", t.id},
          {"person_id", t.person_id ? nlohmann::json(*t.person_id) : nlohmann::json()},
          {"person_name", t.person_name},
          {"unit", unit_ref(tree, t.unit_id)},
          {"rule", t.rule},
          {"key", t.task_key},
          {"window_from", t.window_from},
          {"due", t.due},
          {"state", shown_state(t, today)},
          {"fulfilled_on", t.fulfilled_on ? nlohmann::json(*t.fulfilled_on) : nlohmann::json()}};
}

nlohmann::json release_notification_json(const domain::UnitTree& tree, const store::ReleaseNotification& n) {
  return {{"id", n.id},
          {"release_date", n.release_date},
          {"recipient", n.recipient},
          {"recipient_unit", unit_ref(tree, n.recipient_unit_id)},
          {"contact", n.contact},
          {"method", n.method},
          {"notified_on", n.notified_on},
          {"note", n.note},
          {"unit", n.unit_id ? unit_ref(tree, *n.unit_id) : nlohmann::json()},
          {"user", n.user_name},
          {"created_at", platform::iso_utc_from_unix(n.created_at)}};
}

Response counts_json(const app::Workbench& w) {
  auto c = [](const store::TaskCounts& t) {
    return nlohmann::json{{"overdue", t.overdue},
                          {"due_this_week", t.due_this_week},
                          {"open", t.open},
                          {"done", t.done},
                          {"missed", t.missed}};
  };
  return json_response(
      200, {{"today", w.today}, {"week_end", w.week_end}, {"mine", c(w.mine)}, {"scope", c(w.scope)}});
}

// The body of a registration (POST .../registrations, PUT .../registration).
Result<app::RegistrationInput> registration_input(const nlohmann::json& body) {
  app::RegistrationInput in;
  for (auto [field, dst] :
       {std::pair{"registered_on", &in.registered_on}, std::pair{"certificate_no", &in.certificate_no}}) {
    auto v = get_string(body, field);
    if (!v.ok()) return v.error();
    if (*v) *dst = **v;
  }
  if (in.registered_on.empty()) return invalid("FIELD_REQUIRED", "请填写报到日期", "registered_on");
  auto explained = get_bool(body, "policies_explained");
  if (!explained.ok()) return explained.error();
  in.policies_explained = explained->value_or(false);
  auto needs = body.find("needs");
  if (needs != body.end() && !needs->is_null()) {
    if (!needs->is_object()) return invalid("FIELD_TYPE", "初始需求的格式应为对象", "needs");
    in.needs = needs->dump();
  }
  return in;
}

}  // namespace

void add_task_routes(Router& r, app::Services& app) {
  r.add("GET", "/api/v1/tasks", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      app::TaskQuery q;
      auto unit = query_id(req, "unit_id");
      if (!unit.ok()) return error_response(unit.error());
      q.unit_id = *unit;
      auto person = query_id(req, "person_id");
      if (!person.ok()) return error_response(person.error());
      q.person_id = *person;
      auto mine = query_bool(req, "mine");
      if (!mine.ok()) return error_response(mine.error());
      q.mine = mine->value_or(false);
      q.rule = query_text(req, "rule");
      q.state = query_text(req, "state");
      if (auto s = query_paging(req, q.page, q.page_size); !s.ok()) return error_response(s.error());
      auto found = app.obligations.find_tasks(ctx, q);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      std::string today = domain::to_string(ctx.today);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& t : found->pending().items) items.push_back(task_row_json(*tree, t, today));
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items},
                                             {"total", found->pending().total},
                                             {"page", q.page},
                                             {"page_size", q.page_size}}));
    });
  });
  for (const char* which : {"lost", "missed"}) {
    r.add("GET", std::string("/api/v1/supervision/") + which, [&app, which](Request& req) {
      return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
        auto found = app.obligations.supervision_list(ctx, which);
        if (!found.ok()) return error_response(found.error());
        auto tree = app.core.units();
        nlohmann::json items = nlohmann::json::array();
        for (const auto& l : found->pending()) {
          items.push_back({{"person_id", l.person_id},
                           {"name", l.name},
                           {"reason", l.reason},
                           {"due", l.due ? nlohmann::json(*l.due) : nlohmann::json()},
                           {"residence_unit", unit_ref(*tree, l.residence_unit_id)},
                           {"household_unit", unit_ref(*tree, l.household_unit_id)}});
        }
        return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
      });
    });
  }
  // R-PCK-1: the notification before a key subject's release, and the list of coming releases.
  r.add("GET", "/api/v1/supervision/upcoming-releases", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.supervision.upcoming_releases(ctx);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      auto opt_text = [](const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
      nlohmann::json items = nlohmann::json::array();
      for (const auto& u : found->pending()) {
        items.push_back({{"person_id", u.person_id},
                         {"name", u.name},
                         {"release_date", u.release_date},
                         {"task_state", u.task_state},
                         {"township_notified_on", opt_text(u.township_notified_on)},
                         {"police_notified_on", opt_text(u.police_notified_on)},
                         {"residence_unit", unit_ref(*tree, u.residence_unit_id)},
                         {"household_unit", unit_ref(*tree, u.household_unit_id)}});
      }
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("GET", "/api/v1/persons/:id/release-notifications", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.supervision.release_notifications(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& n : found->pending()) items.push_back(release_notification_json(*tree, n));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/release-notifications", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::ReleaseNotificationInput in;
      for (auto [field, dst] : {std::pair{"notified_on", &in.notified_on}, std::pair{"method", &in.method},
                                std::pair{"contact", &in.contact}, std::pair{"note", &in.note}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      if (in.notified_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写通报日期", "notified_on"));
      auto recipients = get_string_array(body, "recipients");
      if (!recipients.ok()) return error_response(recipients.error());
      if (*recipients) in.recipients = **recipients;
      auto rows = app.supervision.record_release_notification(ctx, req.params["id"], in);
      if (!rows.ok()) return error_response(rows.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& n : *rows) items.push_back(release_notification_json(*tree, n));
      return json_response(201, {{"items", items}});
    });
  });
  r.add("POST", "/api/v1/meetings", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::MeetingInput in;
      for (auto [field, dst] : {std::pair{"held_on", &in.held_on}, std::pair{"topic", &in.topic},
                                std::pair{"attendees", &in.attendees}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      if (in.held_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写会议日期", "held_on"));
      if (auto s = app.meetings.record(ctx, in); !s.ok()) return error_response(s.error());
      return json_response(201, {{"status", "recorded"}});
    });
  });
  r.add("GET", "/api/v1/meetings", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.meetings.list(ctx, 200);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& m : *found) {
        items.push_back({{"id", m.id},
                         {"unit", unit_ref(*tree, m.unit_id)},
                         {"kind", m.kind},
                         {"held_on", m.held_on},
                         {"topic", m.topic},
                         {"attendees", m.attendees}});
        add_entry_dates(items.back(), m.held_on, m.created_at);
      }
      return json_response(200, {{"items", items}});
    });
  });
  r.add("GET", "/api/v1/meetings/tasks", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto tasks = app.meetings.tasks(ctx);
      if (!tasks.ok()) return error_response(tasks.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& pt : *tasks) items.push_back(person_task_json(*tree, pt));
      return json_response(200, {{"items", items}});
    });
  });
  r.add("GET", "/api/v1/policy", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      nlohmann::json entries = nlohmann::json::array();
      for (const auto& e : app.core.policy()->entries()) {
        entries.push_back(
            {{"name", e.name}, {"value", e.value}, {"effective_from", domain::to_string(e.effective_from)}});
      }
      nlohmann::json names = nlohmann::json::array();
      for (auto n : rules::PolicyTable::parameter_names()) names.push_back(n);
      return json_response(200, {{"parameters", names}, {"entries", entries}});
    });
  });
  r.add("PUT", "/api/v1/policy", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      std::string name, value, from;
      for (auto [field, dst] :
           {std::pair{"name", &name}, std::pair{"value", &value}, std::pair{"effective_from", &from}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (!*v) return error_response(invalid("FIELD_REQUIRED", std::string(field == std::string_view("name")    ? "请选择政策参数"
                                                                            : field == std::string_view("value") ? "请填写参数值"
                                                                                                               : "请填写生效日期"), field));
        *dst = **v;
      }
      auto job = app.obligations.set_policy(ctx, name, value, from);
      if (!job.ok()) return error_response(job.error());
      // The change is committed; every person's tasks are recomputed by a background job.
      return json_response(200, {{"status", "updated"}, {"job_id", *job}});
    });
  });
  r.add("GET", "/api/v1/jobs/:id", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto job = app.obligations.job(ctx, req.params["id"]);
      if (!job.ok()) return error_response(job.error());
      if (!*job) return error_response(not_found("JOB_NOT_FOUND", "未找到该后台任务（服务器重启后记录会清空）"));
      const app::JobView& j = **job;
      return json_response(200, {{"id", j.id},
                                 {"kind", j.kind},
                                 {"state", j.state},
                                 {"done", j.done},
                                 {"total", j.total},
                                 {"started_at", platform::iso_utc_from_unix(j.started_at)},
                                 {"finished_at", j.finished_at ? nlohmann::json(platform::iso_utc_from_unix(j.finished_at)) : nlohmann::json()},
                                 {"started_by", j.started_by},
                                 {"error_code", j.error_code}});
    });
  });
  r.add("GET", "/api/v1/workbench", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      app::WorkbenchQuery q;
      auto unit = query_id(req, "unit_id");
      if (!unit.ok()) return error_response(unit.error());
      q.unit_id = *unit;
      q.rule = query_text(req, "rule");
      auto w = app.obligations.workbench(ctx, q);
      if (!w.ok()) return error_response(w.error());
      return counts_json(*w);
    });
  });
  r.add("GET", "/api/v1/persons/:id/tasks", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.obligations.read_person_tasks(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      auto tree = app.core.units();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& pt : found->pending()) items.push_back(person_task_json(*tree, pt));
      return after_audit(app, found->take_record(), json_response(200, {{"items", items}}));
    });
  });
  r.add("POST", "/api/v1/persons/:id/follow-ups", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      app::FollowUpInput in;
      for (auto [field, dst] :
           {std::pair{"kind", &in.kind}, std::pair{"held_on", &in.held_on}, std::pair{"form", &in.form},
            std::pair{"situation", &in.situation}, std::pair{"findings", &in.findings}}) {
        auto v = get_string(body, field);
        if (!v.ok()) return error_response(v.error());
        if (*v) *dst = **v;
      }
      if (in.held_on.empty()) return error_response(invalid("FIELD_REQUIRED", "请填写日期", "held_on"));
      if (auto s = app.follow_ups.record_follow_up(ctx, req.params["id"], in); !s.ok()) return error_response(s.error());
      Response resp = json_response(201, {{"status", "recorded"}});
      return resp;
    });
  });
  r.add("POST", "/api/v1/persons/:id/registrations", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = registration_input(body);
      if (!in.ok()) return error_response(in.error());
      if (auto s = app.supervision.record_registration(ctx, req.params["id"], *in); !s.ok())
        return error_response(s.error());
      return json_response(201, {{"status", "recorded"}});
    });
  });
  // R-REG-1: the registration of the current release, corrected with a reason (kept).
  r.add("PUT", "/api/v1/persons/:id/registration", [&app](Request& req) {
    return with_body(app, req, [&](const app::AuthedCtx& ctx, const nlohmann::json& body) {
      auto in = registration_input(body);
      if (!in.ok()) return error_response(in.error());
      app::RegistrationCorrection c{*in, ""};
      auto reason = get_string(body, "reason");
      if (!reason.ok()) return error_response(reason.error());
      if (*reason) c.reason = **reason;
      if (auto s = app.supervision.correct_registration(ctx, req.params["id"], c); !s.ok())
        return error_response(s.error());
      return json_response(200, {{"status", "corrected"}});
    });
  });
  // The person's pick-ups, registration and follow-ups of the current period, each with the day it
  // was entered and whether it is a late entry (补录).
  r.add("GET", "/api/v1/persons/:id/records", [&app](Request& req) {
    return with_ctx(app, req, [&](const app::AuthedCtx& ctx) {
      auto found = app.supervision.records(ctx, req.params["id"]);
      if (!found.ok()) return error_response(found.error());
      const app::RecordsView& v = found->pending();
      nlohmann::json items = nlohmann::json::array();
      for (const auto& r : v.items) items.push_back(record_json(r));
      nlohmann::json reg;
      if (v.registration) {
        auto needs = nlohmann::json::parse(v.registration->needs, nullptr, false);
        reg = {{"id", v.registration->id},
               {"registered_on", v.registration->registered_on},
               {"certificate_no", v.registration->certificate_no},
               {"policies_explained", v.registration->policies_explained},
               {"needs", needs.is_object() ? needs : nlohmann::json::object()}};
        add_entry_dates(reg, v.registration->registered_on, v.registration->created_at);
      }
      return after_audit(app, found->take_record(),
                         json_response(200, {{"items", items}, {"registration", reg}}));
    });
  });
}

}  // namespace anbang::http
