// Issue 3: the obligation engine (src/rules) wired to the records. Each person's tasks are
// recomputed whenever a record that feeds them changes (and for everyone at start and each night),
// and kept in the tasks table for the workbench's queries; "overdue" is derived from the due date
// at query time. Owner roles become units here (R-JUR-1): visits to the residence village, reviews
// to the residence township, registration and linkage to the household township's judicial office.
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/text.hpp"
#include "platform/log.hpp"
#include "store/period_repo.hpp"

namespace anbang::app {

std::int64_t App::owner_unit(std::string_view owner, const store::FactsRow& facts) const {
  auto tree = units();
  const auto& f = facts.facts;
  // R-JUR-2 (identity unknown): until the original investigating authority's place is recorded,
  // the household-registration unit entered stands for it.
  std::int64_t household_town = tree->township_of(f.household_unit_id).value_or(f.household_unit_id);
  std::int64_t residence_town = tree->township_of(f.residence_unit_id).value_or(f.residence_unit_id);
  if (owner == rules::owner::residence_village) return f.residence_unit_id;
  if (owner == rules::owner::residence_township) return residence_town;
  if (owner == rules::owner::household_township) return household_town;
  if (owner == rules::owner::household_judicial_office) return judicial_office_for(*tree, household_town);
  if (owner == rules::owner::sender) return facts.sender_unit_id.value_or(0);
  return 0;
}

std::vector<PersonTask> App::compute_tasks(const store::FactsRow& facts, domain::CivilDate today,
                                           bool with_explanations) const {
  std::vector<PersonTask> out;
  for (auto& t : rules::person_tasks(facts.facts, policy_, today)) {
    PersonTask pt;
    pt.unit_id = owner_unit(t.owner, facts);
    if (pt.unit_id == 0) continue;  // e.g. a prison outside the system sent nothing through it
    // Files opened after the fact: the engine exempts the recurring duties of periods closed before
    // the file existed (PersonFacts::file_opened); one-off duties still stand (DOMAIN.md §5).
    pt.state = std::string(rules::to_string(t.state));
    if (with_explanations) pt.explanation = rules::explain(t);
    pt.task = std::move(t);
    out.push_back(std::move(pt));
  }
  return out;
}

std::vector<store::TaskRow> App::task_rows(const store::FactsRow& facts, domain::CivilDate today) const {
  std::vector<store::TaskRow> rows;
  for (const auto& pt : compute_tasks(facts, today, /*with_explanations=*/false)) {
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
// period's end and an event on the person's timeline.
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
    e.summary = "帮教期满,自动解除帮教(" + period.end_date + ",R-PER-1)";
    if (auto s = store::insert_person_event(c, e); !s.ok()) return s;
  }
  return {};
}
}  // namespace

Status App::refresh_tasks(store::Connection& c, std::int64_t person_id, domain::CivilDate today) {
  // R-PER-1: a period whose end has come is recorded as ended here too, not only by the nightly job.
  auto due = store::person_period_due_to_end(c, person_id, domain::to_string(today));
  if (!due.ok()) return due.error();
  if (auto s = record_ends(c, *due, platform::unix_seconds(clock_.now())); !s.ok()) return s;
  auto facts = store::load_facts(c, person_id);
  if (!facts.ok()) return facts.error();
  if (!facts->has_value()) return {};
  return store::replace_person_tasks(c, person_id, domain::to_string((*facts)->facts.release_date),
                                     task_rows(**facts, today), domain::to_string(today));
}

void App::start_daily_refresh() {
  daily_refresh_ = std::jthread([this](std::stop_token stop) {
    std::mutex mu;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      std::int64_t now = platform::unix_seconds(clock_.now());
      std::int64_t shanghai = now + 8 * 3600;
      std::int64_t next = (shanghai / 86400 + 1) * 86400 + 300 - 8 * 3600;  // 00:05 next day, Shanghai
      std::unique_lock lock(mu);
      cv.wait_for(lock, stop, std::chrono::seconds(next - now), [] { return false; });
      if (stop.stop_requested()) return;
      auto today = domain::shanghai_date_from_unix(platform::unix_seconds(clock_.now()));
      auto n = refresh_all_tasks(today);  // records the period ends first (R-PER-1)
      if (!n.ok())
        platform::log_error("daily task refresh failed: " + n.error().message);
      else
        platform::log_info("daily task refresh: " + std::to_string(*n) + " persons");
    }
  });
}

