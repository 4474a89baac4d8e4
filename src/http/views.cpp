#include "http/views.hpp"

#include "domain/checks.hpp"
#include "domain/id_number.hpp"
#include "platform/clock.hpp"

namespace anbang::http {

nlohmann::json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}
nlohmann::json opt_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

namespace {
nlohmann::json instant(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(platform::iso_utc_from_unix(*v)) : nlohmann::json();
}
// ID numbers leave the server masked (500153********1234) everywhere but the unmasking route and the
// roster export of a user with person:id_full (app/person/person_service.hpp).
nlohmann::json masked_id(const std::optional<std::string>& v) {
  return v ? nlohmann::json(domain::mask_id_number(*v)) : nlohmann::json();
}
// Masks the value of every "id_number" key of a document's contents, at any depth.
void mask_id_numbers(nlohmann::json& j) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "id_number" && it.value().is_string())
        it.value() = domain::mask_id_number(it.value().get<std::string>());
      else
        mask_id_numbers(it.value());
    }
  } else if (j.is_array()) {
    for (auto& v : j) mask_id_numbers(v);
  }
}
}  // namespace

nlohmann::json unit_ref(const domain::UnitTree& tree, std::int64_t id) {
  const domain::Unit* u = tree.find(id);
  if (!u) return {{"id", id}, {"name", ""}, {"kind", ""}};
  return {{"id", u->id}, {"name", u->name}, {"kind", u->kind}, {"path", tree.display_path(id)}};
}

nlohmann::json unit_json(const domain::Unit& u) {
  return {{"id", u.id},         {"parent_id", opt_json(u.parent_id)},
          {"code", u.code},     {"name", u.name},
          {"kind", u.kind},     {"subkind", u.subkind},
          {"active", u.active}, {"area_unit_id", opt_json(u.area_unit_id)}};
}

nlohmann::json me_json(const app::Services& app, const app::Actor& a) {
  auto tree = app.core.units();
  nlohmann::json user = {{"id", a.user_id},
                         {"username", a.username},
                         {"display_name", a.display_name},
                         {"unit", unit_ref(*tree, a.unit_id)},
                         {"role", {{"id", a.role_id}, {"code", a.role_code}, {"name", a.role_name}}},
                         {"must_change_password", a.must_change_password}};
  // Issue 9: the subkind of the user's unit (a department's: hr_social_security, …) for the menu.
  const domain::Unit* unit = tree->find(a.unit_id);
  user["unit_subkind"] = unit ? unit->subkind : "";
  return {{"user", user},
          {"permissions", a.permissions},
          {"scope", domain::to_string(a.scope.kind)},
          {"scope_unit", a.scope.root ? unit_ref(*tree, a.scope.root) : nlohmann::json()},
          {"csrf_token", a.csrf_token},
          {"idle_timeout_minutes", app.core.config().idle_timeout_minutes},
          {"today", domain::to_string(app.core.context("").today)},
          {"today_overridden", app.core.clock().today_overridden()},
          {"now", platform::iso_utc(app.core.clock().now())}};
}

nlohmann::json role_json(const store::RoleRow& r) {
  return {
      {"id", r.id}, {"code", r.code}, {"name", r.name}, {"scope", r.scope}, {"permissions", r.permissions}};
}

nlohmann::json user_json(const app::Services& app, const store::UserRow& u,
                         const std::vector<store::RoleRow>& roles) {
  nlohmann::json role = {{"id", u.role_id}, {"code", ""}, {"name", ""}};
  for (const auto& r : roles) {
    if (r.id == u.role_id) role = {{"id", r.id}, {"code", r.code}, {"name", r.name}};
  }
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"phone", u.phone},
          {"unit", unit_ref(*app.core.units(), u.unit_id)},
          {"role", role},
          {"active", u.active},
          {"must_change_password", u.must_change_password},
          {"locked_until", instant(u.locked_until)},
          {"last_login_at", instant(u.last_login_at)}};
}

