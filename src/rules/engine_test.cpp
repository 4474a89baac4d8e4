// Case tables of the one-off rules (DOMAIN.md §2–§4): each row gives the facts, today and the
// expected (rule, key, due, state). Defaults of the policy table unless a test sets one.
#include "rules/engine.hpp"

#include <gtest/gtest.h>

#include "rules/rules_test_util.hpp"

namespace anbang::rules {
namespace {

using testing::D;
using testing::P;
using testing::Row;
using testing::Want;

// R-REG-1 (§2.3.3): registration within 30 days from the release day; deadline = release + 30 days.
TEST(Rules, R_REG_1_Deadline) {
  testing::check_table({
      {"release 31 Jan, non-leap year: deadline 2 Mar", P("2023-01-31"), "2023-02-01", "R-REG-1", "R-REG-1",
       "2023-03-02", Want::open},
      {"release 31 Jan, leap year: deadline 1 Mar", P("2024-01-31"), "2024-02-01", "R-REG-1", "R-REG-1",
       "2024-03-01", Want::open},
      {"release on 29 Feb", P("2024-02-29"), "2024-02-29", "R-REG-1", "R-REG-1", "2024-03-30", Want::open},
      {"release 2 Dec: deadline in the next year", P("2023-12-02"), "2023-12-02", "R-REG-1", "R-REG-1",
       "2024-01-01", Want::open},
      {"on the deadline itself still open", P("2023-01-31"), "2023-03-02", "R-REG-1", "R-REG-1", "2023-03-02",
       Want::open},
      {"the day after the deadline", P("2023-01-31"), "2023-03-03", "R-REG-1", "R-REG-1", "2023-03-02",
       Want::overdue},
      {"registered in time", P("2023-01-31").registered("2023-02-20"), "2023-03-10", "R-REG-1", "R-REG-1",
       "2023-03-02", Want::done},
      {"registered late: done, late", P("2023-01-31").registered("2023-03-05"), "2023-03-10", "R-REG-1",
       "R-REG-1", "2023-03-02", Want::done},
      {"a registration dated after today is not known yet", P("2023-01-31").registered("2023-03-05"),
       "2023-03-03", "R-REG-1", "R-REG-1", "2023-03-02", Want::overdue},
      {"before release: window not started", P("2023-01-31"), "2023-01-30", "R-REG-1", "R-REG-1", "",
       Want::absent},
      {"back in custody on the deadline", P("2023-01-31").custody("2023-02-20"), "2023-03-10", "R-REG-1",
       "R-REG-1", "2023-03-02", Want::not_applicable},
      {"custody over before the deadline", P("2023-01-31").custody("2023-02-01", "2023-02-10"), "2023-03-10",
       "R-REG-1", "R-REG-1", "2023-03-02", Want::overdue},
      {"community correction registers too", P("2023-06-15", "community_correction"), "2023-06-20", "R-REG-1",
       "R-REG-1", "2023-07-15", Want::open},
  });
  auto tasks = person_tasks(P("2023-01-31").registered("2023-03-05"), PolicyTable(), D("2023-03-10"));
  const Task* t = testing::find_task(tasks, "R-REG-1");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->late);
  EXPECT_EQ(t->fulfilled_on, D("2023-03-05"));
  EXPECT_EQ(t->owner, owner::household_judicial_office);
  EXPECT_EQ(t->anchor, "release_date");
}

// R-LNK-1 (§2.3.1): the registration form within 1 month of receipt into custody (same day number
// of the next month, clamped: 31 Jan → 28/29 Feb). Owner: the sender.
TEST(Rules, R_LNK_1_FormWithinOneMonth) {
  const auto in = &PersonFacts::form_received_into_custody;
  testing::check_table({
      {"received 31 Jan, non-leap: due 28 Feb", P("2025-06-30").set(in, "2023-01-31"), "2023-02-01",
       "R-LNK-1", "R-LNK-1", "2023-02-28", Want::open},
      {"received 31 Jan, leap: due 29 Feb", P("2025-06-30").set(in, "2024-01-31"), "2024-02-29", "R-LNK-1",
       "R-LNK-1", "2024-02-29", Want::open},
      {"received 31 Mar: due 30 Apr", P("2025-06-30").set(in, "2023-03-31"), "2023-05-01", "R-LNK-1",
       "R-LNK-1", "2023-04-30", Want::overdue},
      {"sent on the last day",
       P("2025-06-30").set(in, "2023-01-31").set(&PersonFacts::form_sent, "2023-02-28"), "2023-03-05",
       "R-LNK-1", "R-LNK-1", "2023-02-28", Want::done},
      {"known only as received by the judicial office",
       P("2025-06-30").set(in, "2023-01-31").set(&PersonFacts::form_received, "2023-02-10"), "2023-03-05",
       "R-LNK-1", "R-LNK-1", "2023-02-28", Want::done},
      {"sent late: done, late",
       P("2025-06-30").set(in, "2023-01-31").set(&PersonFacts::form_sent, "2023-03-10"), "2023-03-12",
       "R-LNK-1", "R-LNK-1", "2023-02-28", Want::done},
      {"no date of receipt into custody: no deadline", P("2025-06-30"), "2023-03-05", "R-LNK-1", "R-LNK-1",
       "", Want::absent},
      {"before the receipt", P("2025-06-30").set(in, "2023-01-31"), "2023-01-30", "R-LNK-1", "R-LNK-1", "",
       Want::absent},
      {"community correction: no linkage", P("2025-06-30", "community_correction").set(in, "2023-01-31"),
       "2023-02-01", "R-LNK-1", "R-LNK-1", "", Want::absent},
  });
}

// R-LNK-2 (§2.3.1): verification feedback within 1 month of receiving the form. Owner: the
// household-registration judicial office.
TEST(Rules, R_LNK_2_FeedbackWithinOneMonth) {
  const auto got = &PersonFacts::form_received;
  testing::check_table({
      {"form received 31 Jan, non-leap", P("2025-06-30").set(got, "2023-01-31"), "2023-02-10", "R-LNK-2",
       "R-LNK-2", "2023-02-28", Want::open},
      {"form received 31 Jan, leap", P("2025-06-30").set(got, "2024-01-31"), "2024-02-01", "R-LNK-2",
       "R-LNK-2", "2024-02-29", Want::open},
      {"form received 31 Dec: due 31 Jan", P("2025-06-30").set(got, "2023-12-31"), "2024-02-01", "R-LNK-2",
       "R-LNK-2", "2024-01-31", Want::overdue},
      {"feedback sent in time",
       P("2025-06-30").set(got, "2023-01-31").set(&PersonFacts::verification_feedback_sent, "2023-02-27"),
       "2023-03-01", "R-LNK-2", "R-LNK-2", "2023-02-28", Want::done},
      {"no form received: no task", P("2025-06-30"), "2023-03-01", "R-LNK-2", "R-LNK-2", "", Want::absent},
  });
}

// R-LNK-3 (§2.3.1): a report that a family or minor children are in difficulty gives the township of
// the household-registration place a help task, due family_help_days (30) after the report arrived.
TEST(Rules, R_LNK_3_FamilyHelp) {
  testing::check_table({
      {"report 31 Jan: due 2 Mar", P("2025-06-30").family_report("2023-01-31"), "2023-02-10", "R-LNK-3",
       "R-LNK-3/2023-01-31/1", "2023-03-02", Want::open},
      {"report in a leap year: due 1 Mar", P("2025-06-30").family_report("2024-01-31"), "2024-02-10",
       "R-LNK-3", "R-LNK-3/2024-01-31/1", "2024-03-01", Want::open},
      {"no help after the due date", P("2025-06-30").family_report("2023-01-31"), "2023-03-03", "R-LNK-3",
       "R-LNK-3/2023-01-31/1", "2023-03-02", Want::overdue},
      {"helped in time", P("2025-06-30").family_report("2023-01-31", "2023-02-15"), "2023-03-03", "R-LNK-3",
       "R-LNK-3/2023-01-31/1", "2023-03-02", Want::done},
      {"a second report is a second task",
       P("2025-06-30").family_report("2023-01-31", "2023-02-15").family_report("2023-06-01"), "2023-06-02",
       "R-LNK-3", "R-LNK-3/2023-06-01/2", "2023-07-01", Want::open},
      {"a report dated after today is not known yet", P("2025-06-30").family_report("2023-06-01"),
       "2023-05-30", "R-LNK-3", "R-LNK-3/2023-06-01/1", "", Want::absent},
      {"no report: no task", P("2025-06-30"), "2023-03-01", "R-LNK-3", "R-LNK-3/2023-03-01/1", "",
       Want::absent},
  });
  auto tasks = person_tasks(P("2025-06-30").family_report("2023-01-31"), PolicyTable(), D("2023-02-01"));
  const Task* t = testing::find_task(tasks, "R-LNK-3/2023-01-31/1");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->owner, owner::household_township);
  EXPECT_EQ(t->anchor, "family_report_received");
  PolicyTable shorter;
  ASSERT_TRUE(shorter.set("family_help_days", "15", D("2023-01-01")).ok());
  auto soon = person_tasks(P("2025-06-30").family_report("2023-01-31"), shorter, D("2023-02-01"));
  const Task* s = testing::find_task(soon, "R-LNK-3/2023-01-31/1");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->due, D("2023-02-15"));
}

