// Issue 3 wiring: tasks computed from records, closed by the record that fulfils them.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "store/obligation_repo.hpp"
#include "domain/id_number.hpp"
#include "rules/engine.hpp"


namespace anbang::app {

TEST(Obligations, SeededPersonsGetTasks) {
  TestWorld w(20);
  auto n = transact_value<std::int64_t>(*w.db, store::TxKind::read, [](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM tasks");
  });
  ASSERT_TRUE(n.ok());
  EXPECT_GT(*n, 0);
}

}  // namespace anbang::app

namespace anbang::app {
// R-PER-1: on the end date the person is released from assistance automatically, with a record;
// history stays readable. Recorded when the tasks are computed at start (seeding here), once.
TEST(Obligations, R_PER_1_AutomaticReleaseFromAssistanceIsRecordedOnce) {
  TestWorld w(40);
  auto today = w.anonymous().today;
  auto ended = w.app->obligations.record_period_ends(today);
  ASSERT_TRUE(ended.ok());
  auto expected = transact_value<std::int64_t>(*w.db, store::TxKind::read, [&](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM persons WHERE assistance_end_date <= ?",
                    {domain::to_string(today)});
  });
  // Already recorded when the tasks were first computed (at start, R-PER-1), so none is left.
  EXPECT_EQ(*ended, 0);
  EXPECT_GT(*expected, 0);
  auto again = w.app->obligations.record_period_ends(today);
  EXPECT_EQ(*again, 0);  // once only
  auto events = transact_value<std::int64_t>(*w.db, store::TxKind::read, [](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM person_events WHERE kind = 'released_from_assistance'");
  });
  EXPECT_EQ(*events, *expected);
}
}  // namespace anbang::app

namespace anbang::app {
// The nightly refresh (record_period_ends, refresh_all_tasks) runs at 00:05 China Standard Time of
// the injected clock's next day, whatever the time of day it is asked at.
TEST(Obligations, DailyRefreshRunsAt0005ChinaStandardTimeOfTheClocksNextDay) {
  TestWorld w(1);
  const std::int64_t nov27_0005 = 1795651200 + 16 * 3600 + 5 * 60;  // 2026-11-26T16:05:00Z
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005);            // asked at 08:00 on 26 Nov
  w.clock.set(std::chrono::system_clock::from_time_t(1795651200 + 16 * 3600 - 1));  // 23:59:59
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005);
  w.clock.set(std::chrono::system_clock::from_time_t(1795651200 + 16 * 3600));  // 00:00 on 27 Nov
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005 + 86400);    // today's tasks were refreshed at start
  w.clock.set(std::chrono::system_clock::from_time_t(nov27_0005));  // the run itself wakes up
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005 + 86400);
  w.clock.advance(std::chrono::days(400));  // more than a year later
  EXPECT_EQ(w.app->obligations.next_daily_refresh_at(), nov27_0005 + 401 * 86400);
}
}  // namespace anbang::app

