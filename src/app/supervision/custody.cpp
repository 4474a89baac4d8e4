// Custody after release and the assistance periods (R-PER-1, §2.3.3): a detention interrupts the
// period (custody days do not count; tasks due then are not applicable); a new sentence ends the
// period on the day of custody, and the later release starts a new one. The tasks of an ended
// period stay as they were (their keys carry the period's release date).
#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/supervision_service.hpp"
#include "domain/checks.hpp"
#include "domain/person_rules.hpp"
#include "rules/engine.hpp"
#include "store/period_repo.hpp"

namespace anbang::app {

namespace {

// The period of the person's current release date has ended (expired or cut) on or before `day`.
Result<bool> period_over(store::Connection& c, const store::PersonRecord& p, const std::string& day) {
  if (p.assistance_end_date <= day) return true;
  auto ended = store::period_ended_on(c, p.id, p.release_date);
  if (!ended.ok()) return ended.error();
  return ended->has_value() && **ended <= day;
}

}  // namespace

Status SupervisionService::start_new_sentence(PersonWrite& w, store::PersonRecord p, domain::CivilDate from,
                                              domain::CivilDate release, const std::string& release_kind,
                                              const std::string& source) {
  store::Connection& c = w.c;
  const AuthedCtx& ctx = w.ctx;
  const std::string from_text = domain::to_string(from), release_text = domain::to_string(release);
  auto over = period_over(c, p, from_text);
  if (!over.ok()) return over.error();
  store::PeriodRow ended{p.id, p.release_date, p.release_kind, p.assistance_end_date, from_text, "new_sentence", ctx.now};
  if (!*over) {  // cut the running period on the day of custody
    if (auto s = store::insert_period(c, ended); !s.ok()) return s;
    // The old period's tasks, computed once more with its end, stay as its record.
    if (auto s = core_.run_consequences(c, ctx, p.id); !s.ok()) return s;
  } else {
    // Expired before: make sure its end is on record (the nightly job may not have run yet), so the
    // period stays listed once the release date moves on.
    auto recorded = store::period_ended_on(c, p.id, p.release_date);
    if (!recorded.ok()) return recorded.error();
    if (!recorded->has_value()) {
      ended.ended_on = p.assistance_end_date;
      ended.end_reason = "expired";
      if (auto s = store::insert_period(c, ended); !s.ok()) return s;
    }
  }
  store::CustodyRow sentence{0,    p.id, domain::CustodyKind::new_sentence, from_text, std::nullopt, source, ctx.actor.unit_id,
                             ctx.actor.user_id, ctx.now};
  if (auto id = store::insert_custody(c, sentence); !id.ok()) return id.error();
  nlohmann::json change = nlohmann::json::array();
  change.push_back({{"field", "release_date"}, {"old", p.release_date}, {"new", release_text}});
  if (p.release_kind != release_kind)
    change.push_back({{"field", "release_kind"}, {"old", p.release_kind}, {"new", release_kind}});
  const std::string old_release = p.release_date;
  p.release_date = release_text;
  p.release_kind = release_kind;
  p.assistance_end_date = domain::to_string(rules::assistance_end(*core_.policy(), release, release_kind));
  p.updated_at = ctx.now;
  auto updated = store::update_person(c, p);
  if (!updated.ok()) return updated.error();
  w.record(p.id, p.name,
           Change{"person_update", change, "custody", "custody.new_sentence",
                  {{"from", from_text}, {"old_release", old_release}, {"release", release_text}, {"source", source}},
                  change.dump()});
  return {};
}

Result<std::int64_t> SupervisionService::record_custody(const AuthedCtx& ctx, std::int64_t person_id,
                                                        const CustodyInput& in) {
  namespace check = domain::check;
  const auto kind = domain::parse<domain::CustodyKind>(in.kind);
  if (!kind) return invalid("FIELD_VALUE", "羁押类型应为羁押（拘留）或再次判刑收监", "kind");
  auto from = record_date(core_, ctx, in.from_date, "from_date", "羁押开始日期");
  if (!from.ok()) return from.error();
  std::optional<domain::CivilDate> to, release;
  if (!in.to_date.empty()) {
    auto t = record_date(core_, ctx, in.to_date, "to_date", "羁押结束日期");
    if (!t.ok()) return t.error();
    if (auto s = check::order(*from, *t, "to_date", "羁押结束日期应晚于开始日期", true); !s.ok()) return s.error();
    to = *t;
  }
  std::string release_kind = in.release_kind.empty() ? "prison" : in.release_kind;
  if (*kind == domain::CustodyKind::new_sentence) {
    auto r = check::date(in.expected_release_date, "expected_release_date", "预计释放日期");
    if (!r.ok()) return r.error();
    if (auto s = check::order(*from, *r, "expected_release_date", "预计释放日期应晚于收监日期", true); !s.ok())
      return s.error();
    release = *r;
    if (auto s = check::one_of(release_kind, {"prison", "detention_centre"}, "release_kind",
                               "服刑场所应为监狱或看守所");
        !s.ok())
      return s.error();
    if (to) return invalid("FIELD_VALUE", "再次判刑收监不填结束日期，释放日期填在“预计释放日期”", "to_date");
  }
  auto note = check::text(in.note, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  return change_person<std::int64_t>(
      core_, ctx, perm::custody_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        const std::string from_text = domain::to_string(*from);
        if (from_text < p.release_date) {
          return invalid("NOT_YET_RELEASED", "该人员 " + p.release_date + " 才释放，释放前的服刑不需要另行记录",
                         "from_date");
        }
        auto over = period_over(w.c, p, from_text);
        if (!over.ok()) return over.error();
        if (*kind == domain::CustodyKind::detention && *over) {
          return invalid("PERIOD_OVER", "该日期帮教期已结束，无需记录羁押；如再次判刑请选择“再次判刑收监”",
                         "from_date");
        }
        auto open = store::count_open_detentions(w.c, person_id);
        if (!open.ok()) return open.error();
        if (*kind == domain::CustodyKind::detention && *open > 0) {
          return conflict("CUSTODY_OPEN", "该人员已有一条未结束的羁押记录，请先登记其结束日期");
        }
        nlohmann::json d = {{"kind", in.kind}, {"from_date", from_text}, {"note", *note}};
        if (*kind == domain::CustodyKind::new_sentence) {
          d["expected_release_date"] = domain::to_string(*release);
          // A detention still open ends where the sentence begins.
          if (auto s = store::close_open_detentions(w.c, person_id, from_text); !s.ok()) return s.error();
          if (auto s = start_new_sentence(w, p, *from, *release, release_kind, *note); !s.ok()) return s.error();
          w.record(person_id, p.name, Change{"custody_create", d, "", "", {}});
          auto custody = store::person_custody(w.c, person_id);
          if (!custody.ok()) return custody.error();
          return custody->front().id;  // the sentence just recorded
        }
        store::CustodyRow detention{0,        person_id,         domain::CustodyKind::detention,       from_text, std::nullopt,
                                    *note,    ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
        if (to) detention.to_date = domain::to_string(*to);
        auto id = store::insert_custody(w.c, detention);
        if (!id.ok()) return id.error();
        nlohmann::json params = {{"from", from_text}};
        if (to) {
          d["to_date"] = domain::to_string(*to);
          params["to"] = domain::to_string(*to);
        }
        w.record(person_id, p.name, Change{"custody_create", d, "custody", "custody.detention", with_late(params, ctx, from_text)});
        return *id;
      });
}

Status SupervisionService::end_custody(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t custody_id,
                                       const std::string& to_date) {
  auto to = record_date(core_, ctx, to_date, "to_date", "羁押结束日期");
  if (!to.ok()) return to.error();
  auto done = change_person<bool>(
      core_, ctx, perm::custody_record, person_id, [&](PersonWrite& w, const Reached& p) -> Result<bool> {
        auto row = store::find_detention(w.c, custody_id, person_id);
        if (!row.ok()) return row.error();
        if (!row->has_value()) return not_found("CUSTODY_NOT_FOUND", "未找到该羁押记录");
        if ((*row)->to_date) return conflict("CUSTODY_ENDED", "该羁押记录已登记结束日期");
        const std::string to_text = domain::to_string(*to);
        if (to_text <= (*row)->from_date) {
          return invalid("DATE_ORDER", "羁押结束日期应晚于开始日期 " + (*row)->from_date, "to_date");
        }
        if (auto s = store::end_detention(w.c, custody_id, to_text); !s.ok()) return s.error();
        w.record(person_id, p.record().name,
                 Change{"custody_end", {{"custody_id", custody_id}, {"to_date", to_text}}, "custody", "custody.ended",
                        with_late({{"to", to_text}}, ctx, to_text)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Result<Audited<PeriodsView>> SupervisionService::periods(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<PeriodsView>(
      core_, ctx, perm::person_read, person_id, "periods",
      [&](store::Connection& c, const Reached& reached) -> Result<PeriodsView> {
        const store::PersonRecord& p = reached.record();
        PeriodsView v;
        v.current = {p.id, p.release_date, p.release_kind, p.assistance_end_date, std::nullopt, "", 0};
        auto periods = store::person_periods(c, person_id);
        if (!periods.ok()) return periods.error();
        for (auto& pr : *periods) {
          if (pr.release_date == p.release_date)
            v.current = std::move(pr);
          else
            v.earlier.push_back(std::move(pr));
        }
        auto custody = store::person_custody(c, person_id);
        if (!custody.ok()) return custody.error();
        v.custody = std::move(custody).value();
        return v;
      });
}

}  // namespace anbang::app
