// Linkage before release (R-LNK-1..4, §2.3.1) and classification (R-CLS-1..3, §2.3.2).
// A detention centre or prison sends the 基本情况登记表 through the system: the person's file is
// opened (or the existing file linked, for a re-offender) and the form goes to the judicial office of
// the household-registration township. The judicial office verifies and answers; its 三假 findings
// reclassify the person at once, with the reason kept (R-CLS-3).
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/id_number.hpp"
#include "domain/text.hpp"

namespace anbang::app {

std::int64_t judicial_office_for(const domain::UnitTree& tree, std::int64_t area_unit) {
  std::int64_t township = tree.township_of(area_unit).value_or(area_unit);
  for (const auto& u : tree.all()) {
    if (u.kind == "judicial_office" && u.parent_id == township) return u.id;
  }
  return township;
}

namespace {

domain::Finding finding(const std::string& v) {
  if (v == "confirmed") return domain::Finding::confirmed;
  if (v == "suspected") return domain::Finding::suspected;
  if (v == "cleared") return domain::Finding::cleared;
  return domain::Finding::none;
}

}  // namespace

Result<domain::Classification> App::classification_of(store::Connection& c, std::int64_t person_id,
                                                      domain::CivilDate today) const {
  domain::ClassificationInput in;
  in.three_none_mode = policy_.in_force(today).three_none_mode;  // R-CLS-2, the mode in force today
  auto docs = store::person_documents(c, person_id);
  if (!docs.ok()) return docs.error();
  for (const auto& d : *docs) {  // the latest verification's findings and release notice count
    auto data = nlohmann::json::parse(d.data, nullptr, false);
    if (!data.is_object()) continue;
    if (d.kind == "release_notice") {
      // Interpretation: the assessment's explicit finding of a tendency, or a high risk level.
      in.reoffending_tendency =
          data.value("reoffending_tendency", false) || data.value("risk_level", "") == "high";
      in.reoffending_source = "document:" + std::to_string(d.id);
      continue;
    }
    if (d.kind != "verification_feedback") continue;
    in.false_name = finding(data.value("false_name", ""));
    in.false_identity = finding(data.value("false_identity", ""));
    in.false_address = finding(data.value("false_address", ""));
    // R-CLS-2: the 三无 factors as the verification found them (null = not assessed).
    auto factor = [&](const char* key) -> std::optional<bool> {
      auto it = data.find(key);
      if (it == data.end() || !it->is_boolean()) return std::nullopt;
      return it->get<bool>();
    };
    in.no_home = factor("no_home");
    in.no_job = factor("no_job");
    in.no_relatives = factor("no_relatives");
    in.three_none_source = "document:" + std::to_string(d.id);
    in.verification_source = "document:" + std::to_string(d.id);
  }
  auto charges = c.query_one("SELECT charge_ids FROM persons WHERE id = ?", {person_id});
  if (!charges.ok()) return charges.error();
  if (charges->has_value()) {
    auto ids = nlohmann::json::parse((*charges)->str(0), nullptr, false);
    if (ids.is_array()) {
      for (const auto& id : ids) {
        if (!id.is_number_integer()) continue;
        auto it = charge_index_.find(id.get<std::int64_t>());
        if (it != charge_index_.end() && charges_[it->second].chapter == 1) {
          in.national_security = true;  // Criminal Law chapter 1: 危害国家安全罪
          in.charge_source = "charge:" + std::to_string(id.get<std::int64_t>());
        }
      }
    }
  }
  return domain::classify(in);
}

Status App::reclassify(store::Connection& c, const Ctx& ctx, std::int64_t person_id) {
  auto now_class = classification_of(c, person_id, ctx.today);
  if (!now_class.ok()) return now_class.error();
  auto history = store::class_history(c, person_id);
  if (!history.ok()) return history.error();
  bool was_key = !history->empty() && history->back().key;
  if (was_key == now_class->key && !history->empty()) return {};
  if (history->empty() && !now_class->key) return {};  // general from the start: nothing to record
  domain::Classification before;
  before.key = was_key;
  std::string reason = domain::class_change_reason(before, *now_class);
  nlohmann::json detail = nlohmann::json::array();
  for (const auto& r : now_class->reasons)
    detail.push_back({{"criterion", r.criterion}, {"text", r.text}, {"source", r.source}});
  store::ClassChange ch{person_id, domain::to_string(ctx.today), now_class->key, reason, detail.dump(),
                        ctx.now};
  if (auto s = store::insert_class_change(c, ch); !s.ok()) return s;
  if (auto s = store::set_key_subject(c, person_id, now_class->key); !s.ok()) return s;
  return person_event(c, ctx, person_id, "classified", reason);
}

Result<App::Arrival> App::arrival(const Ctx& ctx, const ChannelInput& via) const {
  Arrival a;
  const std::string today = domain::to_string(ctx.today);
  auto tree = units();
  if (via.channel == "electronic") {
    const domain::Unit* sender = tree->find(ctx.actor->unit_id);
    if (!sender || (sender->kind != "detention_centre" && sender->kind != "prison")) {
      return forbidden("NOT_A_CUSTODY_UNIT",
                       "只有看守所、监狱的用户可以在系统中发送;邮寄的纸质文书请选择“邮寄录入”");
    }
    a.sender_unit_id = sender->id;
    a.sender_label = sender->name;
    a.sent_on = a.received_on = today;
    return a;
  }
  if (via.channel != "mail") {
    return invalid("FIELD_VALUE", "channel 应为 electronic(系统发送)或 mail(邮寄纸质文书录入)", "channel");
  }
  a.mail = true;
  if (via.sender_unit_id) {
    const domain::Unit* u = tree->find(*via.sender_unit_id);
    if (!u || (u->kind != "detention_centre" && u->kind != "prison"))
      return invalid("UNIT_UNKNOWN", "寄送单位应为看守所或监狱", "sender_unit_id");
    a.sender_unit_id = u->id;
    a.sender_label = u->name;
  } else {
    std::string name(domain::trim_ascii(via.sender_name));
    if (name.empty()) return invalid("FIELD_REQUIRED", "请填写寄送单位(如 重庆市永川监狱)", "sender_name");
    if (domain::count_code_points(name) > 100)
      return invalid("FIELD_TOO_LONG", "寄送单位不超过100字", "sender_name");
    a.sender_label = name;
  }
  auto received = domain::parse_date(via.received_on, "received_on");
  if (!received.ok()) return received.error();
  if (*received > ctx.today) return invalid("DATE_IN_FUTURE", "收到日期不能晚于今天", "received_on");
  a.received_on = domain::to_string(*received);
  a.sent_on = a.received_on;
  if (!via.sent_on.empty()) {
    auto sent = domain::parse_date(via.sent_on, "sent_on");
    if (!sent.ok()) return sent.error();
    if (*sent > *received) return invalid("DATE_ORDER", "寄出日期不能晚于收到日期", "sent_on");
    a.sent_on = domain::to_string(*sent);
  }
  return a;
}

Result<store::Document> App::send_registration_form(const Ctx& ctx, const RegistrationFormInput& in) {
  const bool by_mail = in.via.channel == "mail";
  if (auto s = require(ctx, by_mail ? "document:verify" : "document:send"); !s.ok()) return s.error();
  auto tree = units();
  auto via = arrival(ctx, in.via);
  if (!via.ok()) return via.error();
  const domain::Unit* sender = via->sender_unit_id ? tree->find(*via->sender_unit_id) : nullptr;
  auto received = domain::parse_date(in.received_into_custody, "received_into_custody");
  if (!received.ok()) return received.error();
  if (domain::to_string(*received) > via->sent_on)
    return invalid("DATE_IN_FUTURE", "收押日期不能晚于登记表寄出(发送)日期", "received_into_custody");
  auto form = nlohmann::json::parse(in.form, nullptr, false);
  if (!form.is_object()) return invalid("FIELD_TYPE", "登记表内容应为对象", "form");
  domain::PersonInput person = in.person;
  if (!person.release_kind)
    person.release_kind = sender && sender->kind == "detention_centre" ? "detention_centre" : "prison";
  auto valid = domain::validate_person(person, ctx.today, *tree, lookups());
  if (!valid.ok()) return valid.error();
  // A paper form is entered by the judicial office of the household-registration place.
  if (by_mail && !ctx.actor->scope.covers_unit(valid->household_unit_id)) {
    return invalid("HOUSEHOLD_OUT_OF_SCOPE", "该人员户籍地不在您的管辖范围内,请转交户籍地司法所录入",
                   "household_unit_id");
  }
  if (valid->release_date <= domain::to_string(*received)) {
    return invalid("RELEASE_BEFORE_CUSTODY", "预计释放日期应晚于收押日期", "release_date");
  }
  store::PersonRecord rec = record_from(*valid);
  rec.created_by = ctx.actor->user_id;
  rec.created_at = rec.updated_at = ctx.now;
  std::int64_t receiver = judicial_office_for(*tree, valid->household_unit_id);
  return transact_value<store::Document>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Document> {
        // A re-offender already has a file: the form is linked to it, the file is not overwritten.
        std::optional<std::int64_t> person_id;
        if (rec.id_number) {
          auto holder = store::find_id_holder(c, *rec.id_number);
          if (!holder.ok()) return holder.error();
          if (holder->has_value()) person_id = (*holder)->person_id;
        }
        if (person_id) {
          // A person released before and received into custody again: a new sentence ends the
          // running assistance period and the form's release date starts the next (R-PER-1).
          auto old = store::find_person(c, domain::Scope{domain::ScopeKind::district, 0, {}}, *person_id);
          if (!old.ok()) return old.error();
          if (old->has_value() && (*old)->release_date <= domain::to_string(*received)) {
            auto release = domain::parse_date(valid->release_date);
            if (!release.ok()) return release.error();
            if (auto s = start_new_sentence(c, ctx, **old, *received, *release, rec.release_kind,
                                            via->sender_label + "《基本情况登记表》");
                !s.ok())
              return s.error();
          }
        }
        if (!person_id) {
          auto id = store::insert_person(c, rec);
          if (!id.ok()) return id.error();
          person_id = *id;
          if (auto s =
                  audit(c, ctx, "person_create", "person", *id, rec.name, R"({"via":"registration_form"})");
              !s.ok())
            return s.error();
        }
        store::Document d;
        d.kind = "registration_form";
        d.person_id = person_id;
        d.sender_unit_id = via->sender_unit_id;
        d.receiver_unit_id = receiver;
        d.channel = by_mail ? "mail" : "electronic";
        d.event_date = domain::to_string(*received);
        d.sent_on = via->sent_on;
        d.received_on = via->received_on;
        if (by_mail) form["sender_name"] = via->sender_label;
        d.data = form.dump();
        auto filed = file_document(c, ctx, std::move(d), rec.name);
        if (!filed.ok()) return filed.error();
        d = std::move(filed).value();
        if (auto s = person_event(
                c, ctx, *person_id, "document",
                by_mail ? "邮寄收到 " + via->sender_label + "《基本情况登记表》(收押日期 " + *d.event_date +
                              ",收到日期 " + *d.received_on + "," + ctx.actor->unit_name + " 录入)"
                        : via->sender_label + " 发送《基本情况登记表》(收押日期 " + *d.event_date + ")");
            !s.ok())
          return s.error();
        if (auto s = reclassify(c, ctx, *person_id); !s.ok()) return s.error();
        if (auto s = refresh_tasks(c, *person_id, ctx.today); !s.ok()) return s.error();
        nlohmann::json detail = {{"receiver_unit_id", receiver},
                                 {"received_into_custody", *d.event_date},
                                 {"channel", d.channel},
                                 {"sender", via->sender_label}};
        if (auto s = audit(c, ctx, "document_send", "person", *person_id, rec.name, detail.dump()); !s.ok())
          return s.error();
        return d;
      });
}

