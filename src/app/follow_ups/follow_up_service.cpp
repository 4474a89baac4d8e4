// The visit log (R-VIS-1/2, R-LOST-1) and full reviews (R-REV-1, R-CLS-3). See follow_up_service.hpp.
#include "app/follow_ups/follow_up_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "domain/classification.hpp"
#include "domain/follow_up_kinds.hpp"
#include "rules/visits.hpp"

namespace anbang::app {

namespace {

template <typename E>
Result<E> code_of(const std::string& text, const char* field, const std::string& message) {
  auto v = domain::parse<E>(text);
  if (!v) return invalid("FIELD_VALUE", message, field);
  return *v;
}

struct CheckedVisit {
  std::string form, outcome, place, situation, findings, help_given, next_steps;
  nlohmann::json members = nlohmann::json::array(), aspects = nlohmann::json::object();
};

Result<CheckedVisit> check_visit(const VisitInput& in) {
  namespace check = domain::check;
  CheckedVisit v;
  auto form = code_of<domain::VisitForm>(in.form, "form", "走访形式应为入户走访、约谈、电话、视频、到工作单位或委托外出地司法所之一");
  if (!form.ok()) return form.error();
  v.form = std::string(domain::code(*form));
  auto outcome = code_of<domain::VisitOutcome>(in.outcome, "outcome", "走访结果应为见到本人、未找到本人或拒绝配合之一");
  if (!outcome.ok()) return outcome.error();
  v.outcome = std::string(domain::code(*outcome));
  auto text = [](const std::string& value, const char* field, const char* label, std::size_t max,
                 std::string& dst) -> Status {
    auto t = domain::check::text(value, field, label, max, false);
    if (!t.ok()) return t.error();
    dst = *t;
    return {};
  };
  if (auto s = text(in.place, "place", "走访地点", 100, v.place); !s.ok()) return s.error();
  if (auto s = text(in.situation, "situation", "基本情况", 2000, v.situation); !s.ok()) return s.error();
  if (auto s = text(in.findings, "findings", "发现的问题", 2000, v.findings); !s.ok()) return s.error();
  if (auto s = text(in.help_given, "help_given", "帮扶措施", 2000, v.help_given); !s.ok()) return s.error();
  if (auto s = text(in.next_steps, "next_steps", "下一步工作", 2000, v.next_steps); !s.ok()) return s.error();
  if (in.members.size() > 20) return invalid("FIELD_VALUE", "在场人员最多 20 人", "members");
  for (const auto& m : in.members) {
    auto name = check::text(m.name, "members", "在场人员姓名", 50, true);
    if (!name.ok()) return name.error();
    if (m.user_id && *m.user_id <= 0) return invalid("FIELD_VALUE", "在场人员的用户编号无效", "members");
    v.members.push_back({{"name", *name}, {"user_id", m.user_id ? nlohmann::json(*m.user_id) : nlohmann::json()}});
  }
  for (const auto& [aspect, value] : in.aspects) {
    bool known = false;
    for (auto a : domain::kSituationAspects) known = known || a == aspect;
    const std::string field = "aspects." + aspect;
    if (!known) return invalid("FIELD_VALUE", "情况类别应为就业、家庭、居住、健康、思想之一", field);
    auto t = check::text(value, field, "分项情况", 200, false);
    if (!t.ok()) return t.error();
    if (!t->empty()) v.aspects[aspect] = *t;
  }
  return v;
}

nlohmann::json late_params(nlohmann::json d, const Ctx& ctx, const std::string& day) {
  return with_late(std::move(d), ctx, day);
}

}  // namespace

Result<VisitRecorded> FollowUpService::record_visit(const AuthedCtx& ctx, std::int64_t person_id,
                                                    const VisitInput& in) {
  auto v = check_visit(in);
  if (!v.ok()) return v.error();
  return change_person<VisitRecorded>(
      core_, ctx, perm::visit_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<VisitRecorded> {
        const store::PersonRecord& p = reached.record();
        auto held = released_day(core_, w.c, p, in.held_on, "held_on", "走访日期", ctx);
        if (!held.ok()) return held.error();
        store::FollowUpRow row;
        row.person_id = person_id;
        row.kind = "visit";
        row.held_on = *held;
        row.form = v->form;
        row.outcome = v->outcome;
        row.place = v->place;
        row.members = v->members.dump();
        row.aspects = v->aspects.dump();
        row.situation = v->situation;
        row.findings = v->findings;
        row.help_given = v->help_given;
        row.next_steps = v->next_steps;
        if (ctx.actor.unit_id) row.unit_id = ctx.actor.unit_id;
        if (ctx.actor.user_id) row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        auto id = store::insert_follow_up_row(w.c, row);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"id", *id}, {"kind", "visit"}, {"held_on", *held}, {"form", v->form},
                            {"outcome", v->outcome}, {"place", v->place}, {"members", v->members.size()}};
        w.record(person_id, p.name,
                 Change{"follow_up_create", d, "visit", "followup.visit",
                        late_params({{"held_on", *held}, {"form", v->form}, {"outcome", v->outcome}}, ctx, *held)});
        // R-LOST-1: two not-found visits in a row mark the whereabouts unknown; a visit that reaches
        // the person makes them known again. Each change has its own timeline entry.
        auto flags = store::person_flags(w.c, person_id);
        if (!flags.ok()) return flags.error();
        auto log = store::person_follow_ups(w.c, person_id, "visit", p.release_date);
        if (!log.ok()) return log.error();
        std::vector<rules::LoggedVisit> logged;
        for (const auto& r : *log) {
          auto on = domain::parse_date(r.held_on);
          auto outcome = domain::parse<domain::VisitOutcome>(r.outcome);
          if (on.ok()) logged.push_back({*on, r.id, outcome.value_or(domain::VisitOutcome::met)});
        }
        VisitRecorded out{*id, v->outcome != "not_found", flags->whereabouts_unknown};
        if (auto change = rules::whereabouts_flag_after(flags->whereabouts_unknown, logged)) {
          if (auto s = store::set_whereabouts_unknown(w.c, person_id, *change); !s.ok()) return s.error();
          out.whereabouts_unknown = *change;
          nlohmann::json wd = {{"whereabouts_unknown", *change}, {"visit_id", *id}, {"held_on", *held}};
          w.record(person_id, p.name,
                   Change{*change ? "whereabouts_unknown" : "whereabouts_found", wd, "whereabouts",
                          *change ? "whereabouts.unknown" : "whereabouts.found", {{"held_on", *held}}});
        }
        return out;
      });
}

