// R-ALW-1..5: case tables of the hardship allowance's entitlement, chain and tasks.
#include "rules/allowance.hpp"

#include <gtest/gtest.h>

#include <string>

#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;

std::string months_text(const Entitlement& e) {
  std::string s;
  for (const auto& m : e.months) {
    if (!s.empty()) s += ' ';
    s += domain::to_string(m.month).substr(0, 7) + ":" + std::string(code(m.status)) + ":" +
         std::to_string(m.amount_fen);
  }
  return s;
}

// DOMAIN.md's example (whole months): released 10 Jan, deadline 9 Feb.
TEST(AllowanceEntitlement, R_ALW_3_months_late_case_table) {
  struct Row {
    const char* registered;
    bool started;
    int late;
  };
  const CivilDate deadline = D("2027-02-09");
  const Row rows[] = {
      {"2027-02-01", false, 0}, {"2027-02-09", false, 0},  // on time, the deadline itself
      {"2027-02-10", false, 0}, {"2027-02-10", true, 1},   // one day late
      {"2027-03-08", false, 0}, {"2027-03-08", true, 1},   // DOMAIN.md: 8 Mar → 0 late
      {"2027-03-09", false, 1}, {"2027-03-09", true, 1},   // exactly one month late
      {"2027-03-10", false, 1}, {"2027-03-10", true, 2},   // a started second month
      {"2027-08-09", false, 6}, {"2027-08-10", false, 6},  // six months late
      {"2027-12-31", false, 10},
  };
  for (const Row& r : rows)
    EXPECT_EQ(months_late(deadline, D(r.registered), r.started), r.late) << r.registered << " started=" << r.started;
  // Month ends clamp: deadline 31 Jan + 1 month = 28 Feb.
  EXPECT_EQ(months_late(D("2027-01-31"), D("2027-02-28"), false), 1);
  EXPECT_EQ(months_late(D("2027-01-31"), D("2027-02-27"), false), 0);
  EXPECT_EQ(months_late(D("2027-01-31"), D("2027-02-27"), true), 1);
}

AllowanceFacts facts(const char* registered, const char* approved) {
  AllowanceFacts f;
  f.release_date = D("2027-01-10");  // deadline 2027-02-09 (registration_days 30)
  f.registration_date = D(registered);
  f.approved_on = D(approved);
  f.household_kinds.push_back({D("2027-01-10"), "urban"});
  return f;
}

TEST(AllowanceEntitlement, R_ALW_3_payable_months_follow_the_late_months) {
  PolicyTable p;
  struct Row {
    const char* registered;
    int payable;
  };
  const Row rows[] = {{"2027-02-01", 6}, {"2027-02-10", 6}, {"2027-03-09", 5},
                      {"2027-05-09", 3}, {"2027-08-09", 0}, {"2027-11-20", 0}};
  for (const Row& r : rows) {
    const Entitlement e = allowance_entitlement(p, facts(r.registered, "2027-09-15"));
    EXPECT_EQ(e.months_payable, r.payable) << r.registered;
    EXPECT_EQ(e.months.size(), static_cast<std::size_t>(r.payable)) << r.registered;
    EXPECT_EQ(e.total_fen, 74000 * r.payable) << r.registered;
  }
  // Not registered: nothing payable.
  AllowanceFacts none = facts("2027-02-01", "2027-09-15");
  none.registration_date.reset();
  EXPECT_EQ(allowance_entitlement(p, none).months_payable, 0);
}

TEST(AllowanceEntitlement, R_ALW_3_started_rounding_by_the_approval_day) {
  PolicyTable p;
  ASSERT_TRUE(p.set("late_month_rounding", "started", D("2027-06-01")).ok());
  // One day late: whole before 1 June, started from then (the approval day decides).
  EXPECT_EQ(allowance_entitlement(p, facts("2027-02-10", "2027-05-31")).months_payable, 6);
  const Entitlement e = allowance_entitlement(p, facts("2027-02-10", "2027-06-01"));
  EXPECT_EQ(e.rounding, "started");
  EXPECT_EQ(e.months_late, 1);
  EXPECT_EQ(e.months_payable, 5);
}

