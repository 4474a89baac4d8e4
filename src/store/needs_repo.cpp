#include "store/needs_repo.hpp"

#include <map>

#include "store/person_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertNeed =
    "INSERT INTO needs (person_id, category, raised_on, source, source_id, note, unit_id, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertUpdate =
    "INSERT INTO need_updates (need_id, on_date, status, action, link_kind, unit_id, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// The current status of need n and its date: the latest update that has a status.
constexpr const char* kCurrentStatus =
    "(SELECT u.status FROM need_updates u WHERE u.need_id = n.id AND u.status IS NOT NULL "
    "ORDER BY u.on_date DESC, u.id DESC LIMIT 1)";
constexpr const char* kCurrentStatusOn =
    "(SELECT u.on_date FROM need_updates u WHERE u.need_id = n.id AND u.status IS NOT NULL "
    "ORDER BY u.on_date DESC, u.id DESC LIMIT 1)";
constexpr const char* kNeedFrom = " FROM needs n LEFT JOIN users us ON us.id = n.user_id ";
constexpr const char* kUpdatesOfPerson =
    "SELECT u.id, u.need_id, u.on_date, u.status, u.action, u.link_kind, u.unit_id, u.user_id, u.created_at, "
    "COALESCE(us.display_name, '') FROM need_updates u JOIN needs n ON n.id = u.need_id LEFT JOIN users us ON "
    "us.id = u.user_id WHERE n.person_id = ? ORDER BY u.on_date, u.id";
constexpr const char* kBackfillNeeds =
    "INSERT INTO needs (person_id, category, raised_on, source, source_id, unit_id, user_id, created_at) "
    "SELECT r.person_id, j.key, r.registered_on, 'registration', r.id, r.unit_id, r.user_id, r.created_at "
    "FROM registrations r, json_each(CASE WHEN json_valid(r.needs) THEN r.needs ELSE '{}' END) j "
    "WHERE j.type = 'true' AND j.key IN ('housing', 'work', 'money', 'health', 'family', 'documents') "
    "AND (? IS NULL OR r.id = ?) AND NOT EXISTS (SELECT 1 FROM needs n WHERE n.source = 'registration' "
    "AND n.source_id = r.id AND n.category = j.key)";
constexpr const char* kBackfillFirstUpdates =
    "INSERT INTO need_updates (need_id, on_date, status, unit_id, user_id, created_at) "
    "SELECT n.id, n.raised_on, 'open', n.unit_id, n.user_id, n.created_at FROM needs n "
    "WHERE n.source = 'registration' AND NOT EXISTS (SELECT 1 FROM need_updates u WHERE u.need_id = n.id)";
constexpr const char* kInsertInsurance =
    "INSERT INTO insurance_entries (person_id, scheme, status, step, on_date, place, note, unit_id, user_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertCivilServant =
    "INSERT INTO insurance_civil_servant (person_id, former_civil_servant, on_date, note, unit_id, user_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kPersonInsurance =
    "SELECT e.id, e.person_id, e.scheme, e.status, e.step, e.on_date, e.place, e.note, e.unit_id, e.user_id, "
    "e.created_at, COALESCE(us.display_name, '') FROM insurance_entries e LEFT JOIN users us ON us.id = e.user_id "
    "WHERE e.person_id = ? ORDER BY e.on_date, e.id";
constexpr const char* kPersonCivilServant =
    "SELECT s.id, s.person_id, s.former_civil_servant, s.on_date, s.note, s.unit_id, s.user_id, s.created_at, "
    "COALESCE(us.display_name, '') FROM insurance_civil_servant s LEFT JOIN users us ON us.id = s.user_id "
    "WHERE s.person_id = ? ORDER BY s.on_date, s.id";
}  // namespace sql

namespace {

std::string need_cols() {
  return std::string("SELECT n.id, n.person_id, n.category, n.raised_on, n.source, n.source_id, n.note, n.unit_id, "
                     "n.user_id, n.created_at, COALESCE(") +
         sql::kCurrentStatus + ", 'open'), COALESCE(" + sql::kCurrentStatusOn +
         ", n.raised_on), COALESCE(us.display_name, '')";
}

NeedRow need_from(const Row& r) {
  NeedRow n;
  n.id = r.i64(0);
  n.person_id = r.i64(1);
  n.category = r.str(2);
  n.raised_on = r.str(3);
  n.source = r.str(4);
  n.source_id = r.opt_i64(5);
  n.note = r.str(6);
  n.unit_id = r.opt_i64(7);
  n.user_id = r.opt_i64(8);
  n.created_at = r.i64(9);
  n.status = r.str(10);
  n.status_on = r.str(11);
  n.user_name = r.str(12);
  return n;
}

// WHERE of the unit list: scope, under assistance today, status open or being addressed, units.
std::string open_where(const domain::Scope& scope, const OpenNeedsFilter& f, Params& p) {
  std::string w = scope_predicate(scope, p);
  w += " AND p.release_date <= ? AND p.assistance_end_date > ? AND COALESCE(" + std::string(sql::kCurrentStatus) +
       ", 'open') IN ('open', 'in_progress')";
  p.push_back(f.today);
  p.push_back(f.today);
  if (!f.unit_ids.empty()) {
    std::string in;
    for (auto id : f.unit_ids) {
      in += in.empty() ? "?" : ",?";
      p.push_back(id);
    }
    for (auto id : f.unit_ids) p.push_back(id);
    w += " AND (p.household_unit_id IN (" + in + ") OR p.residence_unit_id IN (" + in + "))";
  }
  return w;
}

}  // namespace

