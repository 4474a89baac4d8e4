// Issue 3: the obligation engine (src/rules) wired to the records. Each person's tasks are
// recomputed whenever a record that feeds them changes (and for everyone at start and each night),
// and kept in the tasks table for the workbench's queries; "overdue" is derived from the due date
// at query time. Owner roles become units here (R-JUR-1): visits to the residence village, reviews
// to the residence township, registration and linkage to the household township's judicial office.
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>

#include "app/obligations/obligation_service.hpp"
#include "domain/text.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "platform/log.hpp"
#include "store/period_repo.hpp"

namespace anbang::app {

ObligationService::ObligationService(Core& core) : core_(core) {
  core_.add_consequence("tasks", [this](store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id) {
    return refresh_tasks(c, person_id, ctx.today);
  });
}

ObligationService::~ObligationService() {
  daily_refresh_ = {};  // stop and join before the members it uses go away
}

std::int64_t ObligationService::owner_unit(std::string_view owner, const store::FactsRow& facts,
                                          std::optional<domain::CivilDate> as_of) const {
  auto tree = core_.units();
  const auto& f = facts.facts;
  // The person's units on `as_of`: the current ones with every transfer accepted after that day
  // undone, latest first (R-JUR-1; responsibility at the time, R-KPI-7). Without a day: today's.
  std::int64_t household = f.household_unit_id, residence = f.residence_unit_id;
  if (as_of) {
    for (auto it = facts.moves.rbegin(); it != facts.moves.rend(); ++it) {
      if (it->effective <= *as_of) break;
      (it->kind == "residence" ? residence : household) = it->from_unit_id;
    }
  }
  // R-JUR-2 (identity unknown): until the original investigating authority's place is recorded,
  // the household-registration unit entered stands for it.
  std::int64_t household_town = tree->township_of(household).value_or(household);
  std::int64_t residence_town = tree->township_of(residence).value_or(residence);
  if (owner == rules::owner::residence_village) return residence;
  if (owner == rules::owner::residence_township) return residence_town;
  if (owner == rules::owner::household_township) return household_town;
  if (owner == rules::owner::household_judicial_office) return tree->judicial_office_for(household_town);
  if (owner == rules::owner::sender) return facts.sender_unit_id.value_or(0);
  return 0;
}

std::vector<PersonTask> ObligationService::compute_tasks(const store::FactsRow& facts,
                                                        domain::CivilDate today) const {
  std::vector<PersonTask> out;
  for (auto& t : rules::person_tasks(facts.facts, *core_.policy(), today)) {
    PersonTask pt;
    // A duty that is over keeps the unit that owned it then (R-KPI-7: who owned a duty at the
    // time): a done task the unit of the day it was fulfilled, a missed one the unit of its due
    // date. Duties still owed (open, overdue) follow the person's current units.
    std::optional<domain::CivilDate> as_of;
    if (t.state == rules::State::done) as_of = t.fulfilled_on;
    if (t.state == rules::State::missed) as_of = t.due;
    // R-AID-1..6: a referral's answer is owed by the unit it is addressed to, whoever the person's
    // units are.
    pt.unit_id = t.owner == rules::owner::deciding_unit ? t.owner_unit_id : owner_unit(t.owner, facts, as_of);
    if (pt.unit_id == 0) continue;  // e.g. a prison outside the system sent nothing through it
    // Files opened after the fact: the engine exempts the recurring duties of periods closed before
    // the file existed (PersonFacts::file_opened); one-off duties still stand (DOMAIN.md §5).
    pt.state = std::string(rules::to_string(t.state));
    pt.task = std::move(t);
    out.push_back(std::move(pt));
  }
  return out;
}

std::vector<store::TaskRow> ObligationService::task_rows(const store::FactsRow& facts, domain::CivilDate today) const {
  std::vector<store::TaskRow> rows;
  for (const auto& pt : compute_tasks(facts, today)) {
    // Not-applicable tasks are shown on the person's file (computed live) but not kept for the
    // workbench, which asks only for open, overdue and done ones.
    if (pt.state == "not_applicable") continue;
    store::TaskRow r;
    r.person_id = facts.facts.id;
    r.unit_id = pt.unit_id;
    r.rule = std::string(pt.task.rule);
    // Keys are unique per assistance period; the release date makes them unique per person.
    r.task_key = domain::to_string(facts.facts.release_date) + "/" + pt.task.key;
    r.window_from = domain::to_string(pt.task.window_from);
    r.due = domain::to_string(pt.task.due);
    r.state = pt.state == "overdue" ? "open" : pt.state;  // overdue is derived at query time; missed is kept
    if (pt.task.fulfilled_on) r.fulfilled_on = domain::to_string(*pt.task.fulfilled_on);
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.task_key < b.task_key; });
  return rows;
}

