// Records of supervision after release: the registration at the judicial office (R-REG-1, with the
// policies explained, §2.4.1(7)) and the file's list of records; the pick-up is in pickup.cpp, the
// follow-ups — visits (R-VIS-1/2) and full reviews (R-REV-1) — in app/follow_ups/. Each needs the person released and
// out of custody on the day it carries, and a day within the back-dating limit (record_date.hpp); each
// closes its task at once (person_changed). A record dated before the day it is entered is a late
// entry (补录): its timeline entry carries both dates. One registration per release: a correction is
// an edit of it with a required reason, kept in the change record and the timeline.
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/needs/needs_service.hpp"
#include "app/supervision/released_day.hpp"
#include "app/supervision/supervision_service.hpp"
#include "domain/checks.hpp"
#include "domain/text.hpp"
#include "store/obligation_repo.hpp"
#include "store/period_repo.hpp"
#include "store/supervision_repo.hpp"

namespace anbang::app {

Status SupervisionService::record_registration(const AuthedCtx& ctx, std::int64_t person_id,
                                               const RegistrationInput& in) {
  auto cert = domain::check::text(in.certificate_no, "certificate_no", "释放证明书编号", 50, true);
  if (!cert.ok()) return cert.error();
  auto needs = nlohmann::json::parse(in.needs.empty() ? "{}" : in.needs, nullptr, false);
  if (!needs.is_object()) return invalid("FIELD_TYPE", "初始需求应为对象", "needs");
  auto done = change_person<bool>(
      core_, ctx, perm::person_register, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        const store::PersonRecord& p = reached.record();
        auto on = released_day(core_, w.c, p, in.registered_on, "registered_on", "报到日期", ctx);
        if (!on.ok()) return on.error();
        auto existing = store::count_registrations_since(w.c, person_id, p.release_date);
        if (!existing.ok()) return existing.error();
        if (*existing > 0)
          return conflict("REGISTRATION_EXISTS", "该人员本次释放后已办理报到登记，无需重复登记", "registered_on");
        store::Registration r{person_id, *on, *cert, needs.dump(), in.policies_explained,
                              ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
        auto id = store::insert_registration(w.c, r);
        if (!id.ok()) return id.error();
        // Issue 9 item 1: the initial needs become open needs of the person's needs list.
        if (auto s = raise_registration_needs(w, p, *id); !s.ok()) return s.error();
        nlohmann::json d = {{"registered_on", *on}, {"policies_explained", in.policies_explained}};
        w.record(person_id, p.name,
                 Change{"registration_create", d, "registered", "registration.recorded", with_late(d, ctx, *on)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Status SupervisionService::correct_registration(const AuthedCtx& ctx, std::int64_t person_id,
                                                const RegistrationCorrection& in) {
  auto reason = domain::check::text(in.reason, "reason", "更正原因", 500, true);
  if (!reason.ok()) return reason.error();
  auto cert = domain::check::text(in.registration.certificate_no, "certificate_no", "释放证明书编号", 50, true);
  if (!cert.ok()) return cert.error();
  auto needs = nlohmann::json::parse(in.registration.needs.empty() ? "{}" : in.registration.needs, nullptr, false);
  if (!needs.is_object()) return invalid("FIELD_TYPE", "初始需求应为对象", "needs");
  auto done = change_person<bool>(
      core_, ctx, perm::person_register, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        const store::PersonRecord& p = reached.record();
        auto found = store::current_registration(w.c, person_id, p.release_date);
        if (!found.ok()) return found.error();
        if (!found->has_value())
          return not_found("REGISTRATION_NOT_FOUND", "该人员本次释放后尚未办理报到登记，无可更正的登记");
        store::RegistrationRow row = **found;
        const store::RegistrationRow old = row;
        // A changed date is checked like a new one; an unchanged one stays, however far back.
        if (domain::trim_ascii(in.registration.registered_on) != old.registered_on) {
          auto on = released_day(core_, w.c, p, in.registration.registered_on, "registered_on", "报到日期", ctx);
          if (!on.ok()) return on.error();
          row.registered_on = *on;
        }
        row.certificate_no = *cert;
        row.needs = needs.dump();
        row.policies_explained = in.registration.policies_explained;
        nlohmann::json changes = nlohmann::json::array();
        auto diff = [&](const char* field, const std::string& a, const std::string& b) {
          if (a != b) changes.push_back({{"field", field}, {"old", a}, {"new", b}});
        };
        auto yes_no = [](bool v) { return std::string(v ? "true" : "false"); };
        diff("registered_on", old.registered_on, row.registered_on);
        diff("certificate_no", old.certificate_no, row.certificate_no);
        diff("policies_explained", yes_no(old.policies_explained), yes_no(row.policies_explained));
        diff("needs", nlohmann::json::parse(old.needs, nullptr, false).dump(), row.needs);
        if (changes.empty())
          return invalid("NOTHING_CHANGED", "更正内容与原登记相同，请修改后再提交", "registered_on");
        if (auto s = store::update_registration(w.c, row); !s.ok()) return s.error();
        // A need ticked by the correction is raised too; one unticked stays on the list (its status is
        // changed there, with a date, like any other).
        if (auto s = raise_registration_needs(w, p, row.id); !s.ok()) return s.error();
        nlohmann::json d = {{"registration_id", row.id}, {"reason", *reason}, {"changes", changes}};
        w.record(person_id, p.name,
                 Change{"registration_correct", d, "registered", "registration.corrected",
                        {{"reason", *reason}, {"registered_on", row.registered_on}}, changes.dump()});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Result<Audited<RecordsView>> SupervisionService::records(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<RecordsView>(
      core_, ctx, perm::person_read, person_id, "records",
      [&](store::Connection& c, const Reached& reached) -> Result<RecordsView> {
        const store::PersonRecord& p = reached.record();
        RecordsView v;
        auto rows = store::person_records(c, person_id, p.release_date);
        if (!rows.ok()) return rows.error();
        v.items = std::move(rows).value();
        auto reg = store::current_registration(c, person_id, p.release_date);
        if (!reg.ok()) return reg.error();
        v.registration = std::move(reg).value();
        return v;
      });
}

}  // namespace anbang::app