namespace anbang::app {
namespace {

domain::CivilDate D(const char* text) { return *domain::parse_date(text); }

// Moves the world's clock to 10:00 (Shanghai) of `day` and logs in again there.
AuthedCtx at(TestWorld& w, const char* day, const std::string& user = "sfs_001") {
  w.clock.set(std::chrono::system_clock::from_time_t(domain::to_days(D(day)) * 86400 + 2 * 3600));
  return w.login(user);
}

std::int64_t scalar(TestWorld& w, const std::string& sql, store::Params p = {}) {
  auto n = transact_value<std::int64_t>(*w.db, store::TxKind::read,
                                        [&](store::Connection& c) { return c.scalar(sql, p); });
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

domain::PersonInput person(TestWorld& w, const char* name, const char* release, int serial) {
  domain::PersonInput in;
  in.name = name;
  in.id_number = domain::make_id_number("500153", {1980, 1, 1 + serial % 28}, 300 + serial);
  in.household_unit_id = in.residence_unit_id = scalar(w, "SELECT id FROM units WHERE code = '500153001001'");
  in.charge_ids = std::vector<std::int64_t>{scalar(w, "SELECT id FROM charges WHERE name = '盗窃罪'")};
  in.release_date = release;
  in.release_kind = "prison";
  return in;
}

// A registration form received by mail by 昌元街道司法所 (sfs_001) on `received`, from a prison outside
// the system or (`from_system`) from the district detention centre.
std::int64_t mailed_form(TestWorld& w, const AuthedCtx& ctx, const char* name, const char* release,
                         const char* received, int serial, bool from_system = false) {
  RegistrationFormInput in;
  in.person = person(w, name, release, serial);
  in.received_into_custody = "2024-01-01";
  in.via.channel = "mail";
  if (from_system)
    in.via.sender_unit_id = scalar(w, "SELECT id FROM units WHERE kind = 'detention_centre' LIMIT 1");
  else
    in.via.sender_name = "重庆市永川监狱";
  in.via.received_on = received;
  auto d = w.app->linkage.send_registration_form(ctx, in);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  return d.ok() ? d->id : 0;
}

std::int64_t person_of(TestWorld& w, std::int64_t form_id) {
  return scalar(w, "SELECT person_id FROM documents WHERE id = ?", {form_id});
}

const PersonTask* task(const std::vector<PersonTask>& tasks, std::string_view key) {
  for (const auto& t : tasks)
    if (t.task.key == key) return &t;
  return nullptr;
}

std::vector<PersonTask> tasks_of(TestWorld& w, const AuthedCtx& ctx, std::int64_t id) {
  auto t = w.app->obligations.read_person_tasks(ctx, id);
  EXPECT_TRUE(t.ok());
  return t.ok() ? t->pending() : std::vector<PersonTask>{};
}

PersonView read(TestWorld& w, const AuthedCtx& ctx, std::int64_t id) {
  auto found = w.app->persons.read(ctx, id);
  EXPECT_TRUE(found.ok());
  return found.ok() ? found->pending() : PersonView{};
}

Result<PersonPage> search(TestWorld& w, const AuthedCtx& ctx, const PersonQuery& q) {
  auto found = w.app->persons.search(ctx, q);
  if (!found.ok()) return found.error();
  return release(w.app->core.access_log(), std::move(found).value());
}

bool listed(TestWorld& w, const AuthedCtx& ctx, const char* which, std::int64_t id) {
  auto rows = w.app->obligations.supervision_list(ctx, which);
  EXPECT_TRUE(rows.ok());
  for (const auto& r : rows->pending())
    if (r.person_id == id) return true;
  return false;
}

}  // namespace

// R-LNK-2: the first feedback sent decides; a later re-verification does not make it late.
TEST(Obligations, R_LNK_2_FirstFeedbackDecides) {
  TestWorld w(5);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t form = mailed_form(w, ctx, "核查甲", "2027-06-01", "2026-10-01", 1);
  VerificationInput v{"cleared", "cleared", "cleared", "", "", "", "2026-10-20", {}, {}, {}};
  ASSERT_TRUE(w.app->linkage.send_verification(ctx, form, v).ok());
  v.sent_on = "2026-11-20";  // re-verified after the month
  ASSERT_TRUE(w.app->linkage.send_verification(ctx, form, v).ok());
  const PersonTask* t = task(tasks_of(w, ctx, person_of(w, form)), "R-LNK-2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->state, "done");
  EXPECT_FALSE(t->task.late);
  EXPECT_EQ(t->task.fulfilled_on, D("2026-10-20"));
}

// R-LNK-4: a mailed notice meets the sender's deadline by its postmark, not by the day it arrived.
TEST(Obligations, R_LNK_4_MailedNoticeJudgedByPostmark) {
  TestWorld w(5);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t form = mailed_form(w, ctx, "邮寄乙", "2027-01-15", "2026-11-20", 2, /*from_system=*/true);
  ctx = at(w, "2026-12-18");
  ReleaseNoticeInput n;
  n.form_id = form;
  n.release_date = "2027-01-15";
  n.risk_level = "low";
  n.via.channel = "mail";
  n.via.sent_on = "2026-12-14";  // posted before the due date 2026-12-15
  n.via.received_on = "2026-12-17";
  ASSERT_TRUE(w.app->linkage.send_release_notice(ctx, n).ok());
  auto tasks = tasks_of(w, ctx, person_of(w, form));
  const PersonTask* notice = task(tasks, "R-LNK-4/notice");
  ASSERT_NE(notice, nullptr);
  EXPECT_EQ(notice->state, "done");
  EXPECT_FALSE(notice->task.late);
  const PersonTask* reply = task(tasks, "R-LNK-4/reply");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->task.window_from, D("2026-12-17"));  // the receiver's deadline runs from arrival
}

// R-LOST-1: after a release notice moved the release date, the rows kept under the old date do not
// keep a person who registered on time on the 漏管 list.
TEST(Obligations, R_LOST_1_ListsReadTheCurrentReleaseDate) {
  TestWorld w(5);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t form = mailed_form(w, ctx, "改期丙", "2026-12-10", "2026-11-20", 3);
  std::int64_t id = person_of(w, form);
  ctx = at(w, "2026-12-12");
  ASSERT_TRUE(w.app->obligations.refresh_all_tasks(ctx.today).ok());  // the night after the old release date
  ReleaseNoticeInput n;
  n.form_id = form;
  n.release_date = "2026-12-20";  // the release was put off
  n.risk_level = "low";
  n.via.channel = "mail";
  n.via.received_on = "2026-12-12";
  ASSERT_TRUE(w.app->linkage.send_release_notice(ctx, n).ok());
  ctx = at(w, "2026-12-28");
  RegistrationInput r;
  r.registered_on = "2026-12-28";
  r.certificate_no = "SF-2026-1228";
  ASSERT_TRUE(w.app->supervision.record_registration(ctx, id, r).ok());
  ctx = at(w, "2027-02-01");
  ASSERT_TRUE(w.app->obligations.refresh_all_tasks(ctx.today).ok());
  EXPECT_FALSE(listed(w, ctx, "missed", id));
  EXPECT_EQ(
      scalar(w, "SELECT COUNT(*) FROM tasks WHERE person_id = ? AND task_key LIKE '2026-12-10/%'", {id}), 0);
}

// R-LOST-1: a person in custody (a detention) is supervised by the custody unit: off the 漏管 and
// 脱管 lists; the status reads 羁押中 (R-PER-1).
TEST(Obligations, R_LOST_1_NotListedWhileDetained) {
  TestWorld w(5);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t id = person_of(w, mailed_form(w, ctx, "羁押丁", "2026-12-01", "2026-11-20", 4));
  ctx = at(w, "2027-08-15");
  ASSERT_TRUE(w.app->obligations.refresh_all_tasks(ctx.today).ok());
  AuthedCtx qu = w.login("qu_abb");
  EXPECT_TRUE(listed(w, qu, "missed", id));  // never registered
  EXPECT_TRUE(listed(w, qu, "lost", id));    // 2027H1 visit missed more than 30 days ago
  EXPECT_EQ(read(w, ctx, id).status, "under_assistance");
  CustodyInput d;
  d.kind = "detention";
  d.from_date = "2027-08-10";
  ASSERT_TRUE(w.app->supervision.record_custody(ctx, id, d).ok());
  EXPECT_FALSE(listed(w, qu, "missed", id));
  EXPECT_FALSE(listed(w, qu, "lost", id));
  EXPECT_EQ(read(w, ctx, id).status, "detained");
  PersonQuery q;
  q.status = "detained";
  auto page = search(w, ctx, q);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_TRUE(std::any_of(page->items.begin(), page->items.end(),
                          [&](const auto& p) { return p.id == id && p.detained; }));
  q.status = "under_assistance";
  page = search(w, ctx, q);
  EXPECT_TRUE(
      std::none_of(page->items.begin(), page->items.end(), [&](const auto& p) { return p.id == id; }));
}

// Late entries (DOMAIN.md §5): a file opened after the fact keeps its one-off duties — a person who
// never registered is 漏管 — and its closed half-years are exempt with the right explanation.
TEST(Obligations, R_LOST_1_LateFileStillMissedSupervision) {
  TestWorld w(5);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t id = person_of(w, mailed_form(w, ctx, "补录戊", "2026-03-01", "2026-11-20", 5));
  EXPECT_TRUE(listed(w, ctx, "missed", id));
  auto tasks = tasks_of(w, ctx, id);
  const PersonTask* reg = task(tasks, "R-REG-1");
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->state, "overdue");
  const PersonTask* h1 = task(tasks, "R-VIS-1/2026H1");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->state, "not_applicable");
  EXPECT_EQ(h1->task.exemption, rules::Exemption::before_file);  // not "in custody": the file came later
}

