// Assistance periods and custody after release (R-PER-1): how each period ended, and the
// detentions and new sentences recorded for a person.
#pragma once
#include "domain/kinds.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

struct PeriodRow {
  std::int64_t person_id = 0;
  std::string release_date, release_kind, end_date;
  std::optional<std::string> ended_on;
  std::string end_reason;  // '' (running) | expired | new_sentence | death | other
  std::int64_t created_at = 0;
};

struct CustodyRow {
  std::int64_t id = 0, person_id = 0;
  domain::CustodyKind kind = domain::CustodyKind::detention;  // stored as its code
  std::string from_date;
  std::optional<std::string> to_date;
  std::string note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
};

// The day the period released on `release_date` ended, if it is recorded as ended.
Result<std::optional<std::string>> period_ended_on(Connection& c, std::int64_t person_id,
                                                   const std::string& release_date);
Status insert_period(Connection& c, const PeriodRow& p);
// The current periods whose end date has come (end_date <= day) and whose end is not recorded yet.
Result<std::vector<PeriodRow>> periods_due_to_end(Connection& c, const std::string& day);
// The same for one person (zero or one row).
Result<std::vector<PeriodRow>> person_period_due_to_end(Connection& c, std::int64_t person_id,
                                                        const std::string& day);
// The person's recorded periods, newest release first.
Result<std::vector<PeriodRow>> person_periods(Connection& c, std::int64_t person_id);

Result<std::int64_t> insert_custody(Connection& c, const CustodyRow& r);
Result<std::int64_t> count_open_detentions(Connection& c, std::int64_t person_id);
// Ends every open detention of the person on `to_date` (a new sentence begins).
Status close_open_detentions(Connection& c, std::int64_t person_id, const std::string& to_date);
Result<std::optional<CustodyRow>> find_detention(Connection& c, std::int64_t id, std::int64_t person_id);
Status end_detention(Connection& c, std::int64_t id, const std::string& to_date);
// The person's custody records, newest first.
Result<std::vector<CustodyRow>> person_custody(Connection& c, std::int64_t person_id);

}  // namespace anbang::store
