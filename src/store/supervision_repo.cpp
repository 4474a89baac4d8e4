#include "store/supervision_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertPickup =
    "INSERT INTO pickups (person_id, picked_on, place, team, kind, unit_id, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kCountRegistrations =
    "SELECT COUNT(*) FROM registrations WHERE person_id = ? AND registered_on >= ?";
constexpr const char* kPersonRecords =
    "SELECT x.id, x.kind, x.on_date, x.data, COALESCE(u.name, ''), COALESCE(s.display_name, ''), x.created_at FROM ("
    " SELECT id, 'pickup' AS kind, picked_on AS on_date, json_object('place', place, 'team', team, 'kind', kind) "
    "AS data, unit_id, user_id, created_at FROM pickups WHERE person_id = ? AND picked_on >= ?"
    " UNION ALL SELECT id, 'registration', registered_on, json_object('certificate_no', certificate_no, "
    "'policies_explained', json(CASE WHEN policies_explained THEN 'true' ELSE 'false' END), 'needs', json(needs)), "
    "unit_id, user_id, created_at FROM registrations WHERE person_id = ? AND registered_on >= ?"
    " UNION ALL SELECT id, kind, held_on, json_object('form', form, 'situation', situation, 'findings', findings), "
    "unit_id, user_id, created_at FROM follow_ups WHERE person_id = ? AND held_on >= ?"
    ") x LEFT JOIN units u ON u.id = x.unit_id LEFT JOIN users s ON s.id = x.user_id "
    "ORDER BY x.on_date DESC, x.created_at DESC, x.id DESC";
constexpr const char* kCurrentRegistration =
    "SELECT id, person_id, registered_on, certificate_no, needs, policies_explained, created_at FROM registrations "
    "WHERE person_id = ? AND registered_on >= ? ORDER BY registered_on, id LIMIT 1";
constexpr const char* kUpdateRegistration =
    "UPDATE registrations SET registered_on = ?, certificate_no = ?, needs = ?, policies_explained = ? WHERE id = ?";
}  // namespace sql

Result<std::int64_t> insert_pickup(Connection& c, const Pickup& p) {
  return c.scalar(sql::kInsertPickup, {p.person_id, p.picked_on, p.place, p.team, p.kind, opt(p.unit_id),
                                       opt(p.user_id), p.created_at});
}

Result<std::int64_t> count_registrations_since(Connection& c, std::int64_t person_id, const std::string& since) {
  return c.scalar(sql::kCountRegistrations, {person_id, since});
}

Result<std::vector<RecordRow>> person_records(Connection& c, std::int64_t person_id, const std::string& since) {
  auto rows = c.query(sql::kPersonRecords, {person_id, since, person_id, since, person_id, since});
  if (!rows.ok()) return rows.error();
  std::vector<RecordRow> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6)});
  return out;
}

Result<std::optional<RegistrationRow>> current_registration(Connection& c, std::int64_t person_id,
                                                            const std::string& since) {
  auto row = c.query_one(sql::kCurrentRegistration, {person_id, since});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<RegistrationRow>{};
  const Row& r = **row;
  return std::optional<RegistrationRow>(
      RegistrationRow{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.boolean(5), r.i64(6)});
}

Status update_registration(Connection& c, const RegistrationRow& r) {
  auto n = c.exec(sql::kUpdateRegistration,
                  {r.registered_on, r.certificate_no, r.needs, std::int64_t{r.policies_explained ? 1 : 0}, r.id});
  if (!n.ok()) return n.error();
  return {};
}

}  // namespace anbang::store