// R-PER-1: the automatic release from assistance is recorded whenever a person's tasks are
// refreshed (here: a file created after its period ended), not only by the job after midnight.
TEST(Obligations, R_PER_1_ReleaseRecordedWhenTasksAreRefreshed) {
  TestWorld w(5);
  AuthedCtx ctx = w.login("sfs_001");
  auto made = w.app->persons.create(ctx, person(w, "期满己", "2021-11-20", 6));
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->status, "ended");
  EXPECT_EQ(
      scalar(w,
             "SELECT COUNT(*) FROM person_events WHERE person_id = ? AND kind = 'released_from_assistance'",
             {made->record.id}),
      1);
  EXPECT_EQ(
      scalar(w, "SELECT COUNT(*) FROM assistance_periods WHERE person_id = ? AND ended_on = '2026-11-20'",
             {made->record.id}),
      1);
}

// R-PER-1: the assistance years are dated policy parameters; the person file takes its end date
// from the engine with the policy in force.
TEST(Obligations, R_PER_1_EndDateFromThePolicy) {
  TestWorld w(5);
  AuthedCtx admin = w.login("admin");
  ASSERT_TRUE(w.app->obligations.set_policy(admin, "assistance_years_custody", "4", "2000-01-01").ok());
  w.app->core.jobs().wait_all();  // the recomputation runs in the background
  AuthedCtx ctx = w.login("sfs_001");
  auto made = w.app->persons.create(ctx, person(w, "年限庚", "2026-11-01", 7));
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->record.assistance_end_date, "2030-11-01");
}

