// The visit log and full reviews through the use-case layer, on a fresh demo database with a fixed
// clock (2026-11-26): R-VIS-1/2 (which visits close the task), R-LOST-1 (two not-found visits in a
// row), R-REV-1 / R-CLS-3 (a confirmed review reclassifies with the review as its reason).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/test_support.hpp"
#include "store/document_repo.hpp"

namespace anbang::app {

namespace {

// A person of township 500153001 under assistance, with no visit in the current half-year (the demo
// may have visited them).
store::PersonRecord unvisited(TestWorld& w) {
  store::PersonRecord p = w.released_in("500153001");
  auto s = w.db->transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto n = c.exec("DELETE FROM follow_ups WHERE person_id = ?", {p.id});
    if (!n.ok()) return n.error();
    return w.app->obligations.refresh_tasks(c, p.id, domain::CivilDate{2026, 11, 26});
  });
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return p;
}

VisitInput visit(const std::string& day, const std::string& outcome, const std::string& form = "home_visit") {
  VisitInput v;
  v.held_on = day;
  v.form = form;
  v.outcome = outcome;
  v.place = "本人家中";
  v.members = {{"村居干部", std::nullopt}, {"家属", std::nullopt}};
  v.aspects = {{"work", "务农"}, {"family", "和睦"}, {"living", "自有住房"}, {"health", "良好"}, {"thinking", "稳定"}};
  v.findings = "无";
  v.help_given = "讲解政策";
  v.next_steps = "下月再访";
  return v;
}

std::string visit_task_state(TestWorld& w, std::int64_t person) {
  auto s = w.scalar(
      "SELECT CASE state WHEN 'done' THEN 1 ELSE 0 END FROM tasks WHERE person_id = ? AND rule = 'R-VIS-1' AND "
      "due = '2026-12-31'",
      {person});
  return s == 1 ? "done" : "open";
}

// Makes the person a key subject: a release notice assessing a high risk (R-CLS-1), then the class.
void make_key(TestWorld& w, std::int64_t person) {
  auto ctx = system_context(w.app->core, "test");
  auto s = w.db->transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    store::Document d;
    d.kind = "release_notice";
    d.person_id = person;
    d.received_on = "2026-01-01";
    d.data = R"({"risk_level":"high","reoffending_tendency":true})";
    d.created_at = ctx.now - 86400 * 300;
    if (auto id = store::insert_document(c, d); !id.ok()) return id.error();
    return w.app->classification.reclassify(c, ctx, person);
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(w.scalar("SELECT key_subject FROM persons WHERE id = ?", {person}), 1);
}

ReviewInput review(const std::string& tendency, const std::string& recommendation) {
  ReviewInput r;
  r.held_on = "2026-11-20";
  r.recommendation = recommendation;
  r.findings = "表现良好";
  r.conclusions = {{"reoffending_tendency", tendency, "与原同案人员断绝来往"},
                   {"three_false", "does_not_hold", ""},
                   {"three_none", "does_not_hold", ""},
                   {"national_security", "unknown", ""}};
  return r;
}

}  // namespace