// R-LNK-4 (§2.3.1), first half: the release notice 1 month before release (month-end clamped).
// Owner: the sender. The window opens when the person is known to be in custody.
TEST(Rules, R_LNK_4_ReleaseNotice) {
  const auto in = &PersonFacts::form_received_into_custody;
  testing::check_table({
      {"release 31 Mar: due 28 Feb", P("2023-03-31").set(in, "2021-05-10"), "2023-01-15", "R-LNK-4",
       "R-LNK-4/notice", "2023-02-28", Want::open},
      {"release 31 Mar of a leap year: due 29 Feb", P("2024-03-31").set(in, "2021-05-10"), "2024-02-29",
       "R-LNK-4", "R-LNK-4/notice", "2024-02-29", Want::open},
      {"release 29 Mar: due 28 Feb", P("2023-03-29").set(&PersonFacts::form_received, "2022-06-01"),
       "2022-07-01", "R-LNK-4", "R-LNK-4/notice", "2023-02-28", Want::open},
      {"custody date unknown: window opens on the due date", P("2023-03-31"), "2023-01-15", "R-LNK-4",
       "R-LNK-4/notice", "", Want::absent},
      {"custody date unknown, on the due date", P("2023-03-31"), "2023-02-28", "R-LNK-4", "R-LNK-4/notice",
       "2023-02-28", Want::open},
      {"no notice by the day after", P("2023-03-31"), "2023-03-01", "R-LNK-4", "R-LNK-4/notice", "2023-02-28",
       Want::overdue},
      {"notice received late", P("2023-03-31").notice("2023-03-10"), "2023-03-12", "R-LNK-4",
       "R-LNK-4/notice", "2023-02-28", Want::done},
      {"community correction: no notice", P("2023-03-31", "community_correction"), "2023-03-01", "R-LNK-4",
       "R-LNK-4/notice", "", Want::absent},
  });
}

