// SQL of social assistance applications (R-AID-1..6, issue 9): the application with its referral to
// the deciding unit, the answers (steps), the one question the guard asks of them (reach through a
// referral, app/core/guard.cpp) and the granted 低保 as a benefit with its dates.
#pragma once
#include <set>

#include "store/db.hpp"
#include "store/person_repo.hpp"

namespace anbang::store {

struct AidRow {
  std::int64_t id = 0, person_id = 0;
  std::string kind, applied_on, addressee;
  std::int64_t deciding_unit_id = 0;
  std::string school_name, request, facts = "{}", state = "referred";
  std::optional<std::string> answered_on, accepted_on, documents_requested_on;
  std::string documents_missing;
  std::optional<std::string> decided_on;
  std::optional<std::int64_t> amount_fen;
  std::optional<std::string> granted_from, granted_to;
  std::string refusal_reason;
  std::optional<std::int64_t> decided_by, unit_id, user_id;
  std::int64_t created_at = 0;
  // lists only
  std::string person_name, user_name;
  std::optional<std::string> id_number;
  std::int64_t household_unit_id = 0;
};

struct AidStepRow {
  std::int64_t id = 0, application_id = 0;
  std::string step, on_date, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
};

Result<std::int64_t> insert_application(Connection& c, const AidRow& a);
// The person's applications, newest first (by applied_on, then id).
Result<std::vector<AidRow>> person_applications(Connection& c, std::int64_t person_id);
Result<std::optional<AidRow>> find_application(Connection& c, std::int64_t id);
// The referrals addressed to `unit_id`: undecided ones (referred, accepted, documents requested),
// oldest first, at most `limit`.
Result<std::vector<AidRow>> open_referrals_to(Connection& c, std::int64_t unit_id, int limit);
// Decided ones (granted, refused), latest decision first, one page, and their number.
Result<std::vector<AidRow>> decided_referrals_to(Connection& c, std::int64_t unit_id, int limit, int offset);
Result<std::int64_t> count_decided_referrals_to(Connection& c, std::int64_t unit_id);

// The answers. Each keeps the first answer's day (answered_on) and moves the state.
Status set_accepted(Connection& c, std::int64_t id, const std::string& on);
Status set_documents_requested(Connection& c, std::int64_t id, const std::string& on, const std::string& missing);
Status set_decided(Connection& c, const AidRow& decided);  // state, decided_on, amount, dates, reason, decided_by
Result<std::int64_t> insert_step(Connection& c, const AidStepRow& s);
// The steps of the applications of `person_id` (or of one application), oldest first.
Result<std::vector<AidStepRow>> person_steps(Connection& c, std::int64_t person_id);
Result<std::vector<AidStepRow>> application_steps(Connection& c, std::int64_t application_id);

// R-AID-1..6, reach through a referral: the person `person_id` when an application of theirs is
// addressed to the department `unit_id`.
Result<std::optional<PersonRecord>> person_via_referral(Connection& c, std::int64_t person_id, std::int64_t unit_id);

// A granted benefit of a kind with its dates [from, to] (both included) and monthly amount.
struct BenefitPeriod {
  std::int64_t application_id = 0;
  std::string from, to;
  std::int64_t amount_fen = 0;
};
// R-AID-1 → R-ALW-4: the granted 低保 of the person, oldest first. The hardship allowance (issue 10)
// pays no month in which one of these runs.
Result<std::vector<BenefitPeriod>> dibao_periods(Connection& c, std::int64_t person_id);
// True when a granted application of `kind` covers `on` (the system knows the person is in a 低保
// family or a 特困 person).
// The persons of `person_ids` with any social assistance granted and running on `day` (the 安置情况's
// "on social assistance", store::resettlement_facts).
Result<std::set<std::int64_t>> persons_assisted_on(Connection& c, const std::vector<std::int64_t>& person_ids,
                                                  const std::string& day);
Result<bool> granted_on(Connection& c, std::int64_t person_id, const std::string& kind, const std::string& on);

}  // namespace anbang::store
