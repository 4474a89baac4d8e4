// R-ALW-1, R-ALW-6 at the service: the ledger and the steps cannot be edited or deleted, and two
// clerks confirming (and paying) the same month at once pay once.
#include "app/allowance/allowance_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

// An approved application of a released person whose household place is a village, with its
// registration; the township's unit id through `town` and its clerk's username through `clerk`.
std::int64_t approved_application(TestWorld& w, std::int64_t& town, std::string& clerk) {
  // A person of a village under assistance with no allowance or social assistance of the demo's.
  const std::int64_t pid = w.scalar(
      "SELECT MIN(p.id) FROM persons p JOIN units h ON h.id = p.household_unit_id WHERE h.kind = 'village' AND "
      "p.release_date < '2026-06-01' AND p.assistance_end_date > '2027-06-01' AND NOT EXISTS (SELECT 1 FROM "
      "allowance_applications a WHERE a.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM assistance_applications d "
      "WHERE d.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM custody_intervals c WHERE c.person_id = p.id) AND NOT "
      "EXISTS (SELECT 1 FROM reoffences o WHERE o.person_id = p.id)");
  EXPECT_GT(pid, 0);
  std::string sfx, village_user;
  (void)w.app->core.db().transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    auto r = c.query_one(
        "SELECT h.parent_id, substr(t.code, -3), COALESCE((SELECT u.username FROM users u WHERE u.unit_id = h.id ORDER "
        "BY u.id LIMIT 1), '') FROM persons p JOIN units h ON h.id = p.household_unit_id JOIN units t ON t.id = "
        "h.parent_id WHERE p.id = ?",
        {pid});
    if (r.ok() && r->has_value()) {
      town = (*r)->i64(0);
      sfx = (*r)->str(1);
      village_user = (*r)->str(2);
    }
    return {};
  });
  clerk = "zj_" + sfx;
  struct {
    std::int64_t id;
  } p{pid};
  auto set = w.app->core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    // Registered on the day of release (so no month is late).
    if (auto n = c.exec("DELETE FROM registrations WHERE person_id = ?", {p.id}); !n.ok()) return n.error();
    auto n = c.exec(
        "INSERT INTO registrations (person_id, registered_on, certificate_no, policies_explained, needs, created_at) "
        "SELECT id, release_date, 'T-1', 1, '{}', 0 FROM persons WHERE id = ?",
        {p.id});
    if (!n.ok()) return n.error();
    return {};
  });
  EXPECT_TRUE(set.ok()) << set.error().message;
  auto sfs = w.login("sfs_" + sfx), cadre = w.login(village_user), leader = w.login("mzld_" + sfx);
  AllowanceApplyInput in{"2026-11-02", "urban", "无生活来源", true, true, true};
  auto id = w.app->allowance.apply(sfs, p.id, in);
  EXPECT_TRUE(id.ok()) << id.error().message;
  for (auto [ctx, step, on, note] : {std::tuple{&cadre, "certified", "2026-11-03", "属实"},
                                     std::tuple{&sfs, "verified", "2026-11-04", "核实属实"},
                                     std::tuple{&leader, "approved", "2026-11-05", "同意"}}) {
    auto s = w.app->allowance.step(*ctx, *id, AllowanceStepInput{step, on, note, std::nullopt});
    EXPECT_TRUE(s.ok()) << step << ": " << s.error().message;
  }
  return *id;
}

