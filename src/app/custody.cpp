// Custody after release and the assistance periods (R-PER-1, §2.3.3): a detention interrupts the
// period (custody days do not count; tasks due then are not applicable); a new sentence ends the
// period on the day of custody, and the later release starts a new one. The tasks of an ended
// period stay as they were (their keys carry the period's release date).
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/person_rules.hpp"
#include "domain/text.hpp"
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

Status App::start_new_sentence(store::Connection& c, const Ctx& ctx, store::PersonRecord p,
                               domain::CivilDate from, domain::CivilDate release,
                               const std::string& release_kind, const std::string& note) {
  const std::string from_text = domain::to_string(from), release_text = domain::to_string(release);
  auto over = period_over(c, p, from_text);
  if (!over.ok()) return over.error();
  store::PeriodRow ended{p.id,      p.release_date, p.release_kind, p.assistance_end_date,
                         from_text, "new_sentence", ctx.now};
  if (!*over) {  // cut the running period on the day of custody
    if (auto s = store::insert_period(c, ended); !s.ok()) return s;
    // The old period's tasks, computed once more with its end, stay as its record.
    if (auto s = refresh_tasks(c, p.id, ctx.today); !s.ok()) return s;
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
  store::CustodyRow sentence{
      0,      p.id, "new_sentence", from_text, std::nullopt, note, ctx.actor->unit_id, ctx.actor->user_id,
      ctx.now};
  if (auto id = store::insert_custody(c, sentence); !id.ok()) return id.error();
  nlohmann::json change = nlohmann::json::array();
  change.push_back({{"field", "release_date"}, {"old", p.release_date}, {"new", release_text}});
  if (p.release_kind != release_kind)
    change.push_back({{"field", "release_kind"}, {"old", p.release_kind}, {"new", release_kind}});
  const std::string old_release = p.release_date;
  p.release_date = release_text;
  p.release_kind = release_kind;
  p.assistance_end_date = domain::to_string(rules::assistance_end(policy_, release, release_kind));
  p.updated_at = ctx.now;
  auto updated = store::update_person(c, p);
  if (!updated.ok()) return updated.error();
  if (auto s = audit(c, ctx, "person_update", "person", p.id, p.name, change.dump()); !s.ok()) return s;
  std::string summary = "再次收监(新的刑罚):" + from_text + " 起,原帮教期(" + old_release +
                        " 释放)终止;预计释放日期 " + release_text + ",释放后开始新的帮教期";
  if (auto s = person_event(c, ctx, p.id, "custody", summary); !s.ok()) return s;
  if (auto s = reclassify(c, ctx, p.id); !s.ok()) return s;
  return refresh_tasks(c, p.id, ctx.today);
}

Result<std::int64_t> App::record_custody(const Ctx& ctx, std::int64_t person_id, const CustodyInput& in) {
  if (auto s = require(ctx, "custody:record"); !s.ok()) return s.error();
  if (in.kind != "detention" && in.kind != "new_sentence") {
    return invalid("FIELD_VALUE", "羁押类型应为 detention(羁押、拘留)或 new_sentence(再次判刑收监)", "kind");
  }
  auto from = domain::parse_date(in.from_date, "from_date");
  if (!from.ok()) return from.error();
  if (*from > ctx.today) return invalid("DATE_IN_FUTURE", "羁押开始日期不能晚于今天", "from_date");
  std::optional<domain::CivilDate> to, release;
  if (!in.to_date.empty()) {
    auto t = domain::parse_date(in.to_date, "to_date");
    if (!t.ok()) return t.error();
    if (*t > ctx.today) return invalid("DATE_IN_FUTURE", "羁押结束日期不能晚于今天", "to_date");
    if (*t <= *from) return invalid("DATE_ORDER", "羁押结束日期应晚于开始日期", "to_date");
    to = *t;
  }
  std::string release_kind = in.release_kind.empty() ? "prison" : in.release_kind;
  if (in.kind == "new_sentence") {
    auto r = domain::parse_date(in.expected_release_date, "expected_release_date");
    if (!r.ok()) return r.error();
    if (*r <= *from) return invalid("DATE_ORDER", "预计释放日期应晚于收监日期", "expected_release_date");
    release = *r;
    if (release_kind != "prison" && release_kind != "detention_centre") {
      return invalid("FIELD_VALUE", "服刑场所应为 prison(监狱)或 detention_centre(看守所)", "release_kind");
    }
    if (to) return invalid("FIELD_VALUE", "再次判刑收监不填结束日期,释放日期填在“预计释放日期”", "to_date");
  }
  if (domain::count_code_points(in.note) > 500) return invalid("FIELD_TOO_LONG", "说明不能超过500字", "note");
  return transact_value<std::int64_t>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
        auto rec = store::find_person(c, ctx.actor->scope, person_id);
        if (!rec.ok()) return rec.error();
        if (!rec->has_value()) return person_not_found();
        const store::PersonRecord& p = **rec;
        const std::string from_text = domain::to_string(*from);
        if (from_text < p.release_date) {
          return invalid("NOT_YET_RELEASED",
                         "该人员 " + p.release_date + " 才释放,释放前的服刑不需要另行记录", "from_date");
        }
        auto over = period_over(c, p, from_text);
        if (!over.ok()) return over.error();
        if (in.kind == "detention" && *over) {
          return invalid("PERIOD_OVER", "该日期帮教期已结束,无需记录羁押;如再次判刑请选择“再次判刑收监”",
                         "from_date");
        }
        auto open = store::count_open_detentions(c, person_id);
        if (!open.ok()) return open.error();
        if (in.kind == "detention" && *open > 0) {
          return conflict("CUSTODY_OPEN", "该人员已有一条未结束的羁押记录,请先登记其结束日期");
        }
        nlohmann::json d = {{"kind", in.kind}, {"from_date", from_text}, {"note", in.note}};
        if (in.kind == "new_sentence") {
          d["expected_release_date"] = domain::to_string(*release);
          // A detention still open ends where the sentence begins.
          if (auto s = store::close_open_detentions(c, person_id, from_text); !s.ok()) return s.error();
          if (auto s = start_new_sentence(c, ctx, p, *from, *release, release_kind, in.note); !s.ok())
            return s.error();
          if (auto s = audit(c, ctx, "custody_create", "person", person_id, p.name, d.dump()); !s.ok())
            return s.error();
          auto custody = store::person_custody(c, person_id);
          if (!custody.ok()) return custody.error();
          return custody->front().id;  // the sentence just recorded
        }
        store::CustodyRow detention{0,       person_id,          "detention",        from_text, std::nullopt,
                                    in.note, ctx.actor->unit_id, ctx.actor->user_id, ctx.now};
        if (to) detention.to_date = domain::to_string(*to);
        auto id = store::insert_custody(c, detention);
        if (!id.ok()) return id.error();
        if (to) d["to_date"] = domain::to_string(*to);
        std::string summary = "羁押:" + from_text + (to ? " 至 " + domain::to_string(*to) : " 起") +
                              "(羁押期间不计入帮教,期间到期的任务不适用)";
        if (auto s = person_event(c, ctx, person_id, "custody", summary); !s.ok()) return s.error();
        if (auto s = audit(c, ctx, "custody_create", "person", person_id, p.name, d.dump()); !s.ok())
          return s.error();
        if (auto s = refresh_tasks(c, person_id, ctx.today); !s.ok()) return s.error();
        return *id;
      });
}

