#include "store/warning_repo.hpp"

#include "store/person_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kWarningCols =
    "w.id, w.person_id, w.sign_kind, w.signs, w.observed_on, w.measures, w.police_unit_id, w.notified_on, "
    "w.notified_officer, w.state, w.lifted_on, w.lift_reason, w.unit_id, w.user_id, w.created_at, p.name, "
    "COALESCE(u.display_name, ''), p.residence_unit_id";
constexpr const char* kWarningFrom =
    " FROM warnings w JOIN persons p ON p.id = w.person_id LEFT JOIN users u ON u.id = w.user_id ";
constexpr const char* kInsertWarning =
    "INSERT INTO warnings (person_id, sign_kind, signs, observed_on, measures, police_unit_id, notified_on, "
    "notified_officer, state, unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSetNotice =
    "UPDATE warnings SET notified_on = ?, notified_officer = ?, police_unit_id = COALESCE(?, police_unit_id) "
    "WHERE id = ?";
constexpr const char* kLift =
    "UPDATE warnings SET state = 'lifted', lifted_on = ?, lift_reason = ?, lifted_by = ? WHERE id = ?";
constexpr const char* kOpenOfPeriod =
    "SELECT w.id, w.created_at FROM warnings w JOIN persons p ON p.id = w.person_id WHERE w.person_id = ? AND w.state = 'open' "
    "AND w.observed_on >= COALESCE((SELECT MAX(ci.from_date) FROM custody_intervals ci WHERE ci.person_id = p.id "
    "AND ci.kind = 'new_sentence' AND ci.from_date < p.release_date), '') ORDER BY w.created_at DESC, w.id DESC LIMIT 1";
constexpr const char* kInsertReoffence =
    "INSERT INTO reoffences (person_id, offence_on, custody_on, charge_id, authority, note, period_release_date, "
    "in_period, custody_id, unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kPersonReoffences =
    "SELECT r.id, r.person_id, r.offence_on, r.custody_on, r.charge_id, r.authority, r.note, "
    "r.period_release_date, r.in_period, r.custody_id, r.unit_id, r.user_id, r.created_at, "
    "COALESCE(u.display_name, '') FROM reoffences r LEFT JOIN users u ON u.id = r.user_id WHERE r.person_id = "
    "? ORDER BY r.offence_on DESC, r.id DESC";
}  // namespace sql

namespace {
WarningRow warning_from(const Row& r) {
  WarningRow w;
  w.id = r.i64(0);
  w.person_id = r.i64(1);
  w.sign_kind = r.str(2);
  w.signs = r.str(3);
  w.observed_on = r.str(4);
  w.measures = r.str(5);
  w.police_unit_id = r.opt_i64(6);
  w.notified_on = r.opt_str(7);
  w.notified_officer = r.str(8);
  w.state = r.str(9);
  w.lifted_on = r.opt_str(10);
  w.lift_reason = r.str(11);
  w.unit_id = r.opt_i64(12);
  w.user_id = r.opt_i64(13);
  w.created_at = r.i64(14);
  w.person_name = r.str(15);
  w.user_name = r.str(16);
  w.residence_unit_id = r.i64(17);
  return w;
}
}  // namespace

Result<std::int64_t> insert_warning(Connection& c, const WarningRow& w) {
  return c.scalar(sql::kInsertWarning, {w.person_id, w.sign_kind, w.signs, w.observed_on, w.measures,
                                        opt(w.police_unit_id), opt(w.notified_on), w.notified_officer,
                                        opt(w.unit_id), opt(w.user_id), w.created_at});
}