namespace {
// R-PER-1: records the automatic release from assistance (解除帮教) of each period in `due`: the
// period's end and an entry on the person's timeline (system work, no user).
Status record_ends(store::Connection& c, std::vector<store::PeriodRow>& due, std::int64_t now) {
  for (auto& period : due) {
    period.ended_on = period.end_date;
    period.end_reason = "expired";
    period.created_at = now;
    if (auto s = store::insert_period(c, period); !s.ok()) return s;
    store::PersonEvent e;
    e.person_id = period.person_id;
    e.at = now;
    e.kind = "released_from_assistance";
    e.code = "period.expired";
    e.params = nlohmann::json{{"end_date", period.end_date}}.dump();
    if (auto s = store::insert_person_event(c, e); !s.ok()) return s;
  }
  return {};
}
}  // namespace

Status ObligationService::refresh_tasks(store::Connection& c, std::int64_t person_id, domain::CivilDate today) {
  // R-PER-1: a period whose end has come is recorded as ended here too, not only by the nightly job,
  // so that a person is never shown under assistance after the period's end.
  auto due = store::person_period_due_to_end(c, person_id, domain::to_string(today));
  if (!due.ok()) return due.error();
  if (auto s = record_ends(c, *due, platform::unix_seconds(core_.clock().now())); !s.ok()) return s;
  auto facts = store::load_facts(c, person_id);
  if (!facts.ok()) return facts.error();
  if (!facts->has_value()) return {};
  return store::replace_person_tasks(c, person_id, domain::to_string((*facts)->facts.release_date),
                                     task_rows(**facts, today), domain::to_string(today));
}

std::int64_t ObligationService::next_daily_refresh_at() const {
  const auto today = domain::shanghai_date_from_unix(platform::unix_seconds(core_.clock().now()));
  return domain::shanghai_midnight_unix(domain::add_days(today, 1)) + 5 * 60;  // 00:05 tomorrow
}

void ObligationService::start_daily_refresh() {
  daily_refresh_ = std::jthread([this](std::stop_token stop) {
    std::mutex mu;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      std::int64_t now = platform::unix_seconds(core_.clock().now());
      std::int64_t next = next_daily_refresh_at();
      std::unique_lock lock(mu);
      cv.wait_for(lock, stop, std::chrono::seconds(next - now), [] { return false; });
      if (stop.stop_requested()) return;
      auto today = domain::shanghai_date_from_unix(platform::unix_seconds(core_.clock().now()));
      auto n = refresh_all_tasks(today);  // records the period ends first (R-PER-1)
      if (!n.ok())
        platform::log_error("daily task refresh failed: " + n.error().message);
      else
        platform::log_info("daily task refresh: " + std::to_string(*n) + " persons");
    }
  });
}

Result<std::int64_t> ObligationService::record_period_ends(domain::CivilDate today) {
  const std::string day = domain::to_string(today);
  AuthedCtx sys = system_context(core_, "period_end");
  return write_persons<std::int64_t>(core_, sys, "", [&](PersonWrite& w) -> Result<std::int64_t> {
    auto due = store::periods_due_to_end(w.c, day);
    if (!due.ok()) return due.error();
    if (due->empty()) w.nothing_changed();
    for (auto& period : *due) {
      period.ended_on = period.end_date;
      period.end_reason = "expired";
      period.created_at = sys.now;
      if (auto s = store::insert_period(w.c, period); !s.ok()) return s.error();
      w.record(period.person_id, "",
               Change{"period_end",
                      {{"release_date", period.release_date}, {"end_date", period.end_date}},
                      "released_from_assistance",
                      "period.expired",
                      {{"end_date", period.end_date}}});
    }
    return static_cast<std::int64_t>(due->size());
  });
}

Result<std::int64_t> ObligationService::refresh_all_tasks(domain::CivilDate today, const Jobs::Progress& progress) {
  // R-PER-1: the automatic releases from assistance are recorded first — at start, each night and
  // whenever everyone's tasks are recomputed — so no one is shown under assistance after the end.
  if (auto ended = record_period_ends(today); !ended.ok()) return ended.error();
  // Chunks of persons by id, each in one short write transaction: read the chunk's records with one
  // query per table, compute in memory, write only the persons whose tasks changed (a nightly
  // refresh changes few). Inside the transaction nothing can change under us; between chunks
  // requests keep flowing.
  auto max_id = transact_value<std::int64_t>(core_.db(), store::TxKind::read,
                                             [](store::Connection& c) { return store::max_person_id(c); });
  if (!max_id.ok()) return max_id.error();
  // Without any digest (a new database, or one from before digests) every person's tasks are
  // generated afresh: the table is emptied and its unit index built once at the end, which is
  // several times faster than keeping the index up to date row by row (bench/README.md).
  auto digests = transact_value<std::int64_t>(
      core_.db(), store::TxKind::read, [](store::Connection& c) { return store::count_task_digests(c, 1); });
  if (!digests.ok()) return digests.error();
  const bool bulk = *digests == 0;
  if (bulk) {
    if (auto s = core_.db().transact(store::TxKind::write, store::begin_task_bulk_load); !s.ok()) return s.error();
  }
  auto result = refresh_chunks(today, *max_id, bulk, progress);
  // Also after a failure: the index must exist again (idempotent when it does).
  if (auto s = core_.db().transact(store::TxKind::write, store::end_task_bulk_load); !s.ok()) return s.error();
  return result;
}