Status App::end_custody(const Ctx& ctx, std::int64_t person_id, std::int64_t custody_id,
                        const std::string& to_date) {
  if (auto s = require(ctx, "custody:record"); !s.ok()) return s;
  auto to = domain::parse_date(to_date, "to_date");
  if (!to.ok()) return to.error();
  if (*to > ctx.today) return invalid("DATE_IN_FUTURE", "羁押结束日期不能晚于今天", "to_date");
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto row = store::find_detention(c, custody_id, person_id);
    if (!row.ok()) return row.error();
    if (!row->has_value()) return not_found("CUSTODY_NOT_FOUND", "未找到该羁押记录");
    if ((*row)->to_date) return conflict("CUSTODY_ENDED", "该羁押记录已登记结束日期");
    const std::string to_text = domain::to_string(*to);
    if (to_text <= (*row)->from_date) {
      return invalid("DATE_ORDER", "羁押结束日期应晚于开始日期 " + (*row)->from_date, "to_date");
    }
    if (auto s = store::end_detention(c, custody_id, to_text); !s.ok()) return s;
    if (auto s = person_event(c, ctx, person_id, "custody", "羁押结束:" + to_text + ",继续帮教"); !s.ok())
      return s;
    nlohmann::json d = {{"custody_id", custody_id}, {"to_date", to_text}};
    if (auto s = audit(c, ctx, "custody_end", "person", person_id, (*rec)->name, d.dump()); !s.ok()) return s;
    return refresh_tasks(c, person_id, ctx.today);
  });
}

Result<Audited<PeriodsView>> App::person_periods(const Ctx& ctx, std::int64_t person_id) {
  if (auto s = require(ctx, "person:read"); !s.ok()) return s.error();
  using Out = Audited<PeriodsView>;
  return transact_value<Out>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    const store::PersonRecord& p = **rec;
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
    return Out{std::move(v),
               audit_record(ctx, "person_read", "person", person_id, p.name, R"({"part":"periods"})")};
  });
}

}  // namespace anbang::app
