#include "store/unit_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kLoadUnits =
    "SELECT id, parent_id, code, name, kind, subkind, area_unit_id, active FROM units ORDER BY code";
constexpr const char* kInsertUnit =
    "INSERT INTO units (parent_id, code, name, kind, subkind, area_unit_id, active, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelfArea = "UPDATE units SET area_unit_id = id WHERE id = ?";
constexpr const char* kUpdateUnit = "UPDATE units SET name = ?, active = ? WHERE id = ?";
constexpr const char* kUnitByCode = "SELECT id FROM units WHERE code = ?";
}  // namespace sql

Result<std::vector<domain::Unit>> load_units(Connection& c) {
  auto rows = c.query(sql::kLoadUnits);
  if (!rows.ok()) return rows.error();
  std::vector<domain::Unit> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    out.push_back(
        {r.i64(0), r.opt_i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.opt_i64(6), r.boolean(7)});
  }
  return out;
}

Result<std::int64_t> insert_unit(Connection& c, const domain::Unit& u, bool self_area, std::int64_t now) {
  auto id = c.scalar(sql::kInsertUnit, {opt(u.parent_id), u.code, u.name, u.kind, u.subkind,
                                        opt(u.area_unit_id), std::int64_t{u.active ? 1 : 0}, now});
  if (!id.ok()) return id.error();
  if (self_area) {
    auto s = c.exec(sql::kSelfArea, {*id});
    if (!s.ok()) return s.error();
  }
  return *id;
}

Status update_unit(Connection& c, std::int64_t id, const std::string& name, bool active) {
  auto n = c.exec(sql::kUpdateUnit, {name, std::int64_t{active ? 1 : 0}, id});
  if (!n.ok()) return n.error();
  return {};
}

Result<std::optional<std::int64_t>> unit_id_by_code(Connection& c, const std::string& code) {
  auto row = c.query_one(sql::kUnitByCode, {code});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>((*row)->i64(0));
}

}  // namespace anbang::store
