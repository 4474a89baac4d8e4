#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "app/core/guard.hpp"
#include "app/core/record_date.hpp"
#include "app/meetings/meeting_service.hpp"
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

Status MeetingService::record(const AuthedCtx& ctx, const MeetingInput& in) {
  if (auto s = require(ctx, "meeting:record"); !s.ok()) return s;
  const domain::Unit* unit = core_.units()->find(ctx.actor.unit_id);
  std::string kind = unit ? meeting_kind(unit->kind) : "";
  if (kind.empty())
    return forbidden("NO_MEETING_DUTY", "您所在单位没有联席会议职责（区安帮办、镇街、司法所才有）");
  auto on = record_date(core_, ctx, in.held_on, "held_on", "会议日期");
  if (!on.ok()) return on.error();
  if (domain::count_code_points(in.topic) > 200)
    return invalid("FIELD_TOO_LONG", "议题不能超过200字", "topic");
  if (domain::count_code_points(in.attendees) > 1000)
    return invalid("FIELD_TOO_LONG", "参会人员不能超过1000字", "attendees");
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    store::MeetingRow m{
        0,      ctx.actor.unit_id, kind, domain::to_string(*on), in.topic, in.attendees, ctx.actor.user_id,
        ctx.now};
    if (auto r = store::insert_meeting(c, m); !r.ok()) return r;
    nlohmann::json d = {{"kind", kind}, {"held_on", domain::to_string(*on)}, {"topic", in.topic}};
    return record_change(c, ctx, "meeting_create", "unit", ctx.actor.unit_id, ctx.actor.unit_name, d.dump());
  });
}

Result<std::vector<PersonTask>> MeetingService::tasks(const AuthedCtx& ctx) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  const domain::Unit* unit = core_.units()->find(ctx.actor.unit_id);
  if (!unit || meeting_kind(unit->kind).empty()) return std::vector<PersonTask>{};
  return transact_value<std::vector<PersonTask>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<PersonTask>> {
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
        return obligations_.unit_tasks(facts, ctx.today);
      });
}

Result<std::vector<store::MeetingRow>> MeetingService::list(const AuthedCtx& ctx, int limit) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  auto tree = core_.units();
  auto rows = transact_value<std::vector<store::MeetingRow>>(core_.db(), store::TxKind::read, store::all_meetings);
  if (!rows.ok()) return rows.error();
  std::vector<store::MeetingRow> out;
  for (auto& m : *rows) {
    // A meeting belongs to its unit's area (a judicial office's township, say).
    const domain::Unit* u = tree->find(m.unit_id);
    if (!u || !u->area_unit_id || !ctx.actor.scope.covers_unit(*u->area_unit_id)) continue;
    out.push_back(std::move(m));
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

}  // namespace anbang::app