Result<std::int64_t> App::record_period_ends(domain::CivilDate today) {
  const std::string day = domain::to_string(today);
  return transact_value<std::int64_t>(
      db_, store::TxKind::write, [&](store::Connection& c) -> Result<std::int64_t> {
        auto due = store::periods_due_to_end(c, day);
        if (!due.ok()) return due.error();
        if (auto s = record_ends(c, *due, platform::unix_seconds(clock_.now())); !s.ok()) return s.error();
        return static_cast<std::int64_t>(due->size());
      });
}

Result<std::int64_t> App::refresh_all_tasks(domain::CivilDate today) {
  // R-PER-1: the automatic releases from assistance are recorded first — at start, each night and
  // whenever everyone's tasks are recomputed — so no one is shown under assistance after the end.
  if (auto ended = record_period_ends(today); !ended.ok()) return ended.error();
  // Chunks of persons by id, each in one short write transaction: read the chunk's records with one
  // query per table, compute in memory, write only the persons whose tasks changed (a nightly
  // refresh changes few). Inside the transaction nothing can change under us; between chunks
  // requests keep flowing.
  auto max_id = transact_value<std::int64_t>(db_, store::TxKind::read,
                                             [](store::Connection& c) { return store::max_person_id(c); });
  if (!max_id.ok()) return max_id.error();
  // Without any digest (a new database, or one from before digests) every person's tasks are
  // generated afresh: the table is emptied and its unit index built once at the end, which is
  // several times faster than keeping the index up to date row by row (bench/README.md).
  auto digests = transact_value<std::int64_t>(
      db_, store::TxKind::read, [](store::Connection& c) { return store::count_task_digests(c, 1); });
  if (!digests.ok()) return digests.error();
  const bool bulk = *digests == 0;
  if (bulk) {
    if (auto s = db_.transact(store::TxKind::write, store::begin_task_bulk_load); !s.ok()) return s.error();
  }
  auto result = refresh_chunks(today, *max_id, bulk);
  // Also after a failure: the index must exist again (idempotent when it does).
  if (auto s = db_.transact(store::TxKind::write, store::end_task_bulk_load); !s.ok()) return s.error();
  return result;
}

Result<std::int64_t> App::refresh_chunks(domain::CivilDate today, std::int64_t max_id, bool bulk) {
  const std::string computed_on = domain::to_string(today);
  constexpr std::int64_t kChunk = 5000;
  std::int64_t persons = 0;
  for (std::int64_t from = 1; from <= max_id; from += kChunk) {
    Status s = db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
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
      return {};
    });
    if (!s.ok()) return s.error();
  }
  return persons;
}

namespace {
// The owner units a user answers for: their own unit, and for tree units (township, village) the
// units below; a judicial office or police station answers for its own tasks.
std::vector<std::int64_t> own_units(const domain::UnitTree& tree, const Actor& a) {
  const domain::Unit* u = tree.find(a.unit_id);
  if (u && domain::is_area_kind(u->kind) && u->kind != "district") return tree.subtree_ids(a.unit_id);
  return {a.unit_id};
}
}  // namespace

Result<Audited<TaskPage>> App::find_tasks(const Ctx& ctx, const TaskQuery& q) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  if (q.page < 1 || q.page > 100000 || q.page_size < 1 || q.page_size > 100) {
    return invalid("FIELD_RANGE", "分页参数超出范围:页码 1–100000,每页 1–100 条", "page");
  }
  static const std::set<std::string> states = {"",     "open",           "overdue", "due_soon",
                                               "done", "not_applicable", "missed"};
  if (!states.count(q.state)) return invalid("FIELD_VALUE", "任务状态取值无效", "state");
  auto tree = units();
  store::TaskFilter f;
  if (q.mine) f.unit_ids = own_units(*tree, *ctx.actor);
  if (q.unit_id) {
    if (!tree->find(*q.unit_id)) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
    auto sub = tree->subtree_ids(*q.unit_id);
    if (f.unit_ids.empty()) {
      f.unit_ids = sub;
    } else {  // both: the intersection
      std::vector<std::int64_t> both;
      for (auto id : f.unit_ids) {
        if (std::find(sub.begin(), sub.end(), id) != sub.end()) both.push_back(id);
      }
      f.unit_ids = both.empty() ? std::vector<std::int64_t>{-1} : both;
    }
  }
  f.rule = q.rule;
  f.state = q.state;
  f.person_id = q.person_id;
  f.today = domain::to_string(ctx.today);
  f.due_until = domain::to_string(domain::add_days(ctx.today, 7));
  f.page = q.page;
  f.page_size = q.page_size;
  auto page =
      transact_value<TaskPage>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<TaskPage> {
        auto found = store::search_tasks(c, ctx.actor->scope, f);
        if (!found.ok()) return found.error();
        return TaskPage{std::move(found->first), found->second, q.page, q.page_size};
      });
  if (!page.ok()) return page.error();
  nlohmann::json d = {{"rule", q.rule}, {"state", q.state}, {"mine", q.mine}, {"total", page->total}};
  auto record = audit_record(ctx, "task_list", "tasks", std::nullopt,
                             std::to_string(page->items.size()) + " 项", d.dump());
  return Audited<TaskPage>{std::move(page).value(), std::move(record)};
}

