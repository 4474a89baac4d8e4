// R-LNK-4: one month before release the custody unit sends the release notice with the risk
// assessment and assistance suggestions; it fixes the release date (and the R-PER-1 end date). The
// judicial office answers with the reception arrangement (who picks up, when). One release notice
// per release: a second one is a correction with its reason, which is kept.
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/record_date.hpp"
#include "app/linkage/linkage_service.hpp"
#include "domain/checks.hpp"
#include "domain/person_rules.hpp"
#include "domain/text.hpp"
#include "rules/engine.hpp"

namespace anbang::app {

namespace {
Error form_missing() { return not_found("DOCUMENT_NOT_FOUND", "未找到该文书，或它不是发给您单位的"); }

// The notice's own fields, checked, as the document's data (without the channel's).
Result<nlohmann::json> notice_data(const ReleaseNoticeInput& in) {
  namespace check = domain::check;
  if (auto s = check::one_of(in.risk_level, {"high", "medium", "low"}, "risk_level", "风险等级应为高、中或低");
      !s.ok())
    return s.error();
  auto release = check::date(in.release_date, "release_date", "释放日期");
  if (!release.ok()) return release.error();
  auto place = check::text(in.place, "place", "释放地点", 100, false);
  if (!place.ok()) return place.error();
  auto conduct = check::text(in.conduct, "conduct", "改造表现", 2000, false);
  if (!conduct.ok()) return conduct.error();
  auto officer = check::text(in.officer, "officer", "经办人", 50, false);
  if (!officer.ok()) return officer.error();
  auto data = nlohmann::json::parse(in.data, nullptr, false);
  if (!data.is_object()) return invalid("FIELD_TYPE", "评估因素和救助建议应为对象", "suggestions");
  data["release_date"] = domain::to_string(*release);
  data["place"] = *place;
  data["conduct"] = *conduct;
  data["officer"] = *officer;
  data["risk_level"] = in.risk_level;
  data["reoffending_tendency"] = in.reoffending_tendency;
  return data;
}

// The release date a notice fixes moves the person's (R-PER-1 follows); in the caller's write.
Status follow_release_date(Core& core, PersonWrite& w, store::PersonRecord& p, const std::string& release_text) {
  if (p.release_date == release_text) return {};
  auto release = domain::parse_date(release_text);
  if (!release.ok()) return release.error();
  nlohmann::json change =
      nlohmann::json::array({{{"field", "release_date"}, {"old", p.release_date}, {"new", release_text}}});
  p.release_date = release_text;
  p.assistance_end_date = domain::to_string(rules::assistance_end(*core.policy(), *release, p.release_kind));
  p.updated_at = w.ctx.now;
  auto updated = store::update_person(w.c, p);
  if (!updated.ok()) return updated.error();
  w.record(p.id, p.name, Change{"person_update", change, "", "", {}});
  return {};
}
}  // namespace

Result<store::Document> LinkageService::send_release_notice(const AuthedCtx& ctx, const ReleaseNoticeInput& in) {
  namespace check = domain::check;
  const bool by_mail = in.via.channel == "mail";
  const std::string_view permission = by_mail ? perm::document_verify : perm::document_send;
  if (auto s = require(ctx, permission); !s.ok()) return s.error();
  Error missing = not_found("DOCUMENT_NOT_FOUND", by_mail ? "未找到该人员的基本情况登记表，或该人员不在您的管辖范围内"
                                                          : "未找到本单位发送的该登记表");
  // The form first: a custody unit reaches the person only through a form its unit sent; a
  // judicial office entering a paper notice only persons of its jurisdiction.
  auto reachable = transact_value<bool>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<bool> {
    auto form = store::find_document(c, in.form_id);
    if (!form.ok()) return form.error();
    if (!form->has_value() || (*form)->kind != "registration_form" || !(*form)->person_id) return false;
    if (by_mail) return ctx.actor.scope.covers_person((*form)->person_household_unit_id, (*form)->person_residence_unit_id);
    return (*form)->sender_unit_id == ctx.actor.unit_id;
  });
  if (!reachable.ok()) return reachable.error();
  if (!*reachable) return missing;
  auto checked = notice_data(in);
  if (!checked.ok()) return checked.error();
  const std::string release_text = (*checked)["release_date"];
  return write_persons<store::Document>(core_, ctx, permission, [&](PersonWrite& w) -> Result<store::Document> {
    auto form = store::find_document(w.c, in.form_id);
    if (!form.ok()) return form.error();
    if (!form->has_value()) return missing;
    std::int64_t person_id = *(*form)->person_id;
    // By mail: the sender is the form's unless named.
    ChannelInput channel = in.via;
    if (by_mail && !channel.sender_unit_id && domain::trim_ascii(channel.sender_name).empty()) {
      channel.sender_unit_id = (*form)->sender_unit_id;
      auto fd = nlohmann::json::parse((*form)->data, nullptr, false);
      if (fd.is_object()) channel.sender_name = fd.value("sender_name", "");
    }
    auto via = arrival(ctx, channel);
    if (!via.ok()) return via.error();
    auto rec = store::find_person(w.c, system_context(core_, "release_notice").actor.scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return missing;
    store::PersonRecord p = **rec;
    if (p.birth_date && release_text <= *p.birth_date) {
      return invalid("RELEASE_BEFORE_BIRTH", "释放日期不能早于出生日期", "release_date");
    }
    // One notice per release (after this form): a second is refused.
    auto docs = store::person_documents(w.c, person_id);
    if (!docs.ok()) return docs.error();
    for (const auto& d : *docs) {
      if (d.kind == "release_notice" && d.id > in.form_id)
        return conflict("RELEASE_NOTICE_EXISTS", "该人员本次释放的《刑满释放人员通知书》已发送（" + d.sent_on.value_or("") +
                                                     "），不能重复发送");
    }
    nlohmann::json data = *checked;
    store::Document d;
    d.kind = "release_notice";
    d.person_id = person_id;
    d.sender_unit_id = via->sender_unit_id;
    d.channel = by_mail ? "mail" : "electronic";
    d.receiver_unit_id = (*form)->receiver_unit_id;
    d.event_date = release_text;
    d.sent_on = via->sent_on;
    d.received_on = via->received_on;
    if (by_mail) data["sender_name"] = via->sender_label;
    d.data = data.dump();
    auto filed = file(w, std::move(d), p.name);
    if (!filed.ok()) return filed.error();
    if (auto s = follow_release_date(core_, w, p, release_text); !s.ok()) return s.error();
    w.record(person_id, p.name,
             Change{"document_send", data, "document", "document.release_notice",
                    with_late({{"release_date", release_text}, {"risk_level", in.risk_level}, {"channel", filed->channel}},
                              ctx, filed->received_on.value_or(""))});
    return filed;
  });
}

Result<store::Document> LinkageService::send_reception(const AuthedCtx& ctx, std::int64_t notice_id,
                                                       const ReceptionInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, perm::document_verify); !s.ok()) return s.error();
  if (auto s = check_answerable(ctx, notice_id, "release_notice"); !s.ok()) return s.error();
  if (auto s = check::one_of(in.pickup_by, {"township_team", "family"}, "pickup_by",
                             "接回方式应为镇街组织接回或家属及村居代表接回");
      !s.ok())
    return s.error();
  auto planned = check::date(in.planned_date, "planned_date", "计划接回日期");
  if (!planned.ok()) return planned.error();
  auto sent = record_date(core_, ctx, in.sent_on.empty() ? domain::to_string(ctx.today) : in.sent_on, "sent_on",
                          "反馈日期");
  if (!sent.ok()) return sent.error();
  auto contact = check::text(in.contact, "contact", "联系人", 50, false);
  if (!contact.ok()) return contact.error();
  if (auto s = check::phone(in.contact_phone, "contact_phone", "联系电话"); !s.ok()) return s.error();
  return write_persons<store::Document>(core_, ctx, perm::document_verify, [&](PersonWrite& w) -> Result<store::Document> {
    auto notice = store::find_document(w.c, notice_id);
    if (!notice.ok()) return notice.error();
    if (!notice->has_value()) return form_missing();
    if ((*notice)->superseded_by)
      return conflict("DOCUMENT_SUPERSEDED", "该通知书已被更正，请对更正后的通知书反馈接回安排");
    auto reached = reach_person(core_, w.c, ctx, *(*notice)->person_id);
    if (!reached.ok()) return form_missing();
    if ((*notice)->received_on && domain::to_string(*sent) < *(*notice)->received_on) {
      return invalid("DATE_BEFORE_DOCUMENT", "反馈日期不能早于收到通知书的日期 " + *(*notice)->received_on, "sent_on");
    }
    store::Document d = reply_to(**notice, "reception_arrangement", ctx, domain::to_string(*sent));
    d.event_date = domain::to_string(*planned);
    nlohmann::json data = {{"pickup_by", in.pickup_by},
                           {"planned_date", *d.event_date},
                           {"contact", *contact},
                           {"contact_phone", in.contact_phone}};
    d.data = data.dump();
    auto filed = file(w, std::move(d), reached->record().name);
    if (!filed.ok()) return filed.error();
    w.record(reached->id(), reached->record().name,
             Change{"document_send", data, "document", "document.reception",
                    with_late({{"pickup_by", in.pickup_by}, {"planned_date", *filed->event_date}}, ctx, *filed->sent_on)});
    return filed;
  });
}