TEST(AllowanceEntitlement, R_ALW_1_consecutive_months_from_the_approval_month_at_the_standard) {
  PolicyTable p;
  const Entitlement e = allowance_entitlement(p, facts("2027-02-01", "2027-11-20"));
  EXPECT_EQ(months_text(e),
            "2027-11:payable:74000 2027-12:payable:74000 2028-01:payable:74000 2028-02:payable:74000 "
            "2028-03:payable:74000 2028-04:payable:74000");
  EXPECT_EQ(e.total_fen, 444000);
  EXPECT_FALSE(e.stopped_from);
  // allowance_months is dated data too.
  ASSERT_TRUE(p.set("allowance_months", "3", D("2027-11-01")).ok());
  EXPECT_EQ(allowance_entitlement(p, facts("2027-02-01", "2027-11-20")).months_payable, 3);
}

TEST(AllowanceEntitlement, R_ALW_1_standard_changing_mid_way_applies_from_the_next_month) {
  PolicyTable p;
  ASSERT_TRUE(p.set("min_living_standard_urban_fen", "76000", D("2028-01-15")).ok());
  ASSERT_TRUE(p.set("min_living_standard_rural_fen", "62000", D("2028-03-01")).ok());
  const Entitlement e = allowance_entitlement(p, facts("2027-02-01", "2027-11-20"));
  // A change on 15 January applies from February (a month takes its first day's standard).
  EXPECT_EQ(months_text(e),
            "2027-11:payable:74000 2027-12:payable:74000 2028-01:payable:74000 2028-02:payable:76000 "
            "2028-03:payable:76000 2028-04:payable:76000");
}

TEST(AllowanceEntitlement, R_ALW_1_urban_rural_change_takes_effect_from_the_next_month_start) {
  PolicyTable p;
  AllowanceFacts f = facts("2027-02-01", "2027-11-20");
  f.household_kinds.push_back({D("2028-01-01"), "rural"});
  f.household_kinds.push_back({D("2028-02-10"), "urban"});
  const Entitlement e = allowance_entitlement(p, f);
  EXPECT_EQ(months_text(e),
            "2027-11:payable:74000 2027-12:payable:74000 2028-01:payable:60000 2028-02:payable:60000 "
            "2028-03:payable:74000 2028-04:payable:74000");
  EXPECT_EQ(e.months[2].household_kind, "rural");
  // A kind recorded only after the approval month's first day still decides that month.
  AllowanceFacts late = facts("2027-02-01", "2027-11-20");
  late.household_kinds = {{D("2027-11-18"), "rural"}};
  EXPECT_EQ(allowance_entitlement(p, late).months[0].standard_fen, 60000);
}

TEST(AllowanceEntitlement, R_ALW_4_dibao_granted_in_month_three_stops_the_payment) {
  PolicyTable p;
  AllowanceFacts f = facts("2027-02-01", "2027-11-20");
  f.dibao.push_back({D("2028-01-20"), D("2028-02-10")});  // runs in months 3 and 4, then ends
  const Entitlement e = allowance_entitlement(p, f);
  EXPECT_EQ(months_text(e),
            "2027-11:payable:74000 2027-12:payable:74000 2028-01:dibao:0 2028-02:dibao:0 2028-03:dibao:0 "
            "2028-04:dibao:0");
  EXPECT_EQ(e.stop_rule, "R-ALW-4");
  EXPECT_EQ(domain::to_string(*e.stopped_from), "2028-01-01");
  EXPECT_EQ(e.total_fen, 148000);
  // 低保 that ended before the approval month does not stop anything.
  AllowanceFacts before = facts("2027-02-01", "2027-11-20");
  before.dibao.push_back({D("2027-03-01"), D("2027-10-31")});
  EXPECT_EQ(allowance_entitlement(p, before).total_fen, 444000);
  // 低保 still running (no end date) from before the approval: nothing is paid.
  AllowanceFacts running = facts("2027-02-01", "2027-11-20");
  running.dibao.push_back({D("2027-05-01"), std::nullopt});
  EXPECT_EQ(allowance_entitlement(p, running).total_fen, 0);
}

