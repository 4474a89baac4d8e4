#include "store/employment_repo.hpp"

#include "store/assistance_repo.hpp"
#include "store/base_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertStatus =
    "INSERT INTO employment_statuses (person_id, kind, since, employer, job, supported_by_family, reason, note, "
    "unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertService =
    "INSERT INTO employment_services (person_id, kind, given_on, provider_unit_id, employer, result, note, unit_id, "
    "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertBenefit =
    "INSERT INTO employment_benefits (person_id, kind, department_unit_id, amount_fen, from_on, to_on, lender, "
    "enterprise, note, unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kStatuses =
    "SELECT s.id, s.person_id, s.kind, s.since, s.employer, s.job, s.supported_by_family, s.reason, s.note, "
    "s.unit_id, s.user_id, s.created_at, COALESCE(u.display_name, '') FROM employment_statuses s LEFT JOIN users u "
    "ON u.id = s.user_id WHERE s.person_id = ? ORDER BY s.since DESC, s.id DESC";
constexpr const char* kServices =
    "SELECT s.id, s.person_id, s.kind, s.given_on, s.provider_unit_id, s.employer, s.result, s.note, s.unit_id, "
    "s.user_id, s.created_at, COALESCE(u.display_name, '') FROM employment_services s LEFT JOIN users u ON u.id = "
    "s.user_id WHERE s.person_id = ? ORDER BY s.given_on DESC, s.id DESC";
constexpr const char* kBenefits =
    "SELECT b.id, b.person_id, b.kind, b.department_unit_id, b.amount_fen, b.from_on, b.to_on, b.lender, "
    "b.enterprise, b.note, b.unit_id, b.user_id, b.created_at, COALESCE(u.display_name, '') FROM "
    "employment_benefits b LEFT JOIN users u ON u.id = b.user_id WHERE b.person_id = ? ORDER BY b.from_on DESC, "
    "b.id DESC";
// The current status entry of each person: the latest begun by today (since, then id).
constexpr const char* kCurrentStatuses =
    "SELECT s.person_id, s.kind, s.supported_by_family, s.reason FROM employment_statuses s WHERE s.since <= ? AND "
    "NOT EXISTS (SELECT 1 FROM employment_statuses t WHERE t.person_id = s.person_id AND t.since <= ? AND "
    "(t.since > s.since OR (t.since = s.since AND t.id > s.id))) AND s.person_id IN ";
constexpr const char* kPersonIdsBetween = "SELECT id FROM persons WHERE id BETWEEN ? AND ? ORDER BY id";
constexpr const char* kSetResettlement =
    "UPDATE persons SET resettlement = ?, resettlement_reason = ? WHERE id = ? AND (resettlement <> ? OR "
    "resettlement_reason <> ?)";
}  // namespace sql

Result<std::int64_t> insert_employment_status(Connection& c, const EmploymentStatusRow& s) {
  return c.scalar(sql::kInsertStatus, {s.person_id, s.kind, s.since, s.employer, s.job,
                                       std::int64_t{s.supported_by_family}, s.reason, s.note, opt(s.unit_id),
                                       opt(s.user_id), s.created_at});
}

Result<std::int64_t> insert_employment_service(Connection& c, const EmploymentServiceRow& s) {
  return c.scalar(sql::kInsertService, {s.person_id, s.kind, s.given_on, s.provider_unit_id, s.employer, s.result,
                                        s.note, opt(s.unit_id), opt(s.user_id), s.created_at});
}

Result<std::int64_t> insert_employment_benefit(Connection& c, const EmploymentBenefitRow& b) {
  return c.scalar(sql::kInsertBenefit, {b.person_id, b.kind, b.department_unit_id, b.amount_fen, b.from_on,
                                        opt(b.to_on), b.lender, b.enterprise, b.note, opt(b.unit_id),
                                        opt(b.user_id), b.created_at});
}

