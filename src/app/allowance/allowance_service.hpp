// The transitional hardship allowance (过渡性困难生活补助金, §3.3, issue 10; R-ALW-1..6).
//
// An application of one assistance period runs along the chain of four units (R-ALW-2): the
// applicant's documents (recorded by the household judicial office or village), the household
// village's hardship certificate, the judicial office's verification with its signed opinion, the
// household township's approval by its civil-affairs leader. Each step is taken only by a user with
// that step's duty (permission) at the unit that owes it for this person (rules::step_unit); a
// rejection ends it, a return sends it one step back. Then the township's civil-affairs office pays
// monthly: the due list of a township and month (rules::allowance_entitlement, the one computation of
// months and amounts), confirmed as a run, recorded as paid into the append-only ledger (R-ALW-6);
// a correction is a reversing entry, after which the month is due again if still payable.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "rules/allowance.hpp"
#include "store/allowance_repo.hpp"

namespace anbang::app {

struct AllowanceApplyInput {
  std::string applied_on, household_kind, hardship;
  bool release_certificate = false, id_card = false, household_register = false;
};

struct AllowanceStepInput {
  std::string step, on, note;
  std::optional<AllowanceApplyInput> documents;  // a resubmission's documents
};

// One application as the file shows it.
struct AllowanceItem {
  store::AllowanceRow row;
  std::vector<store::AllowanceStepRow> steps;
  rules::Entitlement entitlement;
  domain::CivilDate as_of;                       // the approval day, or today before it
  std::map<std::string, store::MonthHold> holds;  // by YYYY-MM
  std::vector<store::LedgerRow> ledger;
  std::vector<std::string_view> actions;  // resubmit, certify, verify, approve, reject, return
  std::optional<std::string> due;
  bool overdue = false;
};

struct AllowanceSection {
  std::vector<AllowanceItem> items;
  std::vector<store::HouseholdKindRow> kinds;
  bool can_apply = false;
};

struct AllowanceWorkItem {
  store::AllowanceRow row;
  std::optional<std::string> due;
  bool overdue = false;
};
struct AllowanceWorkPage {
  std::vector<AllowanceWorkItem> items;
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

struct AllowanceDue {
  std::int64_t township_unit_id = 0;
  std::string month;
  std::vector<store::RunLineRow> lines;
  std::int64_t total_fen = 0;
  bool can_confirm = false;
};

struct AllowanceRunView {
  store::RunRow run;
  std::vector<store::RunLineRow> lines;
  bool can_pay = false, can_cancel = false;
};

struct AllowanceStandardRow {
  std::optional<std::string> from;
  std::int64_t urban_fen = 0, rural_fen = 0;
};

class AllowanceService {
 public:
  explicit AllowanceService(Core& core) : core_(core) {}

  Result<Audited<AllowanceSection>> section(const AuthedCtx& ctx, std::int64_t person_id);
  Result<std::int64_t> apply(const AuthedCtx& ctx, std::int64_t person_id, const AllowanceApplyInput& in);
  Result<std::int64_t> record_household_kind(const AuthedCtx& ctx, std::int64_t person_id, const std::string& since,
                                             const std::string& kind);
  // Takes the next step; returns the application's state after it.
  Result<std::string> step(const AuthedCtx& ctx, std::int64_t application_id, const AllowanceStepInput& in);
  Result<Audited<AllowanceWorkPage>> work(const AuthedCtx& ctx, const std::string& view, int page, int page_size);

  Result<Audited<AllowanceDue>> due(const AuthedCtx& ctx, std::int64_t township_unit_id, const std::string& month);
  Result<std::int64_t> confirm_run(const AuthedCtx& ctx, std::int64_t township_unit_id, const std::string& month,
                                   std::optional<std::int64_t> expected_total_fen);
  Result<Audited<std::vector<AllowanceRunView>>> runs(const AuthedCtx& ctx, std::int64_t township_unit_id,
                                                      const std::string& month);
  Result<Audited<AllowanceRunView>> run(const AuthedCtx& ctx, std::int64_t run_id);
  Status pay_run(const AuthedCtx& ctx, std::int64_t run_id, const std::string& on);
  // A confirmed run not yet paid is cancelled with a reason (a wrong list): its months are due again.
  Status cancel_run(const AuthedCtx& ctx, std::int64_t run_id, const std::string& reason);
  Result<std::int64_t> reverse(const AuthedCtx& ctx, std::int64_t entry_id, const std::string& on,
                               const std::string& reason);

  Result<std::vector<store::AllowanceReportRow>> report(const AuthedCtx& ctx, const std::string& from,
                                                        const std::string& to);
  std::vector<AllowanceStandardRow> standards() const;
  AllowanceStandardRow standard_in_force(domain::CivilDate today) const;

 private:
  AllowanceItem item_of(store::Connection& c, const AuthedCtx& ctx, store::AllowanceRow row) const;
  Result<AllowanceDue> due_in(store::Connection& c, std::int64_t township_unit_id, const std::string& month) const;
  // The township the caller may read (allowance:pay: its own; allowance:report: in its scope).
  Status may_read_township(const AuthedCtx& ctx, std::int64_t township_unit_id) const;
  bool pays_for(const AuthedCtx& ctx, std::int64_t township_unit_id) const;

  Core& core_;
};

}  // namespace anbang::app
