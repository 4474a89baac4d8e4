// SQL of R-WRN-1 warnings (预警) and re-offences (重新犯罪).
#pragma once
#include "domain/scope.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct WarningRow {
  std::int64_t id = 0, person_id = 0;
  std::string sign_kind, signs, observed_on, measures;
  std::optional<std::int64_t> police_unit_id;
  std::optional<std::string> notified_on;
  std::string notified_officer;
  std::string state = "open";  // open | lifted
  std::optional<std::string> lifted_on;
  std::string lift_reason;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  // lists only
  std::string person_name, user_name;
  std::int64_t residence_unit_id = 0;
};
Result<std::int64_t> insert_warning(Connection& c, const WarningRow& w);
// The person's warnings, newest first.
Result<std::vector<WarningRow>> person_warnings(Connection& c, std::int64_t person_id);
Result<std::optional<WarningRow>> find_warning(Connection& c, std::int64_t id, std::int64_t person_id);
Status set_warning_notice(Connection& c, std::int64_t id, const std::string& notified_on, const std::string& officer,
                          std::optional<std::int64_t> police_unit_id);
Status lift_warning(Connection& c, std::int64_t id, const std::string& lifted_on, const std::string& reason,
                    std::optional<std::int64_t> user_id);
// R-CLS-1 input: the latest recorded open warning of the person's current period (observed on or
// after the start of the custody that began it, as load_facts counts records), if any.
struct OpenWarning {
  std::int64_t id = 0, created_at = 0;
};
Result<std::optional<OpenWarning>> open_warning_of_period(Connection& c, std::int64_t person_id);
// The police workbench: open warnings of persons in `scope` (police_unit_id given: only those whose
// notice goes to that station), oldest observation first.
Result<std::vector<WarningRow>> open_warnings(Connection& c, const domain::Scope& scope,
                                              std::optional<std::int64_t> police_unit_id, int limit);

struct KeySubjectRow {
  std::int64_t person_id = 0;
  std::string name, release_date, assistance_end_date;
  std::int64_t residence_unit_id = 0;
  std::int64_t open_warnings = 0;
};
// Key subjects under assistance on `today` in `scope`, by name.
Result<std::vector<KeySubjectRow>> key_subjects(Connection& c, const domain::Scope& scope, const std::string& today,
                                                int limit);

struct ReoffenceRow {
  std::int64_t id = 0, person_id = 0;
  std::string offence_on, custody_on;
  std::int64_t charge_id = 0;
  std::string authority, note, period_release_date;
  bool in_period = true;
  std::optional<std::int64_t> custody_id, unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
};
Result<std::int64_t> insert_reoffence(Connection& c, const ReoffenceRow& r);
Result<std::vector<ReoffenceRow>> person_reoffences(Connection& c, std::int64_t person_id);
// Re-offending rate (issue 11): persons with a re-offence within their assistance period whose offence
// date lies in [from, to] (inclusive), in `scope`.
Result<std::int64_t> count_reoffenders(Connection& c, const domain::Scope& scope, const std::string& from,
                                       const std::string& to);

}  // namespace anbang::store
