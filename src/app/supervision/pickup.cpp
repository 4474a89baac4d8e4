// The pick-up on release (R-PCK-1, R-PCK-2): who picked the person up, when and where, and the
// details of issue 8 — the party as a list of people with their roles, vehicle, headcount, time of
// day, the handover signed with the prison or detention centre, and a failed pick-up (the person not
// met) with what was done next.
//
// Party roles follow the person's class as recorded (R-CLS-3): a key subject is picked up by the
// township's comprehensive-governance, police and judicial staff (R-PCK-1); a general subject by the
// family and a village/community representative (R-PCK-2). A failed pick-up is on the file and the
// timeline but does not fulfil the pick-up task (store::load_facts counts outcome met only).
#include <nlohmann/json.hpp>
#include <regex>
#include <span>

#include "app/core/guard.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "app/supervision/supervision_service.hpp"
#include "domain/checks.hpp"
#include "store/supervision_repo.hpp"

namespace anbang::app {

namespace {

constexpr std::string_view kKeyRoles[] = {"comprehensive_governance", "police", "judicial"};
constexpr std::string_view kGeneralRoles[] = {"family_member", "village_representative"};

bool role_in(std::string_view role, std::span<const std::string_view> roles) {
  for (auto r : roles)
    if (r == role) return true;
  return false;
}

}  // namespace

Status SupervisionService::record_pickup(const AuthedCtx& ctx, std::int64_t person_id, const PickupInput& in) {
  namespace check = domain::check;
  if (auto s = check::one_of(in.kind, {"township_team", "family"}, "kind",
                             "接回方式应为镇街组织接回或家属及村居代表接回");
      !s.ok())
    return s;
  auto place = check::text(in.place, "place", "接回地点", 100, false);
  if (!place.ok()) return place.error();
  auto team = check::text(in.team, "team", "接回人员", 200, false);
  if (!team.ok()) return team.error();
  if (auto s = check::one_of(in.outcome, {"met", "not_met"}, "outcome", "接回结果应为已接回或未接到");
      !s.ok())
    return s;
  auto next = check::text(in.next_steps, "next_steps", "后续处置", 1000, in.outcome == "not_met");
  if (!next.ok()) return next.error();
  auto vehicle = check::text(in.vehicle, "vehicle", "车辆", 50, false);
  if (!vehicle.ok()) return vehicle.error();
  auto handover_by = check::text(in.handover_by, "handover_by", "交接签字人", 50, false);
  if (!handover_by.ok()) return handover_by.error();
  static const std::regex kTime("^([01][0-9]|2[0-3]):[0-5][0-9]$");
  if (!in.picked_at.empty() && !std::regex_match(in.picked_at, kTime))
    return invalid("FIELD_FORMAT", "接回时间应为两位小时和两位分钟，如 09:30", "picked_at");
  if (in.party.size() > 20) return invalid("FIELD_VALUE", "接回人员至多 20 人", "party");
  nlohmann::json party = nlohmann::json::array();
  for (const auto& m : in.party) {
    auto name = check::text(m.name, "party", "接回人员姓名", 50, true);
    if (!name.ok()) return name.error();
    auto unit = check::text(m.unit, "party", "接回人员单位或关系", 100, false);
    if (!unit.ok()) return unit.error();
    if (!role_in(m.role, kKeyRoles) && !role_in(m.role, kGeneralRoles))
      return invalid("FIELD_VALUE", "接回人员身份应为综治、公安、司法、家属或村（居）代表", "party");
    party.push_back({{"name", *name}, {"unit", *unit}, {"role", m.role}});
  }
  if (in.headcount && (*in.headcount < 1 || *in.headcount > 50))
    return invalid("FIELD_VALUE", "接回人数应在 1 至 50 之间", "headcount");
  if (in.headcount && *in.headcount < static_cast<std::int64_t>(in.party.size()))
    return invalid("PICKUP_HEADCOUNT", "接回人数不能少于所列接回人员人数", "headcount");
  auto done = change_person<bool>(
      core_, ctx, perm::pickup_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto on = released_day(core_, w.c, reached.record(), in.picked_on, "picked_on", "接回日期", ctx);
        if (!on.ok()) return on.error();
        // R-PCK-1/2: the party's roles fit the class.
        auto key = store::is_key_subject(w.c, person_id);
        if (!key.ok()) return key.error();
        for (const auto& m : in.party) {
          if (*key && !role_in(m.role, kKeyRoles))
            return invalid("PICKUP_ROLE_FOR_CLASS", "重点帮教对象应由镇街综治、公安、司法人员接回（R-PCK-1）", "party");
          if (!*key && !role_in(m.role, kGeneralRoles))
            return invalid("PICKUP_ROLE_FOR_CLASS", "一般帮教对象应由家属和村（居）代表接回（R-PCK-2）", "party");
        }
        store::Pickup row{person_id, *on, *place, *team, in.kind, ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
        row.party = party.dump();
        row.vehicle = *vehicle;
        row.headcount = in.headcount ? in.headcount : (in.party.empty() ? std::nullopt
                                                                        : std::optional<std::int64_t>(in.party.size()));
        row.picked_at = in.picked_at;
        row.handover_signed = in.handover_signed;
        row.handover_by = *handover_by;
        row.outcome = in.outcome;
        row.next_steps = *next;
        if (auto id = store::insert_pickup(w.c, row); !id.ok()) return id.error();
        nlohmann::json d = {{"picked_on", *on}, {"place", *place}, {"team", *team}, {"kind", in.kind},
                            {"party", party}, {"outcome", in.outcome}};
        if (in.outcome == "not_met") d["next_steps"] = *next;
        nlohmann::json params = {{"picked_on", *on}, {"place", *place}, {"team", *team}, {"kind", in.kind}};
        w.record(person_id, reached.record().name,
                 Change{"pickup_create", d, "pickup", in.outcome == "met" ? "pickup.recorded" : "pickup.failed",
                        with_late(params, ctx, *on)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

}  // namespace anbang::app
