#include <nlohmann/json.hpp>

#include "app/person/person_service.hpp"
#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "domain/checks.hpp"
#include "domain/resettlement.hpp"
#include "store/period_repo.hpp"
#include "domain/id_number.hpp"
#include "domain/pinyin.hpp"
#include "domain/text.hpp"

namespace anbang::app {

namespace {


std::string show(const std::optional<std::string>& v) { return v.value_or(""); }
std::string show(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

// Field-by-field differences (old, new) for the audit record and the timeline.
nlohmann::json diff(const store::PersonRecord& a, const store::PersonRecord& b) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const char* field, const std::string& o, const std::string& n) {
    if (o != n) out.push_back({{"field", field}, {"old", o}, {"new", n}});
  };
  add("name", a.name, b.name);
  add("former_names", a.former_names, b.former_names);
  add("gender", a.gender, b.gender);
  add("ethnic_code", show(a.ethnic_code), show(b.ethnic_code));
  add("id_number", show(a.id_number), show(b.id_number));
  add("identity_verified", a.identity_verified ? "1" : "0", b.identity_verified ? "1" : "0");
  add("birth_date", show(a.birth_date), show(b.birth_date));
  add("education_code", show(a.education_code), show(b.education_code));
  add("household_unit_id", std::to_string(a.household_unit_id), std::to_string(b.household_unit_id));
  add("household_address", a.household_address, b.household_address);
  add("residence_unit_id", std::to_string(a.residence_unit_id), std::to_string(b.residence_unit_id));
  add("residence_address", a.residence_address, b.residence_address);
  add("charge_ids", nlohmann::json(a.charge_ids).dump(), nlohmann::json(b.charge_ids).dump());
  add("sentence_type", a.sentence_type, b.sentence_type);
  add("sentence_months", show(a.sentence_months), show(b.sentence_months));
  add("release_date", a.release_date, b.release_date);
  add("release_kind", a.release_kind, b.release_kind);
  add("releasing_authority", a.releasing_authority, b.releasing_authority);
  add("assistance_end_date", a.assistance_end_date, b.assistance_end_date);
  add("family_contact_name", a.family_contact_name, b.family_contact_name);
  add("family_contact_relation", a.family_contact_relation, b.family_contact_relation);
  add("family_contact_phone", a.family_contact_phone, b.family_contact_phone);
  add("phone", a.phone, b.phone);
  return out;
}

bool is_id_like(const std::string& q) {
  if (q.size() < 4) return false;
  for (std::size_t i = 0; i < q.size(); ++i) {
    char c = q[i];
    bool digit = c >= '0' && c <= '9';
    if (!digit && !(i == q.size() - 1 && (c == 'x' || c == 'X'))) return false;
  }
  return true;
}

bool is_ascii_letters(const std::string& q) {
  for (char c : q) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return !q.empty();
}

}  // namespace

std::string person_label(const store::PersonRecord& p) {
  return p.name + (p.id_number ? " " + domain::mask_id_number(*p.id_number) : "");
}

store::PersonRecord record_from(const domain::ValidPerson& v) {
  store::PersonRecord r;
  r.name = v.name;
  r.former_names = v.former_names;
  r.pinyin_keys = domain::pinyin_search_keys(v.name + (v.former_names.empty() ? "" : " " + v.former_names));
  r.gender = v.gender;
  r.ethnic_code = v.ethnic_code;
  r.id_number = v.id_number;
  r.identity_verified = v.identity_verified;
  r.birth_date = v.birth_date;
  r.education_code = v.education_code;
  r.household_unit_id = v.household_unit_id;
  r.household_address = v.household_address;
  r.residence_unit_id = v.residence_unit_id;
  r.residence_address = v.residence_address;
  r.charge_ids = v.charge_ids;
  r.sentence_type = v.sentence_type;
  r.sentence_months = v.sentence_months;
  r.release_date = v.release_date;
  r.release_kind = v.release_kind;
  r.releasing_authority = v.releasing_authority;
  r.assistance_end_date = v.assistance_end_date;
  r.family_contact_name = v.family_contact_name;
  r.family_contact_relation = v.family_contact_relation;
  r.family_contact_phone = v.family_contact_phone;
  r.phone = v.phone;
  return r;
}