Result<std::string_view> LinkageService::correcting_permission(const AuthedCtx& ctx, std::int64_t notice_id) {
  // Who may correct: the custody unit that sent the notice through the system; for a notice entered
  // from mail, the judicial office it went to (document:verify, the person in its jurisdiction).
  // Anyone else gets 404 before any input is looked at.
  std::string_view permission = perm::document_send;
  auto sender = transact_value<bool>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<bool> {
    auto d = store::find_document(c, notice_id);
    if (!d.ok()) return d.error();
    if (!d->has_value() || (*d)->kind != "release_notice" || !(*d)->person_id) return false;
    if ((*d)->channel == "mail") {
      permission = perm::document_verify;
      return (*d)->receiver_unit_id == ctx.actor.unit_id &&
             ctx.actor.scope.covers_person((*d)->person_household_unit_id, (*d)->person_residence_unit_id);
    }
    return (*d)->sender_unit_id == ctx.actor.unit_id;
  });
  if (!sender.ok()) return sender.error();
  if (!*sender || !require(ctx, permission).ok()) return not_found("DOCUMENT_NOT_FOUND", "未找到本单位发送的该通知书");
  return permission;
}

Status LinkageService::check_correctable(const AuthedCtx& ctx, std::int64_t notice_id) {
  auto p = correcting_permission(ctx, notice_id);
  if (!p.ok()) return p.error();
  return {};
}

