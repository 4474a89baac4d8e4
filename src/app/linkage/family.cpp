// R-LNK-3 (§2.3.1): major changes to the person or the family during the sentence are exchanged
// both ways between the custody unit and the household-registration judicial office; a family or
// minor children in difficulty get help from the township (a task, due family_help_days after the
// report arrived, closed by the help recorded for that report).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/linkage/linkage_service.hpp"
#include "domain/checks.hpp"

namespace anbang::app {

Result<store::Document> LinkageService::send_family_change(const AuthedCtx& ctx, std::int64_t person_id,
                                                           const FamilyChangeInput& in) {
  namespace check = domain::check;
  auto tree = core_.units();
  const domain::Unit* unit = tree->find(ctx.actor.unit_id);
  const bool custody = unit && (unit->kind == "detention_centre" || unit->kind == "prison");
  const std::string_view permission = custody ? perm::document_send : perm::document_verify;
  auto on = check::past_date(in.occurred_on, "occurred_on", "变故发生日期", ctx.today);
  if (!on.ok()) return on.error();
  auto summary = check::text(in.summary, "summary", "变故情况", 2000, true);
  if (!summary.ok()) return summary.error();
  auto needs = check::text(in.needs, "needs", "需要的帮助", 2000, false);
  if (!needs.ok()) return needs.error();
  // The custody unit reaches the person through the form it sent; others through the guard.
  return write_persons<store::Document>(core_, ctx, permission, [&](PersonWrite& w) -> Result<store::Document> {
    auto form = store::latest_form_sender(w.c, person_id);
    if (!form.ok()) return form.error();
    std::optional<std::int64_t> form_sender = form->value_or(std::nullopt);
    store::PersonRecord p;
    if (custody) {
      if (form_sender != ctx.actor.unit_id) return person_not_found();
      auto rec = store::find_person(w.c, system_context(core_, "family_change").actor.scope, person_id);
      if (!rec.ok()) return rec.error();
      if (!rec->has_value()) return person_not_found();
      p = **rec;
    } else {
      auto reached = reach_person(core_, w.c, ctx, person_id);
      if (!reached.ok()) return reached.error();
      p = reached->record();
    }
    const bool needs_help = in.family_in_difficulty || in.children_in_difficulty;
    store::Document d;
    d.kind = "family_change";
    d.person_id = person_id;
    d.sender_unit_id = ctx.actor.unit_id;
    d.receiver_unit_id = custody ? std::optional<std::int64_t>(tree->judicial_office_for(p.household_unit_id)) : form_sender;
    d.event_date = domain::to_string(*on);
    d.sent_on = d.received_on = domain::to_string(ctx.today);
    nlohmann::json data = {{"summary", *summary},
                           {"needs", *needs},
                           {"family_in_difficulty", in.family_in_difficulty},
                           {"children_in_difficulty", in.children_in_difficulty},
                           {"needs_help", needs_help}};
    d.data = data.dump();
    auto filed = file(w, std::move(d), p.name);
    if (!filed.ok()) return filed.error();
    w.record(person_id, p.name,
             Change{"document_send", data, "document", "document.family_change",
                    {{"occurred_on", *filed->event_date},
                     {"summary", *summary},
                     {"family_in_difficulty", in.family_in_difficulty},
                     {"children_in_difficulty", in.children_in_difficulty}}});
    return filed;
  });
}

Result<store::Document> LinkageService::record_family_help(const AuthedCtx& ctx, std::int64_t change_id,
                                                           const FamilyHelpInput& in) {
  namespace check = domain::check;
  Error missing = not_found("DOCUMENT_NOT_FOUND", "未找到该家庭变故通报，或该人员不在您的管辖范围内");
  if (auto s = require(ctx, perm::family_help); !s.ok()) return s.error();
  if (auto s = check_answerable(ctx, change_id, "family_change"); !s.ok()) return missing;
  auto on = record_date(core_, ctx, in.given_on, "given_on", "帮扶日期");
  if (!on.ok()) return on.error();
  auto help = check::text(in.help, "help", "帮扶内容", 2000, true);
  if (!help.ok()) return help.error();
  auto helpers = check::text(in.helpers, "helpers", "帮扶人员", 200, false);
  if (!helpers.ok()) return helpers.error();
  return write_persons<store::Document>(core_, ctx, perm::family_help, [&](PersonWrite& w) -> Result<store::Document> {
    auto change = store::find_document(w.c, change_id);
    if (!change.ok()) return change.error();
    if (!change->has_value()) return missing;
    auto reached = reach_person(core_, w.c, ctx, *(*change)->person_id);
    if (!reached.ok()) return missing;
    if ((*change)->received_on && domain::to_string(*on) < *(*change)->received_on) {
      return invalid("DATE_BEFORE_DOCUMENT", "帮扶日期不能早于收到通报的日期 " + *(*change)->received_on, "given_on");
    }
    store::Document d = reply_to(**change, "family_help", ctx, domain::to_string(*on));
    d.event_date = d.sent_on;
    nlohmann::json data = {{"help", *help}, {"helpers", *helpers}};
    d.data = data.dump();
    auto filed = file(w, std::move(d), reached->record().name);
    if (!filed.ok()) return filed.error();
    w.record(reached->id(), reached->record().name,
             Change{"family_help_create", data, "document", "document.family_help",
                    with_late({{"given_on", *filed->event_date}, {"help", *help}}, ctx, *filed->event_date)});
    return filed;
  });
}

Result<Audited<std::vector<FamilyChangeView>>> LinkageService::family_changes(const AuthedCtx& ctx,
                                                                              std::int64_t person_id) {
  return read_person<std::vector<FamilyChangeView>>(
      core_, ctx, perm::person_read, person_id, "family_changes",
      [&](store::Connection& c, const Reached&) -> Result<std::vector<FamilyChangeView>> {
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
        return out;
      });
}

}  // namespace anbang::app