Result<store::Document> App::send_verification(const Ctx& ctx, std::int64_t form_id,
                                               const VerificationInput& in) {
  if (auto s = require(ctx, "document:verify"); !s.ok()) return s.error();
  for (auto [v, field] :
       {std::pair{&in.false_name, "false_name"}, std::pair{&in.false_identity, "false_identity"},
        std::pair{&in.false_address, "false_address"}}) {
    if (*v != "confirmed" && *v != "suspected" && *v != "cleared") {
      return invalid("FIELD_VALUE", "核查结论应为 confirmed(属实)、suspected(存疑)或 cleared(排除)", field);
    }
  }
  for (auto [v, field, max] : {std::tuple{&in.family_situation, "family_situation", 2000},
                               std::tuple{&in.children_situation, "children_situation", 2000},
                               std::tuple{&in.verifying_officer, "verifying_officer", 50}}) {
    if (domain::count_code_points(*v) > static_cast<std::size_t>(max)) {
      return invalid("FIELD_TOO_LONG", "内容过长(不超过" + std::to_string(max) + "字)", field);
    }
  }
  auto sent = domain::parse_date(in.sent_on.empty() ? domain::to_string(ctx.today) : in.sent_on, "sent_on");
  if (!sent.ok()) return sent.error();
  if (*sent > ctx.today) return invalid("DATE_IN_FUTURE", "反馈日期不能晚于今天", "sent_on");
  Error missing = not_found("DOCUMENT_NOT_FOUND", "未找到该登记表,或它不是发给您单位的");
  return transact_value<store::Document>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Document> {
        auto form = store::find_document(c, form_id);
        if (!form.ok()) return form.error();
        if (!form->has_value() || (*form)->kind != "registration_form" || !(*form)->person_id) return missing;
        if ((*form)->received_on && domain::to_string(*sent) < *(*form)->received_on) {
          return invalid("DATE_BEFORE_DOCUMENT", "反馈日期不能早于收到登记表的日期 " + *(*form)->received_on,
                         "sent_on");
        }
        // The person must be in the caller's jurisdiction (the form was routed to their area).
        auto rec = store::find_person(c, ctx.actor->scope, *(*form)->person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return missing;
        store::Document d;
        d.kind = "verification_feedback";
        d.person_id = (*form)->person_id;
        d.sender_unit_id = ctx.actor->unit_id;
        d.receiver_unit_id = (*form)->sender_unit_id;
        d.replies_to = form_id;
        d.sent_on = d.received_on = domain::to_string(*sent);
        auto factor = [](const std::optional<bool>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
        nlohmann::json data = {{"false_name", in.false_name},
                               {"false_identity", in.false_identity},
                               {"false_address", in.false_address},
                               {"family_situation", in.family_situation},
                               {"children_situation", in.children_situation},
                               {"verifying_officer", in.verifying_officer},
                               {"no_home", factor(in.no_home)},
                               {"no_job", factor(in.no_job)},
                               {"no_relatives", factor(in.no_relatives)}};
        d.data = data.dump();
        auto filed = file_document(c, ctx, std::move(d), (*rec)->name);
        if (!filed.ok()) return filed.error();
        d = std::move(filed).value();
        if (auto s = person_event(c, ctx, *d.person_id, "document",
                                  "核查反馈:假姓名 " + in.false_name + ",假身份 " + in.false_identity +
                                      ",假地址 " + in.false_address);
            !s.ok())
          return s.error();
        if (auto s = reclassify(c, ctx, *d.person_id); !s.ok()) return s.error();  // R-CLS-3, at once
        if (auto s = refresh_tasks(c, *d.person_id, ctx.today); !s.ok()) return s.error();
        if (auto s = audit(c, ctx, "document_send", "person", *d.person_id, (*rec)->name, d.data); !s.ok())
          return s.error();
        return d;
      });
}

Result<std::pair<std::vector<store::Document>, std::int64_t>> App::list_documents(const Ctx& ctx,
                                                                                  const DocumentQuery& q) {
  if (q.box != "inbox" && q.box != "sent") return invalid("FIELD_VALUE", "box 应为 inbox 或 sent", "box");
  if (auto s = require(ctx, q.box == "inbox" ? "document:read" : "document:send"); !s.ok()) return s.error();
  if (q.page < 1 || q.page > 100000 || q.page_size < 1 || q.page_size > 100) {
    return invalid("FIELD_RANGE", "分页参数超出范围:页码 1–100000,每页 1–100 条", "page");
  }
  store::DocumentFilter f;
  f.kind = q.kind;
  f.page = q.page;
  f.page_size = q.page_size;
  if (q.box == "sent") {
    f.sender_unit_ids = {ctx.actor->unit_id};
  } else if (ctx.actor->scope.kind != domain::ScopeKind::district) {
    f.receiver_unit_ids = {ctx.actor->unit_id};
  }
  using Page = std::pair<std::vector<store::Document>, std::int64_t>;
  return transact_value<Page>(db_, store::TxKind::read,
                              [&](store::Connection& c) { return store::list_documents(c, f); });
}

Result<ClassView> App::person_classification(const Ctx& ctx, std::int64_t person_id) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  return transact_value<ClassView>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<ClassView> {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto cls = classification_of(c, person_id, ctx.today);
    if (!cls.ok()) return cls.error();
    auto history = store::class_history(c, person_id);
    if (!history.ok()) return history.error();
    return ClassView{cls->key, cls->reasons, cls->three_none_factors, std::move(history).value()};
  });
}

}  // namespace anbang::app

