// The one way to change a person's records, and the "person changed" step every such change ends
// with. A use case hands `change_person` the permission it needs and a function that makes the
// change inside the transaction and says what it did (`PersonWrite::record`). Afterwards, in the
// same transaction:
//   1. every recorded change becomes a change record (audit) and, when it has one, a timeline entry;
//   2. the consequences registered on the core run (reclassification R-CLS-3, task refresh) — for the
//      person reached and for any other person the write touched;
//   3. the transaction commits.
// A write that recorded no change is rolled back (INTERNAL UNRECORDED_CHANGE): no change can commit
// without its change record, and no use case can forget the timeline, the class or the tasks.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/core/guard.hpp"

namespace anbang::app {

// What one write did to a person's records.
struct Change {
  Change(std::string action, nlohmann::json detail, std::string event_kind = {}, std::string event_code = {},
         nlohmann::json event_params = nlohmann::json::object(), std::string event_detail = {})
      : action(std::move(action)),
        detail(std::move(detail)),
        event_kind(std::move(event_kind)),
        event_code(std::move(event_code)),
        event_params(std::move(event_params)),
        event_detail(std::move(event_detail)) {}
  std::string action;     // audit action code, e.g. "custody_create"
  nlohmann::json detail;  // the change record's detail
  // The timeline entry (none when `event_kind` is empty): a kind, a message code the web app renders
  // (web/src/locales/*/timeline.ts) and its parameters.
  std::string event_kind, event_code;
  nlohmann::json event_params;
  std::string event_detail;  // optional JSON text shown with the entry (field changes)
};

class PersonWrite {
 public:
  PersonWrite(Core& core, store::Connection& c, const AuthedCtx& ctx) : core(core), c(c), ctx(ctx) {}
  Core& core;
  store::Connection& c;
  const AuthedCtx& ctx;

  // Records a change to `person_id` (label: the name for the audit record).
  void record(std::int64_t person_id, const std::string& label, Change ch);
  // Another person's records changed as a consequence (their class and tasks are recomputed too).
  void touch(std::int64_t person_id) { touched_.insert(person_id); }

  // Declares that this write, after looking, changed nothing (so it records nothing).
  void nothing_changed() { nothing_changed_ = true; }

  // Writes the change records and timeline entries, runs the consequences. Called by change_person.
  Status finish();
  bool recorded() const { return !changes_.empty(); }

 private:
  struct Item {
    std::int64_t person_id;
    std::string label;
    Change change;
  };
  std::vector<Item> changes_;
  std::set<std::int64_t> touched_;
  bool nothing_changed_ = false;
};

// Runs `fn(PersonWrite&, const Reached&)` for the person `person_id` reached through the guard, in
// one write transaction, then the person-changed step. `fn` returns Result<T>.
template <class T, class Fn>
Result<T> change_person(Core& core, const AuthedCtx& ctx, std::string_view permission, std::int64_t person_id,
                        Fn&& fn) {
  if (auto s = require(ctx, permission); !s.ok()) return s.error();
  return transact_value<T>(core.db(), store::TxKind::write, [&](store::Connection& c) -> Result<T> {
    auto reached = reach_person(core, c, ctx, person_id, reaches_through_outing(permission, std::nullopt),
                                 reaches_through_referral(permission, std::nullopt));
    if (!reached.ok()) return reached.error();
    PersonWrite w(core, c, ctx);
    w.touch(person_id);
    Result<T> out = fn(w, *reached);
    if (!out.ok()) return out;
    if (auto s = w.finish(); !s.ok()) return s.error();
    return out;
  });
}

// The same for writes that do not start from one person in the caller's jurisdiction (a custody unit
// sending a document for a person whose form it sent, a new file): `fn(PersonWrite&)` checks its own
// way to the person (and says so in its comment) and records what it did.
template <class T, class Fn>
Result<T> write_persons(Core& core, const AuthedCtx& ctx, std::string_view permission, Fn&& fn) {
  if (auto s = require(ctx, permission); !s.ok()) return s.error();
  return transact_value<T>(core.db(), store::TxKind::write, [&](store::Connection& c) -> Result<T> {
    PersonWrite w(core, c, ctx);
    Result<T> out = fn(w);
    if (!out.ok()) return out;
    if (auto s = w.finish(); !s.ok()) return s.error();
    return out;
  });
}

}  // namespace anbang::app
