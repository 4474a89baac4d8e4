#include "store/assistance_repo.hpp"

#include <algorithm>

namespace anbang::store {

namespace sql {
constexpr const char* kAidCols =
    "a.id, a.person_id, a.kind, a.applied_on, a.addressee, a.deciding_unit_id, a.school_name, a.request, "
    "a.facts, a.state, a.answered_on, a.accepted_on, a.documents_requested_on, a.documents_missing, "
    "a.decided_on, a.amount_fen, a.granted_from, a.granted_to, a.refusal_reason, a.decided_by, a.unit_id, "
    "a.user_id, a.created_at, p.name, COALESCE(u.display_name, ''), p.id_number, p.household_unit_id";
constexpr const char* kAidFrom =
    " FROM assistance_applications a JOIN persons p ON p.id = a.person_id LEFT JOIN users u ON u.id = a.user_id ";
constexpr const char* kInsertAid =
    "INSERT INTO assistance_applications (person_id, kind, applied_on, addressee, deciding_unit_id, school_name, "
    "request, facts, state, unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'referred', ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSetAccepted =
    "UPDATE assistance_applications SET state = 'accepted', accepted_on = ?, answered_on = COALESCE(answered_on, ?) "
    "WHERE id = ?";
constexpr const char* kSetDocuments =
    "UPDATE assistance_applications SET state = 'documents_requested', documents_requested_on = ?, "
    "documents_missing = ?, answered_on = COALESCE(answered_on, ?) WHERE id = ?";
constexpr const char* kSetDecided =
    "UPDATE assistance_applications SET state = ?, decided_on = ?, amount_fen = ?, granted_from = ?, granted_to = ?, "
    "refusal_reason = ?, decided_by = ?, answered_on = COALESCE(answered_on, ?) WHERE id = ?";
constexpr const char* kInsertStep =
    "INSERT INTO assistance_steps (application_id, step, on_date, note, unit_id, user_id, created_at) VALUES (?, ?, "
    "?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kStepCols =
    "SELECT s.id, s.application_id, s.step, s.on_date, s.note, s.unit_id, s.user_id, s.created_at, "
    "COALESCE(u.display_name, '') FROM assistance_steps s LEFT JOIN users u ON u.id = s.user_id ";
constexpr const char* kReferralTo =
    "SELECT 1 FROM assistance_applications WHERE person_id = ? AND deciding_unit_id = ? LIMIT 1";
constexpr const char* kDibao =
    "SELECT id, granted_from, granted_to, amount_fen FROM assistance_applications WHERE person_id = ? AND kind = "
    "'dibao' AND state = 'granted' ORDER BY granted_from, id";
constexpr const char* kGrantedOn =
    "SELECT COUNT(*) FROM assistance_applications WHERE person_id = ? AND kind = ? AND state = 'granted' AND "
    "granted_from <= ? AND granted_to >= ?";
constexpr const char* kAssistedOn =
    "SELECT DISTINCT person_id FROM assistance_applications WHERE state = 'granted' AND granted_from <= ? AND "
    "(granted_to IS NULL OR granted_to >= ?) AND person_id IN ";
}  // namespace sql

namespace {
AidRow aid_from(const Row& r) {
  AidRow a;
  a.id = r.i64(0);
  a.person_id = r.i64(1);
  a.kind = r.str(2);
  a.applied_on = r.str(3);
  a.addressee = r.str(4);
  a.deciding_unit_id = r.i64(5);
  a.school_name = r.str(6);
  a.request = r.str(7);
  a.facts = r.str(8);
  a.state = r.str(9);
  a.answered_on = r.opt_str(10);
  a.accepted_on = r.opt_str(11);
  a.documents_requested_on = r.opt_str(12);
  a.documents_missing = r.str(13);
  a.decided_on = r.opt_str(14);
  a.amount_fen = r.opt_i64(15);
  a.granted_from = r.opt_str(16);
  a.granted_to = r.opt_str(17);
  a.refusal_reason = r.str(18);
  a.decided_by = r.opt_i64(19);
  a.unit_id = r.opt_i64(20);
  a.user_id = r.opt_i64(21);
  a.created_at = r.i64(22);
  a.person_name = r.str(23);
  a.user_name = r.str(24);
  a.id_number = r.opt_str(25);
  a.household_unit_id = r.i64(26);
  return a;
}

Result<std::vector<AidRow>> aid_rows(Connection& c, const std::string& where, const Params& p) {
  auto rows = c.query(std::string("SELECT ") + sql::kAidCols + sql::kAidFrom + where, p);
  if (!rows.ok()) return rows.error();
  std::vector<AidRow> out;
  for (const auto& r : *rows) out.push_back(aid_from(r));
  return out;
}

Result<std::vector<AidStepRow>> step_rows(Connection& c, const std::string& where, const Params& p) {
  auto rows = c.query(std::string(sql::kStepCols) + where, p);
  if (!rows.ok()) return rows.error();
  std::vector<AidStepRow> out;
  for (const auto& r : *rows) {
    AidStepRow s;
    s.id = r.i64(0);
    s.application_id = r.i64(1);
    s.step = r.str(2);
    s.on_date = r.str(3);
    s.note = r.str(4);
    s.unit_id = r.opt_i64(5);
    s.user_id = r.opt_i64(6);
    s.created_at = r.i64(7);
    s.user_name = r.str(8);
    out.push_back(std::move(s));
  }
  return out;
}
}  // namespace

Result<std::int64_t> insert_application(Connection& c, const AidRow& a) {
  return c.scalar(sql::kInsertAid, {a.person_id, a.kind, a.applied_on, a.addressee, a.deciding_unit_id, a.school_name,
                                    a.request, a.facts, opt(a.unit_id), opt(a.user_id), a.created_at});
}

Result<std::vector<AidRow>> person_applications(Connection& c, std::int64_t person_id) {
  return aid_rows(c, "WHERE a.person_id = ? ORDER BY a.applied_on DESC, a.id DESC", {person_id});
}

Result<std::optional<AidRow>> find_application(Connection& c, std::int64_t id) {
  auto rows = aid_rows(c, "WHERE a.id = ?", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<AidRow>{};
  return std::optional<AidRow>(std::move(rows->front()));
}

Result<std::vector<AidRow>> open_referrals_to(Connection& c, std::int64_t unit_id, int limit) {
  return aid_rows(c,
                  "WHERE a.deciding_unit_id = ? AND a.state IN ('referred', 'accepted', 'documents_requested') "
                  "ORDER BY a.applied_on, a.id LIMIT ?",
                  {unit_id, static_cast<std::int64_t>(limit)});
}

Result<std::vector<AidRow>> decided_referrals_to(Connection& c, std::int64_t unit_id, int limit, int offset) {
  return aid_rows(c,
                  "WHERE a.deciding_unit_id = ? AND a.state IN ('granted', 'refused') ORDER BY a.decided_on DESC, "
                  "a.id DESC LIMIT ? OFFSET ?",
                  {unit_id, static_cast<std::int64_t>(limit), static_cast<std::int64_t>(offset)});
}

Result<std::int64_t> count_decided_referrals_to(Connection& c, std::int64_t unit_id) {
  return c.scalar(
      "SELECT COUNT(*) FROM assistance_applications WHERE deciding_unit_id = ? AND state IN ('granted', 'refused')",
      {unit_id});
}

Status set_accepted(Connection& c, std::int64_t id, const std::string& on) {
  auto n = c.exec(sql::kSetAccepted, {on, on, id});
  if (!n.ok()) return n.error();
  return {};
}

Status set_documents_requested(Connection& c, std::int64_t id, const std::string& on, const std::string& missing) {
  auto n = c.exec(sql::kSetDocuments, {on, missing, on, id});
  if (!n.ok()) return n.error();
  return {};
}

Status set_decided(Connection& c, const AidRow& d) {
  auto n = c.exec(sql::kSetDecided, {d.state, opt(d.decided_on), opt(d.amount_fen), opt(d.granted_from),
                                     opt(d.granted_to), d.refusal_reason, opt(d.decided_by), opt(d.decided_on), d.id});
  if (!n.ok()) return n.error();
  return {};
}

Result<std::int64_t> insert_step(Connection& c, const AidStepRow& s) {
  return c.scalar(sql::kInsertStep,
                  {s.application_id, s.step, s.on_date, s.note, opt(s.unit_id), opt(s.user_id), s.created_at});
}

Result<std::vector<AidStepRow>> person_steps(Connection& c, std::int64_t person_id) {
  return step_rows(c,
                   "WHERE s.application_id IN (SELECT id FROM assistance_applications WHERE person_id = ?) ORDER BY "
                   "s.id",
                   {person_id});
}

Result<std::vector<AidStepRow>> application_steps(Connection& c, std::int64_t application_id) {
  return step_rows(c, "WHERE s.application_id = ? ORDER BY s.id", {application_id});
}

Result<std::optional<PersonRecord>> person_via_referral(Connection& c, std::int64_t person_id, std::int64_t unit_id) {
  auto row = c.query_one(sql::kReferralTo, {person_id, unit_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<PersonRecord>{};
  // The person row itself (the referral is the reason to reach it); the service shows only the
  // referral view's part of it.
  return find_person(c, domain::Scope{domain::ScopeKind::district, 0, {}}, person_id);
}

Result<std::vector<BenefitPeriod>> dibao_periods(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kDibao, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<BenefitPeriod> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.opt_i64(3).value_or(0)});
  return out;
}

Result<bool> granted_on(Connection& c, std::int64_t person_id, const std::string& kind, const std::string& on) {
  auto n = c.scalar(sql::kGrantedOn, {person_id, kind, on, on});
  if (!n.ok()) return n.error();
  return *n > 0;
}

Result<std::set<std::int64_t>> persons_assisted_on(Connection& c, const std::vector<std::int64_t>& person_ids,
                                                  const std::string& day) {
  std::set<std::int64_t> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t i = 0; i < person_ids.size(); i += kChunk) {
    const std::size_t n = std::min(kChunk, person_ids.size() - i);
    std::string q = sql::kAssistedOn;
    q += "(";
    Params params = {day, day};
    for (std::size_t k = 0; k < n; ++k) {
      q += k ? ",?" : "?";
      params.emplace_back(person_ids[i + k]);
    }
    q += ")";
    auto rows = c.query(q, params);
    if (!rows.ok()) return rows.error();
    for (const auto& r : *rows) out.insert(r.i64(0));
  }
  return out;
}

}  // namespace anbang::store