// R-LNK-4 (§2.3.1): a mailed notice meets the sender's deadline by its postmark when known, and
// starts the receiver's deadline on the day it was received.
TEST(Rules, R_LNK_4_MailedNoticeByPostmark) {
  const auto sent = &PersonFacts::release_notice_sent;
  const PersonFacts posted_on_time = P("2023-03-31").set(sent, "2023-02-27").notice("2023-03-03");
  testing::check_table({
      {"posted 27 Feb, arrived 3 Mar: on time", posted_on_time, "2023-03-05", "R-LNK-4", "R-LNK-4/notice",
       "2023-02-28", Want::done},
      {"the reply counts from the arrival", posted_on_time, "2023-03-05", "R-LNK-4", "R-LNK-4/reply",
       "2023-03-13", Want::open},
      {"not arrived yet: not known", posted_on_time, "2023-03-01", "R-LNK-4", "R-LNK-4/notice", "2023-02-28",
       Want::overdue},
      {"no postmark: the arrival decides", P("2023-03-31").notice("2023-03-03"), "2023-03-05", "R-LNK-4",
       "R-LNK-4/notice", "2023-02-28", Want::done},
  });
  auto tasks = person_tasks(posted_on_time, PolicyTable(), D("2023-03-05"));
  const Task* notice = testing::find_task(tasks, "R-LNK-4/notice");
  ASSERT_NE(notice, nullptr);
  EXPECT_FALSE(notice->late);
  EXPECT_EQ(notice->fulfilled_on, D("2023-02-27"));
  auto unstamped = person_tasks(P("2023-03-31").notice("2023-03-03"), PolicyTable(), D("2023-03-05"));
  EXPECT_TRUE(testing::find_task(unstamped, "R-LNK-4/notice")->late);
}

