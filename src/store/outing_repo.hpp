// SQL of R-OUT-1 outings (外出务工) and the one question the guard asks of them (reach through an
// active outing, app/core/guard.cpp).
#pragma once
#include "domain/scope.hpp"
#include "store/db.hpp"
#include "store/person_repo.hpp"

namespace anbang::store {

struct OutingRow {
  std::int64_t id = 0, person_id = 0;
  std::optional<std::int64_t> destination_unit_id, destination_office_id;
  std::string division_code, address, employer, contact, phone, left_on, expected_return;
  std::optional<std::string> returned_on;
  std::string note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  // lists only
  std::string person_name, user_name;
  std::int64_t residence_unit_id = 0;
};
Result<std::int64_t> insert_outing(Connection& c, const OutingRow& o);
// The person's outings, newest first.
Result<std::vector<OutingRow>> person_outings(Connection& c, std::int64_t person_id);
Result<std::optional<OutingRow>> find_outing(Connection& c, std::int64_t id, std::int64_t person_id);
// Outings of the person without a return recorded.
Result<std::int64_t> count_open_outings(Connection& c, std::int64_t person_id);
Status set_outing_returned(Connection& c, std::int64_t id, const std::string& returned_on);
// The destination office's list: outings to `office_unit_id`, active ones (no return) first, then
// the returned ones of the last months (returned on or after `returned_since`).
Result<std::vector<OutingRow>> outings_to_office(Connection& c, std::int64_t office_unit_id,
                                                 const std::string& returned_since, int limit);
// R-OUT-1, reach through an active outing: the person `person_id` when an outing of theirs to the
// judicial office `office_unit_id` has begun by `today` and has no return recorded.
Result<std::optional<PersonRecord>> person_via_active_outing(Connection& c, std::int64_t person_id,
                                                             std::int64_t office_unit_id, const std::string& today);

}  // namespace anbang::store
