#include "app/linkage/linkage_service.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/record_date.hpp"
#include "app/person/person_service.hpp"
#include "app/supervision/supervision_service.hpp"
#include "domain/checks.hpp"
#include "domain/text.hpp"

namespace anbang::app {

namespace {

bool is_custody_unit(const domain::Unit* u) { return u && (u->kind == "detention_centre" || u->kind == "prison"); }

Error form_missing() { return not_found("DOCUMENT_NOT_FOUND", "未找到该文书，或它不是发给您单位的"); }

// The scope that reaches any person: used where a custody unit reaches a person through the form
// its unit sent (checked by the caller), never for reading the file.
domain::Scope any_person(const Core& core) { return system_context(core, "linkage").actor.scope; }

}  // namespace

Result<LinkageService::Arrival> LinkageService::arrival(const AuthedCtx& ctx, const ChannelInput& via) const {
  Arrival a;
  const std::string today = domain::to_string(ctx.today);
  auto tree = core_.units();
  if (via.channel == "electronic") {
    const domain::Unit* sender = tree->find(ctx.actor.unit_id);
    if (!is_custody_unit(sender)) {
      return forbidden("NOT_A_CUSTODY_UNIT", "只有看守所、监狱的用户可以在系统中发送；邮寄的纸质文书请选择“邮寄录入”");
    }
    a.sender_unit_id = sender->id;
    a.sender_label = sender->name;
    a.sent_on = a.received_on = today;
    return a;
  }
  if (via.channel != "mail") {
    return invalid("FIELD_VALUE", "发送方式应为系统发送或邮寄纸质文书录入", "channel");
  }
  a.mail = true;
  if (via.sender_unit_id) {
    const domain::Unit* u = tree->find(*via.sender_unit_id);
    if (!is_custody_unit(u)) return invalid("UNIT_UNKNOWN", "寄送单位应为看守所或监狱", "sender_unit_id");
    a.sender_unit_id = u->id;
    a.sender_label = u->name;
  } else {
    auto name = domain::check::text(via.sender_name, "sender_name", "寄送单位（如 重庆市永川监狱）", 100, true);
    if (!name.ok()) return name.error();
    a.sender_label = *name;
  }
  auto received = record_date(core_, ctx, via.received_on, "received_on", "收到日期");
  if (!received.ok()) return received.error();
  a.received_on = domain::to_string(*received);
  a.sent_on = a.received_on;
  if (!via.sent_on.empty()) {
    auto sent = domain::check::date(via.sent_on, "sent_on", "寄出日期");
    if (!sent.ok()) return sent.error();
    if (*sent > *received) return invalid("DATE_ORDER", "寄出日期不能晚于收到日期", "sent_on");
    a.sent_on = domain::to_string(*sent);
  }
  return a;
}

Result<store::Document> LinkageService::file(PersonWrite& w, store::Document d, const std::string& person_name) {
  d.entered_by = w.ctx.actor.user_id;
  d.created_at = w.ctx.now;
  auto id = store::insert_document(w.c, d);
  if (!id.ok()) return id.error();
  d.id = *id;
  d.person_name = person_name;
  return d;
}

Status LinkageService::check_answerable(const AuthedCtx& ctx, std::int64_t id, const std::string& kind) {
  auto ok = transact_value<bool>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<bool> {
    auto d = store::find_document(c, id);
    if (!d.ok()) return d.error();
    if (!d->has_value() || (*d)->kind != kind || !(*d)->person_id) return false;
    return ctx.actor.scope.covers_person((*d)->person_household_unit_id, (*d)->person_residence_unit_id);
  });
  if (!ok.ok()) return ok.error();
  if (!*ok) return form_missing();
  return {};
}