Result<std::int64_t> ObligationService::refresh_chunks(domain::CivilDate today, std::int64_t max_id, bool bulk,
                                                       const Jobs::Progress& progress) {
  const std::string computed_on = domain::to_string(today);
  constexpr std::int64_t kChunk = 5000;
  std::int64_t persons = 0;
  for (std::int64_t from = 1; from <= max_id; from += kChunk) {
    Status s = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
      auto facts = store::load_facts_range(c, from, from + kChunk - 1);
      if (!facts.ok()) return facts.error();
      auto stored = store::load_task_digests(c, from, from + kChunk - 1);
      if (!stored.ok()) return stored.error();
      for (const auto& f : *facts) {
        auto rows = task_rows(f, today);
        auto it = stored->find(f.facts.id);
        if (it != stored->end() && it->second == store::task_digest(rows)) continue;
        bool had = !bulk && it != stored->end();
        if (auto r = store::replace_person_tasks(c, f.facts.id, domain::to_string(f.facts.release_date), rows,
                                                 computed_on, had);
            !r.ok())
          return r;
      }
      persons += static_cast<std::int64_t>(facts->size());
      return core_.run_daily_steps(c, today, from, from + kChunk - 1);
    });
    if (!s.ok()) return s.error();
    if (progress) progress(std::min(from + kChunk - 1, max_id), max_id);
  }
  return persons;
}

namespace {
// The owner units a user answers for: their own unit, and for tree units (township, village) the
// villages below; a judicial office or police station answers for its own tasks, also on the
// township's list they hang under (they are not the township's).
std::vector<std::int64_t> own_units(const domain::UnitTree& tree, const Actor& a) {
  const domain::Unit* u = tree.find(a.unit_id);
  if (!u || !domain::is_area_kind(u->kind) || u->kind == "district") return {a.unit_id};
  std::vector<std::int64_t> out;
  for (auto id : tree.subtree_ids(a.unit_id)) {
    const domain::Unit* below = tree.find(id);
    if (below && domain::is_area_kind(below->kind)) out.push_back(id);
  }
  return out;
}

// The owner units a task list or count is filtered by: the caller's own (mine), a unit's subtree
// (unit_id: e.g. a township with its villages, judicial office and police station), both (the
// intersection, {-1} when empty), or none (every task of the caller's jurisdiction).
Result<std::vector<std::int64_t>> owner_filter(const domain::UnitTree& tree, const Actor& a, bool mine,
                                               std::optional<std::int64_t> unit_id) {
  std::vector<std::int64_t> out;
  if (mine) out = own_units(tree, a);
  if (unit_id) {
    if (!tree.find(*unit_id)) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
    auto sub = tree.subtree_ids(*unit_id);
    if (out.empty()) {
      out = sub;
    } else {
      std::vector<std::int64_t> both;
      for (auto id : out) {
        if (std::find(sub.begin(), sub.end(), id) != sub.end()) both.push_back(id);
      }
      out = both.empty() ? std::vector<std::int64_t>{-1} : both;
    }
  }
  return out;
}

// A rule filter names one of the engine's rule ids (or is empty).
Status check_rule(const std::string& rule) {
  if (rule.empty()) return {};
  static const std::set<std::string> rules = {"R-LNK-1", "R-LNK-2", "R-LNK-3", "R-LNK-4", "R-PCK-1", "R-PCK-2",
                                              "R-REG-1", "R-VIS-1", "R-VIS-2", "R-REV-1",
                                              "R-ORG-3", "R-ORG-4", "R-AID-1", "R-AID-2", "R-AID-3",
                                              "R-AID-4", "R-AID-5", "R-AID-6", "R-ALW-1", "R-ALW-2"};
  if (!rules.count(rule)) return invalid("FIELD_VALUE", "规则编号取值无效", "rule");
  return {};
}
}  // namespace