// R-VIS-1: the full form is stored; a not-found visit leaves the half-year's task open, a met one
// closes it.
TEST(FollowUps, R_VIS_1_NotFoundLeavesTheTaskOpenMetClosesIt) {
  TestWorld w(80);
  store::PersonRecord p = unvisited(w);
  AuthedCtx sfs = w.login("sfs_001");
  ASSERT_EQ(visit_task_state(w, p.id), "open");
  auto nf = w.app->follow_ups.record_visit(sfs, p.id, visit("2026-11-20", "not_found"));
  ASSERT_TRUE(nf.ok()) << nf.error().message;
  EXPECT_FALSE(nf->fulfils);
  EXPECT_EQ(visit_task_state(w, p.id), "open");
  auto met = w.app->follow_ups.record_visit(sfs, p.id, visit("2026-11-22", "met", "talk"));
  ASSERT_TRUE(met.ok()) << met.error().message;
  EXPECT_TRUE(met->fulfils);
  EXPECT_EQ(visit_task_state(w, p.id), "done");
  auto list = w.app->follow_ups.visits(sfs, p.id);
  ASSERT_TRUE(list.ok()) << list.error().code << " " << list.error().message;
  ASSERT_EQ(list->pending().items.size(), 2u);
  EXPECT_FALSE(list->pending().whereabouts_unknown);
  const auto& newest = list->pending().items.front();
  EXPECT_EQ(newest.form, "talk");
  EXPECT_EQ(newest.outcome, "met");
  EXPECT_EQ(nlohmann::json::parse(newest.aspects)["thinking"], "稳定");
  EXPECT_EQ(nlohmann::json::parse(newest.members).size(), 2u);
  EXPECT_EQ(newest.help_given, "讲解政策");
}

// R-VIS-2: a refused visit reached the person and closes the task.
TEST(FollowUps, R_VIS_2_RefusedVisitCloses) {
  TestWorld w(80);
  store::PersonRecord p = unvisited(w);
  AuthedCtx sfs = w.login("sfs_001");
  ASSERT_TRUE(w.app->follow_ups.record_visit(sfs, p.id, visit("2026-11-20", "refused", "phone")).ok());
  EXPECT_EQ(visit_task_state(w, p.id), "done");
}

// R-LOST-1: two not-found visits in a row mark the whereabouts unknown (timeline entry); a later met
// visit clears the flag (timeline entry).
TEST(FollowUps, R_LOST_1_TwoNotFoundVisitsInARowThenMetClears) {
  TestWorld w(80);
  store::PersonRecord p = unvisited(w);
  AuthedCtx cadre = w.login("sfs_001");
  auto events = [&](const char* code) {
    return w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = ?", {p.id, std::string(code)});
  };
  auto flag = [&] { return w.scalar("SELECT whereabouts_unknown FROM persons WHERE id = ?", {p.id}); };
  auto first = w.app->follow_ups.record_visit(cadre, p.id, visit("2026-11-18", "not_found"));
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->whereabouts_unknown);
  EXPECT_EQ(flag(), 0);
  auto second = w.app->follow_ups.record_visit(cadre, p.id, visit("2026-11-20", "not_found", "at_work"));
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->whereabouts_unknown);
  EXPECT_EQ(flag(), 1);
  EXPECT_EQ(events("whereabouts.unknown"), 1);
  auto lost = w.app->obligations.supervision_list(cadre, "lost");
  ASSERT_TRUE(lost.ok()) << lost.error().message;
  bool listed = false;
  for (const auto& r : lost->pending()) listed = listed || (r.person_id == p.id && r.reason == "whereabouts_unknown");
  EXPECT_TRUE(listed);
  auto third = w.app->follow_ups.record_visit(cadre, p.id, visit("2026-11-25", "met"));
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->whereabouts_unknown);
  EXPECT_EQ(flag(), 0);
  EXPECT_EQ(events("whereabouts.found"), 1);
}

// Bad codes are refused by field; a village cadre of another village does not reach the person.
TEST(FollowUps, R_VIS_1_BadCodesAndJurisdiction) {
  TestWorld w(80);
  store::PersonRecord p = unvisited(w);
  AuthedCtx sfs = w.login("sfs_001");
  auto bad_form = w.app->follow_ups.record_visit(sfs, p.id, visit("2026-11-20", "met", "home"));
  ASSERT_FALSE(bad_form.ok());
  EXPECT_EQ(bad_form.error().code, "FIELD_VALUE");
  EXPECT_EQ(bad_form.error().field, "form");
  auto bad_outcome = w.app->follow_ups.record_visit(sfs, p.id, visit("2026-11-20", "gone"));
  EXPECT_EQ(bad_outcome.error().field, "outcome");
  VisitInput v = visit("2026-11-20", "met");
  v.aspects.push_back({"money", "x"});
  EXPECT_EQ(w.app->follow_ups.record_visit(sfs, p.id, v).error().field, "aspects.money");
  AuthedCtx other = w.login("sfs_002");
  EXPECT_EQ(w.app->follow_ups.record_visit(other, p.id, visit("2026-11-20", "met")).error().code, "PERSON_NOT_FOUND");
}

