// The needs list (需求清单, issue 9 item 1) and social insurance (R-INS-1, §2.4.3), one module: both
// are what a released person needs to live, kept per person by the judicial office as dated,
// append-only records.
//
// Needs. One list per person in six categories (housing, work, money, health, family, documents).
// A need is raised by the registration (its initial needs, R-REG-1; raise_registration_needs, called
// by the registration itself and, for registrations entered before, by the migration's backfill) or
// by a later assessment (a visit, a full review or a standalone assessment entry). What was done is a
// dated update: a status change (open → in progress → met / no longer needed; reopening allowed)
// and/or an action with the kind of link it made (a referral to social assistance R-AID, an
// employment service R-EMP-1, a base placement R-BASE-1, a help-plan measure R-ORG-4). A status
// change never overwrites: it is a new row, the latest by date is current. An assessment that names
// a category with a need still open or in progress updates that need instead of raising another.
//
// Insurance (R-INS-1). Per scheme (pension of urban employees / of rural and urban residents,
// unemployment, medical) dated entries: the status (insured and continuing, lapsed, transfer in
// progress, transferred, not insured, unknown) and the continuation or transfer step taken
// (transfer applied, destination confirmed, transfer completed, continued, joined the local scheme),
// with the place; and the former-civil-servant flag (原公职人员, joining the local schemes), dated too.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/core/person_changed.hpp"
#include "store/needs_repo.hpp"

namespace anbang::app {

inline constexpr std::string_view kNeedCategories[] = {"housing", "work", "money", "health", "family", "documents"};
inline constexpr std::string_view kNeedStatuses[] = {"open", "in_progress", "met", "not_needed"};
inline constexpr std::string_view kNeedLinkKinds[] = {"social_assistance", "employment_service", "base_placement",
                                                      "help_plan_measure"};
inline constexpr std::string_view kInsuranceSchemes[] = {"pension_employee", "pension_resident", "unemployment",
                                                         "medical"};
inline constexpr std::string_view kInsuranceStatuses[] = {"insured",     "lapsed",      "transferring",
                                                          "transferred", "not_insured", "unknown"};
inline constexpr std::string_view kInsuranceSteps[] = {"transfer_applied", "destination_confirmed",
                                                       "transfer_completed", "continued", "joined_local"};

struct NeedAssessmentItem {
  std::string category, status = "open", note;
};
struct NeedAssessment {
  std::string source = "assessment";      // visit | review | assessment
  std::optional<std::int64_t> source_id;  // the visit's or review's id (follow_ups), if any
  std::string assessed_on;
  std::vector<NeedAssessmentItem> items;
};
struct NeedUpdateInput {
  std::string on_date, status, action, link_kind;  // status, link_kind: "" = none
};

struct OpenNeedsQuery {
  std::string category;
  std::optional<std::int64_t> unit_id;
  int page = 1, page_size = 20;
};
struct OpenNeedsPage {
  std::vector<store::OpenNeedRow> items;
  std::vector<std::pair<std::string, std::int64_t>> counts;  // by category
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

struct InsuranceInput {
  std::string scheme, status, step, on_date, place, note;  // step "" = none
};
struct CivilServantInput {
  bool former_civil_servant = false;
  std::string on_date, note;
};
struct InsuranceView {
  std::vector<store::InsuranceEntryRow> entries;        // oldest first
  std::vector<store::CivilServantRow> civil_servant;    // oldest first
};

// The registration's initial needs become open needs (idempotent): the change record and timeline
// entry "need.raised" of each, in the registration's write.
Status raise_registration_needs(PersonWrite& w, const store::PersonRecord& p, std::int64_t registration_id);

class NeedsService {
 public:
  explicit NeedsService(Core& core) : core_(core) {}

  // needs:record. Raises or updates a need per item; returns the ids of the needs touched.
  Result<std::vector<std::int64_t>> assess(const AuthedCtx& ctx, std::int64_t person_id, const NeedAssessment& in);
  // needs:record. A status change and/or an action on one need; returns the update's id.
  Result<std::int64_t> update_need(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t need_id,
                                   const NeedUpdateInput& in);
  // The file's section 需求清单 (person:read).
  Result<Audited<std::vector<store::NeedRow>>> person_needs(const AuthedCtx& ctx, std::int64_t person_id);
  // Open needs (open or in progress) of persons under assistance in the caller's jurisdiction.
  Result<Audited<OpenNeedsPage>> open_needs(const AuthedCtx& ctx, const OpenNeedsQuery& q);

  // insurance:record (R-INS-1): one dated entry of a scheme.
  Result<std::int64_t> record_insurance(const AuthedCtx& ctx, std::int64_t person_id, const InsuranceInput& in);
  // insurance:record: the former-civil-servant flag as of a date.
  Result<std::int64_t> record_civil_servant(const AuthedCtx& ctx, std::int64_t person_id, const CivilServantInput& in);
  // The file's section 社会保险 (person:read).
  Result<Audited<InsuranceView>> person_insurance(const AuthedCtx& ctx, std::int64_t person_id);

 private:
  Core& core_;
};

}  // namespace anbang::app
