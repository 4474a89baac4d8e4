// Meetings (R-MTG-1..3, §2.3.3(4)): the district office's yearly joint meeting, each township's
// quarterly joint meeting, each judicial office's monthly liaison with its police station.
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/text.hpp"
#include "store/meeting_repo.hpp"

namespace anbang::app {

namespace {
// The meeting kind a unit owes, or "" if none.
std::string meeting_kind(const std::string& unit_kind) {
  if (unit_kind == "district") return "district_joint";
  if (unit_kind == "township") return "township_joint";
  if (unit_kind == "judicial_office") return "liaison";
  return "";
}
}  // namespace

Status App::record_meeting(const Ctx& ctx, const MeetingInput& in) {
  if (auto s = require(ctx, "meeting:record"); !s.ok()) return s;
  const domain::Unit* unit = units()->find(ctx.actor->unit_id);
  std::string kind = unit ? meeting_kind(unit->kind) : "";
  if (kind.empty())
    return forbidden("NO_MEETING_DUTY", "您所在单位没有联席会议职责(区安帮办、镇街、司法所才有)");
  auto on = domain::parse_date(in.held_on, "held_on");
  if (!on.ok()) return on.error();
  if (*on > ctx.today) return invalid("DATE_IN_FUTURE", "会议日期不能晚于今天", "held_on");
  if (domain::count_code_points(in.topic) > 200)
    return invalid("FIELD_TOO_LONG", "议题不能超过200字", "topic");
  if (domain::count_code_points(in.attendees) > 1000)
    return invalid("FIELD_TOO_LONG", "参会人员不能超过1000字", "attendees");
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    store::MeetingRow m{
        0,      ctx.actor->unit_id, kind, domain::to_string(*on), in.topic, in.attendees, ctx.actor->user_id,
        ctx.now};
    if (auto r = store::insert_meeting(c, m); !r.ok()) return r;
    nlohmann::json d = {{"kind", kind}, {"held_on", domain::to_string(*on)}, {"topic", in.topic}};
    return audit(c, ctx, "meeting_create", "unit", ctx.actor->unit_id, ctx.actor->unit_name, d.dump());
  });
}

Result<std::vector<PersonTask>> App::meeting_tasks(const Ctx& ctx) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  const domain::Unit* unit = units()->find(ctx.actor->unit_id);
  if (!unit || meeting_kind(unit->kind).empty()) return std::vector<PersonTask>{};
  return transact_value<std::vector<PersonTask>>(
      db_, store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<PersonTask>> {
        rules::UnitFacts facts;
        facts.unit_id = unit->id;
        facts.kind = unit->kind;
        auto created = store::unit_created_at(c, unit->id);
        if (!created.ok()) return created.error();
        facts.active_from = domain::shanghai_date_from_unix(*created);
        auto held = store::meeting_dates(c, unit->id);
        if (!held.ok()) return held.error();
        for (const auto& day : *held) {
          auto d = domain::parse_date(day);
          if (d.ok()) facts.meetings.push_back(*d);
        }
        std::vector<PersonTask> out;
        for (auto& t : rules::unit_tasks(facts, policy_, ctx.today)) {
          PersonTask pt;
          pt.unit_id = unit->id;
          pt.state = std::string(rules::to_string(t.state));
          pt.explanation = rules::explain(t);
          pt.task = std::move(t);
          out.push_back(std::move(pt));
        }
        return out;
      });
}

Result<std::vector<store::MeetingRow>> App::list_meetings(const Ctx& ctx, int limit) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  auto tree = units();
  auto rows = transact_value<std::vector<store::MeetingRow>>(db_, store::TxKind::read, store::all_meetings);
  if (!rows.ok()) return rows.error();
  std::vector<store::MeetingRow> out;
  for (auto& m : *rows) {
    // A meeting belongs to its unit's area (a judicial office's township, say).
    const domain::Unit* u = tree->find(m.unit_id);
    if (!u || !u->area_unit_id || !ctx.actor->scope.covers_unit(*u->area_unit_id)) continue;
    out.push_back(std::move(m));
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

}  // namespace anbang::app

namespace anbang::app {

Status App::set_policy(const Ctx& ctx, const std::string& name, const std::string& value,
                       const std::string& from) {
  if (auto s = require(ctx, "policy:manage"); !s.ok()) return s;
  auto date = domain::parse_date(from, "effective_from");
  if (!date.ok()) return date.error();
  rules::PolicyTable check = policy_;  // validate the name and value before writing anything
  if (auto s = check.set(name, value, *date); !s.ok()) return s;
  Status s = db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto put =
            store::put_policy_param(c, name, value, domain::to_string(*date), ctx.actor->user_id, ctx.now);
        !put.ok())
      return put;
    nlohmann::json d = {{"name", name}, {"value", value}, {"effective_from", domain::to_string(*date)}};
    return audit(c, ctx, "policy_update", "policy", std::nullopt, name, d.dump());
  });
  if (!s.ok()) return s;
  if (auto r = load_caches(); !r.ok()) return r;
  auto n = refresh_all_tasks(ctx.today);
  if (!n.ok()) return n.error();
  return {};
}

}  // namespace anbang::app
