// The person file (一人一档): search, read, create, update, timeline. Every path goes through the
// caller's Scope (store::scope_predicate); a person outside it answers PERSON_NOT_FOUND (404), so
// existence does not leak. Every read and change is audited; changes also land on the timeline.
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/id_number.hpp"
#include "domain/pinyin.hpp"
#include "domain/text.hpp"

namespace anbang::app {

Error person_not_found() { return not_found("PERSON_NOT_FOUND", "未找到该人员,或该人员不在您的管辖范围内"); }

namespace {

std::string label_of(const store::PersonRecord& p) {
  return p.name + (p.id_number ? " " + domain::mask_id_number(*p.id_number) : "");
}

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

Status App::check_person_units(const Ctx& ctx, const domain::ValidPerson& p) const {
  // A person must stay visible to whoever records them: one of their places must be in scope.
  if (!ctx.actor->scope.covers_person(p.household_unit_id, p.residence_unit_id)) {
    return invalid("UNIT_OUT_OF_SCOPE", "户籍地或居住地至少有一处须在您的管辖范围内", "household_unit_id");
  }
  return {};
}

Status App::duplicate_id_check(store::Connection& c, const std::optional<std::string>& id_number,
                               std::int64_t self_id) const {
  if (!id_number) return {};
  auto holder = store::find_id_holder(c, *id_number);
  if (!holder.ok()) return holder.error();
  if (!holder->has_value() || (*holder)->person_id == self_id) return {};
  auto tree = units();
  std::string where = tree->display_path((*holder)->household_unit_id);
  if ((*holder)->residence_unit_id != (*holder)->household_unit_id) {
    where += "(居住地 " + tree->display_path((*holder)->residence_unit_id) + ")";
  }
  return Error{ErrorKind::conflict, "PERSON_DUPLICATE_ID",
               "该身份证号码已登记,档案在" + where + ",请勿重复建档;如需转入请联系该单位", "id_number"};
}

Result<PersonView> App::view(store::Connection& c, store::PersonRecord rec, const Ctx& ctx) const {
  PersonView v;
  auto detained = store::count_open_detentions(c, rec.id);
  if (!detained.ok()) return detained.error();
  v.status = domain::person_status(rec.release_date, rec.assistance_end_date, domain::to_string(ctx.today),
                                   *detained > 0);
  for (auto id : rec.charge_ids) {
    auto it = charge_index_.find(id);
    if (it != charge_index_.end()) v.charges.push_back(charges_[it->second]);
  }
  v.record = std::move(rec);
  return v;
}

Result<store::PersonFilter> App::person_filter(const Ctx& ctx, const PersonQuery& q) const {
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
    auto tree = units();
    if (!tree->find(*q.unit_id)) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
    f.unit_ids = tree->area_subtree_ids(*q.unit_id);
    if (f.unit_ids.empty()) {
      // A side unit (judicial office, police station) stands for its area.
      const domain::Unit* u = tree->find(*q.unit_id);
      if (u->area_unit_id) f.unit_ids = tree->area_subtree_ids(*u->area_unit_id);
    }
    if (f.unit_ids.empty()) f.unit_ids = {-1};
  }
  if (!q.status.empty() && q.status != "in_custody" && q.status != "under_assistance" &&
      q.status != "detained" && q.status != "ended") {
    return invalid("FIELD_VALUE", "状态取值无效", "status");
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
  f.separated = q.separated;
  f.sort = q.sort;
  f.descending = q.order == "desc";
  if (q.page < 1 || q.page > 100000) return invalid("FIELD_RANGE", "页码超出范围", "page");
  if (q.page_size < 1 || q.page_size > 100)
    return invalid("FIELD_RANGE", "每页条数应在 1 到 100 之间", "page_size");
  f.page = q.page;
  f.page_size = q.page_size;
  return f;
}

Result<Audited<PersonPage>> App::find_persons(const Ctx& ctx, const PersonQuery& q) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  auto f = person_filter(ctx, q);
  if (!f.ok()) return f.error();
  auto page =
      transact_value<PersonPage>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<PersonPage> {
        auto found = store::search_persons(c, ctx.actor->scope, *f);
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
  auto record = audit_record(ctx, "person_search", "persons", std::nullopt,
                             std::to_string(page->items.size()) + " 人", d.dump());
  return Audited<PersonPage>{std::move(page).value(), std::move(record)};
}

Result<Audited<PersonView>> App::read_person(const Ctx& ctx, std::int64_t id) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  auto found =
      transact_value<PersonView>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<PersonView> {
        auto rec = store::find_person(c, ctx.actor->scope, id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return person_not_found();
        return view(c, std::move(**rec), ctx);
      });
  if (!found.ok()) return found.error();
  auto record = audit_record(ctx, "person_read", "person", id, label_of(found->record), "{}");
  return Audited<PersonView>{std::move(found).value(), std::move(record)};
}

void App::commit_access(store::AuditRecord record, std::function<void(Status)> done) {
  audit_writer_->write_async(std::move(record), std::move(done));
}

Result<PersonPage> App::search_persons(const Ctx& ctx, const PersonQuery& q) {
  auto found = find_persons(ctx, q);
  if (!found.ok()) return found.error();
  if (Status s = audit_writer_->write(found->record); !s.ok()) return s.error();
  return std::move(found->value);
}

Result<PersonView> App::get_person(const Ctx& ctx, std::int64_t id) {
  auto found = read_person(ctx, id);
  if (!found.ok()) return found.error();
  // The file is handed out only once the read is on record (group commit, see audit_writer.hpp).
  if (Status s = audit_writer_->write(found->record); !s.ok()) return s.error();
  return std::move(found->value);
}

// The duplicate check tells where a person is held, also outside the caller's scope (the issue asks
// for it): such a lookup is recorded in the access log, outside the rolled-back transaction.
void App::audit_duplicate_probe(const Ctx& ctx, const Error& e, const std::optional<std::string>& id_number) {
  if (e.code != "PERSON_DUPLICATE_ID" || !id_number) return;
  (void)audit_writer_->write(audit_record(ctx, "person_duplicate_id", "person_id_number", std::nullopt,
                                          domain::mask_id_number(*id_number), "{}"));
}

Result<PersonView> App::create_person(const Ctx& ctx, const domain::PersonInput& in) {
  if (auto s = require(ctx, "person:create"); !s.ok()) return s.error();
  auto valid = domain::validate_person(in, ctx.today, *units(), lookups());
  if (!valid.ok()) return valid.error();
  if (auto s = check_person_units(ctx, *valid); !s.ok()) return s.error();
  store::PersonRecord rec = record_from(*valid);
  rec.created_by = ctx.actor->user_id;
  rec.created_at = rec.updated_at = ctx.now;
  auto created =
      transact_value<PersonView>(db_, store::TxKind::write, [&](store::Connection& c) -> Result<PersonView> {
        if (auto s = duplicate_id_check(c, rec.id_number, 0); !s.ok()) return s.error();
        auto id = store::insert_person(c, rec);
        if (!id.ok()) return id.error();
        rec.id = *id;
        store::PersonEvent e;
        e.person_id = rec.id;
        e.at = ctx.now;
        e.kind = "created";
        e.user_id = ctx.actor->user_id;
        e.unit_id = ctx.actor->unit_id;
        e.summary = "建立档案";
        if (auto s = store::insert_person_event(c, e); !s.ok()) return s.error();
        if (auto s = reclassify(c, ctx, rec.id); !s.ok()) return s.error();
        if (auto s = refresh_tasks(c, rec.id, ctx.today); !s.ok()) return s.error();
        // The new values, field by field (old values empty).
        if (auto s = audit(c, ctx, "person_create", "person", rec.id, label_of(rec),
                           diff(store::PersonRecord{}, rec).dump());
            !s.ok())
          return s.error();
        return view(c, rec, ctx);
      });
  if (!created.ok()) audit_duplicate_probe(ctx, created.error(), rec.id_number);
  return created;
}

Result<PersonView> App::update_person(const Ctx& ctx, std::int64_t id, const domain::PersonInput& in) {
  if (auto s = require(ctx, "person:update"); !s.ok()) return s.error();
  if (!in.version) return invalid("FIELD_REQUIRED", "缺少版本号 version,请刷新页面后重试", "version");
  auto valid = domain::validate_person(in, ctx.today, *units(), lookups());
  if (!valid.ok()) return valid.error();
  if (auto s = check_person_units(ctx, *valid); !s.ok()) return s.error();
  auto updated_view =
      transact_value<PersonView>(db_, store::TxKind::write, [&](store::Connection& c) -> Result<PersonView> {
        auto old = store::find_person(c, ctx.actor->scope, id);
        if (!old.ok()) return old.error();
        if (!old->has_value()) return person_not_found();
        const store::PersonRecord& before = **old;
        if (before.version != *in.version) {
          return conflict("VERSION_CONFLICT", "该档案已被他人修改,请刷新页面查看最新内容后再保存", "version");
        }
        store::PersonRecord rec = record_from(*valid);
        rec.id = id;
        rec.version = before.version;
        rec.created_by = before.created_by;
        rec.created_at = before.created_at;
        rec.updated_at = ctx.now;
        if (auto s = duplicate_id_check(c, rec.id_number, id); !s.ok()) return s.error();
        nlohmann::json changes = diff(before, rec);
        auto updated = store::update_person(c, rec);
        if (!updated.ok()) return updated.error();
        if (!*updated)
          return conflict("VERSION_CONFLICT", "该档案已被他人修改,请刷新页面查看最新内容后再保存", "version");
        rec.version = before.version + 1;
        if (!changes.empty()) {
          store::PersonEvent e;
          e.person_id = id;
          e.at = ctx.now;
          e.kind = "updated";
          e.user_id = ctx.actor->user_id;
          e.unit_id = ctx.actor->unit_id;
          e.summary = "修改档案(" + std::to_string(changes.size()) + "项)";
          e.detail = changes.dump();
          if (auto s = store::insert_person_event(c, e); !s.ok()) return s.error();
        }
        if (auto s = reclassify(c, ctx, id); !s.ok()) return s.error();
        if (auto s = refresh_tasks(c, id, ctx.today); !s.ok()) return s.error();
        if (auto s = audit(c, ctx, "person_update", "person", id, label_of(rec), changes.dump()); !s.ok())
          return s.error();
        return view(c, rec, ctx);
      });
  if (!updated_view.ok()) audit_duplicate_probe(ctx, updated_view.error(), valid->id_number);
  return updated_view;
}

Result<Audited<std::vector<store::PersonEvent>>> App::read_timeline(const Ctx& ctx, std::int64_t id) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  using Out = Audited<std::vector<store::PersonEvent>>;
  return transact_value<Out>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto rec = store::find_person(c, ctx.actor->scope, id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto events = store::list_person_events(c, id);
    if (!events.ok()) return events.error();
    // The timeline shows old and new values of every change: a read of the file like any other.
    return Out{std::move(events).value(),
               audit_record(ctx, "person_read", "person", id, label_of(**rec), R"({"part":"timeline"})")};
  });
}

Result<std::vector<store::PersonEvent>> App::person_timeline(const Ctx& ctx, std::int64_t id) {
  auto found = read_timeline(ctx, id);
  if (!found.ok()) return found.error();
  if (Status s = audit_writer_->write(found->record); !s.ok()) return s.error();
  return std::move(found->value);
}

}  // namespace anbang::app