// R-LNK-2: the due date the inbox shows comes from the engine (verification_feedback_months, in force
// on the day the form was received).
TEST(Rules, R_LNK_2_FeedbackDueFromThePolicy) {
  EXPECT_EQ(verification_feedback_due(PolicyTable(), D("2023-01-31")), D("2023-02-28"));
  PolicyTable two;
  ASSERT_TRUE(two.set("verification_feedback_months", "2", D("2023-03-01")).ok());
  EXPECT_EQ(verification_feedback_due(two, D("2023-02-28")), D("2023-03-28"));
  EXPECT_EQ(verification_feedback_due(two, D("2023-03-01")), D("2023-05-01"));
  auto tasks =
      person_tasks(P("2025-06-30").set(&PersonFacts::form_received, "2023-03-01"), two, D("2023-03-02"));
  EXPECT_EQ(testing::find_task(tasks, "R-LNK-2")->due, D("2023-05-01"));
}

// R-LNK-4 (§2.3.1), second half: the reception arrangement within reception_feedback_days (10) of
// receiving the notice and never after the release date. Owner: the household judicial office.
TEST(Rules, R_LNK_4_ReceptionArrangement) {
  const auto sent = &PersonFacts::reception_arrangement_sent;
  testing::check_table({
      {"notice 20 Feb: 10 days → 2 Mar", P("2023-03-31").notice("2023-02-20"), "2023-02-21", "R-LNK-4",
       "R-LNK-4/reply", "2023-03-02", Want::open},
      {"arrangement sent", P("2023-03-31").notice("2023-02-20").set(sent, "2023-03-01"), "2023-03-05",
       "R-LNK-4", "R-LNK-4/reply", "2023-03-02", Want::done},
      {"no arrangement after 10 days", P("2023-03-31").notice("2023-02-20"), "2023-03-03", "R-LNK-4",
       "R-LNK-4/reply", "2023-03-02", Want::overdue},
      {"never after the release date", P("2023-03-31").notice("2023-03-25"), "2023-03-26", "R-LNK-4",
       "R-LNK-4/reply", "2023-03-31", Want::open},
      {"notice arriving after release: due the same day", P("2023-03-31").notice("2023-04-02"), "2023-04-02",
       "R-LNK-4", "R-LNK-4/reply", "2023-04-02", Want::open},
      {"no notice: nothing to answer", P("2023-03-31"), "2023-03-26", "R-LNK-4", "R-LNK-4/reply", "",
       Want::absent},
  });
}

// R-LNK-4: the one function the inbox asks for the reception arrangement's due date (views.cpp)
// gives the task's due date, also where the release date or the day of arrival caps it.
TEST(Rules, R_LNK_4_ReceptionDueForTheInbox) {
  PolicyTable policy;
  EXPECT_EQ(reception_feedback_due(policy, D("2023-02-20"), D("2023-03-31")), D("2023-03-02"));
  EXPECT_EQ(reception_feedback_due(policy, D("2023-03-25"), D("2023-03-31")), D("2023-03-31"));
  EXPECT_EQ(reception_feedback_due(policy, D("2023-04-02"), D("2023-03-31")), D("2023-04-02"));
}