nlohmann::json person_json(const app::Services& app, const app::PersonView& v, const domain::CivilDate& today) {
  const auto& p = v.record;
  auto tree = app.core.units();
  nlohmann::json charges = nlohmann::json::array();
  for (const auto& c : v.charges) {
    charges.push_back({{"id", c.id},
                       {"name", c.name},
                       {"chapter", c.chapter},
                       {"chapter_name", c.chapter_name},
                       {"section", opt_json(c.section)},
                       {"section_name", c.section_name},
                       {"article", c.article}});
  }
  nlohmann::json age;
  if (p.birth_date) {
    auto b = domain::parse_date(*p.birth_date);
    if (b.ok()) age = domain::age_on(*b, today);
  }
  return {{"id", p.id},
          {"name", p.name},
          {"former_names", p.former_names},
          {"gender", p.gender},
          {"ethnic_code", opt_json(p.ethnic_code)},
          {"id_number_masked", masked_id(p.id_number)},
          {"identity_verified", p.identity_verified},
          {"birth_date", opt_json(p.birth_date)},
          {"age", age},
          {"education_code", opt_json(p.education_code)},
          {"household_unit_id", p.household_unit_id},
          {"household_unit", unit_ref(*tree, p.household_unit_id)},
          {"household_address", p.household_address},
          {"residence_unit_id", p.residence_unit_id},
          {"residence_unit", unit_ref(*tree, p.residence_unit_id)},
          {"residence_address", p.residence_address},
          {"separated", p.household_unit_id != p.residence_unit_id},
          {"charge_ids", p.charge_ids},
          {"charges", charges},
          {"sentence_type", p.sentence_type},
          {"sentence_months", opt_json(p.sentence_months)},
          {"release_date", p.release_date},
          {"release_kind", p.release_kind},
          {"releasing_authority", p.releasing_authority},
          {"assistance_end_date", p.assistance_end_date},
          {"status", v.status},
          {"family_contact_name", p.family_contact_name},
          {"family_contact_relation", p.family_contact_relation},
          {"family_contact_phone", p.family_contact_phone},
          {"phone", p.phone},
          {"version", p.version},
          {"created_at", platform::iso_utc_from_unix(p.created_at)},
          {"updated_at", platform::iso_utc_from_unix(p.updated_at)}};
}

nlohmann::json person_summary_json(const domain::UnitTree& tree, const store::PersonListItem& p,
                                   const std::string& today) {
  return {{"id", p.id},
          {"name", p.name},
          {"gender", p.gender},
          {"id_number_masked", p.id_number ? domain::mask_id_number(*p.id_number) : ""},
          {"identity_verified", p.identity_verified},
          {"birth_date", opt_json(p.birth_date)},
          {"household_unit", unit_ref(tree, p.household_unit_id)},
          {"residence_unit", unit_ref(tree, p.residence_unit_id)},
          {"separated", p.household_unit_id != p.residence_unit_id},
          {"release_date", p.release_date},
          {"release_kind", p.release_kind},
          {"assistance_end_date", p.assistance_end_date},
          {"status", domain::person_status(p.release_date, p.assistance_end_date, today, p.detained)},
          {"key_subject", p.key_subject},
          {"main_charge", p.main_charge},
          {"resettlement", p.resettlement},
          {"resettlement_reason", p.resettlement_reason.empty() ? nlohmann::json() : nlohmann::json(p.resettlement_reason)}};
}

nlohmann::json event_json(const store::PersonEvent& e) {
  nlohmann::json changes = nlohmann::json::array();
  if (!e.detail.empty()) {
    auto d = nlohmann::json::parse(e.detail, nullptr, false);
    if (d.is_array()) changes = d;
  }
  // The timeline shows a change of the ID number with both numbers masked.
  for (auto& ch : changes) {
    if (!ch.is_object() || ch.value("field", "") != "id_number") continue;
    for (const char* side : {"old", "new"}) {
      if (ch.contains(side) && ch[side].is_string() && !ch[side].get<std::string>().empty())
        ch[side] = domain::mask_id_number(ch[side].get<std::string>());
    }
  }
  auto params = nlohmann::json::parse(e.params, nullptr, false);
  if (!params.is_object()) params = nlohmann::json::object();
  // New entries travel as a code with parameters (the web app renders them); older ones as text.
  return {{"id", e.id},          {"at", platform::iso_utc_from_unix(e.at)},
          {"kind", e.kind},      {"user", e.user_name},
          {"unit", e.unit_name}, {"code", e.code},
          {"params", params},    {"summary", e.summary},
          {"changes", changes}};
}

void add_entry_dates(nlohmann::json& out, const std::string& on, std::int64_t created_at) {
  domain::CivilDate entered = domain::shanghai_date_from_unix(created_at);
  auto carried = domain::parse_date(on);
  out["entered_on"] = domain::to_string(entered);
  out["late"] = carried.ok() && domain::check::is_late_entry(*carried, entered);
}

nlohmann::json record_json(const store::RecordRow& r) {
  auto data = nlohmann::json::parse(r.data, nullptr, false);
  nlohmann::json out = {{"id", r.id},
                        {"kind", r.kind},
                        {"on", r.on},
                        {"data", data.is_object() ? data : nlohmann::json::object()},
                        {"unit", r.unit_name},
                        {"user", r.user_name}};
  add_entry_dates(out, r.on, r.created_at);
  return out;
}

nlohmann::json audit_json(const store::AuditRecord& r) {
  // Ids are unique across both logs: even for changes (main.audit_log), odd for reads (access_log).
  return {{"id", r.id * 2 + (r.access ? 1 : 0)},
          {"log", r.access ? "access" : "change"},
          {"at", platform::iso_utc_from_unix(r.at)},
          {"user_id", opt_json(r.user_id)},
          {"username", r.username},
          {"unit_name", r.unit_name},
          {"ip", r.ip},
          {"action", r.action},
          {"object_type", r.object_type},
          {"object_id", opt_json(r.object_id)},
          {"object_label", r.object_label},
          {"detail", r.detail}};
}