Result<std::vector<EmploymentStatusRow>> person_employment_statuses(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kStatuses, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<EmploymentStatusRow> out;
  for (const auto& r : *rows) {
    EmploymentStatusRow s;
    s.id = r.i64(0);
    s.person_id = r.i64(1);
    s.kind = r.str(2);
    s.since = r.str(3);
    s.employer = r.str(4);
    s.job = r.str(5);
    s.supported_by_family = r.boolean(6);
    s.reason = r.str(7);
    s.note = r.str(8);
    s.unit_id = r.opt_i64(9);
    s.user_id = r.opt_i64(10);
    s.created_at = r.i64(11);
    s.user_name = r.str(12);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<EmploymentServiceRow>> person_employment_services(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kServices, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<EmploymentServiceRow> out;
  for (const auto& r : *rows) {
    EmploymentServiceRow s;
    s.id = r.i64(0);
    s.person_id = r.i64(1);
    s.kind = r.str(2);
    s.given_on = r.str(3);
    s.provider_unit_id = r.i64(4);
    s.employer = r.str(5);
    s.result = r.str(6);
    s.note = r.str(7);
    s.unit_id = r.opt_i64(8);
    s.user_id = r.opt_i64(9);
    s.created_at = r.i64(10);
    s.user_name = r.str(11);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<EmploymentBenefitRow>> person_employment_benefits(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kBenefits, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<EmploymentBenefitRow> out;
  for (const auto& r : *rows) {
    EmploymentBenefitRow b;
    b.id = r.i64(0);
    b.person_id = r.i64(1);
    b.kind = r.str(2);
    b.department_unit_id = r.i64(3);
    b.amount_fen = r.i64(4);
    b.from_on = r.str(5);
    b.to_on = r.opt_str(6);
    b.lender = r.str(7);
    b.enterprise = r.str(8);
    b.note = r.str(9);
    b.unit_id = r.opt_i64(10);
    b.user_id = r.opt_i64(11);
    b.created_at = r.i64(12);
    b.user_name = r.str(13);
    out.push_back(std::move(b));
  }
  return out;
}

Result<std::map<std::int64_t, domain::ResettlementFacts>> resettlement_facts(Connection& c,
                                                                            const std::vector<std::int64_t>& person_ids,
                                                                            const std::string& today) {
  std::map<std::int64_t, domain::ResettlementFacts> out;
  for (auto id : person_ids) out[id];
  if (person_ids.empty()) return out;
  Params p = {today, today};
  std::string ids = "(";
  for (std::size_t i = 0; i < person_ids.size(); ++i) {
    ids += i ? ",?" : "?";
    p.push_back(person_ids[i]);
  }
  ids += ")";
  // R-EMP-1: the current employment status entry.
  auto rows = c.query(std::string(sql::kCurrentStatuses) + ids, p);
  if (!rows.ok()) return rows.error();
  for (const auto& r : *rows) {
    domain::ResettlementFacts& f = out[r.i64(0)];
    f.employment = domain::parse<domain::EmploymentKind>(r.str(1));
    f.supported_by_family = r.boolean(2);
    f.recorded_reason = domain::parse<domain::UnresettledReason>(r.str(3));
    f.in_base = f.employment == domain::EmploymentKind::in_base;
  }
  // R-BASE-1: an active placement in a transitional base; R-AID-1..6: social assistance granted and running.
  auto placed = persons_in_base_on(c, person_ids, today);
  if (!placed.ok()) return placed.error();
  for (auto id : *placed) out[id].in_base = true;
  auto assisted = persons_assisted_on(c, person_ids, today);
  if (!assisted.ok()) return assisted.error();
  for (auto id : *assisted) out[id].on_social_assistance = true;
  return out;
}

Result<std::vector<std::int64_t>> person_ids_between(Connection& c, std::int64_t from_id, std::int64_t to_id) {
  auto rows = c.query(sql::kPersonIdsBetween, {from_id, to_id});
  if (!rows.ok()) return rows.error();
  std::vector<std::int64_t> out;
  for (const auto& r : *rows) out.push_back(r.i64(0));
  return out;
}

Result<bool> set_resettlement(Connection& c, std::int64_t person_id, std::string_view status, std::string_view reason) {
  auto n = c.exec(sql::kSetResettlement,
                  {std::string(status), std::string(reason), person_id, std::string(status), std::string(reason)});
  if (!n.ok()) return n.error();
  return *n > 0;
}

}  // namespace anbang::store
