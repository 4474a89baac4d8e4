#include "app/publicity/publicity_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "domain/checks.hpp"
#include "domain/deidentify.hpp"

namespace anbang::app {

namespace {
constexpr std::string_view kRecord = "publicity:record";

Error item_not_found() { return not_found("PUBLICITY_NOT_FOUND", "未找到该宣传材料，或不在您的管辖范围内"); }

// What identifies the person (R-PUB-1), from the file and the unit tree.
domain::IdentifyingData identifying(const store::PersonRecord& p, const domain::UnitTree& tree) {
  domain::IdentifyingData d;
  d.name = p.name;
  std::string former = p.former_names;
  for (std::size_t pos = 0; pos <= former.size();) {
    auto comma = former.find(',', pos);
    if (comma == std::string::npos) comma = former.size();
    if (comma > pos) d.former_names.push_back(former.substr(pos, comma - pos));
    pos = comma + 1;
  }
  if (p.id_number) d.id_number = *p.id_number;
  d.phones = {p.phone, p.family_contact_phone};
  d.addresses = {p.household_address, p.residence_address};
  for (std::int64_t unit : {p.household_unit_id, p.residence_unit_id}) {
    const domain::Unit* u = tree.find(unit);
    if (u && u->kind == "village") d.village_names.push_back(u->name);
    if (auto t = tree.township_of(unit)) {
      if (const domain::Unit* tu = tree.find(*t)) d.township_names.push_back(tu->name);
    }
  }
  return d;
}

bool item_in_scope(const AuthedCtx& ctx, const domain::UnitTree& tree, const store::PublicityRow& r) {
  const domain::Unit* u = tree.find(r.unit_id);
  if (!u || !u->area_unit_id || !ctx.actor.scope.covers_unit(*u->area_unit_id)) return false;
  return !r.person_id || ctx.actor.scope.covers_person(r.household_unit_id, r.residence_unit_id);
}
}  // namespace

bool consent_covers(const store::ConsentRow& consent, const std::string& channel, const std::string& today) {
  if (consent.given_on > today) return false;
  if (consent.valid_until && *consent.valid_until < today) return false;
  return consent.scope == "public_media" || consent.scope == channel;
}

Result<std::int64_t> PublicityService::record_consent(const AuthedCtx& ctx, std::int64_t person_id,
                                                      const ConsentInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kRecord); !s.ok()) return s.error();
  auto given = record_date(core_, ctx, in.given_on, "given_on", "同意日期");
  if (!given.ok()) return given.error();
  if (auto s = check::one_of(in.scope, {"internal", "public_media"}, "scope", "同意范围只能是内部宣传或公开媒体");
      !s.ok())
    return s.error();
  std::optional<std::string> until;
  if (!in.valid_until.empty()) {
    auto u = check::date(in.valid_until, "valid_until", "有效期至");
    if (!u.ok()) return u.error();
    if (auto s = check::order(*given, *u, "valid_until", "有效期不能早于同意日期"); !s.ok()) return s.error();
    until = domain::to_string(*u);
  }
  auto note = check::text(in.note, "note", "备注", 500, false);
  if (!note.ok()) return note.error();
  return change_person<std::int64_t>(
      core_, ctx, kRecord, person_id, [&](PersonWrite& w, const Reached& r) -> Result<std::int64_t> {
        store::ConsentRow row{0, person_id, domain::to_string(*given), in.scope, until, *note, ctx.now};
        auto id = store::insert_consent(w.c, row, ctx.actor.user_id);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"consent_id", *id}, {"given_on", row.given_on}, {"scope", row.scope},
                            {"valid_until", until ? nlohmann::json(*until) : nlohmann::json()}};
        nlohmann::json params = {{"given_on", row.given_on}, {"scope", row.scope}};
        if (until) params["valid_until"] = *until;
        w.record(r.id(), r.record().name,
                 Change{"publicity_consent", d, "publicity", until ? "publicity.consent_until" : "publicity.consent",
                        params});
        return *id;
      });
}

