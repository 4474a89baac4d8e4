// Transfers (R-JUR-1, R-JUR-2, §2.3.3): moving a person to a new residence (or household
// registration, or to the real household place once an unknown identity is established) is a request
// the receiving unit accepts. Until then the person's units — and so the duties — stay where they
// were; nothing falls between two units. On acceptance both places list the person (双列管) when
// residence and household differ; daily duties follow the residence, assistance matters the
// household registration (see obligations.cpp).
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/id_number.hpp"
#include "domain/text.hpp"

namespace anbang::app {

namespace {
Error transfer_missing() { return not_found("TRANSFER_NOT_FOUND", "未找到该转移申请,或它不归您的单位处理"); }

const char* kind_name(const std::string& k) {
  if (k == "residence") return "居住地变更";
  if (k == "household") return "户籍地变更";
  return "身份查清";
}

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

Result<store::Transfer> App::request_transfer(const Ctx& ctx, std::int64_t person_id,
                                              const TransferInput& in) {
  if (auto s = require(ctx, "person:update"); !s.ok()) return s.error();
  if (in.kind != "residence" && in.kind != "household" && in.kind != "identity_established") {
    return invalid("FIELD_VALUE", "转移类型应为 residence、household 或 identity_established", "kind");
  }
  auto tree = units();
  const domain::Unit* to = tree->find(in.to_unit_id);
  if (!to || !to->active || (to->kind != "village" && to->kind != "township")) {
    return invalid("UNIT_NOT_AREA", "转入单位须为镇街或村(社区),请从单位树中选择", "to_unit_id");
  }
  if (domain::count_code_points(in.reason) > 500)
    return invalid("FIELD_TOO_LONG", "原因不能超过500字", "reason");
  return transact_value<store::Transfer>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Transfer> {
        auto rec = store::find_person(c, ctx.actor->scope, person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return person_not_found();
        auto pending = store::pending_transfer_of(c, person_id);
        if (!pending.ok()) return pending.error();
        if (pending->has_value()) {
          return conflict("TRANSFER_PENDING", "该人员已有待接收的转移申请,请等待对方处理或撤回后再申请");
        }
        store::Transfer t;
        t.person_id = person_id;
        t.kind = in.kind;
        t.from_unit_id = in.kind == "residence" ? (*rec)->residence_unit_id : (*rec)->household_unit_id;
        t.to_unit_id = in.to_unit_id;
        if (t.from_unit_id == t.to_unit_id)
          return invalid("SAME_UNIT", "转入单位与当前单位相同", "to_unit_id");
        t.reason = in.reason;
        t.requested_by = ctx.actor->user_id;
        t.requested_at = ctx.now;
        auto id = store::insert_transfer(c, t);
        if (!id.ok()) return id.error();
        t.id = *id;
        t.person_name = (*rec)->name;
        store::PersonEvent e;
        e.person_id = person_id;
        e.at = ctx.now;
        e.kind = "transfer";
        e.user_id = ctx.actor->user_id;
        e.unit_id = ctx.actor->unit_id;
        e.summary = std::string("申请") + kind_name(in.kind) + ":转往 " + tree->display_path(in.to_unit_id) +
                    ",待对方接收";
        if (auto s = store::insert_person_event(c, e); !s.ok()) return s.error();
        nlohmann::json d = {{"transfer_id", t.id},
                            {"kind", t.kind},
                            {"from_unit_id", t.from_unit_id},
                            {"to_unit_id", t.to_unit_id}};
        if (auto s = audit(c, ctx, "transfer_request", "person", person_id, (*rec)->name, d.dump()); !s.ok())
          return s.error();
        return t;
      });
}

Result<std::vector<store::Transfer>> App::list_transfers(const Ctx& ctx, bool incoming,
                                                         const std::string& state) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  if (!state.empty() && state != "pending" && state != "accepted" && state != "rejected") {
    return invalid("FIELD_VALUE", "状态应为 pending、accepted 或 rejected", "state");
  }
  auto unit_ids = scope_units(*units(), ctx.actor->scope);
  auto found = transact_value<std::vector<store::Transfer>>(
      db_, store::TxKind::read,
      [&](store::Connection& c) { return store::list_transfers(c, incoming, unit_ids, state); });
  if (!found.ok()) return found.error();
  // Incoming transfers show persons not yet in the caller's jurisdiction: a read, on record.
  nlohmann::json d = {
      {"box", incoming ? "incoming" : "outgoing"}, {"state", state}, {"count", found->size()}};
  if (Status s = audit_writer_->write(audit_record(ctx, "transfer_list", "transfers", std::nullopt,
                                                   std::to_string(found->size()) + " 项", d.dump()));
      !s.ok())
    return s.error();
  return found;
}

Result<store::Transfer> App::decide_transfer(const Ctx& ctx, std::int64_t id, bool accept,
                                             const std::string& note) {
  if (auto s = require(ctx, "person:update"); !s.ok()) return s.error();
  if (domain::count_code_points(note) > 500) return invalid("FIELD_TOO_LONG", "说明不能超过500字", "note");
  auto tree = units();
  auto decided = transact_value<store::Transfer>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Transfer> {
        auto t = store::find_transfer(c, id);
        if (!t.ok()) return t.error();
        // Only the receiving side decides.
        if (!t->has_value() || !ctx.actor->scope.covers_unit((*t)->to_unit_id)) return transfer_missing();
        store::Transfer tr = **t;
        if (tr.state != "pending") return conflict("TRANSFER_DECIDED", "该转移已处理,请刷新页面");
        if (auto s = store::decide_transfer(c, id, accept ? "accepted" : "rejected", ctx.actor->user_id,
                                            ctx.now, note);
            !s.ok())
          return s.error();
        tr.state = accept ? "accepted" : "rejected";
        auto rec = store::find_person(c, domain::Scope{domain::ScopeKind::district, 0, {}}, tr.person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return transfer_missing();
        store::PersonRecord p = **rec;
        if (accept) {
          nlohmann::json change = nlohmann::json::array();
          if (tr.kind == "residence") {
            change.push_back({{"field", "residence_unit_id"},
                              {"old", std::to_string(p.residence_unit_id)},
                              {"new", std::to_string(tr.to_unit_id)}});
            p.residence_unit_id = tr.to_unit_id;
          } else {
            change.push_back({{"field", "household_unit_id"},
                              {"old", std::to_string(p.household_unit_id)},
                              {"new", std::to_string(tr.to_unit_id)}});
            p.household_unit_id = tr.to_unit_id;
            if (tr.kind == "identity_established") p.identity_verified = true;  // R-JUR-2
          }
          p.updated_at = ctx.now;
          auto updated = store::update_person(c, p);
          if (!updated.ok()) return updated.error();
          if (!*updated) return conflict("VERSION_CONFLICT", "该档案刚被他人修改,请重试");
          if (auto s = audit(c, ctx, "person_update", "person", p.id, p.name, change.dump()); !s.ok())
            return s.error();
        }
        store::PersonEvent e;
        e.person_id = tr.person_id;
        e.at = ctx.now;
        e.kind = "transfer";
        e.user_id = ctx.actor->user_id;
        e.unit_id = ctx.actor->unit_id;
        e.summary = std::string(kind_name(tr.kind)) + (accept ? "已接收:" : "被退回:") +
                    tree->display_path(tr.from_unit_id) + " → " + tree->display_path(tr.to_unit_id) +
                    (note.empty() ? "" : "(" + note + ")");
        if (auto s = store::insert_person_event(c, e); !s.ok()) return s.error();
        nlohmann::json d = {{"transfer_id", id}, {"decision", tr.state}};
        if (auto s = audit(c, ctx, "transfer_decide", "person", tr.person_id, p.name, d.dump()); !s.ok())
          return s.error();
        if (accept) {
          if (auto s = refresh_tasks(c, tr.person_id, ctx.today); !s.ok())
            return s.error();  // duties follow at once
        }
        return tr;
      });
  return decided;
}

}  // namespace anbang::app