Result<store::Document> LinkageService::send_registration_form(const AuthedCtx& ctx, const RegistrationFormInput& in) {
  const bool by_mail = in.via.channel == "mail";
  const std::string_view permission = by_mail ? perm::document_verify : perm::document_send;
  if (auto s = require(ctx, permission); !s.ok()) return s.error();
  auto tree = core_.units();
  auto via = arrival(ctx, in.via);
  if (!via.ok()) return via.error();
  const domain::Unit* sender = via->sender_unit_id ? tree->find(*via->sender_unit_id) : nullptr;
  auto received = domain::check::date(in.received_into_custody, "received_into_custody", "收押日期");
  if (!received.ok()) return received.error();
  const std::string custody_day = domain::to_string(*received);
  if (custody_day > via->sent_on)
    return invalid("DATE_IN_FUTURE", "收押日期不能晚于登记表寄出（发送）日期", "received_into_custody");
  auto form = nlohmann::json::parse(in.form, nullptr, false);
  if (!form.is_object()) return invalid("FIELD_TYPE", "登记表内容应为对象", "form");
  domain::PersonInput person = in.person;
  if (!person.release_kind)
    person.release_kind = sender && sender->kind == "detention_centre" ? "detention_centre" : "prison";
  auto valid = domain::validate_person(person, ctx.today, *tree, core_.lookups());
  if (!valid.ok()) return valid.error();
  // A paper form is entered by the judicial office of the household-registration place.
  if (by_mail && !ctx.actor.scope.covers_unit(valid->household_unit_id)) {
    return invalid("HOUSEHOLD_OUT_OF_SCOPE", "该人员户籍地不在您的管辖范围内，请转交户籍地司法所录入", "household_unit_id");
  }
  if (valid->release_date <= custody_day) {
    return invalid("RELEASE_BEFORE_CUSTODY", "预计释放日期应晚于收押日期", "release_date");
  }
  store::PersonRecord rec = record_from(*valid);
  rec.created_by = ctx.actor.user_id;
  rec.created_at = rec.updated_at = ctx.now;
  std::int64_t receiver = tree->judicial_office_for(valid->household_unit_id);
  // The sender reaches the person by the form it sends: a new file, or the existing file found by
  // the ID number — whose contents the sender never sees. A judicial office entering a paper form
  // reaches only persons of its jurisdiction.
  return write_persons<store::Document>(core_, ctx, permission, [&](PersonWrite& w) -> Result<store::Document> {
    std::optional<store::PersonRecord> existing;
    if (rec.id_number) {
      auto holder = store::find_id_holder(w.c, *rec.id_number);
      if (!holder.ok()) return holder.error();
      if (holder->has_value()) {
        if (by_mail && !ctx.actor.scope.covers_person((*holder)->household_unit_id, (*holder)->residence_unit_id)) {
          // Nothing of a person outside the caller's jurisdiction changes or is shown: the message
          // names the unit that keeps the file, never the person.
          std::int64_t keeper = tree->judicial_office_for((*holder)->household_unit_id);
          const domain::Unit* k = tree->find(keeper);
          return conflict("PERSON_HELD_ELSEWHERE",
                          "该身份证号码的档案由" + std::string(k ? k->name : "其他单位") +
                              "管理，请将这份登记表转交该单位录入",
                          "id_number");
        }
        auto old = store::find_person(w.c, any_person(core_), (*holder)->person_id);
        if (!old.ok()) return old.error();
        if (old->has_value()) existing = **old;
      }
    }
    std::int64_t person_id = 0;
    std::string name = rec.name;
    // R-PER-1: a form for a person already released is a report of new custody; the household
    // judicial office confirms it (confirm_new_custody) and only that ends the running period.
    const bool new_custody = existing && existing->release_date <= custody_day;
    if (existing) {
      person_id = existing->id;
      name = existing->name;
    } else {
      auto id = store::insert_person(w.c, rec);
      if (!id.ok()) return id.error();
      person_id = *id;
      w.record(person_id, person_label(rec),
               Change{"person_create", {{"via", "registration_form"}}, "created", "person.created_by_form",
                      {{"sender", via->sender_label}}});
    }
    store::Document d;
    d.kind = "registration_form";
    d.person_id = person_id;
    d.sender_unit_id = via->sender_unit_id;
    d.receiver_unit_id = receiver;
    d.channel = by_mail ? "mail" : "electronic";
    d.event_date = custody_day;
    d.sent_on = via->sent_on;
    d.received_on = via->received_on;
    if (by_mail) form["sender_name"] = via->sender_label;
    if (new_custody) {
      form["new_custody"] = true;
      form["expected_release_date"] = valid->release_date;
      form["release_kind"] = valid->release_kind;
    }
    d.data = form.dump();
    auto filed = file(w, std::move(d), name);
    if (!filed.ok()) return filed.error();
    nlohmann::json detail = {{"document_id", filed->id},
                             {"receiver_unit_id", receiver},
                             {"received_into_custody", custody_day},
                             {"channel", filed->channel},
                             {"sender", via->sender_label},
                             {"new_custody", new_custody}};
    nlohmann::json params = with_late({{"sender", via->sender_label},
                                       {"custody_date", custody_day},
                                       {"received_on", via->received_on},
                                       {"channel", filed->channel},
                                       {"entered_by", ctx.actor.unit_name}},
                                      ctx, via->received_on);
    w.record(person_id, name,
             Change{"document_send", detail, "document",
                    new_custody ? "document.new_custody_report" : "document.registration_form", params});
    return filed;
  });
}

