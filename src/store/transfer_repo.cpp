#include "store/transfer_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsert =
    "INSERT INTO transfers (person_id, kind, from_unit_id, to_unit_id, state, reason, requested_by, "
    "requested_at, new_address) "
    "VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id";
constexpr const char* kCols =
    "t.id, t.person_id, t.kind, t.from_unit_id, t.to_unit_id, t.state, t.reason, t.decision_note, "
    "t.requested_by, "
    "t.decided_by, t.decided_at, t.requested_at, p.name, COALESCE(p.id_number, ''), t.new_address";
constexpr const char* kFrom = " FROM transfers t JOIN persons p ON p.id = t.person_id";
constexpr const char* kDecide =
    "UPDATE transfers SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND "
    "state = 'pending'";
}  // namespace sql

namespace {
Transfer from_row(const Row& r) {
  Transfer t;
  t.id = r.i64(0);
  t.person_id = r.i64(1);
  t.kind = r.str(2);
  t.from_unit_id = r.i64(3);
  t.to_unit_id = r.i64(4);
  t.state = r.str(5);
  t.reason = r.str(6);
  t.decision_note = r.str(7);
  t.requested_by = r.opt_i64(8);
  t.decided_by = r.opt_i64(9);
  t.decided_at = r.opt_i64(10);
  t.requested_at = r.i64(11);
  t.person_name = r.str(12);
  t.person_id_number = r.str(13);
  t.new_address = r.str(14);
  return t;
}

Result<std::optional<Transfer>> one(Connection& c, const std::string& where, const Params& p) {
  auto row = c.query_one(std::string("SELECT ") + sql::kCols + sql::kFrom + where, p);
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<Transfer>{};
  return std::optional<Transfer>(from_row(**row));
}
}  // namespace

Result<std::int64_t> insert_transfer(Connection& c, const Transfer& t) {
  return c.scalar(sql::kInsert, {t.person_id, t.kind, t.from_unit_id, t.to_unit_id, t.reason,
                                 opt(t.requested_by), t.requested_at, t.new_address});
}

Result<std::optional<Transfer>> find_transfer(Connection& c, std::int64_t id) {
  return one(c, " WHERE t.id = ?", {id});
}

Result<std::optional<Transfer>> pending_transfer_of(Connection& c, std::int64_t person_id) {
  return one(c, " WHERE t.person_id = ? AND t.state = 'pending'", {person_id});
}

Status decide_transfer(Connection& c, std::int64_t id, const std::string& state, std::optional<std::int64_t> user_id,
                       std::int64_t at, const std::string& note) {
  auto n = c.exec(sql::kDecide, {state, opt(user_id), at, note, id});
  if (!n.ok()) return n.error();
  if (*n != 1) return conflict("TRANSFER_DECIDED", "该转移已处理，请刷新页面");
  return {};
}

Result<std::vector<Transfer>> transfers_of(Connection& c, std::int64_t person_id) {
  auto rows = c.query(std::string("SELECT ") + sql::kCols + sql::kFrom + " WHERE t.person_id = ? ORDER BY t.id DESC LIMIT 50",
                      {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<Transfer> out;
  for (const auto& r : *rows) out.push_back(from_row(r));
  return out;
}

Result<std::vector<Transfer>> list_transfers(Connection& c, bool incoming,
                                             const std::vector<std::int64_t>& unit_ids,
                                             const std::string& state) {
  std::string w = std::string(" WHERE t.") + (incoming ? "to_unit_id" : "from_unit_id") + " IN (-1";
  Params p;
  for (auto id : unit_ids) {
    w += ",?";
    p.push_back(id);
  }
  w += ")";
  if (!state.empty()) {
    w += " AND t.state = ?";
    p.push_back(state);
  }
  auto rows =
      c.query(std::string("SELECT ") + sql::kCols + sql::kFrom + w + " ORDER BY t.id DESC LIMIT 200", p);
  if (!rows.ok()) return rows.error();
  std::vector<Transfer> out;
  for (const auto& r : *rows) out.push_back(from_row(r));
  return out;
}

}  // namespace anbang::store