Result<std::int64_t> FollowUpService::record_review(const AuthedCtx& ctx, std::int64_t person_id,
                                                    const ReviewInput& in) {
  auto rec = code_of<domain::Recommendation>(in.recommendation, "recommendation", "建议应为维持类别或变更类别");
  if (!rec.ok()) return rec.error();
  auto findings = domain::check::text(in.findings, "findings", "考察意见", 2000, false);
  if (!findings.ok()) return findings.error();
  nlohmann::json conclusions = nlohmann::json::object();
  for (const auto& c : in.conclusions) {
    auto criterion = code_of<domain::ReviewCriterion>(
        c.criterion, "conclusions", "考察项目应为重新犯罪倾向、“三假”、“三无”、危害国家安全罪之一");
    if (!criterion.ok()) return criterion.error();
    const std::string field = "conclusions." + c.criterion;
    auto conclusion = code_of<domain::Conclusion>(c.conclusion, field.c_str(), "考察结论应为符合、不符合或不确定之一");
    if (!conclusion.ok()) return conclusion.error();
    auto note = domain::check::text(c.note, field, "考察说明", 500, false);
    if (!note.ok()) return note.error();
    if (conclusions.contains(c.criterion)) return invalid("FIELD_VALUE", "同一考察项目只能有一个结论", field);
    conclusions[c.criterion] = {{"conclusion", c.conclusion}, {"note", *note}};
  }
  for (auto k : domain::all_codes<domain::ReviewCriterion>()) {
    if (!conclusions.contains(std::string(k)))
      return invalid("FIELD_REQUIRED", "请对每个考察项目给出结论", "conclusions." + std::string(k));
  }
  return change_person<std::int64_t>(
      core_, ctx, perm::review_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto held = released_day(core_, w.c, p, in.held_on, "held_on", "考察日期", ctx);
        if (!held.ok()) return held.error();
        auto flags = store::person_flags(w.c, person_id);
        if (!flags.ok()) return flags.error();
        if (!flags->key_subject)
          return invalid("NOT_KEY_SUBJECT", "全面考察针对重点帮教对象，该人员目前为一般帮教对象", "held_on");
        // The recommendation must fit the conclusions: as if confirmed now, would the class change?
        auto inputs = classification_.inputs(w.c, person_id, ctx.today);
        if (!inputs.ok()) return inputs.error();
        domain::ClassificationInput as_if = *inputs;
        auto concluded = [&](const char* criterion) -> std::optional<bool> {
          const std::string v = conclusions[criterion]["conclusion"].get<std::string>();
          if (v == "holds") return true;
          if (v == "does_not_hold") return false;
          return std::nullopt;
        };
        as_if.review_reoffending_tendency = concluded("reoffending_tendency");
        as_if.review_three_false = concluded("three_false");
        as_if.review_three_none = concluded("three_none");
        as_if.review_national_security = concluded("national_security");
        as_if.review_source = "review:new";
        const bool changes = domain::classify(as_if).key != flags->key_subject;
        if (changes != (*rec == domain::Recommendation::change))
          return invalid("REVIEW_RECOMMENDATION_MISMATCH",
                         changes ? "按考察结论该人员已不符合重点帮教对象条件，建议应为变更类别"
                                 : "按考察结论该人员仍符合重点帮教对象条件，建议应为维持类别",
                         "recommendation");
        store::FollowUpRow row;
        row.person_id = person_id;
        row.kind = "review";
        row.held_on = *held;
        row.findings = *findings;
        row.conclusions = conclusions.dump();
        row.recommendation = in.recommendation;
        if (ctx.actor.unit_id) row.unit_id = ctx.actor.unit_id;
        if (ctx.actor.user_id) row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        auto id = store::insert_follow_up_row(w.c, row);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"id", *id}, {"kind", "review"}, {"held_on", *held}, {"conclusions", conclusions},
                            {"recommendation", in.recommendation}};
        w.record(person_id, p.name,
                 Change{"follow_up_create", d, "review", "followup.review",
                        late_params({{"held_on", *held}, {"recommendation", in.recommendation}}, ctx, *held)});
        return *id;
      });
}