Result<store::Document> LinkageService::confirm_new_custody(const AuthedCtx& ctx, std::int64_t form_id) {
  if (auto s = check_answerable(ctx, form_id, "registration_form"); !s.ok()) return s.error();
  return write_persons<store::Document>(core_, ctx, perm::document_verify, [&](PersonWrite& w) -> Result<store::Document> {
    auto form = store::find_document(w.c, form_id);
    if (!form.ok()) return form.error();
    if (!form->has_value()) return form_missing();
    auto reached = reach_person(core_, w.c, ctx, *(*form)->person_id);
    if (!reached.ok()) return form_missing();
    auto data = nlohmann::json::parse((*form)->data, nullptr, false);
    if (!data.is_object() || !data.value("new_custody", false))
      return conflict("NOT_A_CUSTODY_REPORT", "这份登记表不是已释放人员再次收押的通报，无需确认");
    // Confirmed once: the new sentence moved the release date past the day of custody.
    if (reached->record().release_date > (*form)->event_date.value_or(""))
      return conflict("ALREADY_CONFIRMED", "这份再次收押通报已经确认过");
    auto from = domain::parse_date((*form)->event_date.value_or(""));
    auto release = domain::parse_date(data.value("expected_release_date", ""));
    if (!from.ok() || !release.ok()) return internal_error("再次收押通报缺少日期");
    std::string source = data.value("sender_name", "");
    if (source.empty() && (*form)->sender_unit_id) {
      const domain::Unit* u = core_.units()->find(*(*form)->sender_unit_id);
      source = u ? u->name : "";
    }
    if (auto s = supervision_.start_new_sentence(w, reached->record(), *from, *release,
                                                 data.value("release_kind", "prison"), source);
        !s.ok())
      return s.error();
    w.record(reached->id(), reached->record().name,
             Change{"custody_confirm", {{"form_id", form_id}}, "custody", "custody.confirmed",
                    {{"from", *(*form)->event_date}, {"source", source}}});
    return **form;
  });
}

