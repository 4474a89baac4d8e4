#include "store/supervision_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertPickup =
    "INSERT INTO pickups (person_id, picked_on, place, team, kind, unit_id, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kCountRegistrations =
    "SELECT COUNT(*) FROM registrations WHERE person_id = ? AND registered_on >= ?";
}  // namespace sql

Result<std::int64_t> insert_pickup(Connection& c, const Pickup& p) {
  return c.scalar(sql::kInsertPickup, {p.person_id, p.picked_on, p.place, p.team, p.kind, opt(p.unit_id),
                                       opt(p.user_id), p.created_at});
}

Result<std::int64_t> count_registrations_since(Connection& c, std::int64_t person_id, const std::string& since) {
  return c.scalar(sql::kCountRegistrations, {person_id, since});
}

}  // namespace anbang::store
