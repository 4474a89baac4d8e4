#include "store/document_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsert =
    "INSERT INTO documents (kind, form_version, person_id, sender_unit_id, receiver_unit_id, channel, "
    "replies_to, "
    "event_date, sent_on, received_on, data, entered_by, created_at, supersedes, correction_reason) VALUES (?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kCols =
    "d.id, d.kind, d.form_version, d.person_id, d.sender_unit_id, d.receiver_unit_id, d.channel, "
    "d.replies_to, "
    "d.event_date, d.sent_on, d.received_on, d.data, d.entered_by, d.created_at, COALESCE(p.name, ''), "
    "(SELECT MIN(r.sent_on) FROM documents r WHERE r.replies_to = d.id), COALESCE(p.household_unit_id, 0), "
    "COALESCE(p.residence_unit_id, 0), "
    "(SELECT r.sender_unit_id FROM documents r WHERE r.replies_to = d.id ORDER BY r.id LIMIT 1), d.supersedes, "
    "d.superseded_by, d.correction_reason, "
    "CASE WHEN d.kind = 'registration_form' THEN (SELECT MIN(n.sent_on) FROM documents n WHERE "
    "n.person_id = d.person_id AND n.kind = 'release_notice' AND n.id > d.id) END";
constexpr const char* kSetSuperseded = "UPDATE documents SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL";
constexpr const char* kInsertClass =
    "INSERT INTO class_history (person_id, from_date, key_subject, reason, detail, created_at, code) VALUES "
    "(?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kClassHistory =
    "SELECT person_id, from_date, key_subject, reason, detail, created_at, code FROM class_history WHERE "
    "person_id "
    "= ? "
    "ORDER BY from_date, id";
constexpr const char* kSetKey = "UPDATE persons SET key_subject = ? WHERE id = ?";
}  // namespace sql

namespace {
Document from_row(const Row& r) {
  Document d;
  d.id = r.i64(0);
  d.kind = r.str(1);
  d.form_version = static_cast<int>(r.i64(2));
  d.person_id = r.opt_i64(3);
  d.sender_unit_id = r.opt_i64(4);
  d.receiver_unit_id = r.opt_i64(5);
  d.channel = r.str(6);
  d.replies_to = r.opt_i64(7);
  d.event_date = r.opt_str(8);
  d.sent_on = r.opt_str(9);
  d.received_on = r.opt_str(10);
  d.data = r.str(11);
  d.entered_by = r.opt_i64(12);
  d.created_at = r.i64(13);
  d.person_name = r.str(14);
  d.answered_on = r.opt_str(15);
  d.person_household_unit_id = r.i64(16);
  d.person_residence_unit_id = r.i64(17);
  d.answered_by = r.opt_i64(18);
  d.supersedes = r.opt_i64(19);
  d.superseded_by = r.opt_i64(20);
  d.correction_reason = r.opt_str(21);
  d.release_notice_sent_on = r.opt_str(22);
  return d;
}
constexpr const char* kFrom = " FROM documents d LEFT JOIN persons p ON p.id = d.person_id";
}  // namespace

Result<std::int64_t> insert_document(Connection& c, const Document& d) {
  return c.scalar(sql::kInsert,
                  {d.kind, std::int64_t{d.form_version}, opt(d.person_id), opt(d.sender_unit_id),
                   opt(d.receiver_unit_id), d.channel, opt(d.replies_to), opt(d.event_date), opt(d.sent_on),
                   opt(d.received_on), d.data, opt(d.entered_by), d.created_at, opt(d.supersedes),
                   opt(d.correction_reason)});
}

Status set_superseded(Connection& c, std::int64_t id, std::int64_t by) {
  auto n = c.exec(sql::kSetSuperseded, {by, id});
  if (!n.ok()) return n.error();
  if (*n != 1) return conflict("DOCUMENT_SUPERSEDED", "该文书已被更正");
  return {};
}

Result<std::optional<Document>> find_document(Connection& c, std::int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + sql::kCols + kFrom + " WHERE d.id = ?", {id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<Document>{};
  return std::optional<Document>(from_row(**row));
}

Result<std::pair<std::vector<Document>, std::int64_t>> list_documents(Connection& c,
                                                                      const DocumentFilter& f) {
  std::string w = " WHERE 1=1";
  Params p;
  auto in = [&](const char* col, const std::vector<std::int64_t>& ids) {
    w += std::string(" AND ") + col + " IN (-1";
    for (auto id : ids) {
      w += ",?";
      p.push_back(id);
    }
    w += ")";
  };
  if (!f.receiver_unit_ids.empty()) in("d.receiver_unit_id", f.receiver_unit_ids);
  if (!f.sender_unit_ids.empty()) in("d.sender_unit_id", f.sender_unit_ids);
  if (!f.kind.empty()) {
    w += " AND d.kind = ?";
    p.push_back(f.kind);
  }
  if (f.person_id) {
    w += " AND d.person_id = ?";
    p.push_back(*f.person_id);
  }
  auto total = c.scalar(std::string("SELECT COUNT(*)") + kFrom + w, p);
  if (!total.ok()) return total.error();
  p.push_back(std::int64_t{f.page_size});
  p.push_back(std::int64_t{f.page - 1} * f.page_size);
  auto rows =
      c.query(std::string("SELECT ") + sql::kCols + kFrom + w + " ORDER BY d.id DESC LIMIT ? OFFSET ?", p);
  if (!rows.ok()) return rows.error();
  std::vector<Document> out;
  for (const auto& r : *rows) out.push_back(from_row(r));
  return std::make_pair(std::move(out), *total);
}

Result<std::vector<Document>> person_documents(Connection& c, std::int64_t person_id) {
  auto rows = c.query(std::string("SELECT ") + sql::kCols + kFrom + " WHERE d.person_id = ? ORDER BY d.id",
                      {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<Document> out;
  for (const auto& r : *rows) out.push_back(from_row(r));
  return out;
}

Status insert_class_change(Connection& c, const ClassChange& ch) {
  auto r = c.exec(sql::kInsertClass,
                  {ch.person_id, ch.from_date, std::int64_t{ch.key}, ch.reason, ch.detail, ch.created_at, ch.code});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<ClassChange>> class_history(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kClassHistory, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<ClassChange> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.boolean(2), r.str(3), r.str(4), r.i64(5), r.str(6)});
  return out;
}

Status set_key_subject(Connection& c, std::int64_t person_id, bool key) {
  auto r = c.exec(sql::kSetKey, {std::int64_t{key}, person_id});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::optional<std::optional<std::int64_t>>> latest_form_sender(Connection& c, std::int64_t person_id) {
  auto row = c.query_one(
      "SELECT sender_unit_id FROM documents WHERE person_id = ? AND kind = 'registration_form' ORDER BY id "
      "DESC "
      "LIMIT 1",
      {person_id});
  if (!row.ok()) return row.error();
  using Out = std::optional<std::optional<std::int64_t>>;
  if (!row->has_value()) return Out{};
  return Out((*row)->opt_i64(0));
}

}  // namespace anbang::store