// R-LNK-4 with a policy change: reception_feedback_days 10 → 7 from 2027-01-01. The date the notice
// was received decides (the deadline is fixed when the obligation arises).
TEST(Rules, R_LNK_4_PolicyChangeByReceiptDate) {
  PolicyTable policy;
  ASSERT_TRUE(policy.set("reception_feedback_days", "7", D("2027-01-01")).ok());
  testing::check_table(
      {
          {"received 30 Dec 2026: 10 days", P("2027-02-15").notice("2026-12-30"), "2026-12-30", "R-LNK-4",
           "R-LNK-4/reply", "2027-01-09", Want::open},
          {"received 31 Dec 2026: 10 days", P("2027-02-15").notice("2026-12-31"), "2026-12-31", "R-LNK-4",
           "R-LNK-4/reply", "2027-01-10", Want::open},
          {"received 2 Jan 2027: 7 days", P("2027-02-15").notice("2027-01-02"), "2027-01-02", "R-LNK-4",
           "R-LNK-4/reply", "2027-01-09", Want::open},
      },
      policy);
}

// R-PCK-1 (key subject: township team) and R-PCK-2 (general subject: family and village
// representative): pick-up on the release day; the class on the release day decides (R-CLS-3: a
// reclassification before release switches the duty).
TEST(Rules, R_PCK_1_R_PCK_2_PickUp) {
  testing::check_table({
      {"general subject on release day", P("2023-05-10"), "2023-05-10", "R-PCK-2", "R-PCK-2", "2023-05-10",
       Want::open},
      {"general subject: no township team", P("2023-05-10"), "2023-05-10", "R-PCK-1", "R-PCK-1", "",
       Want::absent},
      {"key subject before release", P("2023-05-10").key("2023-04-01"), "2023-05-10", "R-PCK-1", "R-PCK-1",
       "2023-05-10", Want::open},
      {"key subject: no family pick-up", P("2023-05-10").key("2023-04-01"), "2023-05-10", "R-PCK-2",
       "R-PCK-2", "", Want::absent},
      {"reclassified general the day before release", P("2023-05-10").key("2023-01-01", "2023-05-10"),
       "2023-05-10", "R-PCK-2", "R-PCK-2", "2023-05-10", Want::open},
      {"key from the release day", P("2023-05-10").key("2023-05-10"), "2023-05-10", "R-PCK-1", "R-PCK-1",
       "2023-05-10", Want::open},
      {"picked up on the day", P("2023-05-10").picked_up("2023-05-10"), "2023-05-11", "R-PCK-2", "R-PCK-2",
       "2023-05-10", Want::done},
      {"no pick-up recorded", P("2023-05-10"), "2023-05-11", "R-PCK-2", "R-PCK-2", "2023-05-10",
       Want::overdue},
      {"notice received: preparation starts", P("2023-05-10").notice("2023-04-08"), "2023-04-20", "R-PCK-2",
       "R-PCK-2", "2023-05-10", Want::open},
      {"no notice: shown from the release day", P("2023-05-10"), "2023-04-20", "R-PCK-2", "R-PCK-2", "",
       Want::absent},
      {"community correction: no pick-up", P("2023-05-10", "community_correction"), "2023-05-10", "R-PCK-2",
       "R-PCK-2", "", Want::absent},
  });
}

