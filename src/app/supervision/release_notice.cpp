// R-PCK-1 (§2.3.2), first half: before a key subject's release the household-registration judicial
// office notifies the township government and the police station. The notification is recorded on
// the person's file (who notified whom, when and how), closes the engine's R-PCK-1/notice task, and
// shows on the township's and the police station's side (upcoming_releases, the file).
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "app/supervision/supervision_service.hpp"
#include "domain/checks.hpp"
#include "rules/engine.hpp"

namespace anbang::app {

Result<std::vector<store::ReleaseNotification>> SupervisionService::record_release_notification(
    const AuthedCtx& ctx, std::int64_t person_id, const ReleaseNotificationInput& in) {
  namespace check = domain::check;
  if (in.recipients.empty() || in.recipients.size() > 2)
    return invalid("FIELD_REQUIRED", "请选择通报对象（镇街、派出所）", "recipients");
  for (const auto& r : in.recipients) {
    if (auto s = check::one_of(r, {"township", "police_station"}, "recipients",
                               "通报对象应为镇街或派出所");
        !s.ok())
      return s.error();
  }
  if (in.recipients.size() == 2 && in.recipients[0] == in.recipients[1])
    return invalid("FIELD_VALUE", "通报对象重复", "recipients");
  if (auto s = check::one_of(in.method, {"phone", "document", "meeting", "in_person"}, "method",
                             "通报方式应为电话、书面、会议或当面");
      !s.ok())
    return s.error();
  auto contact = check::text(in.contact, "contact", "接收通报的人员", 100, false);
  if (!contact.ok()) return contact.error();
  auto note = check::text(in.note, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  auto tree = core_.units();
  using Rows = std::vector<store::ReleaseNotification>;
  return change_person<Rows>(
      core_, ctx, perm::person_register, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<Rows> {
        const store::PersonRecord& p = reached.record();
        auto on = check::past_date(in.notified_on, "notified_on", "通报日期", ctx.today);
        if (!on.ok()) return on.error();
        const std::string day = domain::to_string(*on);
        if (day > p.release_date)
          return invalid("NOTIFY_AFTER_RELEASE", "通报日期不能晚于释放日期 " + p.release_date, "notified_on");
        // The household-registration judicial office notifies (R-PCK-1); the district may enter it too.
        const std::int64_t town = tree->township_of(p.household_unit_id).value_or(p.household_unit_id);
        if (ctx.actor.scope.kind != domain::ScopeKind::district && tree->judicial_office_for(town) != ctx.actor.unit_id)
          return forbidden("NOT_HOUSEHOLD_OFFICE", "释放前通报由户籍地司法所办理");
        Rows rows;
        nlohmann::json units = nlohmann::json::array();
        for (const auto& r : in.recipients) {
          store::ReleaseNotification n;
          n.person_id = person_id;
          n.release_date = p.release_date;
          n.recipient = r;
          if (r == "township") {
            n.recipient_unit_id = town;
          } else {
            auto police = tree->police_station_for(town);
            if (!police) return invalid("NO_POLICE_STATION", "该镇街没有登记派出所，请联系管理员", "recipients");
            n.recipient_unit_id = *police;
          }
          n.contact = *contact;
          n.method = in.method;
          n.notified_on = day;
          n.note = *note;
          n.unit_id = ctx.actor.unit_id;
          n.user_id = ctx.actor.user_id;
          n.created_at = ctx.now;
          auto id = store::insert_release_notification(w.c, n);
          if (!id.ok()) return id.error();
          n.id = *id;
          units.push_back(tree->display_path(n.recipient_unit_id));
          rows.push_back(std::move(n));
        }
        nlohmann::json d = {{"notified_on", day}, {"method", in.method}, {"recipients", in.recipients},
                            {"release_date", p.release_date}};
        nlohmann::json params = d;
        params["units"] = units;
        w.record(person_id, p.name, Change{"release_notification_create", d, "notification", "release.notified", params});
        return rows;
      });
}

Result<Audited<std::vector<store::ReleaseNotification>>> SupervisionService::release_notifications(
    const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<std::vector<store::ReleaseNotification>>(
      core_, ctx, perm::person_read, person_id, "release_notifications",
      [&](store::Connection& c, const Reached& p) {
        return store::release_notifications_of(c, person_id, p.record().release_date);
      });
}

Result<Audited<std::vector<UpcomingRelease>>> SupervisionService::upcoming_releases(const AuthedCtx& ctx) {
  if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  const std::string today = domain::to_string(ctx.today);
  // The notification's window: release_notice_months_before (R-LNK-4, 1 month by default) ahead.
  const std::string until = domain::to_string(
      domain::add_months_clamped(ctx.today, core_.policy()->in_force(ctx.today).release_notice_months_before));
  using Rows = std::vector<store::UpcomingReleaseRow>;
  auto rows = transact_value<Rows>(core_.db(), store::TxKind::read, [&](store::Connection& c) {
    return store::upcoming_releases(c, ctx.actor.scope, today, until, 500);
  });
  if (!rows.ok()) return rows.error();
  std::vector<UpcomingRelease> out;
  for (auto& r : *rows) {
    UpcomingRelease u;
    u.person_id = r.person_id;
    u.name = std::move(r.name);
    u.release_date = std::move(r.release_date);
    u.task_state = std::string(rules::shown_state(r.task_state, "R-PCK-1", r.due, today));
    u.household_unit_id = r.household_unit_id;
    u.residence_unit_id = r.residence_unit_id;
    u.township_notified_on = std::move(r.township_notified_on);
    u.police_notified_on = std::move(r.police_notified_on);
    out.push_back(std::move(u));
  }
  auto record = access_record(ctx, "person_search", "persons", std::nullopt, std::to_string(out.size()) + " 人",
                              nlohmann::json{{"list", "upcoming_releases"}}.dump());
  return Audited<std::vector<UpcomingRelease>>(std::move(out), std::move(record));
}

}  // namespace anbang::app
