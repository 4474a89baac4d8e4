// Transfers (R-JUR-1, R-JUR-2, §2.3.3): moving a person to a new residence (or household
// registration, or to the real household place once an unknown identity is established) is a request
// the receiving unit accepts. Until then the person's units — and so the duties — stay where they
// were; nothing falls between two units. On acceptance both places list the person (双列管) when
// residence and household differ; daily duties follow the residence, assistance matters the
// household registration (see obligations.cpp).
#include <nlohmann/json.hpp>

#include "app/supervision/supervision_service.hpp"
#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "domain/checks.hpp"
#include "domain/text.hpp"

namespace anbang::app {

namespace {
Error transfer_missing() { return not_found("TRANSFER_NOT_FOUND", "未找到该转移申请，或它不归您的单位处理"); }

std::vector<std::int64_t> scope_units(const domain::UnitTree& tree, const domain::Scope& s) {
  if (s.kind == domain::ScopeKind::district) {
    std::vector<std::int64_t> all;
    for (const auto& u : tree.all()) {
      if (domain::is_area_kind(u.kind)) all.push_back(u.id);
    }
    return all;
  }
  return s.unit_ids;
}
}  // namespace

Result<store::Transfer> SupervisionService::request_transfer(const AuthedCtx& ctx, std::int64_t person_id,
                                                             const TransferInput& in) {
  if (auto s = domain::check::one_of(in.kind, {"residence", "household", "identity_established"}, "kind",
                                     "转移类型应为居住地变更、户籍地变更或身份查清");
      !s.ok())
    return s.error();
  auto tree = core_.units();
  const domain::Unit* to = tree->find(in.to_unit_id);
  if (!to || !to->active || (to->kind != "village" && to->kind != "township")) {
    return invalid("UNIT_NOT_AREA", "转入单位须为镇街或村（社区），请从单位树中选择", "to_unit_id");
  }
  auto reason = domain::check::text(in.reason, "reason", "原因", 500, false);
  if (!reason.ok()) return reason.error();
  // A move of the household registration asks for the new household address (applied on acceptance).
  const bool household_move = in.kind != "residence";
  auto address = domain::check::text(in.new_address, "new_address", household_move ? "新户籍地址" : "新居住地址", 200,
                                     household_move);
  if (!address.ok()) return address.error();
  return change_person<store::Transfer>(
      core_, ctx, perm::person_update, person_id, [&](PersonWrite& w, const Reached& p) -> Result<store::Transfer> {
        auto pending = store::pending_transfer_of(w.c, person_id);
        if (!pending.ok()) return pending.error();
        if (pending->has_value()) {
          return conflict("TRANSFER_PENDING", "该人员已有待接收的转移申请，请等待对方处理或撤回后再申请");
        }
        store::Transfer t;
        t.person_id = person_id;
        t.kind = in.kind;
        t.from_unit_id = in.kind == "residence" ? p.record().residence_unit_id : p.record().household_unit_id;
        t.to_unit_id = in.to_unit_id;
        if (t.from_unit_id == t.to_unit_id) return invalid("SAME_UNIT", "转入单位与当前单位相同", "to_unit_id");
        t.reason = *reason;
        t.new_address = *address;
        t.requested_by = ctx.actor.user_id;
        t.requested_at = ctx.now;
        auto id = store::insert_transfer(w.c, t);
        if (!id.ok()) return id.error();
        t.id = *id;
        t.person_name = p.record().name;
        nlohmann::json d = {
            {"transfer_id", t.id}, {"kind", t.kind}, {"from_unit_id", t.from_unit_id}, {"to_unit_id", t.to_unit_id}};
        w.record(person_id, p.record().name,
                 Change{"transfer_request", d, "transfer", "transfer.requested",
                        {{"kind", t.kind}, {"to", tree->display_path(t.to_unit_id)}}});
        return t;
      });
}

Result<store::Transfer> SupervisionService::withdraw_transfer(const AuthedCtx& ctx, std::int64_t id,
                                                              const std::string& note_text) {
  auto note = domain::check::text(note_text, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  auto tree = core_.units();
  // Only the sending side: the guard reaches the person (its jurisdiction) and its scope covers the
  // unit the person would leave; anyone else learns nothing of the transfer.
  auto found = transact_value<std::optional<store::Transfer>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_transfer(c, id); });
  if (!found.ok()) return found.error();
  if (!found->has_value() || !(ctx.actor.scope.covers_unit((*found)->from_unit_id) ||
                               (*found)->requested_by == ctx.actor.user_id))
    return transfer_missing();
  return change_person<store::Transfer>(
      core_, ctx, perm::person_update, (*found)->person_id,
      [&](PersonWrite& w, const Reached& p) -> Result<store::Transfer> {
        auto t = store::find_transfer(w.c, id);
        if (!t.ok()) return t.error();
        if (!t->has_value()) return transfer_missing();
        store::Transfer tr = **t;
        if (tr.state != "pending") return conflict("TRANSFER_DECIDED", "该转移已处理，请刷新页面");
        if (auto s = store::decide_transfer(w.c, id, "withdrawn", ctx.actor.user_id, ctx.now, *note); !s.ok())
          return s.error();
        tr.state = "withdrawn";
        tr.decided_by = ctx.actor.user_id;
        tr.decided_at = ctx.now;
        tr.decision_note = *note;
        w.record(tr.person_id, p.record().name,
                 Change{"transfer_withdraw",
                        {{"transfer_id", id}, {"decision", "withdrawn"}},
                        "transfer",
                        "transfer.withdrawn",
                        {{"kind", tr.kind}, {"to", tree->display_path(tr.to_unit_id)}, {"note", *note}}});
        return tr;
      });
}

