#include "app/audit_view/audit_view_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "domain/checks.hpp"
#include "domain/civil_date.hpp"
#include "domain/text.hpp"

namespace anbang::app {

namespace {
// Keys whose values are never personal data (codes, dates of the record, ids, counts).
bool plain_key(const std::string& k) {
  static const char* keys[] = {"part",  "kind",   "box",        "state", "page",     "total", "count", "rows",
                               "what",  "list",   "channel",    "rule",  "mine",     "shown", "decision",
                               "field", "reason", "transfer_id", "document_id", "custody_id", "form_id",
                               "receiver_unit_id", "from_unit_id", "to_unit_id", "unit_id", "name", "effective_from",
                               "scope", "permissions", "parent_id", "new_custody", "via", "id_numbers"};
  for (const char* key : keys) {
    if (k == key) return true;
  }
  return false;
}

nlohmann::json mask(const nlohmann::json& j, const std::string& key) {
  if (j.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = plain_key(it.key()) ? it.value() : mask(it.value(), it.key());
    return out;
  }
  if (j.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : j) out.push_back(mask(v, key));
    return out;
  }
  if (j.is_string()) return j.get<std::string>().empty() ? j : nlohmann::json("***");
  return j;
}
}  // namespace

store::AuditRecord masked_for_auditor(store::AuditRecord r) {
  if (r.object_type == "person" || r.object_type == "person_id_number") {
    r.object_label = r.object_id ? "档案 " + std::to_string(*r.object_id) : "";
  }
  auto detail = nlohmann::json::parse(r.detail, nullptr, false);
  if (!detail.is_discarded()) r.detail = mask(detail, "").dump();
  return r;
}

Result<std::pair<std::vector<store::AuditRecord>, std::int64_t>> AuditViewService::search(const AuthedCtx& ctx,
                                                                                        const AuditQuery& q) {
  if (auto s = require(ctx, perm::audit_read); !s.ok()) return s.error();
  if (auto s = domain::check::paging(q.page, q.page_size); !s.ok()) return s.error();
  store::AuditFilter f;
  f.username = std::string(domain::trim_ascii(q.username));
  f.action = q.action;
  f.page = q.page;
  f.page_size = q.page_size;
  // Dates are calendar days in China Standard Time: [from 00:00, to+1 00:00).
  if (!q.from.empty()) {
    auto d = domain::parse_date(q.from, "from");
    if (!d.ok()) return d.error();
    f.from = domain::shanghai_midnight_unix(*d);
  }
  if (!q.to.empty()) {
    auto d = domain::parse_date(q.to, "to");
    if (!d.ok()) return d.error();
    f.to = domain::shanghai_midnight_unix(domain::add_days(*d, 1));
  }
  std::string person(domain::trim_ascii(q.person));
  if (domain::count_code_points(person) > 50) return invalid("FIELD_TOO_LONG", "人员关键字不能超过50个字", "person");
  // Below district level, an auditor sees what users of their own area did, and persons of their area.
  const domain::Scope& scope = ctx.actor.scope;
  if (scope.kind != domain::ScopeKind::district) {
    f.limit_units = true;
    if (scope.kind != domain::ScopeKind::none) f.actor_unit_ids = core_.units()->subtree_ids(scope.root);
  }
  using Page = std::pair<std::vector<store::AuditRecord>, std::int64_t>;
  auto page = transact_value<Page>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<Page> {
    if (!person.empty()) {
      auto ids = store::person_ids_for_audit(c, scope, person);
      if (!ids.ok()) return ids.error();
      f.person_ids = std::move(ids).value();
      f.has_person = true;
    }
    return store::search_audit(c, f);
  });
  if (!page.ok()) return page.error();
  for (auto& r : page->first) r = masked_for_auditor(std::move(r));
  return page;
}

}  // namespace anbang::app