Result<Audited<std::vector<store::ConsentRow>>> PublicityService::consents(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<std::vector<store::ConsentRow>>(
      core_, ctx, perm::person_read, person_id, "publicity_consents",
      [&](store::Connection& c, const Reached&) { return store::person_consents(c, person_id); });
}

Result<std::int64_t> PublicityService::create(const AuthedCtx& ctx, const PublicityInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kRecord); !s.ok()) return s.error();
  if (auto s = check::one_of(in.kind, {"good_practice", "exemplary_case"}, "kind", "类别只能是经验做法或典型案例");
      !s.ok())
    return s.error();
  const bool is_case = in.kind == "exemplary_case";
  if (is_case) {
    if (!in.person_id) return invalid("FIELD_REQUIRED", "请选择典型案例的帮教对象", "person_id");
    if (auto s = check::one_of(in.category, {"law_abiding", "hard_work_prosperity", "serving_society"}, "category",
                               "典型类别只能是遵纪守法、勤劳致富或服务社会");
        !s.ok())
      return s.error();
  } else if (in.person_id) {
    return invalid("FIELD_VALUE", "经验做法不关联帮教对象", "person_id");
  }
  auto title = check::text(in.title, "title", "标题", 100, true);
  if (!title.ok()) return title.error();
  auto body = check::text(in.body, "body", "正文", 10000, true);
  if (!body.ok()) return body.error();
  auto on = check::past_date(in.happened_on, "happened_on", "日期", ctx.today);
  if (!on.ok()) return on.error();
  if (auto s = check::one_of(in.channel, {"internal", "public_media"}, "channel", "宣传渠道只能是内部宣传或公开媒体");
      !s.ok())
    return s.error();
  store::PublicityRow row;
  row.kind = in.kind;
  row.unit_id = ctx.actor.unit_id;
  row.person_id = is_case ? in.person_id : std::nullopt;
  row.category = is_case ? in.category : "";
  row.title = *title;
  row.body = *body;
  row.happened_on = domain::to_string(*on);
  row.channel = in.channel;
  row.user_id = ctx.actor.user_id;
  row.created_at = ctx.now;
  nlohmann::json d = {{"kind", row.kind}, {"title", row.title}, {"category", row.category}, {"channel", row.channel}};
  if (!is_case) {
    return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
      auto id = store::insert_publicity(c, row);
      if (!id.ok()) return id.error();
      if (auto s = record_change(c, ctx, "publicity_create", "publicity", *id, row.title, d.dump()); !s.ok())
        return s.error();
      return *id;
    });
  }
  return change_person<std::int64_t>(core_, ctx, kRecord, *in.person_id,
                                     [&](PersonWrite& w, const Reached& r) -> Result<std::int64_t> {
                                       auto id = store::insert_publicity(w.c, row);
                                       if (!id.ok()) return id.error();
                                       d["publicity_id"] = *id;
                                       w.record(r.id(), r.record().name, Change{"publicity_create", d});
                                       return *id;
                                     });
}

Result<std::vector<store::PublicityRow>> PublicityService::list(const AuthedCtx& ctx, const std::string& kind,
                                                                const std::string& state) {
  if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  auto tree = core_.units();
  auto rows = transact_value<std::vector<store::PublicityRow>>(core_.db(), store::TxKind::read, store::all_publicity);
  if (!rows.ok()) return rows.error();
  std::vector<store::PublicityRow> out;
  for (auto& r : *rows) {
    if (!kind.empty() && r.kind != kind) continue;
    if (!state.empty() && r.state != state) continue;
    if (!item_in_scope(ctx, *tree, r)) continue;
    if (r.person_id) r.body.clear();  // a case's text only one at a time, on record
    out.push_back(std::move(r));
  }
  return out;
}

