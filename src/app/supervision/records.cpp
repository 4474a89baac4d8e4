// Records of supervision after release: the pick-up (R-PCK-1, R-PCK-2: who, when, where), the
// registration at the judicial office (R-REG-1, with the policies explained, §2.4.1(7)) and the
// follow-ups — visits (R-VIS-1/2) and full reviews (R-REV-1). Each needs the person released and
// out of custody on the day it carries; each closes its task at once (person_changed).
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/supervision/supervision_service.hpp"
#include "domain/checks.hpp"
#include "store/obligation_repo.hpp"
#include "store/period_repo.hpp"
#include "store/supervision_repo.hpp"

namespace anbang::app {

namespace {

// The date of a record about a released person: not after today, not before the release, not while
// the person was in custody.
Result<std::string> released_day(store::Connection& c, const store::PersonRecord& p, const std::string& text,
                                 const char* field, const char* label, domain::CivilDate today) {
  auto d = domain::check::past_date(text, field, label, today);
  if (!d.ok()) return d.error();
  std::string day = domain::to_string(*d);
  if (day < p.release_date)
    return invalid("DATE_BEFORE_RELEASE", std::string(label) + "不能早于释放日期 " + p.release_date, field);
  auto custody = store::person_custody(c, p.id);
  if (!custody.ok()) return custody.error();
  for (const auto& k : *custody) {  // custody since this release (a detention, R-PER-1)
    if (k.from_date < p.release_date) continue;
    if (day >= k.from_date && (!k.to_date || day < *k.to_date))
      return invalid("DATE_IN_CUSTODY", std::string(label) + "当天该人员在押（" + k.from_date + " 起），请核对日期", field);
  }
  return day;
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
  auto done = change_person<bool>(
      core_, ctx, perm::followup_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto on = released_day(w.c, reached.record(), in.picked_on, "picked_on", "接回日期", ctx.today);
        if (!on.ok()) return on.error();
        store::Pickup row{person_id, *on, *place, *team, in.kind, ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
        if (auto id = store::insert_pickup(w.c, row); !id.ok()) return id.error();
        nlohmann::json d = {{"picked_on", *on}, {"place", *place}, {"team", *team}, {"kind", in.kind}};
        w.record(person_id, reached.record().name, Change{"pickup_create", d, "pickup", "pickup.recorded", d});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Status SupervisionService::record_registration(const AuthedCtx& ctx, std::int64_t person_id,
                                               const RegistrationInput& in) {
  auto cert = domain::check::text(in.certificate_no, "certificate_no", "释放证明书编号", 50, false);
  if (!cert.ok()) return cert.error();
  auto needs = nlohmann::json::parse(in.needs.empty() ? "{}" : in.needs, nullptr, false);
  if (!needs.is_object()) return invalid("FIELD_TYPE", "初始需求应为对象", "needs");
  auto done = change_person<bool>(
      core_, ctx, perm::person_register, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        const store::PersonRecord& p = reached.record();
        auto on = released_day(w.c, p, in.registered_on, "registered_on", "报到日期", ctx.today);
        if (!on.ok()) return on.error();
        auto existing = store::count_registrations_since(w.c, person_id, p.release_date);
        if (!existing.ok()) return existing.error();
        if (*existing > 0)
          return conflict("REGISTRATION_EXISTS", "该人员本次释放后已办理报到登记，无需重复登记", "registered_on");
        store::Registration r{person_id, *on, *cert, needs.dump(), in.policies_explained,
                              ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
        if (auto id = store::insert_registration(w.c, r); !id.ok()) return id.error();
        nlohmann::json d = {{"registered_on", *on}, {"policies_explained", in.policies_explained}};
        w.record(person_id, p.name, Change{"registration_create", d, "registered", "registration.recorded", d});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Status SupervisionService::record_follow_up(const AuthedCtx& ctx, std::int64_t person_id, const FollowUpInput& in) {
  namespace check = domain::check;
  if (auto s = check::one_of(in.kind, {"visit", "review"}, "kind", "类型应为走访或全面考察"); !s.ok())
    return s;
  auto form = check::text(in.form, "form", "走访形式", 20, false);
  if (!form.ok()) return form.error();
  auto situation = check::text(in.situation, "situation", "基本情况", 2000, false);
  if (!situation.ok()) return situation.error();
  auto findings = check::text(in.findings, "findings", "发现的问题", 2000, false);
  if (!findings.ok()) return findings.error();
  auto done = change_person<bool>(
      core_, ctx, perm::followup_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto held = released_day(w.c, reached.record(), in.held_on, "held_on", "走访日期", ctx.today);
        if (!held.ok()) return held.error();
        store::FollowUp f{person_id, in.kind, *held, *form, *situation, *findings, ctx.actor.unit_id,
                          ctx.actor.user_id, ctx.now};
        if (auto id = store::insert_follow_up(w.c, f); !id.ok()) return id.error();
        nlohmann::json d = {{"kind", in.kind}, {"held_on", *held}, {"form", *form}};
        w.record(person_id, reached.record().name,
                 Change{"follow_up_create", d, in.kind, in.kind == "visit" ? "followup.visit" : "followup.review", d});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

}  // namespace anbang::app
