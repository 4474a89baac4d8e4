#include "app/education/education_service.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "domain/checks.hpp"
#include "store/meeting_repo.hpp"

namespace anbang::app {

namespace {
constexpr std::string_view kRecord = "education:record";

Result<store::EducationEventRow> check_event(const EducationEventInput& in) {
  namespace check = domain::check;
  auto name = check::text(in.name, "name", "名称", 50, true);
  if (!name.ok()) return name.error();
  if (auto s = check::one_of(in.kind, {"holiday", "sensitive_period", "major_event"}, "kind",
                             "类别只能是节假日、敏感时期或重大活动");
      !s.ok())
    return s.error();
  auto from = check::date(in.starts_on, "starts_on", "开始日期");
  if (!from.ok()) return from.error();
  auto to = check::date(in.ends_on, "ends_on", "结束日期");
  if (!to.ok()) return to.error();
  if (auto s = check::order(*from, *to, "ends_on", "结束日期不能早于开始日期"); !s.ok()) return s.error();
  return store::EducationEventRow{0, *name, in.kind, domain::to_string(*from), domain::to_string(*to)};
}

bool has_education_duty(const std::string& unit_kind) {
  return unit_kind == "district" || unit_kind == "township" || unit_kind == "judicial_office" ||
         unit_kind == "village";
}
}  // namespace

Result<std::vector<store::EducationEventRow>> EducationService::events(const AuthedCtx& ctx) {
  if (!ctx.actor.can(perm::policy_manage)) {
    if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  }
  return transact_value<std::vector<store::EducationEventRow>>(core_.db(), store::TxKind::read,
                                                               store::all_education_events);
}

Result<std::int64_t> EducationService::create_event(const AuthedCtx& ctx, const EducationEventInput& in) {
  if (auto s = require(ctx, perm::policy_manage); !s.ok()) return s.error();
  auto e = check_event(in);
  if (!e.ok()) return e.error();
  return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
    auto id = store::insert_education_event(c, *e, ctx.actor.user_id, ctx.now);
    if (!id.ok()) return id.error();
    nlohmann::json d = {{"name", e->name}, {"kind", e->kind}, {"starts_on", e->starts_on}, {"ends_on", e->ends_on}};
    if (auto s = record_change(c, ctx, "education_event_create", "education_event", *id, e->name, d.dump()); !s.ok())
      return s.error();
    return *id;
  });
}

Status EducationService::update_event(const AuthedCtx& ctx, std::int64_t id, const EducationEventInput& in) {
  if (auto s = require(ctx, perm::policy_manage); !s.ok()) return s;
  auto e = check_event(in);
  if (!e.ok()) return e.error();
  e->id = id;
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto old = store::find_education_event(c, id);
    if (!old.ok()) return old.error();
    if (!*old) return not_found("EVENT_NOT_FOUND", "未找到该日程");
    if (auto s = store::update_education_event(c, *e); !s.ok()) return s;
    nlohmann::json d = {{"name", e->name},
                        {"kind", e->kind},
                        {"starts_on", e->starts_on},
                        {"ends_on", e->ends_on},
                        {"before", {{"name", (*old)->name}, {"starts_on", (*old)->starts_on}, {"ends_on", (*old)->ends_on}}}};
    return record_change(c, ctx, "education_event_update", "education_event", id, e->name, d.dump());
  });
}

Status EducationService::delete_event(const AuthedCtx& ctx, std::int64_t id) {
  if (auto s = require(ctx, perm::policy_manage); !s.ok()) return s;
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto old = store::find_education_event(c, id);
    if (!old.ok()) return old.error();
    if (!*old) return not_found("EVENT_NOT_FOUND", "未找到该日程");
    auto used = store::count_sessions_of_event(c, id);
    if (!used.ok()) return used.error();
    if (*used > 0) return conflict("EVENT_IN_USE", "已有针对该日程的教育活动记录，不能删除，可修改日期");
    if (auto s = store::delete_education_event(c, id); !s.ok()) return s;
    nlohmann::json d = {{"name", (*old)->name}, {"starts_on", (*old)->starts_on}, {"ends_on", (*old)->ends_on}};
    return record_change(c, ctx, "education_event_delete", "education_event", id, (*old)->name, d.dump());
  });
}