Result<std::vector<WarningRow>> person_warnings(Connection& c, std::int64_t person_id) {
  auto rows = c.query(std::string("SELECT ") + sql::kWarningCols + sql::kWarningFrom +
                          "WHERE w.person_id = ? ORDER BY w.observed_on DESC, w.id DESC",
                      {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<WarningRow> out;
  for (const auto& r : *rows) out.push_back(warning_from(r));
  return out;
}

Result<std::optional<WarningRow>> find_warning(Connection& c, std::int64_t id, std::int64_t person_id) {
  auto row = c.query_one(std::string("SELECT ") + sql::kWarningCols + sql::kWarningFrom +
                             "WHERE w.id = ? AND w.person_id = ?",
                         {id, person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<WarningRow>{};
  return std::optional<WarningRow>(warning_from(**row));
}

Status set_warning_notice(Connection& c, std::int64_t id, const std::string& notified_on, const std::string& officer,
                          std::optional<std::int64_t> police_unit_id) {
  auto n = c.exec(sql::kSetNotice, {notified_on, officer, opt(police_unit_id), id});
  if (!n.ok()) return n.error();
  return {};
}

Status lift_warning(Connection& c, std::int64_t id, const std::string& lifted_on, const std::string& reason,
                    std::optional<std::int64_t> user_id) {
  auto n = c.exec(sql::kLift, {lifted_on, reason, opt(user_id), id});
  if (!n.ok()) return n.error();
  return {};
}

Result<std::optional<OpenWarning>> open_warning_of_period(Connection& c, std::int64_t person_id) {
  auto row = c.query_one(sql::kOpenOfPeriod, {person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<OpenWarning>{};
  return std::optional<OpenWarning>(OpenWarning{(*row)->i64(0), (*row)->i64(1)});
}

Result<std::vector<WarningRow>> open_warnings(Connection& c, const domain::Scope& scope,
                                              std::optional<std::int64_t> police_unit_id, int limit) {
  Params p;
  std::string w = scope_predicate(scope, p);
  std::string sql = std::string("SELECT ") + sql::kWarningCols + sql::kWarningFrom + "WHERE w.state = 'open' AND " + w;
  if (police_unit_id) {
    sql += " AND w.police_unit_id = ?";
    p.push_back(*police_unit_id);
  }
  sql += " ORDER BY w.observed_on, w.id LIMIT ?";
  p.push_back(std::int64_t{limit});
  auto rows = c.query(sql, p);
  if (!rows.ok()) return rows.error();
  std::vector<WarningRow> out;
  for (const auto& r : *rows) out.push_back(warning_from(r));
  return out;
}

Result<std::vector<KeySubjectRow>> key_subjects(Connection& c, const domain::Scope& scope, const std::string& today,
                                                int limit) {
  Params p = {today, today};
  std::string w = scope_predicate(scope, p);
  p.push_back(std::int64_t{limit});
  auto rows = c.query(
      "SELECT p.id, p.name, p.release_date, p.assistance_end_date, p.residence_unit_id, (SELECT COUNT(*) FROM "
      "warnings w WHERE w.person_id = p.id AND w.state = 'open') FROM persons p WHERE p.key_subject = 1 AND "
      "p.release_date <= ? AND p.assistance_end_date > ? AND " +
          w + " ORDER BY p.pinyin_keys, p.id LIMIT ?",
      p);
  if (!rows.ok()) return rows.error();
  std::vector<KeySubjectRow> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4), r.i64(5)});
  return out;
}

Result<std::int64_t> insert_reoffence(Connection& c, const ReoffenceRow& r) {
  return c.scalar(sql::kInsertReoffence,
                  {r.person_id, r.offence_on, r.custody_on, r.charge_id, r.authority, r.note, r.period_release_date,
                   std::int64_t{r.in_period ? 1 : 0}, opt(r.custody_id), opt(r.unit_id), opt(r.user_id),
                   r.created_at});
}

Result<std::vector<ReoffenceRow>> person_reoffences(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonReoffences, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<ReoffenceRow> out;
  for (const auto& r : *rows) {
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.i64(4), r.str(5), r.str(6), r.str(7), r.boolean(8),
                   r.opt_i64(9), r.opt_i64(10), r.opt_i64(11), r.i64(12), r.str(13)});
  }
  return out;
}

Result<std::int64_t> count_reoffenders(Connection& c, const domain::Scope& scope, const std::string& from,
                                       const std::string& to) {
  Params p = {from, to};
  std::string w = scope_predicate(scope, p);
  return c.scalar(
      "SELECT COUNT(DISTINCT r.person_id) FROM reoffences r JOIN persons p ON p.id = r.person_id WHERE "
      "r.in_period = 1 AND r.offence_on >= ? AND r.offence_on <= ? AND " +
          w,
      p);
}

}  // namespace anbang::store