namespace anbang::app {

// R-LNK-4: one month before release the custody unit sends the release notice with the risk
// assessment and assistance suggestions. It fixes the release date (and the R-PER-1 end date).
Result<store::Document> App::send_release_notice(const Ctx& ctx, const ReleaseNoticeInput& in) {
  const bool by_mail = in.via.channel == "mail";
  if (auto s = require(ctx, by_mail ? "document:verify" : "document:send"); !s.ok()) return s.error();
  if (in.risk_level != "high" && in.risk_level != "medium" && in.risk_level != "low") {
    return invalid("FIELD_VALUE", "风险等级应为 high(高)、medium(中)或 low(低)", "risk_level");
  }
  auto release = domain::parse_date(in.release_date, "release_date");
  if (!release.ok()) return release.error();
  for (auto [v, field, max] : {std::tuple{&in.place, "place", 100}, std::tuple{&in.conduct, "conduct", 2000},
                               std::tuple{&in.officer, "officer", 50}}) {
    if (domain::count_code_points(*v) > static_cast<std::size_t>(max)) {
      return invalid("FIELD_TOO_LONG", "内容过长(不超过" + std::to_string(max) + "字)", field);
    }
  }
  auto extra = nlohmann::json::parse(in.data, nullptr, false);
  if (!extra.is_object()) return invalid("FIELD_TYPE", "评估因素和救助建议应为对象", "suggestions");
  Error missing =
      not_found("DOCUMENT_NOT_FOUND", by_mail ? "未找到该人员的基本情况登记表,或该人员不在您的管辖范围内"
                                              : "未找到本单位发送的该登记表");
  return transact_value<store::Document>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Document> {
        auto form = store::find_document(c, in.form_id);
        if (!form.ok()) return form.error();
        if (!form->has_value() || (*form)->kind != "registration_form" || !(*form)->person_id) return missing;
        if (!by_mail && (*form)->sender_unit_id != ctx.actor->unit_id) return missing;
        std::int64_t person_id = *(*form)->person_id;
        // By mail: the judicial office enters it for a person of its jurisdiction; the sender is the
        // form's unless named.
        ChannelInput channel = in.via;
        if (by_mail && !channel.sender_unit_id && domain::trim_ascii(channel.sender_name).empty()) {
          channel.sender_unit_id = (*form)->sender_unit_id;
          auto fd = nlohmann::json::parse((*form)->data, nullptr, false);
          if (fd.is_object()) channel.sender_name = fd.value("sender_name", "");
        }
        auto via = arrival(ctx, channel);
        if (!via.ok()) return via.error();
        auto rec = store::find_person(
            c, by_mail ? ctx.actor->scope : domain::Scope{domain::ScopeKind::district, 0, {}}, person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return missing;
        store::PersonRecord p = **rec;
        std::string release_text = domain::to_string(*release);
        if (p.birth_date && release_text <= *p.birth_date) {
          return invalid("RELEASE_BEFORE_BIRTH", "释放日期不能早于出生日期", "release_date");
        }
        nlohmann::json data = extra;
        data["release_date"] = release_text;
        data["place"] = in.place;
        data["conduct"] = in.conduct;
        data["officer"] = in.officer;
        data["risk_level"] = in.risk_level;
        data["reoffending_tendency"] = in.reoffending_tendency;
        store::Document d;
        d.kind = "release_notice";
        d.person_id = person_id;
        d.sender_unit_id = via->sender_unit_id;
        d.channel = by_mail ? "mail" : "electronic";
        d.receiver_unit_id = (*form)->receiver_unit_id;
        d.replies_to = std::nullopt;
        d.event_date = release_text;
        d.sent_on = via->sent_on;
        d.received_on = via->received_on;
        if (by_mail) data["sender_name"] = via->sender_label;
        d.data = data.dump();
        auto filed = file_document(c, ctx, std::move(d), p.name);
        if (!filed.ok()) return filed.error();
        d = std::move(filed).value();
        if (p.release_date != release_text) {  // the notice fixes the release date (R-PER-1 follows)
          nlohmann::json change = nlohmann::json::array(
              {{{"field", "release_date"}, {"old", p.release_date}, {"new", release_text}}});
          p.release_date = release_text;
          p.assistance_end_date = domain::to_string(rules::assistance_end(policy_, *release, p.release_kind));
          p.updated_at = ctx.now;
          auto updated = store::update_person(c, p);
          if (!updated.ok()) return updated.error();
          if (auto s = audit(c, ctx, "person_update", "person", person_id, p.name, change.dump()); !s.ok())
            return s.error();
        }
        if (auto s = person_event(
                c, ctx, person_id, "document",
                "收到《刑满释放人员通知书》:释放日期 " + release_text + ",风险等级 " + in.risk_level);
            !s.ok())
          return s.error();
        if (auto s = reclassify(c, ctx, person_id); !s.ok()) return s.error();
        if (auto s = refresh_tasks(c, person_id, ctx.today); !s.ok()) return s.error();
        if (auto s = audit(c, ctx, "document_send", "person", person_id, p.name, data.dump()); !s.ok())
          return s.error();
        return d;
      });
}

// R-LNK-4: the judicial office feeds back the reception arrangement (who picks up, when).
Result<store::Document> App::send_reception(const Ctx& ctx, std::int64_t notice_id,
                                            const ReceptionInput& in) {
  if (auto s = require(ctx, "document:verify"); !s.ok()) return s.error();
  if (in.pickup_by != "township_team" && in.pickup_by != "family") {
    return invalid("FIELD_VALUE", "接回方式应为 township_team(镇街组织接回)或 family(家属及村居代表接回)",
                   "pickup_by");
  }
  auto planned = domain::parse_date(in.planned_date, "planned_date");
  if (!planned.ok()) return planned.error();
  auto sent = domain::parse_date(in.sent_on.empty() ? domain::to_string(ctx.today) : in.sent_on, "sent_on");
  if (!sent.ok()) return sent.error();
  if (*sent > ctx.today) return invalid("DATE_IN_FUTURE", "反馈日期不能晚于今天", "sent_on");
  if (domain::count_code_points(in.contact) > 50 || in.contact_phone.size() > 20) {
    return invalid("FIELD_TOO_LONG", "联系人或电话过长", "contact");
  }
  Error missing = not_found("DOCUMENT_NOT_FOUND", "未找到该释放通知书,或它不是发给您单位的");
  return transact_value<store::Document>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Document> {
        auto notice = store::find_document(c, notice_id);
        if (!notice.ok()) return notice.error();
        if (!notice->has_value() || (*notice)->kind != "release_notice" || !(*notice)->person_id)
          return missing;
        if ((*notice)->received_on && domain::to_string(*sent) < *(*notice)->received_on) {
          return invalid("DATE_BEFORE_DOCUMENT",
                         "反馈日期不能早于收到通知书的日期 " + *(*notice)->received_on, "sent_on");
        }
        auto rec = store::find_person(c, ctx.actor->scope, *(*notice)->person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return missing;
        store::Document d;
        d.kind = "reception_arrangement";
        d.person_id = (*notice)->person_id;
        d.sender_unit_id = ctx.actor->unit_id;
        d.receiver_unit_id = (*notice)->sender_unit_id;
        d.replies_to = notice_id;
        d.event_date = domain::to_string(*planned);
        d.sent_on = d.received_on = domain::to_string(*sent);
        d.data = nlohmann::json{{"pickup_by", in.pickup_by},
                                {"planned_date", d.event_date.value()},
                                {"contact", in.contact},
                                {"contact_phone", in.contact_phone}}
                     .dump();
        auto filed = file_document(c, ctx, std::move(d), (*rec)->name);
        if (!filed.ok()) return filed.error();
        d = std::move(filed).value();
        if (auto s = person_event(c, ctx, *d.person_id, "document",
                                  std::string("反馈接收安排:") +
                                      (in.pickup_by == "family" ? "家属及村(社区)代表" : "镇街组织") +
                                      "接回,计划 " + *d.event_date);
            !s.ok())
          return s.error();
        if (auto s = refresh_tasks(c, *d.person_id, ctx.today); !s.ok()) return s.error();
        if (auto s = audit(c, ctx, "document_send", "person", *d.person_id, (*rec)->name, d.data); !s.ok())
          return s.error();
        return d;
      });
}

// R-PCK-1, R-PCK-2: who picked the person up, when and where.
Status App::record_pickup(const Ctx& ctx, std::int64_t person_id, const PickupInput& in) {
  if (auto s = require(ctx, "followup:record"); !s.ok()) return s;
  if (in.kind != "township_team" && in.kind != "family") {
    return invalid("FIELD_VALUE", "接回方式应为 township_team(镇街组织接回)或 family(家属及村居代表接回)",
                   "kind");
  }
  auto on = domain::parse_date(in.picked_on, "picked_on");
  if (!on.ok()) return on.error();
  if (*on > ctx.today) return invalid("DATE_IN_FUTURE", "接回日期不能晚于今天", "picked_on");
  if (domain::count_code_points(in.place) > 100 || domain::count_code_points(in.team) > 200) {
    return invalid("FIELD_TOO_LONG", "地点或接回人员过长", "team");
  }
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto r = c.exec(
        "INSERT INTO pickups (person_id, picked_on, place, team, kind, unit_id, user_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {person_id, domain::to_string(*on), in.place, in.team, in.kind, ctx.actor->unit_id,
         ctx.actor->user_id, ctx.now});
    if (!r.ok()) return r.error();
    if (auto s = person_event(c, ctx, person_id, "pickup",
                              "接回:" + domain::to_string(*on) + (in.place.empty() ? "" : " " + in.place) +
                                  (in.team.empty() ? "" : ",接回人员 " + in.team));
        !s.ok())
      return s;
    nlohmann::json d = {
        {"picked_on", domain::to_string(*on)}, {"place", in.place}, {"team", in.team}, {"kind", in.kind}};
    if (auto s = audit(c, ctx, "pickup_create", "person", person_id, (*rec)->name, d.dump()); !s.ok())
      return s;
    return refresh_tasks(c, person_id, ctx.today);
  });
}

}  // namespace anbang::app