TEST(AllowanceEntitlement, R_ALW_5_reoffending_in_month_two_stops_for_good) {
  PolicyTable p;
  AllowanceFacts f = facts("2027-02-01", "2027-11-20");
  f.reoffences.push_back(D("2027-12-03"));
  const Entitlement e = allowance_entitlement(p, f);
  EXPECT_EQ(months_text(e),
            "2027-11:payable:74000 2027-12:reoffended:0 2028-01:reoffended:0 2028-02:reoffended:0 "
            "2028-03:reoffended:0 2028-04:reoffended:0");
  EXPECT_EQ(e.stop_rule, "R-ALW-5");
  EXPECT_EQ(e.total_fen, 74000);
  // A re-offence of an earlier period (before this release) does not count.
  AllowanceFacts old = facts("2027-02-01", "2027-11-20");
  old.reoffences.push_back(D("2020-05-01"));
  EXPECT_EQ(allowance_entitlement(p, old).total_fen, 444000);
  // Re-offending stops before a later 低保 would.
  AllowanceFacts both = facts("2027-02-01", "2027-11-20");
  both.reoffences.push_back(D("2027-12-03"));
  both.dibao.push_back({D("2028-02-01"), std::nullopt});
  EXPECT_EQ(allowance_entitlement(p, both).stop_rule, "R-ALW-5");
}

TEST(AllowanceChain, R_ALW_2_steps_in_order_and_one_step_back) {
  using S = ChainStep;
  std::vector<ChainEvent> ev = {{S::applied, D("2027-03-01")}};
  EXPECT_EQ(chain_state(ev).awaiting, Awaiting::certificate);
  EXPECT_FALSE(step_allowed(chain_state(ev), S::verified));  // not before the certificate
  EXPECT_FALSE(step_allowed(chain_state(ev), S::approved));
  ev.push_back({S::certified, D("2027-03-02")});
  EXPECT_EQ(chain_state(ev).awaiting, Awaiting::verification);
  ev.push_back({S::returned, D("2027-03-03")});  // the judicial office sends it back to the village
  EXPECT_EQ(chain_state(ev).awaiting, Awaiting::certificate);
  EXPECT_EQ(domain::to_string(chain_state(ev).since), "2027-03-03");
  ev.push_back({S::returned, D("2027-03-04")});  // the village back to the applicant
  EXPECT_EQ(chain_state(ev).awaiting, Awaiting::documents);
  EXPECT_FALSE(step_allowed(chain_state(ev), S::returned));
  ev.push_back({S::applied, D("2027-03-05")});
  ev.push_back({S::certified, D("2027-03-06")});
  ev.push_back({S::verified, D("2027-03-07")});
  EXPECT_EQ(chain_state(ev).awaiting, Awaiting::approval);
  ev.push_back({S::approved, D("2027-03-08")});
  ChainState s = chain_state(ev);
  EXPECT_TRUE(s.approved);
  EXPECT_EQ(s.awaiting, Awaiting::none);
  EXPECT_FALSE(step_allowed(s, S::rejected));  // approved is final
  std::vector<ChainEvent> no = {{S::applied, D("2027-03-01")}, {S::rejected, D("2027-03-02")}};
  EXPECT_TRUE(chain_state(no).rejected);
  EXPECT_FALSE(step_allowed(chain_state(no), S::applied));  // a rejection ends the application
}

const Task* find(const std::vector<Task>& ts, const std::string& key) {
  for (const auto& t : ts)
    if (t.key == key) return &t;
  return nullptr;
}

const Task* find_rule(const std::vector<Task>& ts, std::string_view rule) {
  for (const auto& t : ts)
    if (t.rule == rule) return &t;
  return nullptr;
}