Result<std::int64_t> EducationService::record_session(const AuthedCtx& ctx, const EducationSessionInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kRecord); !s.ok()) return s.error();
  const domain::Unit* unit = core_.units()->find(ctx.actor.unit_id);
  if (!unit || !has_education_duty(unit->kind))
    return forbidden("NO_EDUCATION_DUTY", "您所在单位不组织帮教对象的教育活动");
  auto on = record_date(core_, ctx, in.held_on, "held_on", "教育日期");
  if (!on.ok()) return on.error();
  if (auto s = check::one_of(in.kind, {"thought", "legal", "moral", "cultural"}, "kind",
                             "教育类别只能是思想教育、法治教育、道德教育或文化教育");
      !s.ok())
    return s.error();
  auto topic = check::text(in.topic, "topic", "主题", 200, true);
  if (!topic.ok()) return topic.error();
  auto speaker = check::text(in.speaker, "speaker", "主讲人", 50, false);
  if (!speaker.ok()) return speaker.error();
  auto note = check::text(in.note, "note", "备注", 1000, false);
  if (!note.ok()) return note.error();
  if ((in.targeted || in.event_id) && in.kind != "legal")
    return invalid("TARGETED_NOT_LEGAL", "只有法治教育才能作为针对性教育", "targeted");
  if (in.attendees.empty()) return invalid("ATTENDEES_REQUIRED", "请选择参加教育的帮教对象", "attendees");
  if (in.attendees.size() > 500) return invalid("FIELD_TOO_LONG", "一次教育最多登记500名帮教对象", "attendees");
  std::set<std::int64_t> seen;
  for (const auto& a : in.attendees) {
    if (!seen.insert(a.person_id).second)
      return invalid("ATTENDEE_DUPLICATE", "同一名帮教对象只能登记一次", "attendees");
  }
  const std::string held_on = domain::to_string(*on);
  return write_persons<std::int64_t>(core_, ctx, kRecord, [&](PersonWrite& w) -> Result<std::int64_t> {
    if (in.event_id) {
      auto e = store::find_education_event(w.c, *in.event_id);
      if (!e.ok()) return e.error();
      if (!*e) return invalid("EVENT_NOT_FOUND", "未找到该日程", "event_id");
      if (held_on >= (*e)->starts_on)
        return invalid("DATE_ORDER", "针对性教育应在“" + (*e)->name + "”开始（" + (*e)->starts_on + "）之前", "held_on");
    }
    store::EducationSessionRow s;
    s.unit_id = ctx.actor.unit_id;
    s.held_on = held_on;
    s.kind = in.kind;
    s.topic = *topic;
    s.speaker = *speaker;
    s.note = *note;
    s.targeted = in.targeted || in.event_id.has_value();
    s.event_id = in.event_id;
    s.user_id = ctx.actor.user_id;
    s.created_at = ctx.now;
    auto id = store::insert_education_session(w.c, s);
    if (!id.ok()) return id.error();
    // The guard: only persons the caller reaches (R-JUR-1) can be listed.
    for (const auto& a : in.attendees) {
      auto reached = reach_person(core_, w.c, ctx, a.person_id);
      if (!reached.ok()) return reached.error();
      if (auto st = store::insert_attendance(w.c, *id, a.person_id, a.attended); !st.ok()) return st.error();
      nlohmann::json d = {{"session_id", *id}, {"held_on", held_on}, {"kind", in.kind}, {"topic", *topic},
                          {"attended", a.attended}};
      w.record(a.person_id, reached->record().name,
               Change{"education_session", d, "education", a.attended ? "education.session" : "education.session_absent",
                      with_late({{"held_on", held_on}, {"kind", in.kind}, {"topic", *topic}}, ctx, held_on)});
    }
    return *id;
  });
}

