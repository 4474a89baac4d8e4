// The audit of the core. Two kinds of record (store/audit_repo.hpp):
//  - a change record (main.audit_log) is written in the same transaction as the change, so a change
//    cannot commit without it (person writes go through person_changed.hpp, which insists);
//  - an access record (audit.access_log) of a read of personal data. A use case that reads personal
//    data returns it wrapped in `Audited<T>`: the value is reachable only by committing its record
//    first (release()) or by handing both to the HTTP layer, which answers only after the commit
//    (http::after_audit).
#pragma once
#include <string>
#include <utility>

#include "app/core/audit_writer.hpp"
#include "app/core/context.hpp"
#include "store/audit_repo.hpp"
#include "store/db.hpp"

namespace anbang::app {

template <class T>
class Audited {
 public:
  Audited(T value, store::AuditRecord record) : value_(std::move(value)), record_(std::move(record)) {}
  // The value before its record is committed: to serialise it, never to send it.
  const T& pending() const { return value_; }
  const store::AuditRecord& record() const { return record_; }
  store::AuditRecord take_record() { return std::move(record_); }
  // Commits the access record (group commit), then hands the value out.
  friend Result<T> release(AuditWriter& log, Audited&& a) {
    if (Status s = log.write(std::move(a.record_)); !s.ok()) return s.error();
    return std::move(a.value_);
  }

 private:
  T value_;
  store::AuditRecord record_;
};

// Builds a record by `actor` (nullptr: nobody signed in) at ctx.now from ctx.ip.
store::AuditRecord audit_record(const Ctx& ctx, const Actor* actor, const std::string& action,
                                const std::string& object_type, std::optional<std::int64_t> object_id,
                                const std::string& label, const std::string& detail);
inline store::AuditRecord audit_record(const AuthedCtx& ctx, const std::string& action,
                                       const std::string& object_type, std::optional<std::int64_t> object_id,
                                       const std::string& label, const std::string& detail) {
  return audit_record(ctx, &ctx.actor, action, object_type, object_id, label, detail);
}
// An access record (audit.access_log) of a read.
store::AuditRecord access_record(const AuthedCtx& ctx, const std::string& action,
                                 const std::string& object_type, std::optional<std::int64_t> object_id,
                                 const std::string& label, const std::string& detail);
// A change record, in the caller's write transaction.
Status record_change(store::Connection& c, const AuthedCtx& ctx, const std::string& action,
                     const std::string& object_type, std::optional<std::int64_t> object_id,
                     const std::string& label, const std::string& detail);

}  // namespace anbang::app