nlohmann::json document_json(const domain::UnitTree& tree, const store::Document& d, const std::string& today,
                             const rules::PolicyTable& policy) {
  auto data = nlohmann::json::parse(d.data, nullptr, false);
  if (!data.is_discarded()) mask_id_numbers(data);
  nlohmann::json out = {
      {"id", d.id},
      {"kind", d.kind},
      {"form_version", d.form_version},
      {"person_id", d.person_id ? nlohmann::json(*d.person_id) : nlohmann::json()},
      {"person_name", d.person_name},
      {"sender", d.sender_unit_id ? unit_ref(tree, *d.sender_unit_id) : nlohmann::json()},
      {"receiver", d.receiver_unit_id ? unit_ref(tree, *d.receiver_unit_id) : nlohmann::json()},
      {"channel", d.channel},
      {"replies_to", d.replies_to ? nlohmann::json(*d.replies_to) : nlohmann::json()},
      {"event_date", d.event_date ? nlohmann::json(*d.event_date) : nlohmann::json()},
      {"sent_on", d.sent_on ? nlohmann::json(*d.sent_on) : nlohmann::json()},
      {"received_on", d.received_on ? nlohmann::json(*d.received_on) : nlohmann::json()},
      {"answered_on", d.answered_on ? nlohmann::json(*d.answered_on) : nlohmann::json()},
      {"data", data.is_discarded() ? nlohmann::json::object() : data},
      {"supersedes", opt_json(d.supersedes)},
      {"superseded_by", opt_json(d.superseded_by)},
      {"correction_reason", opt_json(d.correction_reason)}};
  // A late entry: the day the document arrived (or was sent, for an answer) before the day entered.
  if (d.created_at > 0) add_entry_dates(out, d.received_on.value_or(d.sent_on.value_or("")), d.created_at);
  // R-LNK-2: what a received form still owes (verification feedback within
  // verification_feedback_months of receipt, as the engine computes it).
  if (d.kind == "registration_form" && d.received_on) {
    auto r = domain::parse_date(*d.received_on);
    if (r.ok()) {
      std::string due = domain::to_string(rules::verification_feedback_due(policy, *r));
      out["feedback_due"] = due;
      out["feedback_overdue"] = !d.answered_on && due < today;
    }
    out["release_notice_sent_on"] = opt_json(d.release_notice_sent_on);
  }
  // R-LNK-4: what a received release notice still owes (the reception arrangement, as the engine
  // computes it); a notice replaced by a correction owes nothing.
  if (d.kind == "release_notice" && d.received_on && d.event_date && !d.superseded_by) {
    auto r = domain::parse_date(*d.received_on);
    auto release = domain::parse_date(*d.event_date);
    if (r.ok() && release.ok()) {
      std::string due = domain::to_string(rules::reception_feedback_due(policy, *r, *release));
      out["feedback_due"] = due;
      out["feedback_overdue"] = !d.answered_on && due < today;
    }
  }
  return out;
}

nlohmann::json document_detail_json(const domain::UnitTree& tree, const app::DocumentDetail& v,
                                    const std::string& today, const rules::PolicyTable& policy) {
  nlohmann::json history = nlohmann::json::array(), replies = nlohmann::json::array();
  for (const auto& d : v.history) history.push_back(document_json(tree, d, today, policy));
  for (const auto& d : v.replies) replies.push_back(document_json(tree, d, today, policy));
  return {{"document", document_json(tree, v.document, today, policy)},
          {"history", history},
          {"replies", replies},
          {"answers", v.answered ? document_json(tree, *v.answered, today, policy) : nlohmann::json()}};
}

namespace {
nlohmann::json opt_civil_date(const std::optional<domain::CivilDate>& d) {
  return d ? nlohmann::json(domain::to_string(*d)) : nlohmann::json();
}
}  // namespace

// A task explains itself by values; the web app words them (web/src/views/task/explain.ts).
nlohmann::json person_task_json(const domain::UnitTree& tree, const app::PersonTask& pt) {
  const rules::Task& t = pt.task;
  auto code_or_null = [](std::string_view code) {
    return code == "none" ? nlohmann::json() : nlohmann::json(std::string(code));
  };
  return {{"rule", t.rule},
          {"clause", t.clause},
          {"key", t.key},
          {"period", code_or_null(rules::to_string(t.period))},
          {"exemption", code_or_null(rules::to_string(t.exemption))},
          {"anchor", t.anchor},
          {"anchor_date", domain::to_string(t.anchor_date)},
          {"window_from", domain::to_string(t.window_from)},
          {"due", domain::to_string(t.due)},
          {"state", pt.state},
          {"late", t.late},
          {"fulfilled_on", opt_civil_date(t.fulfilled_on)},
          {"previous_fulfilment", opt_civil_date(t.previous_fulfilment)},
          {"unit", unit_ref(tree, pt.unit_id)}};
}

}  // namespace anbang::http
