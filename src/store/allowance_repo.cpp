#include "store/allowance_repo.hpp"

#include <unordered_map>

#include "rules/allowance.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertKind =
    "INSERT INTO household_kinds (person_id, since, kind, unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kPersonKinds =
    "SELECT k.id, k.person_id, k.since, k.kind, k.unit_id, k.user_id, k.created_at, COALESCE(u.display_name, '') "
    "FROM household_kinds k LEFT JOIN users u ON u.id = k.user_id WHERE k.person_id = ? ORDER BY k.since, k.id";
constexpr const char* kAllowCols =
    "SELECT a.id, a.person_id, a.period_release_date, a.applied_on, a.doc_release_certificate, a.doc_id_card, "
    "a.doc_household_register, a.hardship, a.village_unit_id, a.office_unit_id, a.township_unit_id, a.state, "
    "a.since, a.approved_on, a.rejected_reason, a.unit_id, a.user_id, a.created_at, p.name, "
    "COALESCE(u.display_name, ''), p.id_number, p.household_unit_id FROM allowance_applications a JOIN persons p ON "
    "p.id = a.person_id LEFT JOIN users u ON u.id = a.user_id ";
constexpr const char* kInsertAllowance =
    "INSERT INTO allowance_applications (person_id, period_release_date, applied_on, doc_release_certificate, "
    "doc_id_card, doc_household_register, hardship, village_unit_id, office_unit_id, township_unit_id, state, since, "
    "unit_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kLiveExists =
    "SELECT COUNT(*) FROM allowance_applications WHERE person_id = ? AND period_release_date = ? AND state <> "
    "'rejected'";
constexpr const char* kSetState =
    "UPDATE allowance_applications SET state = ?, since = ?, approved_on = COALESCE(?, approved_on), "
    "rejected_reason = ? WHERE id = ?";
constexpr const char* kWaitingFor =
    "WHERE (a.state IN ('documents', 'verification') AND a.office_unit_id = ?) OR (a.state = 'certificate' AND "
    "COALESCE(a.village_unit_id, a.office_unit_id) = ?) OR (a.state = 'approval' AND a.township_unit_id = ?) "
    "ORDER BY a.since, a.id LIMIT ?";
constexpr const char* kInsertStep =
    "INSERT INTO allowance_steps (application_id, step, on_date, note, unit_id, user_id, created_at) VALUES (?, ?, ?, "
    "?, ?, ?, ?) RETURNING id";
constexpr const char* kSteps =
    "SELECT s.id, s.application_id, s.step, s.on_date, s.note, s.unit_id, s.user_id, s.created_at, "
    "COALESCE(u.display_name, '') FROM allowance_steps s LEFT JOIN users u ON u.id = s.user_id WHERE "
    "s.application_id = ? ORDER BY s.id";
// The facts of the rules (rules::AllowanceCase), for a set of applications (`a` restricted by the
// caller's WHERE), each query in application order.
constexpr const char* kCaseApps =
    "SELECT a.id, a.person_id, a.period_release_date, a.office_unit_id, COALESCE(a.village_unit_id, 0), "
    "a.township_unit_id, (SELECT MIN(r.registered_on) FROM registrations r WHERE r.person_id = a.person_id AND "
    "r.registered_on >= a.period_release_date) FROM allowance_applications a ";
constexpr const char* kCaseSteps =
    "SELECT s.application_id, s.step, s.on_date FROM allowance_steps s JOIN allowance_applications a ON a.id = "
    "s.application_id ";
constexpr const char* kCaseKinds =
    "SELECT a.id, k.since, k.kind FROM household_kinds k JOIN allowance_applications a ON a.person_id = k.person_id ";
constexpr const char* kCaseDibao =
    "SELECT a.id, d.granted_from, d.granted_to FROM assistance_applications d JOIN allowance_applications a ON "
    "a.person_id = d.person_id AND d.kind = 'dibao' AND d.state = 'granted' AND d.granted_from IS NOT NULL ";
constexpr const char* kCaseReoffences =
    "SELECT a.id, o.offence_on FROM reoffences o JOIN allowance_applications a ON a.person_id = o.person_id AND "
    "o.offence_on >= a.period_release_date ";
constexpr const char* kCasePaid =
    "SELECT a.id, l.month, l.paid_on FROM allowance_ledger l JOIN allowance_applications a ON a.id = "
    "l.application_id AND l.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM allowance_ledger x WHERE x.reverses_id = "
    "l.id) ";
