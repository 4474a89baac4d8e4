#include "store/outing_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kOutingCols =
    "o.id, o.person_id, o.destination_unit_id, o.destination_office_id, o.division_code, o.address, o.employer, "
    "o.contact, o.phone, o.left_on, o.expected_return, o.returned_on, o.note, o.unit_id, o.user_id, "
    "o.created_at, p.name, COALESCE(u.display_name, ''), p.residence_unit_id";
constexpr const char* kOutingFrom =
    " FROM outings o JOIN persons p ON p.id = o.person_id LEFT JOIN users u ON u.id = o.user_id ";
constexpr const char* kInsertOuting =
    "INSERT INTO outings (person_id, destination_unit_id, destination_office_id, division_code, address, "
    "employer, contact, phone, left_on, expected_return, note, unit_id, user_id, created_at) VALUES (?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kCountOpen = "SELECT COUNT(*) FROM outings WHERE person_id = ? AND returned_on IS NULL";
constexpr const char* kSetReturned = "UPDATE outings SET returned_on = ? WHERE id = ?";
constexpr const char* kActiveOutingTo =
    "SELECT 1 FROM outings o WHERE o.person_id = ? AND o.destination_office_id = ? AND o.left_on <= ? AND "
    "o.returned_on IS NULL LIMIT 1";
}  // namespace sql

namespace {
OutingRow outing_from(const Row& r) {
  OutingRow o;
  o.id = r.i64(0);
  o.person_id = r.i64(1);
  o.destination_unit_id = r.opt_i64(2);
  o.destination_office_id = r.opt_i64(3);
  o.division_code = r.str(4);
  o.address = r.str(5);
  o.employer = r.str(6);
  o.contact = r.str(7);
  o.phone = r.str(8);
  o.left_on = r.str(9);
  o.expected_return = r.str(10);
  o.returned_on = r.opt_str(11);
  o.note = r.str(12);
  o.unit_id = r.opt_i64(13);
  o.user_id = r.opt_i64(14);
  o.created_at = r.i64(15);
  o.person_name = r.str(16);
  o.user_name = r.str(17);
  o.residence_unit_id = r.i64(18);
  return o;
}

Result<std::vector<OutingRow>> outing_rows(Connection& c, const std::string& where, const Params& p) {
  auto rows = c.query(std::string("SELECT ") + sql::kOutingCols + sql::kOutingFrom + where, p);
  if (!rows.ok()) return rows.error();
  std::vector<OutingRow> out;
  for (const auto& r : *rows) out.push_back(outing_from(r));
  return out;
}
}  // namespace

Result<std::int64_t> insert_outing(Connection& c, const OutingRow& o) {
  return c.scalar(sql::kInsertOuting,
                  {o.person_id, opt(o.destination_unit_id), opt(o.destination_office_id), o.division_code, o.address,
                   o.employer, o.contact, o.phone, o.left_on, o.expected_return, o.note, opt(o.unit_id),
                   opt(o.user_id), o.created_at});
}

Result<std::vector<OutingRow>> person_outings(Connection& c, std::int64_t person_id) {
  return outing_rows(c, "WHERE o.person_id = ? ORDER BY o.left_on DESC, o.id DESC", {person_id});
}

Result<std::optional<OutingRow>> find_outing(Connection& c, std::int64_t id, std::int64_t person_id) {
  auto rows = outing_rows(c, "WHERE o.id = ? AND o.person_id = ?", {id, person_id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<OutingRow>{};
  return std::optional<OutingRow>(std::move(rows->front()));
}

Result<std::int64_t> count_open_outings(Connection& c, std::int64_t person_id) {
  return c.scalar(sql::kCountOpen, {person_id});
}

Status set_outing_returned(Connection& c, std::int64_t id, const std::string& returned_on) {
  auto n = c.exec(sql::kSetReturned, {returned_on, id});
  if (!n.ok()) return n.error();
  return {};
}

Result<std::vector<OutingRow>> outings_to_office(Connection& c, std::int64_t office_unit_id,
                                                 const std::string& returned_since, int limit) {
  return outing_rows(c,
                     "WHERE o.destination_office_id = ? AND (o.returned_on IS NULL OR o.returned_on >= ?) ORDER BY "
                     "o.returned_on IS NOT NULL, o.left_on DESC, o.id DESC LIMIT ?",
                     {office_unit_id, returned_since, std::int64_t{limit}});
}

Result<std::optional<PersonRecord>> person_via_active_outing(Connection& c, std::int64_t person_id,
                                                             std::int64_t office_unit_id, const std::string& today) {
  auto row = c.query_one(sql::kActiveOutingTo, {person_id, office_unit_id, today});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<PersonRecord>{};
  // The person row itself, as the district sees it (the outing is the reason to reach it).
  return find_person(c, domain::Scope{domain::ScopeKind::district, 0, {}}, person_id);
}

}  // namespace anbang::store
