// Every action code the audit log may hold: one list, which the auditor's search offers and the web
// app words (web/src/api/audit.ts AUDIT_ACTIONS and audit.actions.* in the locales; a vitest compares
// them with this list). A record with a code missing here is still written, but logged as an error
// ("unregistered audit action"), which fails the API and browser tests that cause it.
#pragma once
#include <algorithm>
#include <iterator>
#include <string_view>

namespace anbang::app {

inline constexpr std::string_view kAuditActions[] = {
    // sessions and accounts
    "login_success", "login_failure", "logout", "password_change", "password_change_failure",
    "password_reset", "user_create", "user_update", "role_update", "unit_create", "unit_update",
    "policy_update", "seed_demo",
    // reads
    "person_read", "person_search", "person_refused", "id_unmask", "export", "document_list",
    "document_read", "task_list", "transfer_list",
    // person files
    "person_create", "person_update", "person_duplicate_id", "period_end",
    // linkage
    "document_send", "document_correct", "custody_confirm", "family_help_create",
    // supervision
    "pickup_create", "registration_create", "registration_correct", "follow_up_create",
    "release_notification_create", "custody_create", "custody_end", "transfer_request",
    "transfer_decide", "transfer_withdraw",
    // units' own records
    "meeting_create",
    // help groups and plans
    "help_member_add", "help_member_end", "help_contact_set", "help_plan_create",
    "help_agreement_create", "help_plan_revise",
    // warnings, re-offending, going out, reviews
    "warning_create", "warning_notice", "warning_lift", "reoffence_create", "outing_create",
    "outing_return", "review_confirm", "whereabouts_unknown", "whereabouts_found",
    // unit groups, education, publicity
    "org_group_create", "org_group_update", "org_member_add", "org_member_leave",
    "education_event_create", "education_event_update", "education_event_delete",
    "education_session", "education_talk", "publicity_consent", "publicity_create",
    "publicity_delete", "publicity_publish", "publicity_read", "seed_demo_unitwork",
    // needs list and social insurance (issue 9)
    "need_raise", "need_update", "insurance_record", "insurance_civil_servant", "seed_demo_needs",
    // employment and resettlement (issue 9)
    "employment_status", "employment_service", "employment_benefit",
    // issue 9 (helper C): transitional bases (R-BASE-1), skills trainings (R-EMP-2)
    "base_create", "base_update", "base_agreement_create", "base_place", "base_leave", "training_create",
    "training_update", "training_enrol", "training_attendance",
    // social assistance (R-AID-1..6)
    "assistance_apply", "assistance_accept", "assistance_request_documents", "assistance_decide",
    // the hardship allowance (R-ALW-1..6)
    "allowance_apply", "allowance_step", "household_kind_record", "allowance_run_confirm", "allowance_run_pay", "allowance_run_cancel",
    "allowance_reverse", "seed_demo_allowance",
    // reserved for the tests of the core (a change that records nothing is rolled back)
    "probe_change"};

inline bool is_audit_action(std::string_view action) {
  return std::find(std::begin(kAuditActions), std::end(kAuditActions), action) != std::end(kAuditActions);
}

}  // namespace anbang::app