Result<Audited<std::vector<PersonTask>>> App::read_person_tasks(const Ctx& ctx, std::int64_t id) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  using Out = Audited<std::vector<PersonTask>>;
  return transact_value<Out>(db_, store::TxKind::read, [&](store::Connection& c) -> Result<Out> {
    auto rec = store::find_person(c, ctx.actor->scope, id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto facts = store::load_facts(c, id);
    if (!facts.ok()) return facts.error();
    if (!facts->has_value()) return person_not_found();
    // Computed live (a few microseconds), so the explanation is always that of today's records.
    auto tasks = compute_tasks(**facts, ctx.today);
    return Out{std::move(tasks),
               audit_record(ctx, "person_read", "person", id, (*rec)->name, R"({"part":"tasks"})")};
  });
}

Result<Audited<std::vector<store::LostRow>>> App::supervision_list(const Ctx& ctx, const std::string& which) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  if (which != "lost" && which != "missed")
    return invalid("FIELD_VALUE", "列表应为 lost(脱管风险)或 missed(漏管)", "which");
  std::string today = domain::to_string(ctx.today);
  // R-LOST-1: overdue by more than lost_contact_days after a due date.
  std::string cutoff =
      domain::to_string(domain::add_days(ctx.today, -policy_.in_force(ctx.today).lost_contact_days));
  using Rows = std::vector<store::LostRow>;
  auto rows = transact_value<Rows>(db_, store::TxKind::read, [&](store::Connection& c) {
    return which == "lost" ? store::lost_contact(c, ctx.actor->scope, today, cutoff, 500)
                           : store::missed_supervision(c, ctx.actor->scope, today, 500);
  });
  if (!rows.ok()) return rows.error();
  auto record = audit_record(ctx, "person_search", "persons", std::nullopt,
                             std::to_string(rows->size()) + " 人", nlohmann::json{{"list", which}}.dump());
  return Audited<Rows>{std::move(rows).value(), std::move(record)};
}

Result<Workbench> App::workbench(const Ctx& ctx) {
  if (auto s = require(ctx, "task:read"); !s.ok()) return s.error();
  Workbench w;
  w.today = domain::to_string(ctx.today);
  w.week_end = domain::to_string(domain::add_days(ctx.today, 7));
  auto mine = own_units(*units(), *ctx.actor);
  Status s = db_.transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    auto m = store::count_tasks(c, ctx.actor->scope, mine, w.today, w.week_end);
    if (!m.ok()) return m.error();
    w.mine = *m;
    auto all = store::count_tasks(c, ctx.actor->scope, {}, w.today, w.week_end);
    if (!all.ok()) return all.error();
    w.scope = *all;
    return {};
  });
  if (!s.ok()) return s.error();
  return w;
}

namespace {
Result<std::string> record_date(const std::string& text, const char* field, domain::CivilDate today,
                                const std::string& release_date) {
  auto d = domain::parse_date(text, field);
  if (!d.ok()) return d.error();
  if (*d > today) return invalid("DATE_IN_FUTURE", "日期不能晚于今天", field);
  std::string s = domain::to_string(*d);
  if (s < release_date) return invalid("DATE_BEFORE_RELEASE", "日期不能早于释放日期 " + release_date, field);
  return s;
}

Status short_text(const std::string& v, const char* field, const char* label, std::size_t max) {
  if (domain::count_code_points(v) > max) {
    return invalid("FIELD_TOO_LONG", std::string(label) + "不能超过" + std::to_string(max) + "个字", field);
  }
  return {};
}
}  // namespace

