#include "app/warnings/warning_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "store/period_repo.hpp"

namespace anbang::app {

namespace {

Status sign_kind_ok(const std::string& kind) {
  for (auto k : kWarningSignKinds)
    if (k == kind) return {};
  return invalid("FIELD_VALUE", "预警迹象类型应为扬言报复、矛盾激化、结交不良人员、涉毒、涉赌、思想情绪不稳定或其他",
                 "sign_kind");
}

// The notice's date: not after today, not before the observation.
Result<std::string> notice_day(const Core& core, const Ctx& ctx, const std::string& text, const std::string& observed) {
  auto d = record_date(core, ctx, text, "notified_on", "通报日期");
  if (!d.ok()) return d.error();
  std::string day = domain::to_string(*d);
  if (day < observed) return invalid("DATE_ORDER", "通报日期不能早于发现日期 " + observed, "notified_on");
  return day;
}

std::string station_name(const Core& core, std::optional<std::int64_t> id) {
  if (!id) return "";
  const domain::Unit* u = core.units()->find(*id);
  return u ? u->name : "";
}

}  // namespace

Result<std::int64_t> WarningService::record_warning(const AuthedCtx& ctx, std::int64_t person_id,
                                                    const WarningInput& in) {
  namespace check = domain::check;
  if (auto s = sign_kind_ok(in.sign_kind); !s.ok()) return s.error();
  auto signs = check::text(in.signs, "signs", "预警迹象", 2000, true);
  if (!signs.ok()) return signs.error();
  auto measures = check::text(in.measures, "measures", "预防措施", 2000, false);
  if (!measures.ok()) return measures.error();
  auto officer = check::text(in.notified_officer, "notified_officer", "接收民警", 50, !in.notified_on.empty());
  if (!officer.ok()) return officer.error();
  return change_person<std::int64_t>(
      core_, ctx, perm::warning_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto observed = released_day(core_, w.c, p, in.observed_on, "observed_on", "发现日期", ctx);
        if (!observed.ok()) return observed.error();
        store::WarningRow row;
        row.person_id = person_id;
        row.sign_kind = in.sign_kind;
        row.signs = *signs;
        row.observed_on = *observed;
        row.measures = *measures;
        // R-WRN-1: the police station of the residence township receives the notice.
        row.police_unit_id = core_.units()->police_station_for(p.residence_unit_id);
        if (!in.notified_on.empty()) {
          auto on = notice_day(core_, ctx, in.notified_on, *observed);
          if (!on.ok()) return on.error();
          row.notified_on = *on;
          row.notified_officer = *officer;
        }
        row.unit_id = ctx.actor.unit_id;
        row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        auto id = store::insert_warning(w.c, row);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"warning_id", *id}, {"sign_kind", in.sign_kind}, {"observed_on", *observed},
                            {"notified_on", row.notified_on ? nlohmann::json(*row.notified_on) : nlohmann::json()}};
        nlohmann::json params = {{"observed_on", *observed}, {"sign_kind", in.sign_kind}};
        if (row.notified_on) {
          params["notified_on"] = *row.notified_on;
          params["station"] = station_name(core_, row.police_unit_id);
          params["officer"] = row.notified_officer;
        }
        w.record(person_id, p.name,
                 Change{"warning_create", d, "warning", row.notified_on ? "warning.recorded_notified" : "warning.recorded",
                        with_late(params, ctx, *observed)});
        return *id;
      });
}