Result<Audited<TaskPage>> ObligationService::find_tasks(const AuthedCtx& ctx, const TaskQuery& q) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  if (q.page < 1 || q.page > 100000 || q.page_size < 1 || q.page_size > 100) {
    return invalid("FIELD_RANGE", "分页参数超出范围：页码 1–100000，每页 1–100 条", "page");
  }
  static const std::set<std::string> states = {"",     "open",           "overdue", "due_soon",
                                               "done", "not_applicable", "missed"};
  if (!states.count(q.state)) return invalid("FIELD_VALUE", "任务状态取值无效", "state");
  if (auto s = check_rule(q.rule); !s.ok()) return s.error();
  auto tree = core_.units();
  store::TaskFilter f;
  auto units = owner_filter(*tree, ctx.actor, q.mine, q.unit_id);
  if (!units.ok()) return units.error();
  f.unit_ids = std::move(units).value();
  f.rule = q.rule;
  f.state = q.state;
  f.person_id = q.person_id;
  f.today = domain::to_string(ctx.today);
  f.due_until = domain::to_string(domain::add_days(ctx.today, 7));
  f.page = q.page;
  f.page_size = q.page_size;
  auto page =
      transact_value<TaskPage>(core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<TaskPage> {
        auto found = store::search_tasks(c, ctx.actor.scope, f);
        if (!found.ok()) return found.error();
        return TaskPage{std::move(found->first), found->second, q.page, q.page_size};
      });
  if (!page.ok()) return page.error();
  nlohmann::json d = {{"rule", q.rule}, {"state", q.state}, {"mine", q.mine}, {"total", page->total}};
  auto record = access_record(ctx, "task_list", "tasks", std::nullopt,
                             std::to_string(page->items.size()) + " 项", d.dump());
  return Audited<TaskPage>(std::move(page).value(), std::move(record));
}

Result<Audited<std::vector<PersonTask>>> ObligationService::read_person_tasks(const AuthedCtx& ctx,
                                                                               std::int64_t id) {
  return read_person<std::vector<PersonTask>>(
      core_, ctx, perm::task_read, id, "tasks",
      [&](store::Connection& c, const Reached&) -> Result<std::vector<PersonTask>> {
        auto facts = store::load_facts(c, id);
        if (!facts.ok()) return facts.error();
        if (!facts->has_value()) return person_not_found();
        // Computed live (a few microseconds), so the explaining values are always those of today's records.
        return compute_tasks(**facts, ctx.today);
      });
}

Result<Audited<std::vector<store::LostRow>>> ObligationService::supervision_list(const AuthedCtx& ctx, const std::string& which) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  if (which != "lost" && which != "missed")
    return invalid("FIELD_VALUE", "列表应为脱管风险或漏管", "which");
  std::string today = domain::to_string(ctx.today);
  // R-LOST-1: overdue by more than lost_contact_days after a due date.
  std::string cutoff =
      domain::to_string(domain::add_days(ctx.today, -core_.policy()->in_force(ctx.today).lost_contact_days));
  using Rows = std::vector<store::LostRow>;
  auto rows = transact_value<Rows>(core_.db(), store::TxKind::read, [&](store::Connection& c) {
    return which == "lost" ? store::lost_contact(c, ctx.actor.scope, today, cutoff, 500)
                           : store::missed_supervision(c, ctx.actor.scope, today, 500);
  });
  if (!rows.ok()) return rows.error();
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                             std::to_string(rows->size()) + " 人", nlohmann::json{{"list", which}}.dump());
  return Audited<Rows>(std::move(rows).value(), std::move(record));
}

Result<Workbench> ObligationService::workbench(const AuthedCtx& ctx, const WorkbenchQuery& q) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  if (auto s = check_rule(q.rule); !s.ok()) return s.error();
  Workbench w;
  w.today = domain::to_string(ctx.today);
  w.week_end = domain::to_string(domain::add_days(ctx.today, 7));
  auto tree = core_.units();
  auto mine = owner_filter(*tree, ctx.actor, true, q.unit_id);
  if (!mine.ok()) return mine.error();
  auto scope = owner_filter(*tree, ctx.actor, false, q.unit_id);
  if (!scope.ok()) return scope.error();
  Status s = core_.db().transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    auto m = store::count_tasks(c, ctx.actor.scope, *mine, w.today, w.week_end, q.rule);
    if (!m.ok()) return m.error();
    w.mine = *m;
    auto all = store::count_tasks(c, ctx.actor.scope, *scope, w.today, w.week_end, q.rule);
    if (!all.ok()) return all.error();
    w.scope = *all;
    return {};
  });
  if (!s.ok()) return s.error();
  return w;
}

}  // namespace anbang::app

namespace anbang::app {

std::vector<PersonTask> ObligationService::unit_tasks(const rules::UnitFacts& facts, domain::CivilDate today) const {
  std::vector<PersonTask> out;
  for (auto& t : rules::unit_tasks(facts, *core_.policy(), today)) {
    PersonTask pt;
    pt.unit_id = facts.unit_id;
    pt.state = std::string(rules::to_string(t.state));
    pt.task = std::move(t);
    out.push_back(std::move(pt));
  }
  return out;
}

}  // namespace anbang::app