// R-PCK-1 (§2.3.2), first half: before a key subject's release the household-registration judicial
// office notifies the township government and the police station. Window from the release notice's
// receipt or release_notice_months_before (1 month) before the release, whichever is earlier; due
// the day before the release; closed when both were notified (the later of the two dates).
TEST(Rules, R_PCK_1_NotifyTownshipAndPoliceBeforeRelease) {
  const auto town = &PersonFacts::release_notified_township;
  const auto police = &PersonFacts::release_notified_police;
  testing::check_table({
      {"key subject, a month before release: open", P("2023-05-10").key("2023-01-01"), "2023-04-10", "R-PCK-1",
       "R-PCK-1/notice", "2023-05-09", Want::open},
      {"key subject, before the window", P("2023-05-10").key("2023-01-01"), "2023-04-09", "R-PCK-1",
       "R-PCK-1/notice", "", Want::absent},
      {"notice received earlier opens it earlier", P("2023-05-10").key("2023-01-01").notice("2023-03-20"),
       "2023-03-25", "R-PCK-1", "R-PCK-1/notice", "2023-05-09", Want::open},
      {"general subject: no notification", P("2023-05-10"), "2023-04-20", "R-PCK-1", "R-PCK-1/notice", "",
       Want::absent},
      {"key only after the release: none", P("2023-05-10").key("2023-06-01"), "2023-06-02", "R-PCK-1",
       "R-PCK-1/notice", "", Want::absent},
      {"both notified: done", P("2023-05-10").key("2023-01-01").set(town, "2023-04-20").set(police, "2023-04-22"),
       "2023-04-25", "R-PCK-1", "R-PCK-1/notice", "2023-05-09", Want::done},
      {"only the township notified: still open", P("2023-05-10").key("2023-01-01").set(town, "2023-04-20"),
       "2023-04-25", "R-PCK-1", "R-PCK-1/notice", "2023-05-09", Want::open},
      {"on the release day without notification: overdue", P("2023-05-10").key("2023-01-01"), "2023-05-10",
       "R-PCK-1", "R-PCK-1/notice", "2023-05-09", Want::overdue},
      {"community correction: none", P("2023-05-10", "community_correction").key("2023-01-01"), "2023-04-20",
       "R-PCK-1", "R-PCK-1/notice", "", Want::absent},
  });
  auto tasks = person_tasks(P("2023-05-10").key("2023-01-01").set(town, "2023-04-20").set(police, "2023-05-10"),
                            PolicyTable(), D("2023-05-12"));
  const Task* t = testing::find_task(tasks, "R-PCK-1/notice");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->owner, owner::household_judicial_office);
  EXPECT_EQ(t->fulfilled_on, D("2023-05-10"));  // the later of the two
  EXPECT_TRUE(t->late);
  EXPECT_EQ(t->window_from, D("2023-04-10"));
  // The pick-up is a task of its own (the township's).
  EXPECT_NE(testing::find_task(tasks, "R-PCK-1"), nullptr);
}

// R-PER-1 (§2.3.3): end = release + 5 years (prison, detention centre) or + 3 years (community
// correction); 29 Feb → 28 Feb; an override (new sentence) replaces it.
TEST(Rules, R_PER_1_AssistanceEnd) {
  struct Case {
    const char* release;
    const char* kind;
    const char* override_end;
    const char* end;
  };
  const Case cases[] = {
      {"2024-02-29", "prison", nullptr, "2029-02-28"},
      {"2023-01-31", "detention_centre", nullptr, "2028-01-31"},
      {"2024-02-29", "community_correction", nullptr, "2027-02-28"},
      {"2028-02-29", "community_correction", nullptr, "2031-02-28"},
      {"2023-06-15", "prison", "2025-06-01", "2025-06-01"},
  };
  for (const Case& c : cases) {
    P p(c.release, c.kind);
    if (c.override_end) p.end(c.override_end);
    EXPECT_EQ(domain::to_string(assistance_end(p, PolicyTable())), c.end) << c.release << " " << c.kind;
  }
  // assistance_years_custody 5 → 4 from 2026-01-01: the release date decides.
  PolicyTable policy;
  ASSERT_TRUE(policy.set("assistance_years_custody", "4", D("2026-01-01")).ok());
  EXPECT_EQ(domain::to_string(assistance_end(P("2025-12-31"), policy)), "2030-12-31");
  EXPECT_EQ(domain::to_string(assistance_end(P("2026-01-01"), policy)), "2030-01-01");
  // The same function without facts, for the person file (no hard-coded years elsewhere).
  EXPECT_EQ(assistance_end(policy, D("2026-01-01"), "prison"), D("2030-01-01"));
  EXPECT_EQ(assistance_end(PolicyTable(), D("2024-02-29"), "community_correction"), D("2027-02-28"));
  PolicyTable correction;
  ASSERT_TRUE(correction.set("assistance_years_correction", "2", D("2020-01-01")).ok());
  EXPECT_EQ(assistance_end(correction, D("2024-02-29"), "community_correction"), D("2026-02-28"));
  EXPECT_EQ(assistance_end(correction, D("2024-02-29"), "detention_centre"), D("2029-02-28"));
}

