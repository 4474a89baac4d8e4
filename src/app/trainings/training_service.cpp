#include "app/trainings/training_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "domain/checks.hpp"
#include "store/meeting_repo.hpp"

namespace anbang::app {

namespace {
constexpr std::string_view kManage = "training:manage";
constexpr std::string_view kEnrol = "training:enrol";

Result<store::TrainingRow> check_training(const TrainingInput& in) {
  namespace check = domain::check;
  auto programme = check::text(in.programme, "programme", "培训项目", 100, true);
  if (!programme.ok()) return programme.error();
  auto provider = check::text(in.provider, "provider", "培训机构", 100, true);
  if (!provider.ok()) return provider.error();
  auto address = check::text(in.address, "address", "培训地点", 200, false);
  if (!address.ok()) return address.error();
  auto note = check::text(in.note, "note", "备注", 1000, false);
  if (!note.ok()) return note.error();
  auto from = check::date(in.starts_on, "starts_on", "开始日期");
  if (!from.ok()) return from.error();
  auto to = check::date(in.ends_on, "ends_on", "结束日期");
  if (!to.ok()) return to.error();
  if (auto s = check::order(*from, *to, "ends_on", "结束日期不能早于开始日期"); !s.ok()) return s.error();
  if (in.places <= 0) return invalid("PLACES_INVALID", "培训名额应至少为1人", "places");
  if (in.places > 10000) return invalid("PLACES_INVALID", "培训名额不能超过10000人", "places");
  store::TrainingRow t;
  t.programme = *programme;
  t.provider = *provider;
  t.address = *address;
  t.note = *note;
  t.starts_on = domain::to_string(*from);
  t.ends_on = domain::to_string(*to);
  t.places = in.places;
  return t;
}

Error training_not_found() { return not_found("TRAINING_NOT_FOUND", "未找到该技能培训"); }
}  // namespace

Result<std::int64_t> TrainingService::hr_unit(const AuthedCtx& ctx) const {
  const domain::Unit* u = core_.units()->find(ctx.actor.unit_id);
  if (!u || u->kind != "department" || u->subkind != "hr_social_security")
    return forbidden("NOT_HUMAN_RESOURCES", "技能培训由人力社保部门维护");
  return u->id;
}

Result<std::vector<store::TrainingRow>> TrainingService::list(const AuthedCtx& ctx) {
  if (!ctx.actor.can(kEnrol)) {
    if (auto s = require(ctx, kManage); !s.ok()) return s.error();
    if (auto u = hr_unit(ctx); !u.ok()) return u.error();
  }
  return transact_value<std::vector<store::TrainingRow>>(core_.db(), store::TxKind::read, store::all_trainings);
}

Result<TrainingDetail> TrainingService::get(const AuthedCtx& ctx, std::int64_t id) {
  const bool hr = ctx.actor.can(kManage) && hr_unit(ctx).ok();
  if (!hr) {
    if (auto s = require(ctx, kEnrol); !s.ok()) return s.error();
  }
  return transact_value<TrainingDetail>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<TrainingDetail> {
    auto t = store::find_training(c, id);
    if (!t.ok()) return t.error();
    if (!*t) return training_not_found();
    auto enrolments = store::training_enrolments(c, id);
    if (!enrolments.ok()) return enrolments.error();
    TrainingDetail d{std::move(**t), {}, 0};
    for (auto& e : *enrolments) {
      // Human resources sees everyone enrolled in its training (name and masked ID number only, the
      // view's choice); an enrolling office those in its jurisdiction.
      if (hr || ctx.actor.scope.covers_person(e.household_unit_id, e.residence_unit_id)) {
        d.enrolments.push_back(std::move(e));
      } else {
        ++d.others;
      }
    }
    return d;
  });
}

