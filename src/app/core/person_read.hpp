// The one way to read a person's records: permission, jurisdiction (guard.hpp), one read
// transaction, and the access record the value cannot leave without (audit.hpp).
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/core/guard.hpp"

namespace anbang::app {

// Runs `fn(store::Connection&, const Reached&) -> Result<T>` for the person `id` and returns its
// value with an access record "person_read" naming the part of the file read. Within one page view
// (ctx.view_id) only the first read of the person's file is kept (AuditWriter).
template <class T, class Fn>
Result<Audited<T>> read_person(Core& core, const AuthedCtx& ctx, std::string_view permission, std::int64_t id,
                               std::string_view part, Fn&& fn) {
  if (auto s = require(ctx, permission); !s.ok()) return s.error();
  using Out = Audited<T>;
  return transact_value<Out>(core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto reached = reach_person(core, c, ctx, id, reaches_through_outing(permission, part),
                                 reaches_through_referral(permission, part));
    if (!reached.ok()) return reached.error();
    Result<T> value = fn(c, *reached);
    if (!value.ok()) return value.error();
    nlohmann::json detail = nlohmann::json::object();
    if (!part.empty()) detail["part"] = std::string(part);
    auto record = access_record(ctx, "person_read", "person", id, reached->record().name, detail.dump());
    // The sections of one page view of the file are one read of it (audit_writer.hpp).
    if (!ctx.view_id.empty() && !ctx.actor.system)
      record.view_key = std::to_string(ctx.actor.user_id) + ":" + ctx.view_id + ":" + std::to_string(id);
    return Out(std::move(value).value(), std::move(record));
  });
}

}  // namespace anbang::app
