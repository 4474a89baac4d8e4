// The audit viewer (audit:read). Read-only: the application has no way to change or delete entries.
// The auditor sees who did what to whose record and when — not the personal data itself: labels of
// persons become their file number, change records keep their field names with the values masked.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "app/core/core.hpp"
#include "store/audit_repo.hpp"

namespace anbang::app {

struct AuditQuery {
  std::string username, action, person, from, to;
  int page = 1, page_size = 20;
};

class AuditViewService {
 public:
  explicit AuditViewService(Core& core) : core_(core) {}
  Result<std::pair<std::vector<store::AuditRecord>, std::int64_t>> search(const AuthedCtx& ctx, const AuditQuery& q);

 private:
  Core& core_;
};

// The record as the auditor sees it (pure; exposed for tests).
store::AuditRecord masked_for_auditor(store::AuditRecord r);

}  // namespace anbang::app