Result<std::int64_t> TrainingService::create(const AuthedCtx& ctx, const TrainingInput& in) {
  if (auto s = require(ctx, kManage); !s.ok()) return s.error();
  auto unit = hr_unit(ctx);
  if (!unit.ok()) return unit.error();
  auto t = check_training(in);
  if (!t.ok()) return t.error();
  t->unit_id = *unit;
  t->created_at = ctx.now;
  return transact_value<std::int64_t>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
    auto id = store::insert_training(c, *t, ctx.actor.user_id);
    if (!id.ok()) return id.error();
    nlohmann::json d = {{"programme", t->programme}, {"provider", t->provider}, {"starts_on", t->starts_on},
                        {"ends_on", t->ends_on},     {"places", t->places}};
    if (auto s = record_change(c, ctx, "training_create", "training", *id, t->programme, d.dump()); !s.ok())
      return s.error();
    return *id;
  });
}

Status TrainingService::update(const AuthedCtx& ctx, std::int64_t id, const TrainingInput& in) {
  if (auto s = require(ctx, kManage); !s.ok()) return s;
  if (auto u = hr_unit(ctx); !u.ok()) return u.error();
  auto t = check_training(in);
  if (!t.ok()) return t.error();
  t->id = id;
  return core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto old = store::find_training(c, id);
    if (!old.ok()) return old.error();
    if (!*old) return training_not_found();
    if (t->places < (*old)->enrolled)
      return conflict("PLACES_BELOW_ENROLLED", "名额不能少于已报名的" + std::to_string((*old)->enrolled) + "人", "places");
    if (auto s = store::update_training(c, *t); !s.ok()) return s;
    nlohmann::json d = {{"programme", t->programme},
                        {"starts_on", t->starts_on},
                        {"ends_on", t->ends_on},
                        {"places", t->places},
                        {"before", {{"programme", (*old)->programme}, {"starts_on", (*old)->starts_on},
                                    {"ends_on", (*old)->ends_on}, {"places", (*old)->places}}}};
    return record_change(c, ctx, "training_update", "training", id, t->programme, d.dump());
  });
}

Result<std::int64_t> TrainingService::enrol(const AuthedCtx& ctx, std::int64_t training_id, std::int64_t person_id) {
  return change_person<std::int64_t>(
      core_, ctx, kEnrol, person_id, [&](PersonWrite& w, const Reached& r) -> Result<std::int64_t> {
        auto t = store::find_training(w.c, training_id);
        if (!t.ok()) return t.error();
        if (!*t) return training_not_found();
        if (!ctx.actor.system && (*t)->ends_on < domain::to_string(ctx.today))
          return conflict("TRAINING_ENDED", "该培训已结束，不能再报名");
        auto mine = store::person_enrolments(w.c, person_id);
        if (!mine.ok()) return mine.error();
        for (const auto& e : *mine) {
          if (e.training_id == training_id) return conflict("ALREADY_ENROLLED", "该人员已报名这期培训");
        }
        // R-EMP-2: the count and the insert in this one write transaction, as for a base's places.
        auto enrolled = store::count_enrolments(w.c, training_id);
        if (!enrolled.ok()) return enrolled.error();
        if (*enrolled >= (*t)->places) return conflict("TRAINING_FULL", "这期培训名额已满，请报名其他培训");
        store::EnrolmentRow e;
        e.training_id = training_id;
        e.person_id = person_id;
        e.unit_id = ctx.actor.unit_id;
        e.created_at = ctx.now;
        auto id = store::insert_enrolment(w.c, e, ctx.actor.user_id);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"enrolment_id", *id}, {"training_id", training_id}, {"programme", (*t)->programme}};
        w.record(person_id, r.record().name,
                 Change{"training_enrol", d, "training", "training.enrolled",
                        {{"programme", (*t)->programme}, {"starts_on", (*t)->starts_on}, {"ends_on", (*t)->ends_on}}});
        return *id;
      });
}