// R-PER-1: no task after the end; a partial last period is due on the last day of assistance.
TEST(Rules, R_PER_1_NoTasksAfterEnd) {
  testing::check_table({
      {"released 29 Feb 2024: last day 27 Feb 2029 (58 days in 2029H1)", P("2024-02-29"), "2031-01-01",
       "R-VIS-1", "R-VIS-1/2029H1", "2029-02-27", Want::missed},
      {"released 29 Feb 2024: nothing in 2029H2", P("2024-02-29"), "2031-01-01", "R-VIS-1", "R-VIS-1/2029H2",
       "", Want::absent},
      {"end 20 Jan 2028: 19 days in 2028H1, no task", P("2023-01-20"), "2029-01-01", "R-VIS-1",
       "R-VIS-1/2028H1", "", Want::absent},
      {"end 20 Jan 2028: 2027H2 is the last", P("2023-01-20"), "2029-01-01", "R-VIS-1", "R-VIS-1/2027H2",
       "2027-12-31", Want::missed},
      {"end 20 Jan 2028, today in the last period: no next one", P("2023-01-20"), "2027-12-01", "R-VIS-1",
       "R-VIS-1/2028H1", "", Want::absent},
      {"end 10 Feb 2028: 40 days in 2028H1, due on the last day", P("2023-02-10"), "2029-01-01", "R-VIS-1",
       "R-VIS-1/2028H1", "2028-02-09", Want::missed},
      {"ended early by a new sentence", P("2023-01-10").end("2024-03-15"), "2025-01-01", "R-VIS-1",
       "R-VIS-1/2024H1", "2024-03-14", Want::missed},
      {"ended early: no later period", P("2023-01-10").end("2024-03-15"), "2025-01-01", "R-VIS-1",
       "R-VIS-1/2024H2", "", Want::absent},
  });
  int visits = 0;
  for (const Task& t : person_tasks(P("2024-02-29"), PolicyTable(), D("2031-01-01")))
    visits += t.rule == "R-VIS-1";
  EXPECT_EQ(visits, 11);  // 2024H1 (123 days) … 2029H1
}

// R-JUR-1 / R-JUR-2: a transfer of residence or an identity still unknown changes who owns the
// duties (the app maps owner roles to units), never a date, key or state.
TEST(Rules, R_JUR_2_TransferAndUnknownIdentityChangeNoDate) {
  PersonFacts base =
      P("2023-05-10").key("2023-04-01", "2023-09-01").visit("2023-08-02").registered("2023-05-20");
  PersonFacts moved = base;
  moved.residence_unit_id = 99;
  PersonFacts unknown = base;
  unknown.identity_verified = false;
  const CivilDate today = D("2024-02-01");
  auto expect_same = [&](const PersonFacts& other) {
    auto a = person_tasks(base, PolicyTable(), today);
    auto b = person_tasks(other, PolicyTable(), today);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].key, b[i].key);
      EXPECT_EQ(a[i].due, b[i].due);
      EXPECT_EQ(a[i].state, b[i].state);
      EXPECT_EQ(a[i].owner, b[i].owner);
    }
  };
  expect_same(moved);
  expect_same(unknown);
}

}  // namespace
}  // namespace anbang::rules

namespace anbang::rules {
// R-VIS-1 / R-REG-1: a kept open task past its due date shows as missed when recurring, overdue
// when one-off; on or before its due date, and in any other state, it shows as stored.
TEST(Rules, R_VIS_1_ShownStateOfAKeptTask) {
  EXPECT_EQ(shown_state("open", "R-VIS-1", "2026-06-30", "2026-07-01"), "missed");
  EXPECT_EQ(shown_state("open", "R-REG-1", "2026-06-30", "2026-07-01"), "overdue");
  EXPECT_EQ(shown_state("open", "R-REG-1", "2026-06-30", "2026-06-30"), "open");
  EXPECT_EQ(shown_state("done", "R-VIS-1", "2026-06-30", "2026-07-01"), "done");
}
}  // namespace anbang::rules