Result<store::Document> LinkageService::correct_release_notice(const AuthedCtx& ctx, std::int64_t notice_id,
                                                               const ReleaseNoticeInput& in, const std::string& reason) {
  auto permission = correcting_permission(ctx, notice_id);
  if (!permission.ok()) return permission.error();
  auto why = domain::check::text(reason, "reason", "更正原因", 500, true);
  if (!why.ok()) return why.error();
  auto checked = notice_data(in);
  if (!checked.ok()) return checked.error();
  const std::string release_text = (*checked)["release_date"];
  return write_persons<store::Document>(core_, ctx, *permission, [&](PersonWrite& w) -> Result<store::Document> {
    auto found = store::find_document(w.c, notice_id);
    if (!found.ok()) return found.error();
    if (!found->has_value()) return form_missing();
    const store::Document old = **found;
    if (old.superseded_by)
      return conflict("DOCUMENT_SUPERSEDED", "该通知书已被更正，请在更正后的通知书上再次更正");
    auto rec = store::find_person(w.c, system_context(core_, "release_notice").actor.scope, *old.person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return form_missing();
    store::PersonRecord p = **rec;
    if (p.birth_date && release_text <= *p.birth_date)
      return invalid("RELEASE_BEFORE_BIRTH", "释放日期不能早于出生日期", "release_date");
    auto old_data = nlohmann::json::parse(old.data, nullptr, false);
    nlohmann::json data = *checked;
    if (old_data.is_object() && old_data.contains("sender_name")) data["sender_name"] = old_data["sender_name"];
    // The correction replaces the notice as it arrived: same sender, receiver, channel and dates
    // (R-LNK-4 deadlines stay those of the first); it carries the reason and names the one replaced.
    store::Document d = old;
    d.id = 0;
    d.event_date = release_text;
    d.data = data.dump();
    d.supersedes = old.id;
    d.superseded_by.reset();
    d.correction_reason = *why;
    auto filed = file(w, std::move(d), p.name);
    if (!filed.ok()) return filed.error();
    if (auto s = store::set_superseded(w.c, old.id, filed->id); !s.ok()) return s.error();
    const std::string old_release = old.event_date.value_or("");
    if (auto s = follow_release_date(core_, w, p, release_text); !s.ok()) return s.error();
    nlohmann::json detail = {{"document_id", filed->id}, {"supersedes", old.id}, {"reason", *why}, {"data", data}};
    w.record(p.id, p.name,
             Change{"document_correct", detail, "document", "document.release_notice_corrected",
                    {{"release_date", release_text},
                     {"old_release_date", old_release},
                     {"risk_level", in.risk_level},
                     {"reason", *why}}});
    return filed;
  });
}

}  // namespace anbang::app
