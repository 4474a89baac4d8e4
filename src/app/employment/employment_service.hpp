// Employment (issue 9 items 3, 5, 8): R-EMP-1 the person's employment status over time (each a dated
// entry, the history kept, the current one the latest begun by today) and the free public
// employment services given (advice, guidance, job introduction with the employer and the result);
// R-EMP-3 the benefits (subsidies, entrepreneurship training, guaranteed micro-loans, tax incentives,
// subsidies to an enterprise that hires the person), each with its source department, amount in fen
// and dates; and the 安置情况 derived from the facts (domain/resettlement), kept on the person by a
// consequence of every change to their records so the person list and the roster can show and
// filter it. Recorded by the judicial office, the district office and the township
// (employment:record) through the guard; read with the file (person:read).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "domain/resettlement.hpp"
#include "store/employment_repo.hpp"

namespace anbang::app {

struct EmploymentStatusInput {
  std::string kind, since, employer, job, reason, note;
  bool supported_by_family = false;
};
struct EmploymentServiceInput {
  std::string kind, given_on, employer, result, note;
  std::optional<std::int64_t> provider_unit_id;
};
struct EmploymentBenefitInput {
  std::string kind, from_on, to_on, lender, enterprise, note;
  std::optional<std::int64_t> department_unit_id, amount_fen;
};

// The 就业与安置 section of the file.
struct EmploymentFile {
  std::vector<store::EmploymentStatusRow> statuses;  // newest first
  std::optional<store::EmploymentStatusRow> current;  // the latest begun by today
  std::vector<store::EmploymentServiceRow> services;
  std::vector<store::EmploymentBenefitRow> benefits;
  domain::ResettlementFacts facts;
  domain::ResettlementResult resettlement;
};

// The 安置情况 of each person as of `today`: store::resettlement_facts, then the pure derivation.
Result<std::map<std::int64_t, domain::ResettlementResult>> derive_resettlements(store::Connection& c,
                                                                               const std::vector<std::int64_t>& ids,
                                                                               const std::string& today);

class EmploymentService {
 public:
  // Registers the consequence "resettlement": after every change to a person's records the derived
  // value on the person is recomputed.
  explicit EmploymentService(Core& core);

  // employment:record. R-EMP-1: a status entry (since: a day since the release, not in the future).
  Result<std::int64_t> record_status(const AuthedCtx& ctx, std::int64_t person_id, const EmploymentStatusInput& in);
  // employment:record. R-EMP-1: a public employment service given by a unit of the district.
  Result<std::int64_t> record_service(const AuthedCtx& ctx, std::int64_t person_id, const EmploymentServiceInput& in);
  // employment:record. R-EMP-3: a benefit from a department (amount ≥ 0 fen, to on or after from).
  Result<std::int64_t> record_benefit(const AuthedCtx& ctx, std::int64_t person_id, const EmploymentBenefitInput& in);
  // person:read. The section with its derivation.
  Result<Audited<EmploymentFile>> person_employment(const AuthedCtx& ctx, std::int64_t person_id);

 private:
  Core& core_;
};

}  // namespace anbang::app
