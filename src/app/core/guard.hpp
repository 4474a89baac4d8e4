// The guard: permission plus jurisdiction, the only way for a use case to reach a person's records.
//
// A use case asks the guard for the person (`reach_person`) inside its transaction and works on the
// `Reached` it gets; a `Reached` cannot be made anywhere else. A person who does not exist and a
// person outside the caller's jurisdiction (R-JUR-1: neither the household-registration nor the
// residence unit is covered) both answer PERSON_NOT_FOUND, and the refusal is on record.
//
// System work (the nightly refresh, seeding, the CLI) acts outside any user's scope only through
// `system_context(why)` — the one named way to do so; grep for it.
#pragma once
#include <string>
#include <optional>
#include <string_view>

#include "app/core/context.hpp"
#include "app/core/core.hpp"
#include "common/result.hpp"
#include "store/person_repo.hpp"

namespace anbang::app {

// Permission names (resource:action) as the roles table grants them.
namespace perm {
inline constexpr std::string_view person_read = "person:read";
inline constexpr std::string_view person_create = "person:create";
inline constexpr std::string_view person_update = "person:update";
inline constexpr std::string_view person_export = "person:export";
// Full ID numbers: the unmasking route and the roster export with full numbers (everyone else sees
// them masked, 500153********1234).
inline constexpr std::string_view person_id_full = "person:id_full";
inline constexpr std::string_view person_register = "person:register";
inline constexpr std::string_view document_send = "document:send";
inline constexpr std::string_view document_read = "document:read";
inline constexpr std::string_view document_verify = "document:verify";
inline constexpr std::string_view visit_record = "visit:record";    // R-VIS-1/2
inline constexpr std::string_view review_record = "review:record";  // R-REV-1
inline constexpr std::string_view review_confirm = "review:confirm";  // R-REV-1, R-CLS-3: a recommended change of class
inline constexpr std::string_view pickup_record = "pickup:record";  // R-PCK-1/2
inline constexpr std::string_view family_help = "family:help";      // R-LNK-3
inline constexpr std::string_view custody_record = "custody:record";
inline constexpr std::string_view task_read = "task:read";
inline constexpr std::string_view meeting_record = "meeting:record";
inline constexpr std::string_view policy_manage = "policy:manage";
inline constexpr std::string_view user_manage = "user:manage";
inline constexpr std::string_view role_manage = "role:manage";
inline constexpr std::string_view unit_manage = "unit:manage";
inline constexpr std::string_view audit_read = "audit:read";
// Issue 8 (helper D): warnings and re-offending (R-WRN-1), going out for work (R-OUT-1).
inline constexpr std::string_view warning_record = "warning:record";      // R-WRN-1
inline constexpr std::string_view reoffence_record = "reoffence:record";  // R-WRN-1, R-PER-1
inline constexpr std::string_view outing_record = "outing:record";        // R-OUT-1
inline constexpr std::string_view org_group_manage = "org_group:manage";  // R-ORG-1
inline constexpr std::string_view education_record = "education:record";  // R-EDU-1
inline constexpr std::string_view publicity_record = "publicity:record";  // R-PUB-1
// Issue 9 (helper D): the needs list (item 1) and social insurance (R-INS-1).
inline constexpr std::string_view needs_record = "needs:record";
inline constexpr std::string_view insurance_record = "insurance:record";  // R-INS-1
// Issue 9 (employment): status, services and benefits (R-EMP-1, R-EMP-3).
inline constexpr std::string_view employment_record = "employment:record";
// Issue 9: social assistance applications (R-AID-1..6): the judicial office applies, the deciding
// unit (a department, or a township acting as its civil-affairs office) answers and decides.
inline constexpr std::string_view assistance_apply = "assistance:apply";
inline constexpr std::string_view assistance_decide = "assistance:decide";
// Issue 10: the hardship allowance's chain (R-ALW-2) — each step its own duty — and its payment
// (the township's civil-affairs office) and reports.
inline constexpr std::string_view allowance_apply = "allowance:apply";
inline constexpr std::string_view allowance_certify = "allowance:certify";
inline constexpr std::string_view allowance_verify = "allowance:verify";
inline constexpr std::string_view allowance_approve = "allowance:approve";
inline constexpr std::string_view allowance_pay = "allowance:pay";
inline constexpr std::string_view allowance_report = "allowance:report";
}  // namespace perm

// Checks that the actor may do `permission` (forbidden PERMISSION_DENIED otherwise) and has no
// password change pending (PASSWORD_CHANGE_REQUIRED).
Status require(const AuthedCtx& ctx, std::string_view permission);

// A person reached through the guard, with the record as it was read in this transaction.
class Reached {
 public:
  std::int64_t id() const { return record_.id; }
  const store::PersonRecord& record() const { return record_; }

 private:
  explicit Reached(store::PersonRecord r) : record_(std::move(r)) {}
  store::PersonRecord record_;
  friend Result<Reached> reach_person(Core&, store::Connection&, const AuthedCtx&, std::int64_t, bool, bool);
};

// R-OUT-1, "reach through an active outing": a judicial office that an active outing of the person
// goes to (outings.destination_office_id, left on or before today, no return recorded) reaches the
// person outside its jurisdiction for exactly two uses: recording a visit (visit:record) and reading
// the file's header (read part "") that the visit form shows. True for those uses; nothing else
// widens.
bool reaches_through_outing(std::string_view permission, std::optional<std::string_view> read_part);

// R-AID-1..6, "reach through a referral": a department user (unit kind department) reaches a person
// outside any jurisdiction only while a social assistance application of the person is addressed to
// the user's department (assistance_applications.deciding_unit_id), and only for two uses: reading
// the referral view (assistance:decide, read part "referral" — name, ID number, household place,
// family size and the application's facts, nothing else of the file) and recording the answers
// (assistance:decide writes). The service then checks that the one application acted on is
// addressed to the caller's unit. Nothing else widens: no person:read, no timeline, no visits.
bool reaches_through_referral(std::string_view permission, std::optional<std::string_view> read_part);

// The person `id` if it exists and is in the caller's jurisdiction (the system context covers the
// district), or — when `through_outing` (reaches_through_outing) — reached through an active outing
// to the caller's judicial office, or — when `through_referral` (reaches_through_referral) — through
// a referral to the caller's department. Otherwise PERSON_NOT_FOUND, and an access record of the
// refusal is queued.
Result<Reached> reach_person(Core& core, store::Connection& c, const AuthedCtx& ctx, std::int64_t id,
                             bool through_outing = false, bool through_referral = false);

// The one answer for a person that does not exist or is outside the caller's jurisdiction.
Error person_not_found();

// The context of system work, acting for the whole district with every permission it names.
// `why` goes into the audit records it writes (username "system:<why>").
AuthedCtx system_context(const Core& core, std::string_view why);

}  // namespace anbang::app
