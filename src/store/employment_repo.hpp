// SQL of employment (R-EMP-1: status entries and public employment services; R-EMP-3: benefits) and
// the facts the 安置情况 is derived from (domain/resettlement), with the derived value kept on the
// person (persons.resettlement, resettlement_reason).
#pragma once
#include <map>
#include <vector>

#include "domain/resettlement.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct EmploymentStatusRow {
  std::int64_t id = 0, person_id = 0;
  std::string kind, since, employer, job;
  bool supported_by_family = false;
  std::string reason, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // reads only
};
struct EmploymentServiceRow {
  std::int64_t id = 0, person_id = 0;
  std::string kind, given_on;
  std::int64_t provider_unit_id = 0;
  std::string employer, result, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;
};
struct EmploymentBenefitRow {
  std::int64_t id = 0, person_id = 0;
  std::string kind;
  std::int64_t department_unit_id = 0, amount_fen = 0;
  std::string from_on;
  std::optional<std::string> to_on;
  std::string lender, enterprise, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;
};

Result<std::int64_t> insert_employment_status(Connection& c, const EmploymentStatusRow& s);
Result<std::int64_t> insert_employment_service(Connection& c, const EmploymentServiceRow& s);
Result<std::int64_t> insert_employment_benefit(Connection& c, const EmploymentBenefitRow& b);
// The person's entries, newest first (statuses by since, services by given_on, benefits by from_on).
Result<std::vector<EmploymentStatusRow>> person_employment_statuses(Connection& c, std::int64_t person_id);
Result<std::vector<EmploymentServiceRow>> person_employment_services(Connection& c, std::int64_t person_id);
Result<std::vector<EmploymentBenefitRow>> person_employment_benefits(Connection& c, std::int64_t person_id);

// The facts of 安置情况 for each of `person_ids` as of `today` (every id gets an entry, one query per
// source for the whole batch). The single place the facts are loaded: the base placements of
// R-BASE-1 and the granted social assistance of R-AID are added here.
Result<std::map<std::int64_t, domain::ResettlementFacts>> resettlement_facts(Connection& c,
                                                                            const std::vector<std::int64_t>& person_ids,
                                                                            const std::string& today);
// The ids of the persons with ids in [from_id, to_id] (the nightly refresh's chunk).
Result<std::vector<std::int64_t>> person_ids_between(Connection& c, std::int64_t from_id, std::int64_t to_id);
// Keeps the derived value on the person; returns true when it changed.
Result<bool> set_resettlement(Connection& c, std::int64_t person_id, std::string_view status, std::string_view reason);

}  // namespace anbang::store