TEST(AllowanceService, R_ALW_6_ledger_and_steps_are_append_only) {
  TestWorld w(30);
  std::int64_t town = 0;
  std::string clerk;
  const std::int64_t id = approved_application(w, town, clerk);
  auto zj = w.login(clerk);
  auto run = w.app->allowance.confirm_run(zj, town, "2026-11", std::nullopt);
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_TRUE(w.app->allowance.pay_run(zj, *run, "2026-11-20").ok());
  ASSERT_EQ(w.scalar("SELECT COUNT(*) FROM allowance_ledger WHERE application_id = ?", {id}), 1);
  for (const char* sql : {"UPDATE allowance_ledger SET amount_fen = 1 WHERE application_id = ?",
                          "DELETE FROM allowance_ledger WHERE application_id = ?",
                          "UPDATE allowance_steps SET note = '改' WHERE application_id = ?",
                          "DELETE FROM allowance_steps WHERE application_id = ?"}) {
    auto s = w.app->core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
      auto n = c.exec(sql, {id});
      if (!n.ok()) return n.error();
      return {};
    });
    EXPECT_FALSE(s.ok()) << sql;
  }
  EXPECT_EQ(w.scalar("SELECT SUM(amount_fen) FROM allowance_ledger WHERE application_id = ?", {id}), 74000);
  // A second payment of the same month is refused by the database itself.
  auto dup = w.app->core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto n = c.exec(
        "INSERT INTO allowance_ledger (application_id, person_id, township_unit_id, month, attempt, kind, amount_fen, "
        "paid_on, created_at) SELECT application_id, person_id, township_unit_id, month, attempt, 'payment', 74000, "
        "'2026-11-21', 0 FROM allowance_ledger WHERE application_id = ?",
        {id});
    if (!n.ok()) return n.error();
    return {};
  });
  EXPECT_FALSE(dup.ok());
  // The correction is a reversing entry; the month is due again.
  const std::int64_t entry = w.scalar("SELECT id FROM allowance_ledger WHERE application_id = ?", {id});
  auto rev = w.app->allowance.reverse(zj, entry, "2026-11-25", "收款账号有误");
  ASSERT_TRUE(rev.ok()) << rev.error().message;
  EXPECT_EQ(w.scalar("SELECT SUM(amount_fen) FROM allowance_ledger WHERE application_id = ?", {id}), 0);
  auto due = w.app->allowance.due(zj, town, "2026-11");
  ASSERT_TRUE(due.ok());
  bool again = false;
  for (const auto& l : due->pending().lines) again = again || (l.application_id == id && l.attempt == 1);
  EXPECT_TRUE(again);
}

TEST(AllowanceService, R_ALW_1_two_clerks_confirming_and_paying_at_once_pay_once) {
  TestWorld w(30);
  std::int64_t town = 0;
  std::string clerk;
  const std::int64_t id = approved_application(w, town, clerk);
  auto a = w.login(clerk), b = w.login(clerk);
  std::atomic<int> confirmed{0}, refused{0};
  std::int64_t run_id = 0;
  auto confirm = [&](const AuthedCtx& ctx) {
    auto r = w.app->allowance.confirm_run(ctx, town, "2026-11", std::nullopt);
    if (r.ok()) {
      run_id = *r;
      ++confirmed;
    } else if (r.error().code == "ALLOWANCE_NOTHING_DUE") {
      ++refused;
    }
  };
  std::thread t1(confirm, std::cref(a)), t2(confirm, std::cref(b));
  t1.join();
  t2.join();
  EXPECT_EQ(confirmed.load(), 1);
  EXPECT_EQ(refused.load(), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM allowance_run_lines WHERE application_id = ?", {id}), 1);
  std::atomic<int> paid{0}, twice{0};
  auto pay = [&](const AuthedCtx& ctx) {
    auto s = w.app->allowance.pay_run(ctx, run_id, "2026-11-20");
    if (s.ok()) ++paid;
    else if (s.error().code == "ALLOWANCE_RUN_PAID") ++twice;
  };
  std::thread p1(pay, std::cref(a)), p2(pay, std::cref(b));
  p1.join();
  p2.join();
  EXPECT_EQ(paid.load(), 1);
  EXPECT_EQ(twice.load(), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM allowance_ledger WHERE application_id = ? AND kind = 'payment'", {id}), 1);
  // Running the same month again pays nothing twice.
  auto rerun = w.app->allowance.confirm_run(a, town, "2026-11", std::nullopt);
  ASSERT_FALSE(rerun.ok());
  EXPECT_EQ(rerun.error().code, "ALLOWANCE_NOTHING_DUE");
}

}  // namespace
}  // namespace anbang::app