Result<Audited<PublicityView>> PublicityService::item(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  auto tree = core_.units();
  auto found = transact_value<std::optional<store::PublicityRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_publicity(c, id); });
  if (!found.ok()) return found.error();
  if (!*found || !item_in_scope(ctx, *tree, **found)) return item_not_found();
  const store::PublicityRow row = **found;
  if (!row.person_id) {
    auto record = access_record(ctx, "publicity_read", "publicity", id, row.title, "{}");
    return Audited<PublicityView>(PublicityView{row, row.title, row.body}, std::move(record));
  }
  return read_person<PublicityView>(core_, ctx, perm::person_read, *row.person_id, "publicity",
                                    [&](store::Connection&, const Reached& r) -> Result<PublicityView> {
                                      auto who = identifying(r.record(), *tree);
                                      return PublicityView{row, domain::deidentify(row.title, who),
                                                           domain::deidentify(row.body, who)};
                                    });
}

Result<PublicityView> PublicityService::publish(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, kRecord); !s.ok()) return s.error();
  auto tree = core_.units();
  const std::string today = domain::to_string(ctx.today);
  return write_persons<PublicityView>(core_, ctx, kRecord, [&](PersonWrite& w) -> Result<PublicityView> {
    auto found = store::find_publicity(w.c, id);
    if (!found.ok()) return found.error();
    if (!*found || !item_in_scope(ctx, *tree, **found)) return item_not_found();
    store::PublicityRow row = **found;
    if (row.state == "published") return conflict("PUBLICITY_ALREADY_PUBLISHED", "该宣传材料已发布");
    PublicityView v{row, row.title, row.body};
    if (row.person_id) {
      // A case: the person's consent covering the channel today, and the de-identified text only.
      auto reached = reach_person(core_, w.c, ctx, *row.person_id);
      if (!reached.ok()) return item_not_found();
      auto consents = store::person_consents(w.c, *row.person_id);
      if (!consents.ok()) return consents.error();
      bool any_valid = false, covers = false;
      for (const auto& c : *consents) {
        any_valid = any_valid || consent_covers(c, "internal", today);
        covers = covers || consent_covers(c, row.channel, today);
      }
      if (!covers) {
        if (any_valid)
          return conflict("PUBLICITY_CONSENT_SCOPE", "本人同意的范围仅限内部宣传，不能在公开媒体发布", "channel");
        return conflict("PUBLICITY_NO_CONSENT", "没有本人有效的书面同意记录，不能发布该典型案例；请先登记本人同意");
      }
      auto who = identifying(reached->record(), *tree);
      v.preview_title = domain::deidentify(row.title, who);
      v.preview_text = domain::deidentify(row.body, who);
      if (auto s = store::publish_item(w.c, id, v.preview_title, v.preview_text, ctx.actor.user_id, ctx.now); !s.ok())
        return s.error();
      nlohmann::json d = {{"publicity_id", id}, {"channel", row.channel}, {"public_title", v.preview_title}};
      w.record(reached->id(), reached->record().name,
               Change{"publicity_publish", d, "publicity", "publicity.published",
                      {{"title", v.preview_title}, {"channel", row.channel}}});
    } else {
      if (auto s = store::publish_item(w.c, id, row.title, row.body, ctx.actor.user_id, ctx.now); !s.ok())
        return s.error();
      nlohmann::json d = {{"channel", row.channel}};
      if (auto s = record_change(w.c, ctx, "publicity_publish", "publicity", id, row.title, d.dump()); !s.ok())
        return s.error();
      w.nothing_changed();
    }
    auto again = store::find_publicity(w.c, id);
    if (!again.ok()) return again.error();
    if (*again) v.item = **again;
    return v;
  });
}

Status PublicityService::remove(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, kRecord); !s.ok()) return s;
  auto tree = core_.units();
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto found = store::find_publicity(c, id);
    if (!found.ok()) return found.error();
    if (!*found || !item_in_scope(ctx, *tree, **found)) return item_not_found();
    if ((*found)->state != "draft") return conflict("PUBLICITY_ALREADY_PUBLISHED", "已发布的宣传材料不能删除");
    if (auto s = store::delete_publicity(c, id); !s.ok()) return s;
    nlohmann::json d = {{"kind", (*found)->kind}, {"title", (*found)->title}};
    return record_change(c, ctx, "publicity_delete", "publicity", id, (*found)->title, d.dump());
  });
}

}  // namespace anbang::app
