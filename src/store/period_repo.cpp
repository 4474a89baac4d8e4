#include "store/period_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kPeriodEndedOn =
    "SELECT ended_on FROM assistance_periods WHERE person_id = ? AND release_date = ? AND ended_on IS NOT "
    "NULL";
constexpr const char* kInsertPeriod =
    "INSERT INTO assistance_periods (person_id, release_date, release_kind, end_date, ended_on, end_reason, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kPersonPeriods =
    "SELECT person_id, release_date, release_kind, end_date, ended_on, end_reason, created_at FROM "
    "assistance_periods WHERE person_id = ? ORDER BY release_date DESC";
constexpr const char* kPeriodsDueToEnd =
    "SELECT p.id, p.release_date, p.release_kind, p.assistance_end_date FROM persons p WHERE "
    "p.assistance_end_date "
    "<= ? AND NOT EXISTS (SELECT 1 FROM assistance_periods a WHERE a.person_id = p.id AND a.release_date = "
    "p.release_date AND a.ended_on IS NOT NULL)";
constexpr const char* kPersonPeriodDueToEnd =
    "SELECT p.id, p.release_date, p.release_kind, p.assistance_end_date FROM persons p WHERE p.id = ? AND "
    "p.assistance_end_date <= ? AND NOT EXISTS (SELECT 1 FROM assistance_periods a WHERE a.person_id = p.id "
    "AND a.release_date = p.release_date AND a.ended_on IS NOT NULL)";
constexpr const char* kInsertCustody =
    "INSERT INTO custody_intervals (person_id, from_date, to_date, reason, kind, unit_id, user_id, "
    "created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kCountOpenDetentions =
    "SELECT COUNT(*) FROM custody_intervals WHERE person_id = ? AND kind = 'detention' AND to_date IS NULL";
constexpr const char* kCloseOpenDetentions =
    "UPDATE custody_intervals SET to_date = ? WHERE person_id = ? AND kind = 'detention' AND to_date IS NULL";
constexpr const char* kCustodyColumns =
    "SELECT id, person_id, kind, from_date, to_date, reason, unit_id, user_id, created_at FROM "
    "custody_intervals ";
constexpr const char* kEndDetention = "UPDATE custody_intervals SET to_date = ? WHERE id = ?";
}  // namespace sql

namespace {
CustodyRow custody_of(const Row& r) {
  // The column's CHECK constraint admits only the codes of CustodyKind.
  auto kind = domain::parse<domain::CustodyKind>(r.str(2)).value_or(domain::CustodyKind::detention);
  return {r.i64(0), r.i64(1),     kind,         r.str(3), r.opt_str(4),
          r.str(5), r.opt_i64(6), r.opt_i64(7), r.i64(8)};
}
}  // namespace

Result<std::optional<std::string>> period_ended_on(Connection& c, std::int64_t person_id,
                                                   const std::string& release_date) {
  auto row = c.query_one(sql::kPeriodEndedOn, {person_id, release_date});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<std::string>{};
  return std::optional<std::string>((*row)->str(0));
}

Status insert_period(Connection& c, const PeriodRow& p) {
  auto r = c.exec(sql::kInsertPeriod, {p.person_id, p.release_date, p.release_kind, p.end_date,
                                       opt(p.ended_on), p.end_reason, p.created_at});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<PeriodRow>> periods_due_to_end(Connection& c, const std::string& day) {
  auto rows = c.query(sql::kPeriodsDueToEnd, {day});
  if (!rows.ok()) return rows.error();
  std::vector<PeriodRow> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), std::nullopt, "", 0});
  return out;
}

Result<std::vector<PeriodRow>> person_period_due_to_end(Connection& c, std::int64_t person_id,
                                                        const std::string& day) {
  auto rows = c.query(sql::kPersonPeriodDueToEnd, {person_id, day});
  if (!rows.ok()) return rows.error();
  std::vector<PeriodRow> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), std::nullopt, "", 0});
  return out;
}

Result<std::vector<PeriodRow>> person_periods(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonPeriods, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<PeriodRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.opt_str(4), r.str(5), r.i64(6)});
  return out;
}

Result<std::int64_t> insert_custody(Connection& c, const CustodyRow& r) {
  return c.scalar(sql::kInsertCustody, {r.person_id, r.from_date, opt(r.to_date), r.note, std::string(domain::code(r.kind)),
                                        opt(r.unit_id), opt(r.user_id), r.created_at});
}

Result<std::int64_t> count_open_detentions(Connection& c, std::int64_t person_id) {
  return c.scalar(sql::kCountOpenDetentions, {person_id});
}

Status close_open_detentions(Connection& c, std::int64_t person_id, const std::string& to_date) {
  auto r = c.exec(sql::kCloseOpenDetentions, {to_date, person_id});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::optional<CustodyRow>> find_detention(Connection& c, std::int64_t id, std::int64_t person_id) {
  auto row =
      c.query_one(std::string(sql::kCustodyColumns) + "WHERE id = ? AND person_id = ? AND kind = 'detention'",
                  {id, person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<CustodyRow>{};
  return std::optional<CustodyRow>(custody_of(**row));
}

Status end_detention(Connection& c, std::int64_t id, const std::string& to_date) {
  auto r = c.exec(sql::kEndDetention, {to_date, id});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<CustodyRow>> person_custody(Connection& c, std::int64_t person_id) {
  auto rows =
      c.query(std::string(sql::kCustodyColumns) + "WHERE person_id = ? ORDER BY from_date DESC, id DESC",
              {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<CustodyRow> out;
  for (const auto& r : *rows) out.push_back(custody_of(r));
  return out;
}

}  // namespace anbang::store
