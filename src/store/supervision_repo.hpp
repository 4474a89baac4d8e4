// SQL of supervision records that have no other home: pick-ups and the registration count.
#pragma once
#include "store/db.hpp"

namespace anbang::store {

struct Pickup {
  std::int64_t person_id = 0;
  std::string picked_on, place, team, kind;  // kind: township_team | family
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
};
Result<std::int64_t> insert_pickup(Connection& c, const Pickup& p);
// Registrations of the person on or after `since` (the current release date).
Result<std::int64_t> count_registrations_since(Connection& c, std::int64_t person_id, const std::string& since);

}  // namespace anbang::store