Status WarningService::record_notice(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t warning_id,
                                     const WarningNotice& in) {
  auto officer = domain::check::text(in.officer, "officer", "接收民警", 50, true);
  if (!officer.ok()) return officer.error();
  auto done = change_person<bool>(
      core_, ctx, perm::warning_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto found = store::find_warning(w.c, warning_id, person_id);
        if (!found.ok()) return found.error();
        if (!found->has_value()) return not_found("WARNING_NOT_FOUND", "未找到该预警记录");
        const store::WarningRow& row = **found;
        if (row.notified_on) return conflict("WARNING_NOTIFIED", "该预警已于 " + *row.notified_on + " 通报派出所");
        auto on = notice_day(core_, ctx, in.notified_on, row.observed_on);
        if (!on.ok()) return on.error();
        auto station = row.police_unit_id ? row.police_unit_id
                                          : core_.units()->police_station_for(reached.record().residence_unit_id);
        if (auto s = store::set_warning_notice(w.c, warning_id, *on, *officer, station); !s.ok()) return s.error();
        w.record(person_id, reached.record().name,
                 Change{"warning_notice", {{"warning_id", warning_id}, {"notified_on", *on}, {"officer", *officer}},
                        "warning", "warning.notified",
                        with_late({{"notified_on", *on}, {"officer", *officer}, {"station", station_name(core_, station)}},
                                  ctx, *on)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Status WarningService::lift_warning(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t warning_id,
                                    const WarningLift& in) {
  auto reason = domain::check::text(in.reason, "reason", "解除原因", 500, true);
  if (!reason.ok()) return reason.error();
  auto done = change_person<bool>(
      core_, ctx, perm::warning_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto found = store::find_warning(w.c, warning_id, person_id);
        if (!found.ok()) return found.error();
        if (!found->has_value()) return not_found("WARNING_NOT_FOUND", "未找到该预警记录");
        if ((*found)->state != "open") return conflict("WARNING_LIFTED", "该预警已解除");
        auto d = record_date(core_, ctx, in.lifted_on, "lifted_on", "解除日期");
        if (!d.ok()) return d.error();
        const std::string on = domain::to_string(*d);
        if (on < (*found)->observed_on)
          return invalid("DATE_ORDER", "解除日期不能早于发现日期 " + (*found)->observed_on, "lifted_on");
        if (auto s = store::lift_warning(w.c, warning_id, on, *reason, ctx.actor.user_id); !s.ok()) return s.error();
        w.record(person_id, reached.record().name,
                 Change{"warning_lift", {{"warning_id", warning_id}, {"lifted_on", on}, {"reason", *reason}}, "warning",
                        "warning.lifted", with_late({{"lifted_on", on}, {"reason", *reason}}, ctx, on)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Result<std::int64_t> WarningService::record_reoffence(const AuthedCtx& ctx, std::int64_t person_id,
                                                      const ReoffenceInput& in) {
  namespace check = domain::check;
  auto offence = check::past_date(in.offence_on, "offence_on", "犯罪日期", ctx.today);
  if (!offence.ok()) return offence.error();
  auto custody = record_date(core_, ctx, in.custody_on, "custody_on", "羁押日期");
  if (!custody.ok()) return custody.error();
  if (auto s = check::order(*offence, *custody, "custody_on", "羁押日期不能早于犯罪日期"); !s.ok()) return s.error();
  auto release = check::date(in.expected_release_date, "expected_release_date", "预计释放日期");
  if (!release.ok()) return release.error();
  if (auto s = check::order(*custody, *release, "expected_release_date", "预计释放日期应晚于羁押日期", true); !s.ok())
    return s.error();
  const std::string release_kind = in.release_kind.empty() ? "prison" : in.release_kind;
  if (auto s = check::one_of(release_kind, {"prison", "detention_centre"}, "release_kind", "服刑场所应为监狱或看守所");
      !s.ok())
    return s.error();
  const store::ChargeRow* charge = core_.charge(in.charge_id);
  if (!charge) return invalid("CHARGE_NOT_FOUND", "罪名不在罪名表中，请从列表中选择", "charge_id");
  auto authority = check::text(in.authority, "authority", "决定机关", 100, true);
  if (!authority.ok()) return authority.error();
  auto note = check::text(in.note, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  return change_person<std::int64_t>(
      core_, ctx, perm::reoffence_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        const std::string offence_on = domain::to_string(*offence), custody_on = domain::to_string(*custody);
        if (offence_on < p.release_date)
          return invalid("OFFENCE_BEFORE_RELEASE",
                         "犯罪日期早于本次释放日期 " + p.release_date + "，不属于释放后重新犯罪", "offence_on");
        if (custody_on < p.release_date)
          return invalid("NOT_YET_RELEASED", "该人员 " + p.release_date + " 才释放，请核对羁押日期", "custody_on");
        // The period the offence fell in: the current one, unless it had ended (expired or cut) by then.
        auto ended = store::period_ended_on(w.c, person_id, p.release_date);
        if (!ended.ok()) return ended.error();
        const bool in_period = offence_on < p.assistance_end_date && (!ended->has_value() || offence_on < **ended);
        const std::string period_release = p.release_date;
        // R-PER-1: the new sentence ends the period (as a custody record of kind new_sentence does).
        if (auto s = store::close_open_detentions(w.c, person_id, custody_on); !s.ok()) return s.error();
        if (auto s = supervision_.start_new_sentence(w, p, *custody, *release, release_kind, *note); !s.ok())
          return s.error();
        auto rows = store::person_custody(w.c, person_id);
        if (!rows.ok()) return rows.error();
        std::optional<std::int64_t> custody_id;
        for (const auto& k : *rows)
          if (k.kind == domain::CustodyKind::new_sentence && k.from_date == custody_on) custody_id = k.id;
        store::ReoffenceRow row{0,         person_id, offence_on, custody_on, in.charge_id, *authority, *note,
                                period_release, in_period, custody_id, ctx.actor.unit_id, ctx.actor.user_id, ctx.now, ""};
        auto id = store::insert_reoffence(w.c, row);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"reoffence_id", *id}, {"offence_on", offence_on}, {"custody_on", custody_on},
                            {"charge_id", in.charge_id}, {"authority", *authority}, {"in_period", in_period}};
        w.record(person_id, p.name,
                 Change{"reoffence_create", d, "reoffence", "reoffence.recorded",
                        with_late({{"offence_on", offence_on}, {"custody_on", custody_on}, {"charge", charge->name},
                                   {"authority", *authority}},
                                  ctx, custody_on)});
        return *id;
      });
}

Result<Audited<WarningsView>> WarningService::person_warnings(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<WarningsView>(core_, ctx, perm::person_read, person_id, "warnings",
                                   [&](store::Connection& c, const Reached&) -> Result<WarningsView> {
                                     WarningsView v;
                                     auto ws = store::person_warnings(c, person_id);
                                     if (!ws.ok()) return ws.error();
                                     v.warnings = std::move(ws).value();
                                     auto rs = store::person_reoffences(c, person_id);
                                     if (!rs.ok()) return rs.error();
                                     v.reoffences = std::move(rs).value();
                                     return v;
                                   });
}

Result<Audited<PoliceBoard>> WarningService::police_board(const AuthedCtx& ctx) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  // A police station sees the warnings whose notice goes to it; others every open warning in scope.
  std::optional<std::int64_t> station;
  if (ctx.actor.unit_kind == "police_station") station = ctx.actor.unit_id;
  auto board = transact_value<PoliceBoard>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<PoliceBoard> {
    PoliceBoard b;
    auto ws = store::open_warnings(c, ctx.actor.scope, station, 500);
    if (!ws.ok()) return ws.error();
    b.warnings = std::move(ws).value();
    auto ks = store::key_subjects(c, ctx.actor.scope, domain::to_string(ctx.today), 500);
    if (!ks.ok()) return ks.error();
    b.key_subjects = std::move(ks).value();
    return b;
  });
  if (!board.ok()) return board.error();
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                              std::to_string(board->warnings.size() + board->key_subjects.size()) + " 条",
                              nlohmann::json{{"list", "police_board"}}.dump());
  return Audited<PoliceBoard>(std::move(board).value(), std::move(record));
}

}  // namespace anbang::app
