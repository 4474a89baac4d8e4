#include "store/audit_repo.hpp"

#include "store/person_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertAudit =
    "INSERT INTO main.audit_log (at, user_id, username, unit_id, unit_name, ip, action, object_type, "
    "object_id, "
    "object_label, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAccess =
    "INSERT INTO audit.access_log (at, user_id, username, unit_id, unit_name, ip, action, object_type, "
    "object_id, "
    "object_label, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kAuditCols =
    "id, at, user_id, username, unit_id, unit_name, ip, action, object_type, object_id, object_label, detail";
constexpr const char* kPersonIds = "SELECT p.id FROM persons p WHERE (p.name = ? OR p.id_number = ?) AND ";
}  // namespace sql

Status insert_audit(Connection& c, const AuditRecord& r) {
  auto n = c.exec(r.access ? sql::kInsertAccess : sql::kInsertAudit,
                  {r.at, opt(r.user_id), r.username, opt(r.unit_id), r.unit_name, r.ip, r.action,
                   r.object_type, opt(r.object_id), r.object_label, r.detail});
  if (!n.ok()) return n.error();
  return {};
}

namespace {
// The WHERE clause of one table for the filter (the same for both tables).
std::string audit_where(const AuditFilter& f, Params& p) {
  std::string w = " WHERE 1=1";
  if (!f.username.empty()) {
    w += " AND username = ?";
    p.push_back(f.username);
  }
  if (!f.action.empty()) {
    w += " AND action = ?";
    p.push_back(f.action);
  }
  if (f.has_person) {
    if (f.person_ids.empty()) {
      w += " AND 1=0";
    } else {
      w += " AND object_type = 'person' AND object_id IN (";
      for (std::size_t i = 0; i < f.person_ids.size(); ++i) {
        w += i ? ",?" : "?";
        p.push_back(f.person_ids[i]);
      }
      w += ")";
    }
  }
  if (f.limit_units) {
    w += " AND unit_id IN (-1";
    for (auto id : f.actor_unit_ids) {
      w += ",?";
      p.push_back(id);
    }
    w += ")";
  }
  if (f.from) {
    w += " AND at >= ?";
    p.push_back(*f.from);
  }
  if (f.to) {
    w += " AND at < ?";
    p.push_back(*f.to);
  }
  return w;
}
}  // namespace

Result<std::pair<std::vector<AuditRecord>, std::int64_t>> search_audit(Connection& c, const AuditFilter& f) {
  Params p;
  std::string w_main = audit_where(f, p);
  std::string w_access = audit_where(f, p);
  auto total = c.scalar("SELECT (SELECT COUNT(*) FROM main.audit_log" + w_main +
                            ") + (SELECT COUNT(*) FROM audit.access_log" + w_access + ")",
                        p);
  if (!total.ok()) return total.error();
  p.push_back(std::int64_t{f.page_size});
  p.push_back(std::int64_t{f.page - 1} * f.page_size);
  auto rows = c.query(std::string("SELECT ") + sql::kAuditCols + ", 0 AS access FROM main.audit_log" +
                          w_main + " UNION ALL SELECT " + sql::kAuditCols + ", 1 FROM audit.access_log" +
                          w_access + " ORDER BY 2 DESC, 13, 1 DESC LIMIT ? OFFSET ?",
                      p);
  if (!rows.ok()) return rows.error();
  std::vector<AuditRecord> out;
  for (const auto& r : *rows) {
    out.push_back({r.i64(0), r.i64(1), r.opt_i64(2), r.str(3), r.opt_i64(4), r.str(5), r.str(6), r.str(7),
                   r.str(8), r.opt_i64(9), r.str(10), r.str(11), r.boolean(12), {}});
  }
  return std::make_pair(std::move(out), *total);
}

Result<std::vector<std::int64_t>> person_ids_for_audit(Connection& c, const domain::Scope& scope,
                                                       const std::string& text) {
  Params p = {text, text};
  std::string w = scope_predicate(scope, p);
  auto rows = c.query(std::string(sql::kPersonIds) + w + " LIMIT 1000", p);
  if (!rows.ok()) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows) ids.push_back(r.i64(0));
  return ids;
}

}  // namespace anbang::store