Result<store::Document> LinkageService::send_verification(const AuthedCtx& ctx, std::int64_t form_id,
                                                          const VerificationInput& in) {
  namespace check = domain::check;
  // The form must be one the caller may answer before anything of the input is looked at.
  if (auto s = require(ctx, perm::document_verify); !s.ok()) return s.error();
  if (auto s = check_answerable(ctx, form_id, "registration_form"); !s.ok()) return s.error();
  for (auto [v, field] : {std::pair{&in.false_name, "false_name"}, std::pair{&in.false_identity, "false_identity"},
                          std::pair{&in.false_address, "false_address"}}) {
    if (auto s = check::one_of(*v, {"confirmed", "suspected", "cleared"}, field,
                               "核查结论应为查实为假、存疑或已排除");
        !s.ok())
      return s.error();
  }
  auto family = check::text(in.family_situation, "family_situation", "家庭情况", 2000, false);
  if (!family.ok()) return family.error();
  auto children = check::text(in.children_situation, "children_situation", "未成年子女情况", 2000, false);
  if (!children.ok()) return children.error();
  auto officer = check::text(in.verifying_officer, "verifying_officer", "核查人", 50, false);
  if (!officer.ok()) return officer.error();
  auto sent = record_date(core_, ctx, in.sent_on.empty() ? domain::to_string(ctx.today) : in.sent_on, "sent_on",
                          "反馈日期");
  if (!sent.ok()) return sent.error();
  return write_persons<store::Document>(core_, ctx, perm::document_verify, [&](PersonWrite& w) -> Result<store::Document> {
    auto form = store::find_document(w.c, form_id);
    if (!form.ok()) return form.error();
    if (!form->has_value() || !(*form)->person_id) return form_missing();
    // The person must be in the caller's jurisdiction (the form was routed to their area).
    auto reached = reach_person(core_, w.c, ctx, *(*form)->person_id);
    if (!reached.ok()) return form_missing();
    if ((*form)->received_on && domain::to_string(*sent) < *(*form)->received_on) {
      return invalid("DATE_BEFORE_DOCUMENT", "反馈日期不能早于收到登记表的日期 " + *(*form)->received_on, "sent_on");
    }
    store::Document d = reply_to(**form, "verification_feedback", ctx, domain::to_string(*sent));
    auto factor = [](const std::optional<bool>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    nlohmann::json data = {{"false_name", in.false_name},
                           {"false_identity", in.false_identity},
                           {"false_address", in.false_address},
                           {"family_situation", *family},
                           {"children_situation", *children},
                           {"verifying_officer", *officer},
                           {"no_home", factor(in.no_home)},
                           {"no_job", factor(in.no_job)},
                           {"no_relatives", factor(in.no_relatives)}};
    d.data = data.dump();
    auto filed = file(w, std::move(d), reached->record().name);
    if (!filed.ok()) return filed.error();
    // Reclassified at once (R-CLS-3) by the person-changed step.
    w.record(reached->id(), reached->record().name,
             Change{"document_send", data, "document", "document.verification",
                    with_late({{"false_name", in.false_name},
                               {"false_identity", in.false_identity},
                               {"false_address", in.false_address}},
                              ctx, *filed->sent_on)});
    return filed;
  });
}

Result<Audited<DocumentPage>> LinkageService::list_documents(const AuthedCtx& ctx, const DocumentQuery& q) {
  if (auto s = domain::check::one_of(q.box, {"inbox", "sent"}, "box", "文书列表应为收件箱或已发送"); !s.ok()) return s.error();
  if (auto s = require(ctx, q.box == "inbox" ? perm::document_read : perm::document_send); !s.ok()) return s.error();
  if (auto s = domain::check::paging(q.page, q.page_size); !s.ok()) return s.error();
  store::DocumentFilter f;
  f.kind = q.kind;
  f.page = q.page;
  f.page_size = q.page_size;
  if (q.box == "sent") {
    f.sender_unit_ids = {ctx.actor.unit_id};
  } else if (ctx.actor.scope.kind != domain::ScopeKind::district) {
    f.receiver_unit_ids = {ctx.actor.unit_id};
  }
  auto page = transact_value<DocumentPage>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<DocumentPage> {
    auto found = store::list_documents(c, f);
    if (!found.ok()) return found.error();
    return DocumentPage{std::move(found->first), found->second};
  });
  if (!page.ok()) return page.error();
  // A person's name and the document's contents only while the person is in the viewer's
  // jurisdiction, or for documents the viewer's unit sent or answered itself.
  std::int64_t shown = 0;
  for (auto& d : page->items) {
    bool mine = d.sender_unit_id == ctx.actor.unit_id || d.answered_by == ctx.actor.unit_id;
    bool in_scope = ctx.actor.scope.covers_person(d.person_household_unit_id, d.person_residence_unit_id);
    if (mine || in_scope) {
      ++shown;
      continue;
    }
    d.person_name.clear();
    d.data = R"({"withheld":true})";
  }
  nlohmann::json detail = {{"box", q.box}, {"kind", q.kind}, {"page", q.page}, {"shown", shown}};
  auto record = access_record(ctx, "document_list", "documents", std::nullopt,
                              std::to_string(page->items.size()) + " 件", detail.dump());
  return Audited<DocumentPage>(std::move(page).value(), std::move(record));
}

Result<Audited<DocumentDetail>> LinkageService::document(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, perm::document_read); !s.ok()) return s.error();
  using Out = Audited<DocumentDetail>;
  return transact_value<Out>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto found = store::find_document(c, id);
    if (!found.ok()) return found.error();
    if (!found->has_value() || !(*found)->person_id) return form_missing();
    const store::Document& d = **found;
    const bool own = d.sender_unit_id == ctx.actor.unit_id || d.receiver_unit_id == ctx.actor.unit_id;
    if (!own && !ctx.actor.scope.covers_person(d.person_household_unit_id, d.person_residence_unit_id))
      return form_missing();
    auto docs = store::person_documents(c, *d.person_id);
    if (!docs.ok()) return docs.error();
    DocumentDetail v;
    v.document = d;
    std::vector<std::int64_t> chain = {d.id};
    for (auto prev = d.supersedes; prev;) {
      auto it = std::find_if(docs->begin(), docs->end(), [&](const store::Document& x) { return x.id == *prev; });
      if (it == docs->end()) break;
      v.history.push_back(*it);
      chain.push_back(it->id);
      prev = it->supersedes;
    }
    for (const auto& x : *docs) {
      if (x.replies_to && std::find(chain.begin(), chain.end(), *x.replies_to) != chain.end()) v.replies.push_back(x);
      if (d.replies_to && x.id == *d.replies_to) v.answered = x;
    }
    nlohmann::json detail = {{"part", "document"}, {"document_id", d.id}, {"kind", d.kind}};
    auto record = access_record(ctx, "document_read", "person", *d.person_id, d.person_name, detail.dump());
    return Out(std::move(v), std::move(record));
  });
}

}  // namespace anbang::app
