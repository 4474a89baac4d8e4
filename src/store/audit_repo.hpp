// SQL for the audit log. Two append-only tables: main.audit_log (changes, logins, administration —
// written in the same transaction as what it records) and audit.access_log (reads: person_read,
// person_search, export — its own file, see migrations/sqlite_audit). There is deliberately no update
// or delete here, and the schemas' triggers refuse both. Searches read both as one log.
#pragma once
#include "domain/scope.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct AuditRecord {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> user_id;
  std::string username;
  std::optional<std::int64_t> unit_id;
  std::string unit_name;
  std::string ip;
  std::string action;
  std::string object_type;
  std::optional<std::int64_t> object_id;
  std::string object_label;
  std::string detail;   // JSON text
  bool access = false;  // true for records of audit.access_log
  // Not stored: "<user>:<view>:<person>" for a read of a person's file within one page view of the
  // web app; the access log keeps the first read of each (app/core/audit_writer.hpp).
  std::string view_key;
};

struct AuditFilter {
  std::string username;
  std::string action;
  std::vector<std::int64_t> person_ids;  // entries about these persons; set has_person to apply
  bool has_person = false;
  std::vector<std::int64_t> actor_unit_ids;  // only entries made by users of these units; set limit_units
  bool limit_units = false;
  std::optional<std::int64_t> from, to;  // unix seconds, [from, to)
  int page = 1, page_size = 20;
};

// Writes to main.audit_log, or to audit.access_log when r.access.
Status insert_audit(Connection& c, const AuditRecord& r);
Result<std::pair<std::vector<AuditRecord>, std::int64_t>> search_audit(Connection& c, const AuditFilter& f);
// Person ids whose name is `name` or whose ID number is `id_number` (audit search by person).
// Limited to the caller's scope.
Result<std::vector<std::int64_t>> person_ids_for_audit(Connection& c, const domain::Scope& scope,
                                                       const std::string& text);

}  // namespace anbang::store