Status FollowUpService::confirm_review(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t review_id) {
  auto done = change_person<bool>(
      core_, ctx, perm::review_confirm, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto found = store::find_follow_up(w.c, review_id);
        if (!found.ok()) return found.error();
        if (!found->has_value() || (*found)->person_id != person_id || (*found)->kind != "review" ||
            (*found)->held_on < reached.record().release_date)
          return not_found("REVIEW_NOT_FOUND", "未找到该全面考察记录");
        const store::FollowUpRow& r = **found;
        if (r.recommendation.value_or("keep") != "change")
          return conflict("REVIEW_CONFIRM_NOT_NEEDED", "该全面考察建议维持类别，无需确认");
        auto nonzero = [](std::int64_t v) { return v ? std::optional<std::int64_t>(v) : std::nullopt; };
        if (auto s = store::confirm_review(w.c, review_id, ctx.now, nonzero(ctx.actor.user_id), nonzero(ctx.actor.unit_id));
            !s.ok())
          return s.error();
        nlohmann::json d = {{"review_id", review_id}, {"held_on", r.held_on}};
        // The class is recomputed by the core's consequence right after; its change names the review.
        w.record(person_id, reached.record().name,
                 Change{"review_confirm", d, "review", "review.confirmed", {{"held_on", r.held_on}}});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Status FollowUpService::record_follow_up(const AuthedCtx& ctx, std::int64_t person_id, const FollowUpInput& in) {
  namespace check = domain::check;
  if (auto s = check::one_of(in.kind, {"visit", "review"}, "kind", "类型应为走访或全面考察"); !s.ok()) return s;
  auto form = check::text(in.form, "form", "走访形式", 20, false);
  if (!form.ok()) return form.error();
  auto situation = check::text(in.situation, "situation", "基本情况", 2000, false);
  if (!situation.ok()) return situation.error();
  auto findings = check::text(in.findings, "findings", "发现的问题", 2000, false);
  if (!findings.ok()) return findings.error();
  auto done = change_person<bool>(
      core_, ctx, in.kind == "visit" ? perm::visit_record : perm::review_record, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto held = released_day(core_, w.c, reached.record(), in.held_on, "held_on",
                                 in.kind == "review" ? "考察日期" : "走访日期", ctx);
        if (!held.ok()) return held.error();
        store::FollowUpRow row;
        row.person_id = person_id;
        row.kind = in.kind;
        row.held_on = *held;
        row.form = *form;
        row.situation = *situation;
        row.findings = *findings;
        if (ctx.actor.unit_id) row.unit_id = ctx.actor.unit_id;
        if (ctx.actor.user_id) row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        if (in.kind == "review") row.recommendation = "keep";
        if (auto id = store::insert_follow_up_row(w.c, row); !id.ok()) return id.error();
        nlohmann::json d = {{"kind", in.kind}, {"held_on", *held}, {"form", *form}};
        w.record(person_id, reached.record().name,
                 Change{"follow_up_create", d, in.kind, in.kind == "visit" ? "followup.visit" : "followup.review",
                        late_params(d, ctx, *held)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Result<Audited<VisitsView>> FollowUpService::visits(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<VisitsView>(
      core_, ctx, perm::person_read, person_id, "visits",
      [&](store::Connection& c, const Reached& reached) -> Result<VisitsView> {
        auto rows = store::person_follow_ups(c, person_id, "visit", reached.record().release_date);
        if (!rows.ok()) return rows.error();
        auto flags = store::person_flags(c, person_id);
        if (!flags.ok()) return flags.error();
        return VisitsView{std::move(rows).value(), flags->whereabouts_unknown};
      });
}

Result<Audited<std::vector<ReviewView>>> FollowUpService::reviews(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<std::vector<ReviewView>>(
      core_, ctx, perm::person_read, person_id, "reviews",
      [&](store::Connection& c, const Reached& reached) -> Result<std::vector<ReviewView>> {
        auto rows = store::person_follow_ups(c, person_id, "review", reached.record().release_date);
        if (!rows.ok()) return rows.error();
        std::vector<ReviewView> out;
        for (auto& r : *rows) {
          ReviewView v;
          v.state = r.recommendation.value_or("keep") != "change" ? "not_needed"
                    : r.confirmed_at                               ? "confirmed"
                                                                   : "awaiting_confirmation";
          v.can_confirm = v.state == "awaiting_confirmation" && ctx.actor.can(perm::review_confirm);
          v.row = std::move(r);
          out.push_back(std::move(v));
        }
        return out;
      });
}

}  // namespace anbang::app
