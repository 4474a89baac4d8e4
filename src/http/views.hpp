// JSON shapes of api/openapi.yaml, built from app/store values.
#pragma once
#include <nlohmann/json.hpp>

#include "app/services.hpp"

namespace anbang::http {

// null for an absent value.
nlohmann::json opt_json(const std::optional<std::string>& v);
nlohmann::json opt_json(const std::optional<std::int64_t>& v);
nlohmann::json unit_ref(const domain::UnitTree& tree, std::int64_t id);
nlohmann::json unit_json(const domain::Unit& u);
nlohmann::json me_json(const app::Services& app, const app::Actor& a);
nlohmann::json user_json(const app::Services& app, const store::UserRow& u,
                         const std::vector<store::RoleRow>& roles);
nlohmann::json role_json(const store::RoleRow& r);
nlohmann::json person_json(const app::Services& app, const app::PersonView& v, const domain::CivilDate& today);
nlohmann::json person_summary_json(const domain::UnitTree& tree, const store::PersonListItem& p,
                                   const std::string& today);
nlohmann::json event_json(const store::PersonEvent& e);
// When a record dated `on` was entered (`created_at`): entered_on (the day in China Standard Time) and
// late — a late entry (补录), entered at least one day after the date it carries.
void add_entry_dates(nlohmann::json& out, const std::string& on, std::int64_t created_at);
nlohmann::json record_json(const store::RecordRow& r);
nlohmann::json audit_json(const store::AuditRecord& r);
// One task of a person or a unit (the workbench, the file, the unit's own tasks): the explaining
// values the web app words (web/src/views/task/explain.ts).
nlohmann::json person_task_json(const domain::UnitTree& tree, const app::PersonTask& pt);
// A linkage document; a registration form also carries feedback_due / feedback_overdue (R-LNK-2,
// the due date from the engine: rules::verification_feedback_due with the dated policy).
nlohmann::json document_json(const domain::UnitTree& tree, const store::Document& d, const std::string& today,
                             const rules::PolicyTable& policy);
// One document with its history and answers (GET /documents/{id}).
nlohmann::json document_detail_json(const domain::UnitTree& tree, const app::DocumentDetail& v,
                                    const std::string& today, const rules::PolicyTable& policy);

}  // namespace anbang::http