constexpr const char* kCurrentPeriod =
    "WHERE a.person_id BETWEEN ? AND ? AND a.period_release_date = (SELECT p.release_date FROM persons p WHERE p.id "
    "= a.person_id)";
constexpr const char* kOneApp = "WHERE a.id = ?";

constexpr const char* kLedgerCols =
    "SELECT l.id, l.application_id, l.person_id, l.township_unit_id, l.month, l.attempt, l.kind, l.amount_fen, "
    "l.paid_on, l.run_id, l.line_id, l.reverses_id, l.reason, l.user_id, l.created_at, COALESCE(u.display_name, ''), "
    "EXISTS (SELECT 1 FROM allowance_ledger x WHERE x.reverses_id = l.id) FROM allowance_ledger l LEFT JOIN users u "
    "ON u.id = l.user_id ";
constexpr const char* kInsertLedger =
    "INSERT INTO allowance_ledger (application_id, person_id, township_unit_id, month, attempt, kind, amount_fen, "
    "paid_on, run_id, line_id, reverses_id, reason, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?) RETURNING id";

constexpr const char* kNextSeq =
    "SELECT COALESCE(MAX(seq), 0) + 1 FROM allowance_runs WHERE township_unit_id = ? AND month = ?";
constexpr const char* kInsertRun =
    "INSERT INTO allowance_runs (township_unit_id, month, seq, state, total_fen, confirmed_by, confirmed_at) VALUES "
    "(?, ?, ?, 'confirmed', ?, ?, ?) RETURNING id";
constexpr const char* kInsertLine =
    "INSERT INTO allowance_run_lines (run_id, application_id, person_id, month, attempt, household_kind, "
    "standard_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kRunCols =
    "SELECT r.id, r.township_unit_id, r.month, r.seq, r.state, r.total_fen, r.confirmed_by, r.confirmed_at, "
    "r.paid_on, r.paid_by, r.paid_at, COALESCE(c.display_name, ''), COALESCE(pb.display_name, ''), r.cancelled_at, "
    "r.cancel_reason, COALESCE(cb.display_name, '') FROM allowance_runs r LEFT JOIN users c ON c.id = "
    "r.confirmed_by LEFT JOIN users pb ON pb.id = r.paid_by LEFT JOIN users cb ON cb.id = r.cancelled_by ";
constexpr const char* kLines =
    "SELECT l.id, l.run_id, l.application_id, l.person_id, l.month, l.attempt, l.household_kind, l.standard_fen, "
    "l.amount_fen, p.name, p.id_number, p.household_unit_id, EXISTS (SELECT 1 FROM allowance_ledger e JOIN "
    "allowance_ledger x ON x.reverses_id = e.id WHERE e.line_id = l.id) FROM allowance_run_lines l JOIN persons p "
    "ON p.id = l.person_id WHERE l.run_id = ? ORDER BY l.id";
constexpr const char* kSetPaid =
    "UPDATE allowance_runs SET state = 'paid', paid_on = ?, paid_by = ?, paid_at = ? WHERE id = ? AND state = "
    "'confirmed'";
constexpr const char* kCancelRun =
    "UPDATE allowance_runs SET state = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancel_reason = ? WHERE id = "
    "? AND state = 'confirmed'";
constexpr const char* kVoidLines = "UPDATE allowance_run_lines SET voided = 1 WHERE run_id = ?";
constexpr const char* kHoldLedger =
    "SELECT l.month, l.kind, l.amount_fen, l.paid_on, EXISTS (SELECT 1 FROM allowance_ledger x WHERE x.reverses_id "
    "= l.id) FROM allowance_ledger l WHERE l.application_id = ? ORDER BY l.id";
constexpr const char* kHoldLines =
    "SELECT l.month, l.attempt, r.id, r.state FROM allowance_run_lines l JOIN allowance_runs r ON r.id = l.run_id "
    "WHERE l.application_id = ?";

// Counts by the month of their day; amounts by the month paid for.
constexpr const char* kReportApplied =
    "SELECT township_unit_id, substr(applied_on, 1, 7) m, COUNT(*) FROM allowance_applications WHERE "
    "substr(applied_on, 1, 7) BETWEEN ? AND ? GROUP BY township_unit_id, m";
constexpr const char* kReportApproved =
    "SELECT township_unit_id, substr(approved_on, 1, 7) m, COUNT(*) FROM allowance_applications WHERE approved_on IS "
    "NOT NULL AND substr(approved_on, 1, 7) BETWEEN ? AND ? GROUP BY township_unit_id, m";
