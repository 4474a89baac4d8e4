// The needs list (issue 9 item 1) and social insurance (R-INS-1) on a fresh demo database
// (2026-11-26): the registration's needs become open needs, assessments and actions are dated rows,
// scope, bad input changes nothing.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "store/needs_repo.hpp"

namespace anbang::app {
namespace {

std::int64_t rows_of(TestWorld& w, std::int64_t person) {
  return w.scalar("SELECT (SELECT COUNT(*) FROM needs WHERE person_id = ?) + (SELECT COUNT(*) FROM need_updates u "
                  "JOIN needs n ON n.id = u.need_id WHERE n.person_id = ?) + (SELECT COUNT(*) FROM insurance_entries "
                  "WHERE person_id = ?)",
                  {person, person, person});
}

// Removes the person's needs and insurance entries (the demo's), so that a test starts from none.
void clear(TestWorld& w, std::int64_t person, bool registration) {
  auto cleared = w.app->core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    for (const char* sql : {"DELETE FROM need_updates WHERE need_id IN (SELECT id FROM needs WHERE person_id = ?)",
                            "DELETE FROM needs WHERE person_id = ?", "DELETE FROM insurance_entries WHERE person_id = ?",
                            "DELETE FROM insurance_civil_servant WHERE person_id = ?"}) {
      auto n = c.exec(sql, {person});
      if (!n.ok()) return n.error();
    }
    if (registration) {
      auto n = c.exec("DELETE FROM registrations WHERE person_id = ?", {person});
      if (!n.ok()) return n.error();
    }
    return {};
  });
  ASSERT_TRUE(cleared.ok());
}

}  // namespace

TEST(NeedsService, Issue9_needs_list_registration_needs_become_open_needs_idempotently) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  clear(w, p.id, true);
  const std::int64_t events = w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'need.raised'", {p.id});
  RegistrationInput in;
  in.registered_on = "2026-11-20";
  in.certificate_no = "SF-T-1";
  in.needs = R"({"work":true,"housing":true,"money":false})";
  auto reg = w.app->supervision.record_registration(sfs, p.id, in);
  ASSERT_TRUE(reg.ok()) << reg.error().code << " " << reg.error().message;
  auto needs = w.app->needs.person_needs(sfs, p.id);
  ASSERT_TRUE(needs.ok());
  ASSERT_EQ(needs->pending().size(), 2u);
  for (const auto& n : needs->pending()) {
    EXPECT_EQ(n.status, "open");
    EXPECT_EQ(n.source, "registration");
    EXPECT_EQ(n.raised_on, "2026-11-20");
  }
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'need.raised'", {p.id}), events + 2);
  // The backfill (the migration's statements) raises nothing twice.
  auto again = w.app->core.db().transact(store::TxKind::write, [](store::Connection& c) -> Status {
    auto n = store::backfill_registration_needs(c, std::nullopt);
    if (!n.ok()) return n.error();
    return {};
  });
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM needs WHERE person_id = ?", {p.id}), 2);
}

TEST(NeedsService, Issue9_needs_list_R_EMP_1_action_and_met_are_new_rows) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  clear(w, p.id, false);
  NeedAssessment a;
  a.source = "assessment";
  a.assessed_on = "2026-11-24";
  a.items = {{"documents", "open", "身份证遗失"}};
  auto ids = w.app->needs.assess(sfs, p.id, a);
  ASSERT_TRUE(ids.ok()) << ids.error().code << " " << ids.error().message;
  ASSERT_EQ(ids->size(), 1u);
  const std::int64_t need = ids->front();
  auto act = w.app->needs.update_need(sfs, p.id, need, {"2026-11-25", "in_progress", "协助补办身份证", "help_plan_measure"});
  ASSERT_TRUE(act.ok()) << act.error().code;
  auto met = w.app->needs.update_need(sfs, p.id, need, {"2026-11-26", "met", "", ""});
  ASSERT_TRUE(met.ok()) << met.error().code;
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM need_updates WHERE need_id = ?", {need}), 3);
  auto needs = w.app->needs.person_needs(sfs, p.id);
  ASSERT_TRUE(needs.ok());
  bool found = false;
  for (const auto& n : needs->pending())
    if (n.id == need) {
      found = true;
      EXPECT_EQ(n.status, "met");
      ASSERT_EQ(n.updates.size(), 3u);
      EXPECT_EQ(n.updates[0].status.value_or(""), "open");
    }
  EXPECT_TRUE(found);
  // A later assessment of the same category raises a new need (the old one is met).
  auto again = w.app->needs.assess(sfs, p.id, a);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->front(), need);
}

TEST(NeedsService, Issue9_needs_list_bad_input_and_scope_change_nothing) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  AuthedCtx other = w.login("sfs_002");
  auto p = w.released_in("500153001");
  const std::int64_t before = rows_of(w, p.id);
  NeedAssessment a;
  a.assessed_on = "2026-11-24";
  a.items = {{"car", "open", ""}};
  auto r = w.app->needs.assess(sfs, p.id, a);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "NEED_CATEGORY");
  a.items = {{"work", "done", ""}};
  EXPECT_EQ(w.app->needs.assess(sfs, p.id, a).error().code, "NEED_STATUS");
  a.items = {{"work", "open", ""}};
  a.assessed_on = "2026-12-01";
  EXPECT_FALSE(w.app->needs.assess(sfs, p.id, a).ok());
  a.assessed_on = "2026-11-24";
  auto refused = w.app->needs.assess(other, p.id, a);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PERSON_NOT_FOUND");
  EXPECT_FALSE(w.app->needs.person_needs(other, p.id).ok());
  EXPECT_EQ(rows_of(w, p.id), before);
}

TEST(NeedsService, R_INS_1_entries_keep_history_and_steps_fit_the_status) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  clear(w, p.id, false);
  const std::int64_t before = 0;
  ASSERT_TRUE(w.app->needs.record_insurance(sfs, p.id, {"pension_employee", "transferring", "transfer_applied", "2026-10-01", "荣昌区社保中心", ""}).ok());
  ASSERT_TRUE(w.app->needs.record_insurance(sfs, p.id, {"pension_employee", "transferred", "transfer_completed", "2026-11-20", "", ""}).ok());
  auto bad = w.app->needs.record_insurance(sfs, p.id, {"pension_employee", "lapsed", "transfer_completed", "2026-11-21", "", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "INSURANCE_STEP_STATUS");
  EXPECT_EQ(w.app->needs.record_insurance(sfs, p.id, {"car", "insured", "", "2026-11-21", "", ""}).error().code,
            "INSURANCE_SCHEME");
  EXPECT_FALSE(w.app->needs.record_insurance(sfs, p.id, {"medical", "insured", "", "2026-11-27", "", ""}).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM insurance_entries WHERE person_id = ?", {p.id}), before + 2);
  ASSERT_TRUE(w.app->needs.record_civil_servant(sfs, p.id, {true, "2026-11-20", ""}).ok());
  EXPECT_EQ(w.app->needs.record_civil_servant(sfs, p.id, {true, "2026-11-21", ""}).error().code, "NOTHING_CHANGED");
  auto v = w.app->needs.person_insurance(sfs, p.id);
  ASSERT_TRUE(v.ok());
  ASSERT_FALSE(v->pending().entries.empty());
  EXPECT_EQ(v->pending().entries.back().status, "transferred");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND kind = 'insurance'", {p.id}), 3);
}

}  // namespace anbang::app