namespace {

// A person must stay visible to whoever records them: one of their places must be in scope.
Status check_person_units(const AuthedCtx& ctx, const domain::ValidPerson& p) {
  if (!ctx.actor.scope.covers_person(p.household_unit_id, p.residence_unit_id)) {
    return invalid("UNIT_OUT_OF_SCOPE", "户籍地或居住地至少有一处须在您的管辖范围内", "household_unit_id");
  }
  return {};
}

// R-JUR-1: editing a file cannot move a place to another township; a move is a transfer the
// receiving side accepts (supervision/transfers.cpp). A village of the same township may change.
Status check_no_move(const domain::UnitTree& tree, const store::PersonRecord& before, const store::PersonRecord& after) {
  auto town = [&](std::int64_t unit) { return tree.township_of(unit).value_or(unit); };
  if (town(before.household_unit_id) != town(after.household_unit_id))
    return invalid("MOVE_NEEDS_TRANSFER", "户籍地迁往其他镇街须办理转移，由接收方确认；请在档案页点击“转移”", "household_unit_id");
  if (town(before.residence_unit_id) != town(after.residence_unit_id))
    return invalid("MOVE_NEEDS_TRANSFER", "居住地迁往其他镇街须办理转移，由接收方确认；请在档案页点击“转移”", "residence_unit_id");
  return {};
}

Error version_conflict() {
  return conflict("VERSION_CONFLICT", "该档案已被他人修改，请刷新页面查看最新内容后再保存", "version");
}

}  // namespace

Status PersonService::duplicate_id_check(store::Connection& c, const std::optional<std::string>& id_number,
                                         std::int64_t self_id) const {
  if (!id_number) return {};
  auto holder = store::find_id_holder(c, *id_number);
  if (!holder.ok()) return holder.error();
  if (!holder->has_value() || (*holder)->person_id == self_id) return {};
  // Names the unit that keeps the file, never the person.
  auto tree = core_.units();
  std::string where = tree->display_path((*holder)->household_unit_id);
  if ((*holder)->residence_unit_id != (*holder)->household_unit_id) {
    where += "（居住地 " + tree->display_path((*holder)->residence_unit_id) + "）";
  }
  return Error{ErrorKind::conflict, "PERSON_DUPLICATE_ID",
               "该身份证号码已登记，档案在" + where + "，请勿重复建档；如需转入请联系该单位", "id_number"};
}

PersonView PersonService::view(store::PersonRecord rec, domain::CivilDate today, bool detained) const {
  PersonView v;
  v.status = domain::person_status(rec.release_date, rec.assistance_end_date, domain::to_string(today), detained);
  for (auto id : rec.charge_ids) {
    if (const store::ChargeRow* c = core_.charge(id)) v.charges.push_back(*c);
  }
  v.record = std::move(rec);
  return v;
}

Result<store::PersonFilter> PersonService::filter(const AuthedCtx& ctx, const PersonQuery& q) const {
  store::PersonFilter f;
  std::string norm(domain::trim_ascii(q.q));
  if (domain::count_code_points(norm) > 50) return invalid("FIELD_TOO_LONG", "查询关键字不能超过50个字", "q");
  if (!norm.empty()) {
    std::string compact = domain::normalize_search_query(norm);
    if (is_id_like(compact))
      f.id_prefix = compact;
    else if (is_ascii_letters(compact))
      f.pinyin_prefix = compact;
    else
      f.name_like = norm;
    if (!f.id_prefix.empty() && f.id_prefix.back() == 'x') f.id_prefix.back() = 'X';
  }
  if (q.unit_id) {
    auto tree = core_.units();
    if (!tree->find(*q.unit_id)) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
    f.unit_ids = tree->area_subtree_ids(*q.unit_id);
    if (f.unit_ids.empty()) {
      // A side unit (judicial office, police station) stands for its area.
      const domain::Unit* u = tree->find(*q.unit_id);
      if (u->area_unit_id) f.unit_ids = tree->area_subtree_ids(*u->area_unit_id);
    }
    if (f.unit_ids.empty()) f.unit_ids = {-1};
  }
  if (!q.status.empty()) {
    if (auto s = domain::check::one_of(q.status, {"in_custody", "under_assistance", "detained", "ended"}, "status",
                                       "状态取值无效");
        !s.ok())
      return s.error();
  }
  f.status = q.status;
  f.today = domain::to_string(ctx.today);
  for (auto [text, dst, field] : {std::tuple{&q.released_from, &f.released_from, "released_from"},
                                  std::tuple{&q.released_to, &f.released_to, "released_to"}}) {
    if (text->empty()) continue;
    auto d = domain::parse_date(*text, field);
    if (!d.ok()) return d.error();
    *dst = domain::to_string(*d);
  }
  f.identity_verified = q.identity_verified;
  f.key_subject = q.key_subject;
  if (!q.resettlement.empty() && q.resettlement != "resettled" &&
      !domain::parse<domain::Resettlement>(q.resettlement))
    return invalid("FIELD_VALUE", "安置情况取值无效，请从列表中选择", "resettlement");
  f.resettlement = q.resettlement;
  f.separated = q.separated;
  f.sort = q.sort;
  f.descending = q.order == "desc";
  if (auto s = domain::check::paging(q.page, q.page_size); !s.ok()) return s.error();
  f.page = q.page;
  f.page_size = q.page_size;
  return f;
}