// DOMAIN.md §5: a recurring duty whose period closed unfulfilled is missed — counted apart, not
// overdue, not on the to-do lists; "open" leaves out windows not opened yet.
TEST(Obligations, R_VIS_1_MissedIsCountedApartFromTheToDoLists) {
  TestWorld w(40);
  AuthedCtx ctx = w.login("qu_abb");
  const std::string today = domain::to_string(ctx.today);
  auto wb = w.app->obligations.workbench(ctx);
  ASSERT_TRUE(wb.ok());
  EXPECT_GT(wb->scope.missed, 0);
  auto list = [&](const char* state) {
    TaskQuery q;
    q.state = state;
    q.page_size = 100;
    auto r = w.app->obligations.find_tasks(ctx, q);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->pending() : TaskPage{};
  };
  auto missed = list("missed");
  EXPECT_EQ(missed.total, wb->scope.missed);
  for (const auto& t : missed.items) {
    EXPECT_TRUE(rules::is_recurring(t.rule)) << t.task_key;
    EXPECT_LT(t.due, today) << t.task_key;
  }
  for (const auto& t : list("overdue").items) EXPECT_FALSE(rules::is_recurring(t.rule)) << t.task_key;
  auto open = list("open");
  for (const auto& t : open.items) EXPECT_LE(t.window_from, today) << t.task_key;
  EXPECT_GT(scalar(w, "SELECT COUNT(*) FROM tasks WHERE state = 'missed'"), 0) << "stored as computed";
  EXPECT_GT(scalar(w, "SELECT COUNT(*) FROM tasks WHERE state = 'open' AND window_from > ?", {today}), 0)
      << "the next periods are kept (and shown on the file), only left off the to-do list";
}

}  // namespace anbang::app

namespace anbang::app {
// R-JUR-1: a township's 我的 (本单位负责的任务) holds the township's and its villages' tasks, not those
// of the judicial office and the police station that hang under it in the unit tree.
TEST(Obligations, R_JUR_1_TownshipMineLeavesOutItsJudicialOffice) {
  TestWorld w(60);
  auto tree = w.app->core.units();
  TaskQuery q;
  q.mine = true;
  q.page_size = 100;
  auto office = w.app->obligations.find_tasks(w.login("sfs_001"), q);
  ASSERT_TRUE(office.ok());
  ASSERT_GT(office->pending().total, 0) << "the judicial office owes something in the demo";
  auto township = w.app->obligations.find_tasks(w.login("zj_001"), q);
  ASSERT_TRUE(township.ok());
  for (const auto& t : township->pending().items) {
    const domain::Unit* u = tree->find(t.unit_id);
    ASSERT_NE(u, nullptr);
    EXPECT_TRUE(u->kind == "township" || u->kind == "village") << u->kind << " " << t.task_key;
  }
  for (const auto& t : office->pending().items) EXPECT_EQ(tree->find(t.unit_id)->kind, "judicial_office");
}
}  // namespace anbang::app