Result<std::int64_t> EducationService::record_talk(const AuthedCtx& ctx, std::int64_t person_id,
                                                   const EducationTalkInput& in) {
  namespace check = domain::check;
  if (auto s = require(ctx, kRecord); !s.ok()) return s.error();
  auto on = record_date(core_, ctx, in.held_on, "held_on", "谈话日期");
  if (!on.ok()) return on.error();
  auto by = check::text(in.talked_by, "talked_by", "谈话人", 50, true);
  if (!by.ok()) return by.error();
  auto topic = check::text(in.topic, "topic", "谈话主题", 200, true);
  if (!topic.ok()) return topic.error();
  auto summary = check::text(in.summary, "summary", "谈话内容摘要", 2000, false);
  if (!summary.ok()) return summary.error();
  const std::string held_on = domain::to_string(*on);
  return change_person<std::int64_t>(core_, ctx, kRecord, person_id,
                                     [&](PersonWrite& w, const Reached& r) -> Result<std::int64_t> {
                                       store::EducationTalkRow t{0,      person_id, ctx.actor.unit_id, held_on, *by,
                                                                 *topic, *summary,  ctx.now};
                                       auto id = store::insert_education_talk(w.c, t, ctx.actor.user_id);
                                       if (!id.ok()) return id.error();
                                       nlohmann::json d = {{"talk_id", *id}, {"held_on", held_on}, {"talked_by", *by},
                                                           {"topic", *topic}};
                                       w.record(r.id(), r.record().name,
                                                Change{"education_talk", d, "education", "education.talk",
                                                       with_late({{"held_on", held_on}, {"talked_by", *by}, {"topic", *topic}},
                                                                 ctx, held_on)});
                                       return *id;
                                     });
}

Result<std::vector<store::EducationSessionRow>> EducationService::sessions(const AuthedCtx& ctx, int limit) {
  if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  auto tree = core_.units();
  auto rows = transact_value<std::vector<store::EducationSessionRow>>(core_.db(), store::TxKind::read,
                                                                      store::all_education_sessions);
  if (!rows.ok()) return rows.error();
  std::vector<store::EducationSessionRow> out;
  for (auto& s : *rows) {
    const domain::Unit* u = tree->find(s.unit_id);
    if (!u || !u->area_unit_id || !ctx.actor.scope.covers_unit(*u->area_unit_id)) continue;
    std::vector<store::AttendanceRow> kept;
    for (auto& a : s.attendance) {
      if (ctx.actor.scope.covers_person(a.household_unit_id, a.residence_unit_id)) kept.push_back(std::move(a));
    }
    s.attendance = std::move(kept);
    out.push_back(std::move(s));
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

Result<Audited<PersonEducation>> EducationService::person_education(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<PersonEducation>(core_, ctx, perm::person_read, person_id, "education",
                                      [&](store::Connection& c, const Reached&) -> Result<PersonEducation> {
                                        auto sessions = store::person_sessions(c, person_id);
                                        if (!sessions.ok()) return sessions.error();
                                        auto talks = store::person_talks(c, person_id);
                                        if (!talks.ok()) return talks.error();
                                        return PersonEducation{std::move(*sessions), std::move(*talks)};
                                      });
}

Result<EducationTasks> EducationService::tasks(const AuthedCtx& ctx) {
  if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  auto tree = core_.units();
  const domain::Unit* unit = tree->find(ctx.actor.unit_id);
  EducationTasks out;
  if (!unit || (unit->kind != "township" && unit->kind != "judicial_office")) return out;
  auto township_id = unit->kind == "township" ? std::optional<std::int64_t>(unit->id) : unit->area_unit_id;
  if (!township_id) return out;
  const std::int64_t office = tree->judicial_office_for(*township_id);
  return transact_value<EducationTasks>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<EducationTasks> {
    rules::UnitFacts facts;
    facts.unit_id = *township_id;
    facts.kind = "township";
    auto created = store::unit_created_at(c, *township_id);
    if (!created.ok()) return created.error();
    facts.active_from = domain::shanghai_date_from_unix(*created);
    auto events = store::all_education_events(c);
    if (!events.ok()) return events.error();
    for (const auto& e : *events) {
      auto from = domain::parse_date(e.starts_on);
      auto to = domain::parse_date(e.ends_on);
      if (from.ok() && to.ok()) facts.calendar.push_back({e.id, *from, *to});
    }
    std::vector<std::int64_t> units = {*township_id};
    if (office != *township_id) units.push_back(office);
    auto held = store::targeted_legal_sessions(c, units);
    if (!held.ok()) return held.error();
    for (const auto& s : *held) {
      auto d = domain::parse_date(s.held_on);
      if (d.ok()) facts.targeted_sessions.push_back({*d, s.event_id});
    }
    EducationTasks r;
    for (auto& t : obligations_.unit_tasks(facts, ctx.today)) {
      if (t.task.rule == "R-EDU-1") r.tasks.push_back(std::move(t));
    }
    r.calendar = std::move(*events);
    return r;
  });
}

}  // namespace anbang::app