Result<Audited<PersonPage>> PersonService::search(const AuthedCtx& ctx, const PersonQuery& q) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  auto f = filter(ctx, q);
  if (!f.ok()) return f.error();
  auto page = transact_value<PersonPage>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<PersonPage> {
    auto found = store::search_persons(c, ctx.actor.scope, *f);
    if (!found.ok()) return found.error();
    return PersonPage{std::move(found->first), found->second, f->page, f->page_size};
  });
  if (!page.ok()) return page.error();
  // Searches show names of persons too: on record with the filters used (never in the server log).
  nlohmann::json d = {{"q", q.q},
                      {"unit_id", q.unit_id ? *q.unit_id : 0},
                      {"status", q.status},
                      {"released_from", q.released_from},
                      {"released_to", q.released_to},
                      {"page", q.page},
                      {"total", page->total}};
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                              std::to_string(page->items.size()) + " 人", d.dump());
  return Audited<PersonPage>(std::move(page).value(), std::move(record));
}

Result<Audited<PersonView>> PersonService::read(const AuthedCtx& ctx, std::int64_t id) {
  return read_person<PersonView>(core_, ctx, perm::person_read, id, "",
                                 [&](store::Connection& c, const Reached& p) -> Result<PersonView> {
                                   auto detained = store::count_open_detentions(c, id);  // R-PER-1: 羁押中
                                   if (!detained.ok()) return detained.error();
                                   return view(p.record(), ctx.today, *detained > 0);
                                 });
}

// The duplicate check tells where a person is held, also outside the caller's scope (it names the
// unit, never the person): such a lookup is recorded in the access log, outside the rolled-back
// transaction.
void PersonService::audit_duplicate_probe(const AuthedCtx& ctx, const Error& e,
                                          const std::optional<std::string>& id_number) {
  if (e.code != "PERSON_DUPLICATE_ID" || !id_number) return;
  (void)core_.access_log().write(access_record(ctx, "person_duplicate_id", "person_id_number", std::nullopt,
                                               domain::mask_id_number(*id_number), "{}"));
}

Result<PersonView> PersonService::create(const AuthedCtx& ctx, const domain::PersonInput& in) {
  if (auto s = require(ctx, perm::person_create); !s.ok()) return s.error();
  auto valid = domain::validate_person(in, ctx.today, *core_.units(), core_.lookups());
  if (!valid.ok()) return valid.error();
  if (auto s = check_person_units(ctx, *valid); !s.ok()) return s.error();
  store::PersonRecord rec = record_from(*valid);
  rec.created_by = ctx.actor.user_id;
  rec.created_at = rec.updated_at = ctx.now;
  // A new file: reached by creating it, in the caller's jurisdiction (checked above).
  auto created = write_persons<PersonView>(core_, ctx, perm::person_create, [&](PersonWrite& w) -> Result<PersonView> {
    if (auto s = duplicate_id_check(w.c, rec.id_number, 0); !s.ok()) return s.error();
    auto id = store::insert_person(w.c, rec);
    if (!id.ok()) return id.error();
    rec.id = *id;
    // The new values, field by field (old values empty).
    w.record(rec.id, person_label(rec), Change{"person_create", diff(store::PersonRecord{}, rec), "created", "person.created", {}});
    return view(rec, ctx.today);
  });
  if (!created.ok()) audit_duplicate_probe(ctx, created.error(), rec.id_number);
  return created;
}

