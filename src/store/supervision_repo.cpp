#include "store/supervision_repo.hpp"

#include "store/person_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertPickup =
    "INSERT INTO pickups (person_id, picked_on, place, team, kind, unit_id, user_id, created_at, party, vehicle, "
    "headcount, picked_at, handover_signed, handover_by, outcome, next_steps) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kCountRegistrations =
    "SELECT COUNT(*) FROM registrations WHERE person_id = ? AND registered_on >= ?";
constexpr const char* kPersonRecords =
    "SELECT x.id, x.kind, x.on_date, x.data, COALESCE(u.name, ''), COALESCE(s.display_name, ''), x.created_at FROM ("
    " SELECT id, 'pickup' AS kind, picked_on AS on_date, json_object('place', place, 'team', team, 'kind', kind, "
    "'party', json(party), 'vehicle', vehicle, 'headcount', headcount, 'picked_at', picked_at, 'handover_signed', "
    "json(CASE handover_signed WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE 'null' END), 'handover_by', "
    "handover_by, 'outcome', outcome, 'next_steps', next_steps) "
    "AS data, unit_id, user_id, created_at FROM pickups WHERE person_id = ? AND picked_on >= ?"
    " UNION ALL SELECT id, 'registration', registered_on, json_object('certificate_no', certificate_no, "
    "'policies_explained', json(CASE WHEN policies_explained THEN 'true' ELSE 'false' END), 'needs', json(needs)), "
    "unit_id, user_id, created_at FROM registrations WHERE person_id = ? AND registered_on >= ?"
    " UNION ALL SELECT id, kind, held_on, json_object('form', form, 'situation', situation, 'findings', findings, 'outcome', outcome), "
    "unit_id, user_id, created_at FROM follow_ups WHERE person_id = ? AND held_on >= ?"
    ") x LEFT JOIN units u ON u.id = x.unit_id LEFT JOIN users s ON s.id = x.user_id "
    "ORDER BY x.on_date DESC, x.created_at DESC, x.id DESC";
constexpr const char* kCurrentRegistration =
    "SELECT id, person_id, registered_on, certificate_no, needs, policies_explained, created_at FROM registrations "
    "WHERE person_id = ? AND registered_on >= ? ORDER BY registered_on, id LIMIT 1";
constexpr const char* kUpdateRegistration =
    "UPDATE registrations SET registered_on = ?, certificate_no = ?, needs = ?, policies_explained = ? WHERE id = ?";
constexpr const char* kInsertReleaseNotification =
    "INSERT INTO release_notifications (person_id, release_date, recipient, recipient_unit_id, contact, method, "
    "notified_on, note, unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kReleaseNotificationsOf =
    "SELECT n.id, n.person_id, n.release_date, n.recipient, n.recipient_unit_id, n.contact, n.method, "
    "n.notified_on, n.note, n.unit_id, n.user_id, n.created_at, COALESCE(u.display_name, '') FROM "
    "release_notifications n LEFT JOIN users u ON u.id = n.user_id WHERE n.person_id = ? AND n.release_date = ? "
    "ORDER BY n.notified_on, n.id";
// The first notification of the current release to one recipient (?).
constexpr const char* kFirstNotified =
    "(SELECT MIN(n.notified_on) FROM release_notifications n WHERE n.person_id = p.id AND n.release_date = "
    "p.release_date AND n.recipient = ?)";
}  // namespace sql

Result<std::int64_t> insert_pickup(Connection& c, const Pickup& p) {
  Value handover = p.handover_signed ? Value(std::int64_t{*p.handover_signed ? 1 : 0}) : Value(nullptr);
  return c.scalar(sql::kInsertPickup,
                  {p.person_id, p.picked_on, p.place, p.team, p.kind, opt(p.unit_id), opt(p.user_id), p.created_at,
                   p.party, p.vehicle, opt(p.headcount), p.picked_at, handover, p.handover_by, p.outcome,
                   p.next_steps});
}

Result<bool> is_key_subject(Connection& c, std::int64_t person_id) {
  auto n = c.scalar("SELECT key_subject FROM persons WHERE id = ?", {person_id});
  if (!n.ok()) return n.error();
  return *n != 0;
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

Result<std::int64_t> insert_release_notification(Connection& c, const ReleaseNotification& n) {
  return c.scalar(sql::kInsertReleaseNotification,
                  {n.person_id, n.release_date, n.recipient, n.recipient_unit_id, n.contact, n.method, n.notified_on,
                   n.note, opt(n.unit_id), opt(n.user_id), n.created_at});
}

Result<std::vector<ReleaseNotification>> release_notifications_of(Connection& c, std::int64_t person_id,
                                                                  const std::string& release_date) {
  auto rows = c.query(sql::kReleaseNotificationsOf, {person_id, release_date});
  if (!rows.ok()) return rows.error();
  std::vector<ReleaseNotification> out;
  for (const auto& r : *rows) {
    ReleaseNotification n;
    n.id = r.i64(0);
    n.person_id = r.i64(1);
    n.release_date = r.str(2);
    n.recipient = r.str(3);
    n.recipient_unit_id = r.i64(4);
    n.contact = r.str(5);
    n.method = r.str(6);
    n.notified_on = r.str(7);
    n.note = r.str(8);
    n.unit_id = r.opt_i64(9);
    n.user_id = r.opt_i64(10);
    n.created_at = r.i64(11);
    n.user_name = r.str(12);
    out.push_back(std::move(n));
  }
  return out;
}

Result<std::vector<UpcomingReleaseRow>> upcoming_releases(Connection& c, const domain::Scope& scope,
                                                          const std::string& from, const std::string& to, int limit) {
  Params scope_params;
  std::string w = scope_predicate(scope, scope_params);
  Params p = {std::string("township"), std::string("police_station"), from, to};
  p.insert(p.end(), scope_params.begin(), scope_params.end());
  p.push_back(std::int64_t{limit});
  auto rows = c.query(
      std::string("SELECT p.id, p.name, p.release_date, t.state, t.due, p.household_unit_id, p.residence_unit_id, ") +
          sql::kFirstNotified + ", " + sql::kFirstNotified +
          " FROM persons p JOIN tasks t ON t.person_id = p.id AND t.rule = 'R-PCK-1' AND t.task_key = p.release_date "
          "|| '/R-PCK-1/notice' WHERE p.release_date >= ? AND p.release_date <= ? AND " +
          w + " ORDER BY p.release_date, p.id LIMIT ?",
      p);
  if (!rows.ok()) return rows.error();
  std::vector<UpcomingReleaseRow> out;
  for (const auto& r : *rows) {
    UpcomingReleaseRow u;
    u.person_id = r.i64(0);
    u.name = r.str(1);
    u.release_date = r.str(2);
    u.task_state = r.str(3);
    u.due = r.str(4);
    u.household_unit_id = r.i64(5);
    u.residence_unit_id = r.i64(6);
    u.township_notified_on = r.opt_str(7);
    u.police_notified_on = r.opt_str(8);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace anbang::store