constexpr const char* kReportRejected =
    "SELECT township_unit_id, substr(since, 1, 7) m, COUNT(*) FROM allowance_applications WHERE state = 'rejected' "
    "AND substr(since, 1, 7) BETWEEN ? AND ? GROUP BY township_unit_id, m";
constexpr const char* kReportPaid =
    "SELECT township_unit_id, month, COUNT(*), SUM(net) FROM (SELECT township_unit_id, month, person_id, "
    "SUM(amount_fen) net FROM allowance_ledger WHERE month BETWEEN ? AND ? GROUP BY township_unit_id, month, "
    "person_id) WHERE net > 0 GROUP BY township_unit_id, month";
}  // namespace sql

namespace {
Value boolean(bool b) { return static_cast<std::int64_t>(b ? 1 : 0); }

std::optional<domain::CivilDate> date_of(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  auto d = domain::parse_date(*text);
  if (!d.ok()) return std::nullopt;
  return *d;
}

std::string_view kind_code(const std::string& k) { return k == "rural" ? "rural" : "urban"; }

AllowanceRow allowance_from(const Row& r) {
  AllowanceRow a;
  a.id = r.i64(0);
  a.person_id = r.i64(1);
  a.period_release_date = r.str(2);
  a.applied_on = r.str(3);
  a.doc_release_certificate = r.boolean(4);
  a.doc_id_card = r.boolean(5);
  a.doc_household_register = r.boolean(6);
  a.hardship = r.str(7);
  a.village_unit_id = r.opt_i64(8);
  a.office_unit_id = r.i64(9);
  a.township_unit_id = r.i64(10);
  a.state = r.str(11);
  a.since = r.str(12);
  a.approved_on = r.opt_str(13);
  a.rejected_reason = r.str(14);
  a.unit_id = r.opt_i64(15);
  a.user_id = r.opt_i64(16);
  a.created_at = r.i64(17);
  a.person_name = r.str(18);
  a.user_name = r.str(19);
  a.id_number = r.opt_str(20);
  a.household_unit_id = r.i64(21);
  return a;
}

Result<std::vector<AllowanceRow>> allowance_rows(Connection& c, const std::string& where, const Params& p) {
  auto rows = c.query(std::string(sql::kAllowCols) + where, p);
  if (!rows.ok()) return rows.error();
  std::vector<AllowanceRow> out;
  for (const auto& r : *rows) out.push_back(allowance_from(r));
  return out;
}

LedgerRow ledger_from(const Row& r) {
  LedgerRow e;
  e.id = r.i64(0);
  e.application_id = r.i64(1);
  e.person_id = r.i64(2);
  e.township_unit_id = r.i64(3);
  e.month = r.str(4);
  e.attempt = r.i64(5);
  e.kind = r.str(6);
  e.amount_fen = r.i64(7);
  e.paid_on = r.str(8);
  e.run_id = r.opt_i64(9);
  e.line_id = r.opt_i64(10);
  e.reverses_id = r.opt_i64(11);
  e.reason = r.str(12);
  e.user_id = r.opt_i64(13);
  e.created_at = r.i64(14);
  e.user_name = r.str(15);
  e.reversed = r.boolean(16);
  return e;
}

RunRow run_from(const Row& r) {
  RunRow x;
  x.id = r.i64(0);
  x.township_unit_id = r.i64(1);
  x.month = r.str(2);
  x.seq = r.i64(3);
  x.state = r.str(4);
  x.total_fen = r.i64(5);
  x.confirmed_by = r.opt_i64(6);
  x.confirmed_at = r.i64(7);
  x.paid_on = r.opt_str(8);
  x.paid_by = r.opt_i64(9);
  x.paid_at = r.opt_i64(10);
  x.confirmed_by_name = r.str(11);
  x.paid_by_name = r.str(12);
  x.cancelled_at = r.opt_i64(13);
  x.cancel_reason = r.str(14);
  x.cancelled_by_name = r.str(15);
  return x;
}

// The cases of the applications `where` selects (with `params`), each query in one pass.
Result<std::vector<AllowanceCaseRow>> cases(Connection& c, const std::string& where, const Params& params) {
  std::vector<AllowanceCaseRow> out;
  std::unordered_map<std::int64_t, std::size_t> at;
  auto apps = c.query(std::string(sql::kCaseApps) + where + " ORDER BY a.id", params);
  if (!apps.ok()) return apps.error();
  for (const auto& r : *apps) {
    auto release = date_of(r.opt_str(2));
    if (!release) continue;
    AllowanceCaseRow row;
    row.person_id = r.i64(1);
    row.release_date = *release;
    row.registration_date = date_of(r.opt_str(6));
    row.facts.id = r.i64(0);
    row.facts.office_unit_id = r.i64(3);
    row.facts.village_unit_id = r.i64(4);
    row.facts.township_unit_id = r.i64(5);
    at[row.facts.id] = out.size();
    out.push_back(std::move(row));
  }
  if (out.empty()) return out;
  auto each = [&](const char* select, const char* order, auto&& fn) -> Status {
    auto rows = c.query(std::string(select) + where + order, params);
    if (!rows.ok()) return rows.error();
    for (const auto& r : *rows) {
      auto it = at.find(r.i64(0));
      if (it != at.end()) fn(out[it->second].facts, r);
    }
    return {};
  };
  Status s = each(sql::kCaseSteps, " ORDER BY s.id", [](rules::AllowanceCase& f, const Row& r) {
    auto step = rules::parse_chain_step(r.str(1));
    auto on = date_of(r.opt_str(2));
    if (step && on) f.steps.push_back({*step, *on});
  });
  if (!s.ok()) return s.error();
  s = each(sql::kCaseKinds, " ORDER BY k.since, k.id", [](rules::AllowanceCase& f, const Row& r) {
    if (auto since = date_of(r.opt_str(1))) f.household_kinds.push_back({*since, kind_code(r.str(2))});
  });
  if (!s.ok()) return s.error();
  s = each(sql::kCaseDibao, "", [](rules::AllowanceCase& f, const Row& r) {
    if (auto from = date_of(r.opt_str(1))) f.dibao.push_back({*from, date_of(r.opt_str(2))});
  });
  if (!s.ok()) return s.error();
  s = each(sql::kCaseReoffences, "", [](rules::AllowanceCase& f, const Row& r) {
    if (auto on = date_of(r.opt_str(1))) f.reoffences.push_back(*on);
  });
  if (!s.ok()) return s.error();
  s = each(sql::kCasePaid, " ORDER BY l.id", [](rules::AllowanceCase& f, const Row& r) {
    auto month = date_of(r.str(1) + "-01");
    auto on = date_of(r.opt_str(2));
    if (month && on) f.paid.push_back({*month, *on});
  });
  if (!s.ok()) return s.error();
  return out;
}
}  // namespace

