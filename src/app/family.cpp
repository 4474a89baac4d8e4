// R-LNK-3 (§2.3.1): major changes to the person or the family during the sentence are exchanged
// both ways between the custody unit and the household-registration judicial office; a family or
// minor children in difficulty get help from the township (a task, due family_help_days after the
// report arrived, closed by the help recorded for that report).
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/text.hpp"

namespace anbang::app {

namespace {

bool is_custody_unit(const domain::Unit* u) {
  return u && (u->kind == "detention_centre" || u->kind == "prison");
}

Status text_limits(const std::initializer_list<std::tuple<const std::string*, const char*, int>>& fields) {
  for (auto [v, field, max] : fields) {
    if (domain::count_code_points(*v) > static_cast<std::size_t>(max))
      return invalid("FIELD_TOO_LONG", "内容过长(不超过" + std::to_string(max) + "字)", field);
  }
  return {};
}

}  // namespace

Result<store::Document> App::send_family_change(const Ctx& ctx, std::int64_t person_id,
                                                const FamilyChangeInput& in) {
  auto tree = units();
  const domain::Unit* unit = tree->find(ctx.actor->unit_id);
  const bool custody = is_custody_unit(unit);
  if (auto s = require(ctx, custody ? "document:send" : "document:verify"); !s.ok()) return s.error();
  auto on = domain::parse_date(in.occurred_on, "occurred_on");
  if (!on.ok()) return on.error();
  if (*on > ctx.today) return invalid("DATE_IN_FUTURE", "变故发生日期不能晚于今天", "occurred_on");
  if (domain::trim_ascii(in.summary).empty()) return invalid("FIELD_REQUIRED", "请填写变故情况", "summary");
  if (auto s = text_limits({{&in.summary, "summary", 2000}, {&in.needs, "needs", 2000}}); !s.ok())
    return s.error();
  return transact_value<store::Document>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Document> {
        // The custody unit reaches a person through the form it sent; others through their scope.
        auto form = store::latest_form_sender(c, person_id);
        if (!form.ok()) return form.error();
        std::optional<std::int64_t> form_sender = form->value_or(std::nullopt);
        domain::Scope scope = ctx.actor->scope;
        if (custody) {
          if (form_sender != ctx.actor->unit_id) return person_not_found();
          scope = domain::Scope{domain::ScopeKind::district, 0, {}};
        }
        auto rec = store::find_person(c, scope, person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return person_not_found();
        const bool needs_help = in.family_in_difficulty || in.children_in_difficulty;
        store::Document d;
        d.kind = "family_change";
        d.person_id = person_id;
        d.sender_unit_id = ctx.actor->unit_id;
        d.receiver_unit_id =
            custody ? std::optional<std::int64_t>(judicial_office_for(*tree, (*rec)->household_unit_id))
                    : form_sender;
        d.event_date = domain::to_string(*on);
        d.sent_on = d.received_on = domain::to_string(ctx.today);
        d.data = nlohmann::json{{"summary", in.summary},
                                {"needs", in.needs},
                                {"family_in_difficulty", in.family_in_difficulty},
                                {"children_in_difficulty", in.children_in_difficulty},
                                {"needs_help", needs_help}}
                     .dump();
        auto filed = file_document(c, ctx, std::move(d), (*rec)->name);
        if (!filed.ok()) return filed.error();
        d = std::move(filed).value();
        std::string summary = "通报家庭重大变故(" + *d.event_date + "):" + in.summary;
        if (in.family_in_difficulty) summary += ";家庭困难";
        if (in.children_in_difficulty) summary += ";未成年子女生活困难";
        if (needs_help) summary += ",需镇街帮扶";
        if (auto s = person_event(c, ctx, person_id, "document", summary); !s.ok()) return s.error();
        if (auto s = audit(c, ctx, "document_send", "person", person_id, (*rec)->name, d.data); !s.ok())
          return s.error();
        if (auto s = refresh_tasks(c, person_id, ctx.today); !s.ok()) return s.error();
        return d;
      });
}

Result<store::Document> App::record_family_help(const Ctx& ctx, std::int64_t change_id,
                                                const FamilyHelpInput& in) {
  if (auto s = require(ctx, "followup:record"); !s.ok()) return s.error();
  auto on = domain::parse_date(in.given_on, "given_on");
  if (!on.ok()) return on.error();
  if (*on > ctx.today) return invalid("DATE_IN_FUTURE", "帮扶日期不能晚于今天", "given_on");
  if (domain::trim_ascii(in.help).empty()) return invalid("FIELD_REQUIRED", "请填写帮扶内容", "help");
  if (auto s = text_limits({{&in.help, "help", 2000}, {&in.helpers, "helpers", 200}}); !s.ok())
    return s.error();
  Error missing = not_found("DOCUMENT_NOT_FOUND", "未找到该家庭变故通报,或该人员不在您的管辖范围内");
  return transact_value<store::Document>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<store::Document> {
        auto change = store::find_document(c, change_id);
        if (!change.ok()) return change.error();
        if (!change->has_value() || (*change)->kind != "family_change" || !(*change)->person_id)
          return missing;
        auto rec = store::find_person(c, ctx.actor->scope, *(*change)->person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return missing;
        if ((*change)->received_on && domain::to_string(*on) < *(*change)->received_on) {
          return invalid("DATE_BEFORE_DOCUMENT", "帮扶日期不能早于收到通报的日期 " + *(*change)->received_on,
                         "given_on");
        }
        store::Document d;
        d.kind = "family_help";
        d.person_id = (*change)->person_id;
        d.sender_unit_id = ctx.actor->unit_id;
        d.receiver_unit_id = (*change)->sender_unit_id;
        d.replies_to = change_id;
        d.event_date = d.sent_on = d.received_on = domain::to_string(*on);
        d.data = nlohmann::json{{"help", in.help}, {"helpers", in.helpers}}.dump();
        auto filed = file_document(c, ctx, std::move(d), (*rec)->name);
        if (!filed.ok()) return filed.error();
        d = std::move(filed).value();
        if (auto s =
                person_event(c, ctx, *d.person_id, "document", "家庭帮扶(" + *d.event_date + "):" + in.help);
            !s.ok())
          return s.error();
        if (auto s = audit(c, ctx, "family_help_create", "person", *d.person_id, (*rec)->name, d.data);
            !s.ok())
          return s.error();
        if (auto s = refresh_tasks(c, *d.person_id, ctx.today); !s.ok()) return s.error();
        return d;
      });
}

Result<Audited<std::vector<FamilyChangeView>>> App::person_family_changes(const Ctx& ctx,
                                                                          std::int64_t person_id) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  using Out = Audited<std::vector<FamilyChangeView>>;
  return transact_value<Out>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto docs = store::person_documents(c, person_id);
    if (!docs.ok()) return docs.error();
    std::vector<FamilyChangeView> out;
    for (auto& d : *docs) {
      if (d.kind == "family_change") out.push_back({std::move(d), {}});
    }
    for (auto& d : *docs) {
      if (d.kind != "family_help" || !d.replies_to) continue;
      for (auto& v : out) {
        if (v.change.id == *d.replies_to) v.help.push_back(d);
      }
    }
    std::reverse(out.begin(), out.end());  // newest first
    return Out{std::move(out), audit_record(ctx, "person_read", "person", person_id, (*rec)->name,
                                            R"({"part":"family_changes"})")};
  });
}

}  // namespace anbang::app