Result<PersonView> PersonService::update(const AuthedCtx& ctx, std::int64_t id, const domain::PersonInput& in,
                                         bool keep_id_number) {
  if (!in.version) return invalid("FIELD_REQUIRED", "缺少版本号，请刷新页面后重试", "version");
  if (auto s = require(ctx, perm::person_update); !s.ok()) return s.error();
  // Checked before the transaction unless the stored ID number is needed to check the input.
  std::optional<domain::ValidPerson> checked;
  if (!keep_id_number) {
    auto valid = domain::validate_person(in, ctx.today, *core_.units(), core_.lookups());
    if (!valid.ok()) return valid.error();
    if (auto s = check_person_units(ctx, *valid); !s.ok()) return s.error();
    checked = std::move(valid).value();
  }
  std::optional<std::string> probed = in.id_number;
  auto updated = change_person<PersonView>(core_, ctx, perm::person_update, id, [&](PersonWrite& w, const Reached& p) -> Result<PersonView> {
    const store::PersonRecord& before = p.record();
    if (before.version != *in.version) return version_conflict();
    if (!checked) {
      domain::PersonInput kept = in;
      kept.id_number = before.id_number;
      auto valid = domain::validate_person(kept, ctx.today, *core_.units(), core_.lookups());
      if (!valid.ok()) return valid.error();
      if (auto s = check_person_units(ctx, *valid); !s.ok()) return s.error();
      checked = std::move(valid).value();
    }
    probed = checked->id_number;
    store::PersonRecord rec = record_from(*checked);
    rec.id = id;
    rec.version = before.version;
    rec.created_by = before.created_by;
    rec.created_at = before.created_at;
    rec.updated_at = ctx.now;
    if (auto s = check_no_move(*core_.units(), before, rec); !s.ok()) return s.error();
    if (auto s = duplicate_id_check(w.c, rec.id_number, id); !s.ok()) return s.error();
    nlohmann::json changes = diff(before, rec);
    auto ok = store::update_person(w.c, rec);
    if (!ok.ok()) return ok.error();
    if (!*ok) return version_conflict();
    rec.version = before.version + 1;
    Change ch{"person_update", changes, "", "", {}};
    if (!changes.empty()) {
      ch.event_kind = "updated";
      ch.event_code = "person.updated";
      ch.event_params = {{"count", changes.size()}};
      ch.event_detail = changes.dump();
    }
    w.record(id, person_label(rec), std::move(ch));
    auto detained = store::count_open_detentions(w.c, id);
    if (!detained.ok()) return detained.error();
    return view(rec, ctx.today, *detained > 0);
  });
  if (!updated.ok()) audit_duplicate_probe(ctx, updated.error(), probed);
  return updated;
}

Result<Audited<std::optional<std::string>>> PersonService::id_number(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  if (auto s = require(ctx, perm::person_id_full); !s.ok()) return s.error();
  using Out = Audited<std::optional<std::string>>;
  return transact_value<Out>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto reached = reach_person(core_, c, ctx, id);
    if (!reached.ok()) return reached.error();
    // Its own record, without a view key: each unmasking is on record.
    return Out(reached->record().id_number,
               access_record(ctx, "id_unmask", "person", id, person_label(reached->record()),
                             nlohmann::json{{"part", "id_number"}}.dump()));
  });
}

Result<Audited<std::vector<store::PersonEvent>>> PersonService::timeline(const AuthedCtx& ctx, std::int64_t id) {
  // The timeline shows old and new values of every change: a read of the file like any other.
  return read_person<std::vector<store::PersonEvent>>(
      core_, ctx, perm::person_read, id, "timeline",
      [&](store::Connection& c, const Reached&) { return store::list_person_events(c, id); });
}

}  // namespace anbang::app