Result<std::int64_t> insert_household_kind(Connection& c, const HouseholdKindRow& k) {
  return c.scalar(sql::kInsertKind, {k.person_id, k.since, k.kind, opt(k.unit_id), opt(k.user_id), k.created_at});
}

Result<std::vector<HouseholdKindRow>> person_household_kinds(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonKinds, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<HouseholdKindRow> out;
  for (const auto& r : *rows) {
    HouseholdKindRow k;
    k.id = r.i64(0);
    k.person_id = r.i64(1);
    k.since = r.str(2);
    k.kind = r.str(3);
    k.unit_id = r.opt_i64(4);
    k.user_id = r.opt_i64(5);
    k.created_at = r.i64(6);
    k.user_name = r.str(7);
    out.push_back(std::move(k));
  }
  return out;
}

Result<std::int64_t> insert_allowance(Connection& c, const AllowanceRow& a) {
  return c.scalar(sql::kInsertAllowance,
                  {a.person_id, a.period_release_date, a.applied_on, boolean(a.doc_release_certificate),
                   boolean(a.doc_id_card), boolean(a.doc_household_register), a.hardship, opt(a.village_unit_id),
                   a.office_unit_id, a.township_unit_id, a.state, a.since, opt(a.unit_id), opt(a.user_id),
                   a.created_at});
}

