// Case tables of the recurring person rules (DOMAIN.md §5): R-VIS-1, R-VIS-2, R-REV-1. Each row
// gives the facts, today and the expected (rule, key, due, state).
#include <gtest/gtest.h>

#include "rules/engine.hpp"
#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::P;
using testing::Want;

// R-VIS-1 (§2.3.4): general subjects, one visit per calendar half-year with at least 30 days under
// assistance as a general subject; due on the half-year's last day or the last day of assistance.
TEST(Rules, R_VIS_1_HalfYears) {
  testing::check_table({
      {"release 1 Jun: 30 days in H1, a visit is owed", P("2026-06-01"), "2026-06-01", "R-VIS-1",
       "R-VIS-1/2026H1", "2026-06-30", Want::open},
      {"release 2 Jun: 29 days, no H1 task", P("2026-06-02"), "2026-06-02", "R-VIS-1", "R-VIS-1/2026H1", "",
       Want::absent},
      {"release 2 Jun: H2 shown as the next due date", P("2026-06-02"), "2026-06-02", "R-VIS-1",
       "R-VIS-1/2026H2", "2026-12-31", Want::open},
      {"release 2 Dec: 30 days in H2", P("2026-12-02"), "2026-12-02", "R-VIS-1", "R-VIS-1/2026H2",
       "2026-12-31", Want::open},
      {"release 3 Dec: 29 days in H2", P("2026-12-03"), "2026-12-03", "R-VIS-1", "R-VIS-1/2026H2", "",
       Want::absent},
      {"release 31 Dec: next year's H1 is the next", P("2026-12-31"), "2026-12-31", "R-VIS-1",
       "R-VIS-1/2027H1", "2027-06-30", Want::open},
      {"release 1 Jun 2024 (leap year): 30 days", P("2024-06-01"), "2024-06-01", "R-VIS-1", "R-VIS-1/2024H1",
       "2024-06-30", Want::open},
      {"no visit in H1", P("2026-01-01"), "2026-07-01", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30",
       Want::missed},
      {"on the half-year's last day still open", P("2026-01-01"), "2026-06-30", "R-VIS-1", "R-VIS-1/2026H1",
       "2026-06-30", Want::open},
      {"a visit closes the task at once", P("2026-01-01").visit("2026-03-02"), "2026-03-02", "R-VIS-1",
       "R-VIS-1/2026H1", "2026-06-30", Want::done},
      {"after the visit the next due date appears", P("2026-01-01").visit("2026-03-02"), "2026-03-02",
       "R-VIS-1", "R-VIS-1/2026H2", "2026-12-31", Want::open},
      {"a visit after the half-year does not count for it", P("2026-01-01").visit("2026-07-01"), "2026-07-01",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
      {"… it counts for the half-year it falls in", P("2026-01-01").visit("2026-07-01"), "2026-07-01",
       "R-VIS-1", "R-VIS-1/2026H2", "2026-12-31", Want::done},
      {"key subject all H1: the half-year visit is owed all the same (R-VIS-2)",
       P("2026-01-01").key("2026-01-01", "2026-07-01"), "2026-07-02", "R-VIS-1", "R-VIS-1/2026H1",
       "2026-06-30", Want::missed},
      {"… general again from 1 Jul", P("2026-01-01").key("2026-01-01", "2026-07-01"), "2026-07-02", "R-VIS-1",
       "R-VIS-1/2026H2", "2026-12-31", Want::open},
      {"key from 15 Feb: 45 general days, still due 30 Jun", P("2026-01-01").key("2026-02-15"), "2026-07-01",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
      {"key until 5 Jun: key days count too", P("2026-01-01").key("2026-01-01", "2026-06-05"), "2026-07-01",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
      {"back in custody at the half-year's end", P("2026-01-01").custody("2026-05-01"), "2026-07-10",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::not_applicable},
      {"in custody the whole H2", P("2026-01-01").custody("2026-05-01"), "2026-07-10", "R-VIS-1",
       "R-VIS-1/2026H2", "", Want::absent},
      {"custody May–July: H2 owed from the release from custody",
       P("2026-01-01").custody("2026-05-01", "2026-08-01"), "2026-08-02", "R-VIS-1", "R-VIS-1/2026H2",
       "2026-12-31", Want::open},
      {"short custody in June: due date free, overdue", P("2026-01-01").custody("2026-06-10", "2026-06-20"),
       "2026-07-10", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
      {"custody leaves 25 days under assistance", P("2026-06-01").custody("2026-06-10", "2026-06-15"),
       "2026-07-01", "R-VIS-1", "R-VIS-1/2026H1", "", Want::absent},
  });
  auto tasks = person_tasks(P("2026-01-01").custody("2026-05-01", "2026-08-01").visit("2026-03-02"),
                            PolicyTable(), D("2026-08-02"));
  const Task* h2 = testing::find_task(tasks, "R-VIS-1/2026H2");
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->window_from, D("2026-08-01"));
  EXPECT_EQ(h2->previous_fulfilment, D("2026-03-02"));
  EXPECT_EQ(h2->owner, owner::residence_village);
}

// R-VIS-1 with general_visit_period changed to quarter: the period kind in force on the period's
// first day decides, so a running half-year is never cut.
TEST(Rules, R_VIS_1_PeriodChange) {
  PolicyTable from_jan;
  ASSERT_TRUE(from_jan.set("general_visit_period", "quarter", D("2027-01-01")).ok());
  testing::check_table(
      {
          {"2026H2 under the old policy", P("2026-01-01"), "2027-04-02", "R-VIS-1", "R-VIS-1/2026H2",
           "2026-12-31", Want::missed},
          {"quarters from 2027", P("2026-01-01"), "2027-04-02", "R-VIS-1", "R-VIS-1/2027Q1", "2027-03-31",
           Want::missed},
          {"current quarter", P("2026-01-01"), "2027-04-02", "R-VIS-1", "R-VIS-1/2027Q2", "2027-06-30",
           Want::open},
          {"no half-year any more", P("2026-01-01"), "2027-04-02", "R-VIS-1", "R-VIS-1/2027H1", "",
           Want::absent},
      },
      from_jan);
  PolicyTable from_feb;
  ASSERT_TRUE(from_feb.set("general_visit_period", "quarter", D("2027-02-01")).ok());
  testing::check_table(
      {
          {"change on 1 Feb: 2027H1 runs to its end", P("2026-01-01"), "2027-07-02", "R-VIS-1",
           "R-VIS-1/2027H1", "2027-06-30", Want::missed},
          {"quarters from the next boundary", P("2026-01-01"), "2027-07-02", "R-VIS-1", "R-VIS-1/2027Q3",
           "2027-09-30", Want::open},
          {"no 2027Q1", P("2026-01-01"), "2027-07-02", "R-VIS-1", "R-VIS-1/2027Q1", "", Want::absent},
      },
      from_feb);
}

// R-VIS-1 with partial_period_min_days changed: the value in force on the period's last day decides.
TEST(Rules, R_VIS_1_PartialPeriodParameter) {
  PolicyTable on_end;
  ASSERT_TRUE(on_end.set("partial_period_min_days", "20", D("2026-06-30")).ok());
  testing::check_table({{"20 days from 30 Jun: 23 days in 2026H1 qualify", P("2026-06-08"), "2026-06-08",
                         "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::open}},
                       on_end);
  PolicyTable after_end;
  ASSERT_TRUE(after_end.set("partial_period_min_days", "20", D("2026-07-01")).ok());
  testing::check_table({{"20 days only from 1 Jul: 2026H1 keeps 30", P("2026-06-08"), "2026-06-08", "R-VIS-1",
                         "R-VIS-1/2026H1", "", Want::absent}},
                       after_end);
}

// R-VIS-2 (§2.3.4): key subjects, one visit per key_visit_period while key; default none.
TEST(Rules, R_VIS_2_KeyVisits) {
  testing::check_table({{"default none: no task", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2",
                         "R-VIS-2/2026-01", "", Want::absent}});
  PolicyTable monthly;
  ASSERT_TRUE(monthly.set("key_visit_period", "month", D("2020-01-01")).ok());
  testing::check_table(
      {
          {"January", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2", "R-VIS-2/2026-01",
           "2026-01-31", Want::missed},
          {"February: 28 days, a whole month qualifies", P("2026-01-01").key("2026-01-01"), "2026-03-15",
           "R-VIS-2", "R-VIS-2/2026-02", "2026-02-28", Want::missed},
          {"current month", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2", "R-VIS-2/2026-03",
           "2026-03-31", Want::open},
          {"next month shown", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2", "R-VIS-2/2026-04",
           "2026-04-30", Want::open},
          {"only the next one", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2", "R-VIS-2/2026-05",
           "", Want::absent},
          {"a visit closes the month", P("2026-01-01").key("2026-01-01").visit("2026-02-10"), "2026-03-15",
           "R-VIS-2", "R-VIS-2/2026-02", "2026-02-28", Want::done},
          {"key until 20 Mar: 19 days, no March task", P("2026-01-01").key("2026-01-01", "2026-03-20"),
           "2026-03-25", "R-VIS-2", "R-VIS-2/2026-03", "", Want::absent},
          {"general subject: none", P("2026-01-01"), "2026-03-15", "R-VIS-2", "R-VIS-2/2026-01", "",
           Want::absent},
      },
      monthly);
  PolicyTable from_feb15;
  ASSERT_TRUE(from_feb15.set("key_visit_period", "month", D("2026-02-15")).ok());
  testing::check_table(
      {
          {"set from 15 Feb: nothing in January", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2",
           "R-VIS-2/2026-01", "", Want::absent},
          {"set from 15 Feb: 14 days of February", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2",
           "R-VIS-2/2026-02", "", Want::absent},
          {"set from 15 Feb: March", P("2026-01-01").key("2026-01-01"), "2026-03-15", "R-VIS-2",
           "R-VIS-2/2026-03", "2026-03-31", Want::open},
      },
      from_feb15);
}

// R-REV-1 (§2.3.4): one full review of each key subject per calendar quarter with at least 30 days
// as a key subject under assistance; due on the quarter's last day or the last such day.
// R-CLS-3: reclassification mid-quarter moves the count and the due date.
TEST(Rules, R_REV_1_Quarters) {
  testing::check_table({
      {"key from 15 Feb: 14 + 31 = 45 days in Q1", P("2026-01-01").key("2026-02-15"), "2026-04-01", "R-REV-1",
       "R-REV-1/2026Q1", "2026-03-31", Want::missed},
      {"key from 5 Mar: 27 days, no Q1 review", P("2026-01-01").key("2026-03-05"), "2026-04-01", "R-REV-1",
       "R-REV-1/2026Q1", "", Want::absent},
      {"key from 5 Mar: Q2 is due", P("2026-01-01").key("2026-03-05"), "2026-04-01", "R-REV-1",
       "R-REV-1/2026Q2", "2026-06-30", Want::open},
      {"general again from 15 Feb: due on the last key day", P("2026-01-01").key("2026-01-01", "2026-02-15"),
       "2026-02-20", "R-REV-1", "R-REV-1/2026Q1", "2026-02-14", Want::missed},
      {"reviewed while key", P("2026-01-01").key("2026-01-01", "2026-02-15").review("2026-02-01"),
       "2026-02-20", "R-REV-1", "R-REV-1/2026Q1", "2026-02-14", Want::done},
      {"a review after the class ended does not count",
       P("2026-01-01").key("2026-01-01", "2026-02-15").review("2026-02-20"), "2026-02-25", "R-REV-1",
       "R-REV-1/2026Q1", "2026-02-14", Want::missed},
      {"release 2 Mar as key: 30 days in Q1", P("2026-03-02").key("2026-03-02"), "2026-03-02", "R-REV-1",
       "R-REV-1/2026Q1", "2026-03-31", Want::open},
      {"release 3 Mar as key: 29 days", P("2026-03-03").key("2026-03-03"), "2026-03-03", "R-REV-1",
       "R-REV-1/2026Q1", "", Want::absent},
      {"release 3 Mar as key: Q2 is the next", P("2026-03-03").key("2026-03-03"), "2026-03-03", "R-REV-1",
       "R-REV-1/2026Q2", "2026-06-30", Want::open},
      {"key 1 Feb–2 Mar 2023: 28 + 2 = 30 days", P("2023-01-01").key("2023-02-01", "2023-03-03"),
       "2023-04-01", "R-REV-1", "R-REV-1/2023Q1", "2023-03-02", Want::missed},
      {"key all February 2024 (leap): 29 days", P("2024-01-01").key("2024-02-01", "2024-03-01"), "2024-04-01",
       "R-REV-1", "R-REV-1/2024Q1", "", Want::absent},
      {"end 20 Apr 2026: 19 days in Q2, none", P("2021-04-20").key("2021-04-20"), "2026-05-01", "R-REV-1",
       "R-REV-1/2026Q2", "", Want::absent},
      {"end 20 Apr 2026: Q1 is the last", P("2021-04-20").key("2021-04-20"), "2026-05-01", "R-REV-1",
       "R-REV-1/2026Q1", "2026-03-31", Want::missed},
      {"end 15 May 2026: due on the last day of assistance", P("2021-05-15").key("2021-05-15"), "2026-06-01",
       "R-REV-1", "R-REV-1/2026Q2", "2026-05-14", Want::missed},
      {"back in custody at the quarter's end: due the day before",
       P("2026-01-01").key("2026-01-01").custody("2026-03-20"), "2026-04-01", "R-REV-1", "R-REV-1/2026Q1",
       "2026-03-19", Want::missed},
      {"a review closes the quarter at once", P("2026-01-01").key("2026-01-01").review("2026-02-10"),
       "2026-02-10", "R-REV-1", "R-REV-1/2026Q1", "2026-03-31", Want::done},
      {"… and the next quarter's due date appears", P("2026-01-01").key("2026-01-01").review("2026-02-10"),
       "2026-02-10", "R-REV-1", "R-REV-1/2026Q2", "2026-06-30", Want::open},
      {"a visit is not a review", P("2026-01-01").key("2026-01-01").visit("2026-02-10"), "2026-04-01",
       "R-REV-1", "R-REV-1/2026Q1", "2026-03-31", Want::missed},
      {"overlapping key intervals in any order are merged",
       P("2026-01-01").key("2026-03-01", "2026-04-10").key("2026-02-15", "2026-03-10"), "2026-04-01",
       "R-REV-1", "R-REV-1/2026Q1", "2026-03-31", Want::missed},
      {"… 9 key days in Q2", P("2026-01-01").key("2026-03-01", "2026-04-10").key("2026-02-15", "2026-03-10"),
       "2026-04-01", "R-REV-1", "R-REV-1/2026Q2", "", Want::absent},
      {"general subject: no review", P("2026-01-01"), "2026-04-01", "R-REV-1", "R-REV-1/2026Q1", "",
       Want::absent},
  });
  auto tasks =
      person_tasks(P("2026-01-01").key("2026-02-15").review("2026-02-10"), PolicyTable(), D("2026-03-01"));
  const Task* q1 = testing::find_task(tasks, "R-REV-1/2026Q1");
  ASSERT_NE(q1, nullptr);
  EXPECT_EQ(q1->window_from, D("2026-02-15"));  // a review before the person was key does not count
  EXPECT_EQ(q1->state, State::open);
  EXPECT_EQ(q1->anchor, "key_subject_from");
  EXPECT_EQ(q1->anchor_date, D("2026-02-15"));
  EXPECT_EQ(q1->owner, owner::residence_township);
  EXPECT_EQ(q1->previous_fulfilment, D("2026-02-10"));
}

// R-VIS-2 (DOMAIN.md §5): the half-yearly minimum of R-VIS-1 applies to key subjects too; days as a
// key subject count towards partial_period_min_days, and a visit made while key counts.
TEST(Rules, R_VIS_2_KeySubjectsOweTheHalfYearVisit) {
  testing::check_table({
      {"key from release: H1 visit owed", P("2026-01-01").key("2026-01-01"), "2026-03-01", "R-VIS-1",
       "R-VIS-1/2026H1", "2026-06-30", Want::open},
      {"… a visit while key closes it", P("2026-01-01").key("2026-01-01").visit("2026-03-01"), "2026-03-01",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::done},
      {"… missed when the half-year closes without one", P("2026-01-01").key("2026-01-01"), "2026-07-01",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
      {"15 key + 15 general days make 30: owed", P("2026-06-01").key("2026-06-01", "2026-06-16"),
       "2026-07-01", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
  });
  PolicyTable monthly;
  ASSERT_TRUE(monthly.set("key_visit_period", "month", D("2020-01-01")).ok());
  testing::check_table({{"with a key visit period both are owed", P("2026-01-01").key("2026-01-01"),
                         "2026-03-15", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::open}},
                       monthly);
}

// R-REV-1 (DOMAIN.md §5): "the last such day" is a day as a key subject under assistance and not in
// custody, so a detention that runs to the quarter's end brings the due date forward to the day
// before it began — the review is owed, not "not applicable".
TEST(Rules, R_REV_1_DetentionToTheQuarterEnd) {
  testing::check_table({
      {"detained from 20 Mar to after the quarter",
       P("2026-01-01").key("2026-01-01").custody("2026-03-20", "2026-04-10"), "2026-03-19", "R-REV-1",
       "R-REV-1/2026Q1", "2026-03-19", Want::open},
      {"… reviewed before the detention",
       P("2026-01-01").key("2026-01-01").custody("2026-03-20", "2026-04-10").review("2026-03-02"),
       "2026-04-20", "R-REV-1", "R-REV-1/2026Q1", "2026-03-19", Want::done},
      {"… not reviewed: missed", P("2026-01-01").key("2026-01-01").custody("2026-03-20", "2026-04-10"),
       "2026-04-20", "R-REV-1", "R-REV-1/2026Q1", "2026-03-19", Want::missed},
      {"a detention inside the quarter does not move the due date",
       P("2026-01-01").key("2026-01-01").custody("2026-02-01", "2026-02-10"), "2026-04-01", "R-REV-1",
       "R-REV-1/2026Q1", "2026-03-31", Want::missed},
      {"general subject in custody at the half-year's end: R-VIS-1 not applicable",
       P("2026-01-01").custody("2026-06-20", "2026-07-10"), "2026-07-20", "R-VIS-1", "R-VIS-1/2026H1",
       "2026-06-30", Want::not_applicable},
  });
}

// DOMAIN.md §5: a recurring duty whose period closed unfulfilled is missed (未按期完成), never overdue,
// and says so; a one-off duty stays overdue until done.
TEST(Rules, R_VIS_1_ClosedPeriodIsMissed) {
  auto tasks = person_tasks(P("2026-01-01"), PolicyTable(), D("2026-07-01"));
  const Task* h1 = testing::find_task(tasks, "R-VIS-1/2026H1");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->state, State::missed);
  EXPECT_EQ(to_string(h1->state), "missed");
  EXPECT_EQ(h1->exemption, Exemption::none);  // missed, not exempt: the web app says 未按期完成
  const Task* reg = testing::find_task(tasks, "R-REG-1");
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->state, State::overdue);  // one-off: still owed
  // A late entry (补录) of a visit dated inside the half-year still closes it.
  auto late = person_tasks(P("2026-01-01").visit("2026-06-15"), PolicyTable(), D("2026-07-20"));
  EXPECT_EQ(testing::find_task(late, "R-VIS-1/2026H1")->state, State::done);
  EXPECT_TRUE(is_recurring("R-VIS-1") && is_recurring("R-REV-1") && is_recurring("R-MTG-2"));
  EXPECT_FALSE(is_recurring("R-REG-1") || is_recurring("R-LNK-2"));
}

// Late entries (DOMAIN.md §5): a file opened after the fact owes no recurring duty of a period that
// closed before the file existed — not applicable, explained as such (not "在押") — while its
// one-off duties still stand.
TEST(Rules, R_VIS_1_FileOpenedAfterTheFact) {
  const PersonFacts late = P("2024-03-01").opened("2026-05-10");
  testing::check_table({
      {"2025H2 closed before the file", late, "2026-08-01", "R-VIS-1", "R-VIS-1/2025H2", "2025-12-31",
       Want::not_applicable},
      {"2026H1 closed after the file was opened: owed", late, "2026-08-01", "R-VIS-1", "R-VIS-1/2026H1",
       "2026-06-30", Want::missed},
      {"registration still owed", late, "2026-08-01", "R-REG-1", "R-REG-1", "2024-03-31", Want::overdue},
      {"a due date on the day the file was opened is owed", P("2024-03-01").opened("2025-12-31"),
       "2026-01-02", "R-VIS-1", "R-VIS-1/2025H2", "2025-12-31", Want::missed},
  });
  auto tasks = person_tasks(late, PolicyTable(), D("2026-08-01"));
  EXPECT_EQ(testing::find_task(tasks, "R-VIS-1/2025H2")->exemption, Exemption::before_file);
  EXPECT_EQ(to_string(Exemption::before_file), "before_file");
  // In custody on a due date of a period after the file was opened: the custody reason.
  auto custody = person_tasks(P("2026-01-01").opened("2026-01-05").custody("2026-06-01"), PolicyTable(),
                              D("2026-07-10"));
  const Task* h1 = testing::find_task(custody, "R-VIS-1/2026H1");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->exemption, Exemption::in_custody);
  EXPECT_EQ(to_string(h1->exemption), "in_custody");
}

}  // namespace
}  // namespace anbang::rules