// R-REV-1 / R-CLS-3: a review of a key subject whose conclusions no longer hold recommends a change;
// only review:confirm confirms it; once confirmed the person is a general subject and the class change
// names the review.
TEST(FollowUps, R_REV_1_ConfirmedReviewReclassifies) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  make_key(w, p.id);
  AuthedCtx zj = w.login("zj_001");
  // The recommendation must fit the conclusions.
  auto mismatch = w.app->follow_ups.record_review(zj, p.id, review("does_not_hold", "keep"));
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, "REVIEW_RECOMMENDATION_MISMATCH");
  auto missing = review("does_not_hold", "change");
  missing.conclusions.pop_back();
  EXPECT_EQ(w.app->follow_ups.record_review(zj, p.id, missing).error().code, "FIELD_REQUIRED");
  auto id = w.app->follow_ups.record_review(zj, p.id, review("does_not_hold", "change"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(w.scalar("SELECT key_subject FROM persons WHERE id = ?", {p.id}), 1);  // not before confirmation
  auto listed = w.app->follow_ups.reviews(zj, p.id);
  ASSERT_TRUE(listed.ok()) << listed.error().code << " " << listed.error().message;
  ASSERT_EQ(listed->pending().size(), 1u);
  EXPECT_EQ(listed->pending()[0].state, "awaiting_confirmation");
  EXPECT_FALSE(listed->pending()[0].can_confirm);  // the township records, the judicial office confirms
  EXPECT_EQ(w.app->follow_ups.confirm_review(zj, p.id, *id).error().code, "PERMISSION_DENIED");
  AuthedCtx other = w.login("sfs_002");
  EXPECT_EQ(w.app->follow_ups.confirm_review(other, p.id, *id).error().code, "PERSON_NOT_FOUND");
  AuthedCtx sfs = w.login("sfs_001");
  ASSERT_TRUE(w.app->follow_ups.confirm_review(sfs, p.id, *id).ok());
  EXPECT_EQ(w.scalar("SELECT key_subject FROM persons WHERE id = ?", {p.id}), 0);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'class.general' AND "
                     "json_extract(params, '$.review_id') = ?",
                     {p.id, *id}),
            1);
  EXPECT_EQ(w.app->follow_ups.confirm_review(sfs, p.id, *id).error().code, "REVIEW_ALREADY_CONFIRMED");
  // A general subject is not reviewed any more.
  EXPECT_EQ(w.app->follow_ups.record_review(zj, p.id, review("does_not_hold", "keep")).error().code,
            "NOT_KEY_SUBJECT");
}

// A review that keeps the class needs no confirmation and changes no input.
TEST(FollowUps, R_REV_1_KeepNeedsNoConfirmation) {
  TestWorld w(80);
  store::PersonRecord p = w.released_in("500153001");
  make_key(w, p.id);
  AuthedCtx zj = w.login("zj_001");
  auto id = w.app->follow_ups.record_review(zj, p.id, review("holds", "keep"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  AuthedCtx sfs = w.login("sfs_001");
  EXPECT_EQ(w.app->follow_ups.confirm_review(sfs, p.id, *id).error().code, "REVIEW_CONFIRM_NOT_NEEDED");
  auto listed = w.app->follow_ups.reviews(sfs, p.id);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->pending()[0].state, "not_needed");
  EXPECT_EQ(w.scalar("SELECT key_subject FROM persons WHERE id = ?", {p.id}), 1);
}

}  // namespace anbang::app