Result<std::int64_t> insert_need(Connection& c, const NeedRow& n) {
  return c.scalar(sql::kInsertNeed, {n.person_id, n.category, n.raised_on, n.source, opt(n.source_id), n.note,
                                     opt(n.unit_id), opt(n.user_id), n.created_at});
}

Result<std::int64_t> insert_need_update(Connection& c, const NeedUpdateRow& u) {
  return c.scalar(sql::kInsertUpdate, {u.need_id, u.on_date, opt(u.status), u.action, opt(u.link_kind),
                                       opt(u.unit_id), opt(u.user_id), u.created_at});
}

Result<std::vector<NeedRow>> person_needs(Connection& c, std::int64_t person_id) {
  auto rows = c.query(need_cols() + sql::kNeedFrom + "WHERE n.person_id = ? ORDER BY n.raised_on DESC, n.id DESC",
                      {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<NeedRow> out;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : *rows) {
    at[r.i64(0)] = out.size();
    out.push_back(need_from(r));
  }
  auto ups = c.query(sql::kUpdatesOfPerson, {person_id});
  if (!ups.ok()) return ups.error();
  for (const auto& r : *ups) {
    auto it = at.find(r.i64(1));
    if (it == at.end()) continue;
    out[it->second].updates.push_back({r.i64(0), r.i64(1), r.str(2), r.opt_str(3), r.opt_str(5), r.str(4),
                                       r.opt_i64(6), r.opt_i64(7), r.i64(8), r.str(9)});
  }
  return out;
}

Result<std::optional<NeedRow>> find_need(Connection& c, std::int64_t need_id, std::int64_t person_id) {
  auto row = c.query_one(need_cols() + sql::kNeedFrom + "WHERE n.id = ? AND n.person_id = ?", {need_id, person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<NeedRow>{};
  return std::optional<NeedRow>(need_from(**row));
}

Result<std::int64_t> backfill_registration_needs(Connection& c, std::optional<std::int64_t> registration_id) {
  auto n = c.exec(sql::kBackfillNeeds, {opt(registration_id), opt(registration_id)});
  if (!n.ok()) return n.error();
  if (auto u = c.exec(sql::kBackfillFirstUpdates); !u.ok()) return u.error();
  return *n;
}

Result<std::pair<std::vector<OpenNeedRow>, std::int64_t>> open_needs(Connection& c, const domain::Scope& scope,
                                                                     const OpenNeedsFilter& f) {
  Params p;
  std::string w = open_where(scope, f, p);
  if (!f.category.empty()) {
    w += " AND n.category = ?";
    p.push_back(f.category);
  }
  const std::string from = " FROM needs n JOIN persons p ON p.id = n.person_id WHERE " + w;
  auto total = c.scalar("SELECT COUNT(*)" + from, p);
  if (!total.ok()) return total.error();
  Params q = p;
  q.push_back(std::int64_t{f.page_size});
  q.push_back(std::int64_t{(f.page - 1) * f.page_size});
  auto rows = c.query(
      std::string("SELECT n.id, n.person_id, p.name, n.category, COALESCE(") + sql::kCurrentStatus +
          ", 'open'), n.raised_on, n.source, COALESCE((SELECT u.on_date FROM need_updates u WHERE u.need_id = n.id "
          "AND u.action <> '' ORDER BY u.on_date DESC, u.id DESC LIMIT 1), ''), COALESCE((SELECT u.action FROM "
          "need_updates u WHERE u.need_id = n.id AND u.action <> '' ORDER BY u.on_date DESC, u.id DESC LIMIT 1), ''), "
          "p.household_unit_id, p.residence_unit_id" +
          from + " ORDER BY n.raised_on, n.id LIMIT ? OFFSET ?",
      q);
  if (!rows.ok()) return rows.error();
  std::vector<OpenNeedRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.str(8), r.i64(9),
                   r.i64(10)});
  return std::make_pair(std::move(out), *total);
}

Result<std::vector<std::pair<std::string, std::int64_t>>> open_need_counts(Connection& c, const domain::Scope& scope,
                                                                           const OpenNeedsFilter& f) {
  Params p;
  std::string w = open_where(scope, f, p);
  auto rows = c.query("SELECT n.category, COUNT(*) FROM needs n JOIN persons p ON p.id = n.person_id WHERE " + w +
                          " GROUP BY n.category ORDER BY n.category",
                      p);
  if (!rows.ok()) return rows.error();
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : *rows) out.emplace_back(r.str(0), r.i64(1));
  return out;
}

Result<std::int64_t> insert_insurance_entry(Connection& c, const InsuranceEntryRow& e) {
  return c.scalar(sql::kInsertInsurance, {e.person_id, e.scheme, e.status, opt(e.step), e.on_date, e.place, e.note,
                                          opt(e.unit_id), opt(e.user_id), e.created_at});
}

Result<std::int64_t> insert_civil_servant(Connection& c, const CivilServantRow& r) {
  return c.scalar(sql::kInsertCivilServant, {r.person_id, std::int64_t{r.former_civil_servant ? 1 : 0}, r.on_date,
                                             r.note, opt(r.unit_id), opt(r.user_id), r.created_at});
}

Result<std::vector<InsuranceEntryRow>> person_insurance(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonInsurance, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<InsuranceEntryRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.opt_str(4), r.str(5), r.str(6), r.str(7), r.opt_i64(8),
                   r.opt_i64(9), r.i64(10), r.str(11)});
  return out;
}

Result<std::vector<CivilServantRow>> person_civil_servant(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonCivilServant, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<CivilServantRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.boolean(2), r.str(3), r.str(4), r.opt_i64(5), r.opt_i64(6), r.i64(7),
                   r.str(8)});
  return out;
}

}  // namespace anbang::store