Result<Audited<std::vector<store::Transfer>>> SupervisionService::person_transfers(const AuthedCtx& ctx,
                                                                                   std::int64_t person_id) {
  return read_person<std::vector<store::Transfer>>(
      core_, ctx, perm::person_read, person_id, "transfers",
      [&](store::Connection& c, const Reached&) { return store::transfers_of(c, person_id); });
}

Result<Audited<std::vector<store::Transfer>>> SupervisionService::list_transfers(const AuthedCtx& ctx, bool incoming,
                                                                                 const std::string& state) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  if (!state.empty()) {
    if (auto s = domain::check::one_of(state, {"pending", "accepted", "rejected", "withdrawn"}, "state",
                                       "状态应为待接收、已接收、已退回或已撤回");
        !s.ok())
      return s.error();
  }
  auto unit_ids = scope_units(*core_.units(), ctx.actor.scope);
  auto found = transact_value<std::vector<store::Transfer>>(core_.db(), store::TxKind::read, [&](store::Connection& c) {
    return store::list_transfers(c, incoming, unit_ids, state);
  });
  if (!found.ok()) return found.error();
  // Incoming transfers show persons not yet in the caller's jurisdiction: a read, on record.
  nlohmann::json d = {{"box", incoming ? "incoming" : "outgoing"}, {"state", state}, {"count", found->size()}};
  auto record = access_record(ctx, "transfer_list", "transfers", std::nullopt, std::to_string(found->size()) + " 项",
                              d.dump());
  return Audited<std::vector<store::Transfer>>(std::move(found).value(), std::move(record));
}

Result<store::Transfer> SupervisionService::decide_transfer(const AuthedCtx& ctx, std::int64_t id, bool accept,
                                                            const std::string& note_text) {
  auto note = domain::check::text(note_text, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  auto tree = core_.units();
  // The receiving side reaches the person through the transfer addressed to its area (the person is
  // not yet in its jurisdiction); only the receiving side decides.
  return write_persons<store::Transfer>(core_, ctx, perm::person_update, [&](PersonWrite& w) -> Result<store::Transfer> {
    auto t = store::find_transfer(w.c, id);
    if (!t.ok()) return t.error();
    if (!t->has_value() || !ctx.actor.scope.covers_unit((*t)->to_unit_id)) return transfer_missing();
    store::Transfer tr = **t;
    if (tr.state != "pending") return conflict("TRANSFER_DECIDED", "该转移已处理，请刷新页面");
    if (auto s = store::decide_transfer(w.c, id, accept ? "accepted" : "rejected", ctx.actor.user_id, ctx.now, *note);
        !s.ok())
      return s.error();
    tr.state = accept ? "accepted" : "rejected";
    auto rec = store::find_person(w.c, system_context(core_, "transfer").actor.scope, tr.person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return transfer_missing();
    store::PersonRecord p = **rec;
    nlohmann::json d = {{"transfer_id", id}, {"decision", tr.state}};
    if (accept) {
      nlohmann::json change = nlohmann::json::array();
      auto move = [&](const char* unit_field, std::int64_t& unit, const char* address_field, std::string& address) {
        change.push_back({{"field", unit_field}, {"old", std::to_string(unit)}, {"new", std::to_string(tr.to_unit_id)}});
        unit = tr.to_unit_id;
        if (!tr.new_address.empty() && tr.new_address != address) {
          change.push_back({{"field", address_field}, {"old", address}, {"new", tr.new_address}});
          address = tr.new_address;
        }
      };
      if (tr.kind == "residence") {
        move("residence_unit_id", p.residence_unit_id, "residence_address", p.residence_address);
      } else {
        move("household_unit_id", p.household_unit_id, "household_address", p.household_address);
        if (tr.kind == "identity_established") p.identity_verified = true;  // R-JUR-2
      }
      p.updated_at = ctx.now;
      auto updated = store::update_person(w.c, p);
      if (!updated.ok()) return updated.error();
      if (!*updated) return conflict("VERSION_CONFLICT", "该档案刚被他人修改，请重试");
      d["changes"] = change;
    }
    w.record(tr.person_id, p.name,
             Change{"transfer_decide", d, "transfer", accept ? "transfer.accepted" : "transfer.rejected",
                    {{"kind", tr.kind},
                     {"from", tree->display_path(tr.from_unit_id)},
                     {"to", tree->display_path(tr.to_unit_id)},
                     {"note", *note}}});
    return tr;
  });
}

}  // namespace anbang::app