Status TrainingService::record_attendance(const AuthedCtx& ctx, std::int64_t enrolment_id, const AttendanceInput& in) {
  auto unit = hr_unit(ctx);
  if (!unit.ok() && !ctx.actor.system) return unit.error();
  auto certificate = domain::check::text(in.certificate, "certificate", "证书编号", 50, false);
  if (!certificate.ok()) return certificate.error();
  if (!in.attended && !certificate->empty())
    return invalid("CERTIFICATE_WITHOUT_ATTENDANCE", "未参加培训的人员不能登记证书", "certificate");
  // The way to the person: enrolled in a training of human resources (the only write it makes to a
  // person's records), not the guard's jurisdiction — human resources has none.
  auto out = write_persons<bool>(core_, ctx, kManage, [&](PersonWrite& w) -> Result<bool> {
    auto e = store::find_enrolment(w.c, enrolment_id);
    if (!e.ok()) return e.error();
    if (!*e) return not_found("ENROLMENT_NOT_FOUND", "未找到该报名记录");
    auto t = store::find_training(w.c, (*e)->training_id);
    if (!t.ok()) return t.error();
    if (!*t || (!ctx.actor.system && (*t)->unit_id != *unit)) return not_found("ENROLMENT_NOT_FOUND", "未找到该报名记录");
    if ((*t)->starts_on > domain::to_string(ctx.today))
      return conflict("TRAINING_NOT_STARTED", "培训尚未开始，开始后再登记参训情况");
    if (auto s = store::set_attendance(w.c, enrolment_id, in.attended, *certificate, ctx.now); !s.ok()) return s.error();
    nlohmann::json d = {{"enrolment_id", enrolment_id}, {"programme", (*t)->programme}, {"attended", in.attended},
                        {"certificate", *certificate}};
    nlohmann::json params = {{"programme", (*t)->programme}};
    if (!certificate->empty()) params["certificate"] = *certificate;
    w.record((*e)->person_id, (*e)->person_name,
             Change{"training_attendance", d, "training",
                    in.attended ? (certificate->empty() ? "training.attended" : "training.certified") : "training.absent",
                    params});
    return true;
  });
  if (!out.ok()) return out.error();
  return {};
}

Result<Audited<std::vector<store::EnrolmentRow>>> TrainingService::person_trainings(const AuthedCtx& ctx,
                                                                                     std::int64_t person_id) {
  return read_person<std::vector<store::EnrolmentRow>>(
      core_, ctx, perm::person_read, person_id, "trainings",
      [&](store::Connection& c, const Reached&) { return store::person_enrolments(c, person_id); });
}

Result<std::vector<PersonTask>> TrainingService::tasks(const AuthedCtx& ctx) {
  if (!ctx.actor.can(kManage)) {
    if (auto s = require(ctx, perm::task_read); !s.ok()) return s.error();
  }
  auto tree = core_.units();
  std::optional<std::int64_t> unit;
  if (auto u = hr_unit(ctx); u.ok()) {
    unit = *u;
  } else if (ctx.actor.scope.kind == domain::ScopeKind::district) {
    for (const auto& x : tree->all()) {
      if (x.kind == "department" && x.subkind == "hr_social_security") unit = x.id;
    }
  }
  if (!unit) return std::vector<PersonTask>{};
  return transact_value<std::vector<PersonTask>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<PersonTask>> {
        rules::UnitFacts facts;
        facts.unit_id = *unit;
        facts.kind = "department";
        facts.subkind = "hr_social_security";
        auto created = store::unit_created_at(c, *unit);
        if (!created.ok()) return created.error();
        facts.active_from = domain::shanghai_date_from_unix(*created);
        auto days = store::training_days(c, *unit);
        if (!days.ok()) return days.error();
        for (const auto& s : *days) {
          auto d = domain::parse_date(s);
          if (d.ok()) facts.trainings.push_back(*d);
        }
        return obligations_.unit_tasks(facts, ctx.today);
      });
}

}  // namespace anbang::app
