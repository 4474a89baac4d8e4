// SQL of the transitional hardship allowance (R-ALW-1..6, issue 10): the dated urban/rural status,
// the applications with their append-only steps, the monthly payment runs and the append-only
// ledger; and the facts the rules read (rules::AllowanceCase), built in one place for the nightly
// refresh and for one application's explanation alike.
#pragma once
#include <map>

#include "rules/facts.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct HouseholdKindRow {
  std::int64_t id = 0, person_id = 0;
  std::string since, kind;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
};
Result<std::int64_t> insert_household_kind(Connection& c, const HouseholdKindRow& k);
// Oldest first.
Result<std::vector<HouseholdKindRow>> person_household_kinds(Connection& c, std::int64_t person_id);

struct AllowanceRow {
  std::int64_t id = 0, person_id = 0;
  std::string period_release_date, applied_on;
  bool doc_release_certificate = false, doc_id_card = false, doc_household_register = false;
  std::string hardship;
  std::optional<std::int64_t> village_unit_id;
  std::int64_t office_unit_id = 0, township_unit_id = 0;
  std::string state = "certificate", since;
  std::optional<std::string> approved_on;
  std::string rejected_reason;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  // lists only
  std::string person_name, user_name;
  std::optional<std::string> id_number;
  std::int64_t household_unit_id = 0;
};
Result<std::int64_t> insert_allowance(Connection& c, const AllowanceRow& a);
Result<std::optional<AllowanceRow>> find_allowance(Connection& c, std::int64_t id);
// The person's applications, newest first.
Result<std::vector<AllowanceRow>> person_allowances(Connection& c, std::int64_t person_id);
// An application of the period that is not rejected (one at most: allowance_one_live).
Result<bool> live_allowance_exists(Connection& c, std::int64_t person_id, const std::string& period_release_date);
Status set_allowance_state(Connection& c, std::int64_t id, const std::string& state, const std::string& since,
                           const std::optional<std::string>& approved_on, const std::string& rejected_reason);
// The applications waiting for a step of `unit_id` (documents, verification: its judicial office;
// certificate: its village, or its judicial office without one; approval: its township), oldest
// first, at most `limit`.
Result<std::vector<AllowanceRow>> allowances_waiting_for(Connection& c, std::int64_t unit_id, int limit);
// The approved applications of a township.
Result<std::vector<AllowanceRow>> approved_allowances(Connection& c, std::int64_t township_unit_id);

struct AllowanceStepRow {
  std::int64_t id = 0, application_id = 0;
  std::string step, on_date, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
};
Result<std::int64_t> insert_allowance_step(Connection& c, const AllowanceStepRow& s);
// In order taken.
Result<std::vector<AllowanceStepRow>> allowance_steps(Connection& c, std::int64_t application_id);

// What the rules read of one application (rules::AllowanceCase) with its period and the
// registration of that period.
struct AllowanceCaseRow {
  std::int64_t person_id = 0;
  domain::CivilDate release_date;
  std::optional<domain::CivilDate> registration_date;
  rules::AllowanceCase facts;
};
// The applications of the persons with ids in [from_id, to_id] of their current period (the nightly
// refresh), and one application (any period).
Result<std::vector<AllowanceCaseRow>> allowance_cases_between(Connection& c, std::int64_t from_id, std::int64_t to_id);
Result<std::optional<AllowanceCaseRow>> allowance_case(Connection& c, std::int64_t application_id);

// --- the ledger (append-only) ---
struct LedgerRow {
  std::int64_t id = 0, application_id = 0, person_id = 0, township_unit_id = 0;
  std::string month;  // YYYY-MM
  std::int64_t attempt = 0;
  std::string kind;  // payment | reversal
  std::int64_t amount_fen = 0;
  std::string paid_on;
  std::optional<std::int64_t> run_id, line_id, reverses_id;
  std::string reason;
  std::optional<std::int64_t> user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
  bool reversed = false;  // lists only: a payment a reversal cancels
};
Result<std::int64_t> insert_ledger(Connection& c, const LedgerRow& e);
Result<std::optional<LedgerRow>> find_ledger(Connection& c, std::int64_t id);
// Oldest first.
Result<std::vector<LedgerRow>> application_ledger(Connection& c, std::int64_t application_id);

// --- the runs ---
struct RunLineRow {
  std::int64_t id = 0, run_id = 0, application_id = 0, person_id = 0;
  std::string month;
  std::int64_t attempt = 0;
  std::string household_kind;
  std::int64_t standard_fen = 0, amount_fen = 0;
  // lists only
  std::string person_name;
  std::optional<std::string> id_number;
  std::int64_t household_unit_id = 0;
  bool reversed = false;  // its payment was reversed since
};
struct RunRow {
  std::int64_t id = 0, township_unit_id = 0;
  std::string month;
  std::int64_t seq = 0;
  std::string state = "confirmed";
  std::int64_t total_fen = 0;
  std::optional<std::int64_t> confirmed_by;
  std::int64_t confirmed_at = 0;
  std::optional<std::string> paid_on;
  std::optional<std::int64_t> paid_by, paid_at;
  std::optional<std::int64_t> cancelled_at;
  std::string cancel_reason;
  std::string confirmed_by_name, paid_by_name, cancelled_by_name;  // lists only
};
// The next seq of the township's month (1 for its first run).
Result<std::int64_t> next_run_seq(Connection& c, std::int64_t township_unit_id, const std::string& month);
Result<std::int64_t> insert_run(Connection& c, const RunRow& r);
Result<std::int64_t> insert_run_line(Connection& c, const RunLineRow& l);
Result<std::optional<RunRow>> find_run(Connection& c, std::int64_t id);
// Latest month first; `month` empty = all months.
Result<std::vector<RunRow>> township_runs(Connection& c, std::int64_t township_unit_id, const std::string& month);
Result<std::vector<RunLineRow>> run_lines(Connection& c, std::int64_t run_id);
// Marks a confirmed run paid; false when it was not confirmed any more (paid by someone else).
Result<bool> set_run_paid(Connection& c, std::int64_t run_id, const std::string& on, std::int64_t user_id,
                          std::int64_t at);

// Cancels a confirmed run (its lines voided, so their months are due again); false when it was not
// confirmed any more.
Result<bool> cancel_run(Connection& c, std::int64_t run_id, std::int64_t user_id, std::int64_t at,
                        const std::string& reason);

// Per application and month: the current attempt (reversals so far), whether a live payment exists
// (paid_on) and the confirmed run that holds the current attempt.
struct MonthHold {
  std::int64_t attempt = 0;
  std::optional<std::string> paid_on;
  std::int64_t paid_fen = 0;  // net of the ledger
  std::optional<std::int64_t> in_run;
};
Result<std::map<std::string, MonthHold>> month_holds(Connection& c, std::int64_t application_id);

// --- the report: per township and month ---
struct AllowanceReportRow {
  std::int64_t township_unit_id = 0;
  std::string month;
  std::int64_t applications = 0, approvals = 0, rejections = 0, persons_paid = 0, paid_fen = 0;
};
Result<std::vector<AllowanceReportRow>> allowance_report(Connection& c, const std::string& from_month,
                                                         const std::string& to_month);

}  // namespace anbang::store