PersonFacts person_with(std::vector<ChainEvent> steps) {
  PersonFacts f;
  f.id = 1;
  f.release_date = D("2027-01-10");
  f.registration_date = D("2027-02-01");
  AllowanceCase a;
  a.id = 5;
  a.office_unit_id = 31;
  a.village_unit_id = 41;
  a.township_unit_id = 21;
  a.steps = std::move(steps);
  a.household_kinds = {{D("2027-01-10"), "rural"}};
  f.allowances.push_back(a);
  return f;
}

TEST(AllowanceTasks, R_ALW_2_the_open_step_is_a_task_of_the_unit_that_owes_it) {
  using S = ChainStep;
  PolicyTable p;
  auto ts = person_tasks(person_with({{S::applied, D("2027-03-01")}}), p, D("2027-03-11"));
  const Task* t = find_rule(ts, "R-ALW-2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->key, "R-ALW-2/5/certificate");  // each step its own duty
  EXPECT_EQ(t->owner_unit_id, 41);  // the village's certificate
  EXPECT_EQ(t->anchor, "certificate");
  EXPECT_EQ(domain::to_string(t->due), "2027-03-11");
  EXPECT_EQ(t->state, State::open);
  ts = person_tasks(person_with({{S::applied, D("2027-03-01")}}), p, D("2027-03-12"));
  EXPECT_EQ(find_rule(ts, "R-ALW-2")->state, State::overdue);
  ts = person_tasks(person_with({{S::applied, D("2027-03-01")}, {S::certified, D("2027-03-05")}}), p,
                    D("2027-03-12"));
  EXPECT_EQ(find_rule(ts, "R-ALW-2")->owner_unit_id, 31);  // the judicial office verifies
  ts = person_tasks(person_with({{S::applied, D("2027-03-01")}, {S::certified, D("2027-03-05")},
                                 {S::verified, D("2027-03-06")}}),
                    p, D("2027-03-12"));
  EXPECT_EQ(find_rule(ts, "R-ALW-2")->owner_unit_id, 21);  // the township approves
  // A step dated after today does not count yet.
  ts = person_tasks(person_with({{S::applied, D("2027-03-01")}, {S::certified, D("2027-03-20")}}), p,
                    D("2027-03-12"));
  EXPECT_EQ(find_rule(ts, "R-ALW-2")->owner_unit_id, 41);
}

TEST(AllowanceTasks, R_ALW_1_each_begun_payable_month_is_the_townships_task_until_paid) {
  using S = ChainStep;
  PolicyTable p;
  PersonFacts f = person_with({{S::applied, D("2027-03-01")}, {S::certified, D("2027-03-02")},
                               {S::verified, D("2027-03-03")}, {S::approved, D("2027-03-04")}});
  f.allowances[0].paid.push_back({D("2027-03-01"), D("2027-03-20")});
  auto ts = person_tasks(f, p, D("2027-04-30"));
  EXPECT_EQ(find_rule(ts, "R-ALW-2"), nullptr);  // the chain is done
  const Task* march = find(ts, "R-ALW-1/5/2027-03");
  ASSERT_NE(march, nullptr);
  EXPECT_EQ(march->state, State::done);
  EXPECT_EQ(march->owner_unit_id, 21);
  const Task* april = find(ts, "R-ALW-1/5/2027-04");
  ASSERT_NE(april, nullptr);
  EXPECT_EQ(april->state, State::open);
  EXPECT_EQ(domain::to_string(april->due), "2027-04-30");
  EXPECT_EQ(find(ts, "R-ALW-1/5/2027-05"), nullptr);  // not begun
  ts = person_tasks(f, p, D("2027-05-01"));
  EXPECT_EQ(find(ts, "R-ALW-1/5/2027-04")->state, State::overdue);
  // A rejected application owes nothing.
  ts = person_tasks(person_with({{S::applied, D("2027-03-01")}, {S::rejected, D("2027-03-02")}}), p, D("2027-05-01"));
  EXPECT_EQ(find_rule(ts, "R-ALW-2"), nullptr);
}

}  // namespace
}  // namespace anbang::rules