Result<std::optional<AllowanceRow>> find_allowance(Connection& c, std::int64_t id) {
  auto rows = allowance_rows(c, "WHERE a.id = ?", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<AllowanceRow>{};
  return std::optional<AllowanceRow>(std::move(rows->front()));
}

Result<std::vector<AllowanceRow>> person_allowances(Connection& c, std::int64_t person_id) {
  return allowance_rows(c, "WHERE a.person_id = ? ORDER BY a.applied_on DESC, a.id DESC", {person_id});
}

Result<bool> live_allowance_exists(Connection& c, std::int64_t person_id, const std::string& period_release_date) {
  auto n = c.scalar(sql::kLiveExists, {person_id, period_release_date});
  if (!n.ok()) return n.error();
  return *n > 0;
}

Status set_allowance_state(Connection& c, std::int64_t id, const std::string& state, const std::string& since,
                           const std::optional<std::string>& approved_on, const std::string& rejected_reason) {
  auto n = c.exec(sql::kSetState, {state, since, opt(approved_on), rejected_reason, id});
  if (!n.ok()) return n.error();
  return {};
}

Result<std::vector<AllowanceRow>> allowances_waiting_for(Connection& c, std::int64_t unit_id, int limit) {
  return allowance_rows(c, sql::kWaitingFor, {unit_id, unit_id, unit_id, static_cast<std::int64_t>(limit)});
}

Result<std::vector<AllowanceRow>> approved_allowances(Connection& c, std::int64_t township_unit_id) {
  return allowance_rows(c, "WHERE a.township_unit_id = ? AND a.state = 'approved' ORDER BY a.id", {township_unit_id});
}

Result<std::int64_t> insert_allowance_step(Connection& c, const AllowanceStepRow& s) {
  return c.scalar(sql::kInsertStep,
                  {s.application_id, s.step, s.on_date, s.note, opt(s.unit_id), opt(s.user_id), s.created_at});
}

Result<std::vector<AllowanceStepRow>> allowance_steps(Connection& c, std::int64_t application_id) {
  auto rows = c.query(sql::kSteps, {application_id});
  if (!rows.ok()) return rows.error();
  std::vector<AllowanceStepRow> out;
  for (const auto& r : *rows) {
    AllowanceStepRow s;
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

Result<std::vector<AllowanceCaseRow>> allowance_cases_between(Connection& c, std::int64_t from_id,
                                                              std::int64_t to_id) {
  return cases(c, sql::kCurrentPeriod, {from_id, to_id});
}

Result<std::optional<AllowanceCaseRow>> allowance_case(Connection& c, std::int64_t application_id) {
  auto found = cases(c, sql::kOneApp, {application_id});
  if (!found.ok()) return found.error();
  if (found->empty()) return std::optional<AllowanceCaseRow>{};
  return std::optional<AllowanceCaseRow>(std::move(found->front()));
}

Result<std::int64_t> insert_ledger(Connection& c, const LedgerRow& e) {
  return c.scalar(sql::kInsertLedger,
                  {e.application_id, e.person_id, e.township_unit_id, e.month, e.attempt, e.kind, e.amount_fen,
                   e.paid_on, opt(e.run_id), opt(e.line_id), opt(e.reverses_id), e.reason, opt(e.user_id),
                   e.created_at});
}

Result<std::optional<LedgerRow>> find_ledger(Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(sql::kLedgerCols) + "WHERE l.id = ?", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<LedgerRow>{};
  return std::optional<LedgerRow>(ledger_from(rows->front()));
}

Result<std::vector<LedgerRow>> application_ledger(Connection& c, std::int64_t application_id) {
  auto rows = c.query(std::string(sql::kLedgerCols) + "WHERE l.application_id = ? ORDER BY l.id", {application_id});
  if (!rows.ok()) return rows.error();
  std::vector<LedgerRow> out;
  for (const auto& r : *rows) out.push_back(ledger_from(r));
  return out;
}

Result<std::int64_t> next_run_seq(Connection& c, std::int64_t township_unit_id, const std::string& month) {
  return c.scalar(sql::kNextSeq, {township_unit_id, month});
}

Result<std::int64_t> insert_run(Connection& c, const RunRow& r) {
  return c.scalar(sql::kInsertRun,
                  {r.township_unit_id, r.month, r.seq, r.total_fen, opt(r.confirmed_by), r.confirmed_at});
}

Result<std::int64_t> insert_run_line(Connection& c, const RunLineRow& l) {
  return c.scalar(sql::kInsertLine, {l.run_id, l.application_id, l.person_id, l.month, l.attempt, l.household_kind,
                                     l.standard_fen, l.amount_fen});
}

Result<std::optional<RunRow>> find_run(Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(sql::kRunCols) + "WHERE r.id = ?", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<RunRow>{};
  return std::optional<RunRow>(run_from(rows->front()));
}

Result<std::vector<RunRow>> township_runs(Connection& c, std::int64_t township_unit_id, const std::string& month) {
  auto rows = month.empty()
                  ? c.query(std::string(sql::kRunCols) + "WHERE r.township_unit_id = ? ORDER BY r.month DESC, r.seq DESC",
                            {township_unit_id})
                  : c.query(std::string(sql::kRunCols) +
                                "WHERE r.township_unit_id = ? AND r.month = ? ORDER BY r.month DESC, r.seq DESC",
                            {township_unit_id, month});
  if (!rows.ok()) return rows.error();
  std::vector<RunRow> out;
  for (const auto& r : *rows) out.push_back(run_from(r));
  return out;
}

Result<std::vector<RunLineRow>> run_lines(Connection& c, std::int64_t run_id) {
  auto rows = c.query(sql::kLines, {run_id});
  if (!rows.ok()) return rows.error();
  std::vector<RunLineRow> out;
  for (const auto& r : *rows) {
    RunLineRow l;
    l.id = r.i64(0);
    l.run_id = r.i64(1);
    l.application_id = r.i64(2);
    l.person_id = r.i64(3);
    l.month = r.str(4);
    l.attempt = r.i64(5);
    l.household_kind = r.str(6);
    l.standard_fen = r.i64(7);
    l.amount_fen = r.i64(8);
    l.person_name = r.str(9);
    l.id_number = r.opt_str(10);
    l.household_unit_id = r.i64(11);
    l.reversed = r.boolean(12);
    out.push_back(std::move(l));
  }
  return out;
}

Result<bool> set_run_paid(Connection& c, std::int64_t run_id, const std::string& on, std::int64_t user_id,
                          std::int64_t at) {
  auto n = c.exec(sql::kSetPaid, {on, user_id, at, run_id});
  if (!n.ok()) return n.error();
  return *n == 1;
}

Result<bool> cancel_run(Connection& c, std::int64_t run_id, std::int64_t user_id, std::int64_t at,
                        const std::string& reason) {
  auto n = c.exec(sql::kCancelRun, {user_id, at, reason, run_id});
  if (!n.ok()) return n.error();
  if (*n != 1) return false;
  if (auto v = c.exec(sql::kVoidLines, {run_id}); !v.ok()) return v.error();
  return true;
}

Result<std::map<std::string, MonthHold>> month_holds(Connection& c, std::int64_t application_id) {
  std::map<std::string, MonthHold> out;
  auto ledger = c.query(sql::kHoldLedger, {application_id});
  if (!ledger.ok()) return ledger.error();
  for (const auto& r : *ledger) {
    MonthHold& h = out[r.str(0)];
    h.paid_fen += r.i64(2);
    if (r.str(1) == "reversal") {
      ++h.attempt;
    } else if (!r.boolean(4)) {
      h.paid_on = r.str(3);
    }
  }
  auto lines = c.query(sql::kHoldLines, {application_id});
  if (!lines.ok()) return lines.error();
  for (const auto& r : *lines) {
    MonthHold& h = out[r.str(0)];
    if (r.i64(1) == h.attempt && r.str(3) == "confirmed") h.in_run = r.i64(2);
  }
  return out;
}

Result<std::vector<AllowanceReportRow>> allowance_report(Connection& c, const std::string& from_month,
                                                         const std::string& to_month) {
  std::map<std::pair<std::int64_t, std::string>, AllowanceReportRow> rows;
  auto add = [&](const char* q, auto&& fn) -> Status {
    auto found = c.query(q, {from_month, to_month});
    if (!found.ok()) return found.error();
    for (const auto& r : *found) {
      AllowanceReportRow& row = rows[{r.i64(0), r.str(1)}];
      row.township_unit_id = r.i64(0);
      row.month = r.str(1);
      fn(row, r);
    }
    return {};
  };
  if (auto s = add(sql::kReportApplied, [](AllowanceReportRow& x, const Row& r) { x.applications = r.i64(2); }); !s.ok())
    return s.error();
  if (auto s = add(sql::kReportApproved, [](AllowanceReportRow& x, const Row& r) { x.approvals = r.i64(2); }); !s.ok())
    return s.error();
  if (auto s = add(sql::kReportRejected, [](AllowanceReportRow& x, const Row& r) { x.rejections = r.i64(2); }); !s.ok())
    return s.error();
  if (auto s = add(sql::kReportPaid,
                   [](AllowanceReportRow& x, const Row& r) {
                     x.persons_paid = r.i64(2);
                     x.paid_fen = r.i64(3);
                   });
      !s.ok())
    return s.error();
  std::vector<AllowanceReportRow> out;
  for (auto& [k, v] : rows) out.push_back(std::move(v));
  return out;
}

}  // namespace anbang::store