Status App::record_follow_up(const Ctx& ctx, std::int64_t person_id, const FollowUpInput& in) {
  if (auto s = require(ctx, "followup:record"); !s.ok()) return s;
  if (in.kind != "visit" && in.kind != "review") {
    return invalid("FIELD_VALUE", "类型应为 visit(走访)或 review(全面考察)", "kind");
  }
  for (auto [v, field, label, max] : {std::tuple{&in.form, "form", "走访形式", 20},
                                      std::tuple{&in.situation, "situation", "基本情况", 2000},
                                      std::tuple{&in.findings, "findings", "发现的问题", 2000}}) {
    if (auto s = short_text(*v, field, label, static_cast<std::size_t>(max)); !s.ok()) return s;
  }
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto held = record_date(in.held_on, "held_on", ctx.today, (*rec)->release_date);
    if (!held.ok()) return held.error();
    store::FollowUp f{
        person_id,          in.kind, *held, in.form, in.situation, in.findings, ctx.actor->unit_id,
        ctx.actor->user_id, ctx.now};
    auto id = store::insert_follow_up(c, f);
    if (!id.ok()) return id.error();
    const char* what = in.kind == "visit" ? "走访" : "全面考察";
    store::PersonEvent e;
    e.person_id = person_id;
    e.at = ctx.now;
    e.kind = in.kind;
    e.user_id = ctx.actor->user_id;
    e.unit_id = ctx.actor->unit_id;
    e.summary = std::string(what) + " " + *held + (in.form.empty() ? "" : "(" + in.form + ")");
    if (auto s = store::insert_person_event(c, e); !s.ok()) return s;
    nlohmann::json d = {{"kind", in.kind}, {"held_on", *held}, {"form", in.form}};
    if (auto s = audit(c, ctx, "follow_up_create", "person", person_id, (*rec)->name, d.dump()); !s.ok())
      return s;
    return refresh_tasks(c, person_id, ctx.today);  // the task closes at once
  });
}

Status App::record_registration(const Ctx& ctx, std::int64_t person_id, const RegistrationInput& in) {
  if (auto s = require(ctx, "person:register"); !s.ok()) return s;
  if (auto s = short_text(in.certificate_no, "certificate_no", "释放证明书编号", 50); !s.ok()) return s;
  auto needs = nlohmann::json::parse(in.needs.empty() ? "{}" : in.needs, nullptr, false);
  if (!needs.is_object()) return invalid("FIELD_TYPE", "初始需求应为对象", "needs");
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto rec = store::find_person(c, ctx.actor->scope, person_id);
    if (!rec.ok()) return rec.error();
    if (!rec->has_value()) return person_not_found();
    auto on = record_date(in.registered_on, "registered_on", ctx.today, (*rec)->release_date);
    if (!on.ok()) return on.error();
    auto existing = c.scalar("SELECT COUNT(*) FROM registrations WHERE person_id = ? AND registered_on >= ?",
                             {person_id, (*rec)->release_date});
    if (!existing.ok()) return existing.error();
    if (*existing > 0) {
      return conflict("REGISTRATION_EXISTS", "该人员本次释放后已办理报到登记,无需重复登记", "registered_on");
    }
    store::Registration r{person_id,
                          *on,
                          in.certificate_no,
                          needs.dump(),
                          in.policies_explained,
                          ctx.actor->unit_id,
                          ctx.actor->user_id,
                          ctx.now};
    auto id = store::insert_registration(c, r);
    if (!id.ok()) return id.error();
    store::PersonEvent e;
    e.person_id = person_id;
    e.at = ctx.now;
    e.kind = "registered";
    e.user_id = ctx.actor->user_id;
    e.unit_id = ctx.actor->unit_id;
    e.summary = "报到登记 " + *on + (in.policies_explained ? ",已讲解社会救助政策" : "");
    if (auto s = store::insert_person_event(c, e); !s.ok()) return s;
    nlohmann::json d = {{"registered_on", *on}, {"policies_explained", in.policies_explained}};
    if (auto s = audit(c, ctx, "registration_create", "person", person_id, (*rec)->name, d.dump()); !s.ok())
      return s;
    return refresh_tasks(c, person_id, ctx.today);
  });
}

}  // namespace anbang::app
