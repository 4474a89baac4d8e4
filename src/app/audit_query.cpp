// The audit viewer (audit:read). Read-only: the application has no way to change or delete entries.
#include "app/app.hpp"
#include "domain/text.hpp"

namespace anbang::app {

Result<std::pair<std::vector<store::AuditRecord>, std::int64_t>> App::search_audit(const Ctx& ctx,
                                                                                   const AuditQuery& q) {
  if (auto s = require(ctx, "audit:read"); !s.ok()) return s.error();
  if (q.page < 1 || q.page > 100000 || q.page_size < 1 || q.page_size > 100) {
    return invalid("FIELD_RANGE", "分页参数超出范围:页码 1–100000,每页 1–100 条", "page");
  }
  store::AuditFilter f;
  f.username = std::string(domain::trim_ascii(q.username));
  f.action = q.action;
  f.page = q.page;
  f.page_size = q.page_size;
  // Dates are Shanghai calendar days: [from 00:00, to+1 00:00) in China Standard Time.
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
  if (domain::count_code_points(person) > 50)
    return invalid("FIELD_TOO_LONG", "人员关键字不能超过50个字", "person");
  // Below district level, an auditor sees what users of their own area did, and persons of their area.
  const domain::Scope& scope = ctx.actor->scope;
  if (scope.kind != domain::ScopeKind::district) {
    f.limit_units = true;
    if (scope.kind != domain::ScopeKind::none) f.actor_unit_ids = units()->subtree_ids(scope.root);
  }
  using Page = std::pair<std::vector<store::AuditRecord>, std::int64_t>;
  return transact_value<Page>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<Page> {
    if (!person.empty()) {
      auto ids = store::person_ids_for_audit(c, scope, person);
      if (!ids.ok()) return ids.error();
      f.person_ids = std::move(ids).value();
      f.has_person = true;
    }
    return store::search_audit(c, f);
  });
}

}  // namespace anbang::app
