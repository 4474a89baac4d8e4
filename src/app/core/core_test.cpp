// The core's promises, on a fresh demo database with a fixed clock: the guard is the only way to a
// person (refusals on record), a change cannot commit without its change record, every change runs
// the person-changed step, and slow work reports its progress.
#include <gtest/gtest.h>

#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/test_support.hpp"
#include "store/obligation_repo.hpp"

namespace anbang::app {
namespace {

std::int64_t count(TestWorld& w, const std::string& sql, store::Params p = {}) {
  auto n = transact_value<std::int64_t>(*w.db, store::TxKind::read,
                                        [&](store::Connection& c) { return c.scalar(sql, p); });
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

// A person of 昌元街道 (township 001) under assistance.
std::int64_t person_of_001(TestWorld& w) {
  return count(w,
               "SELECT MIN(p.id) FROM persons p JOIN units h ON h.id = p.household_unit_id "
               "JOIN units r ON r.id = p.residence_unit_id "
               "WHERE h.code LIKE '500153001%' AND r.code LIKE '500153001%'");
}

}  // namespace

TEST(Core, AChangeWithoutItsChangeRecordIsRolledBack) {
  TestWorld w(60);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t id = person_of_001(w);
  const std::int64_t before = count(w, "SELECT COUNT(*) FROM follow_ups");
  auto r = change_person<bool>(w.app->core, ctx, "visit:record", id, [&](PersonWrite& pw, const Reached&) -> Result<bool> {
    store::FollowUp f{id, "visit", "2026-11-20", "", "", "", ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
    if (auto x = store::insert_follow_up(pw.c, f); !x.ok()) return x.error();
    return true;  // …and records nothing
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "UNRECORDED_CHANGE");
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM follow_ups"), before);
}

TEST(Core, EveryChangeEndsWithItsRecordTimelineAndConsequences) {
  TestWorld w(60);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t id = person_of_001(w);
  int ran = 0;
  w.app->core.add_consequence("probe", [&](store::Connection&, const AuthedCtx&, std::int64_t pid) {
    if (pid == id) ++ran;
    return Status{};
  });
  auto r = change_person<bool>(w.app->core, ctx, "visit:record", id, [&](PersonWrite& pw, const Reached& p) -> Result<bool> {
    pw.record(id, p.record().name, Change{"probe_change", {{"x", 1}}, "visit", "followup.visit", {{"held_on", "2026-11-20"}}});
    return true;
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM audit_log WHERE action = 'probe_change' AND object_id = ?", {id}), 1);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'followup.visit'", {id}), 1);
}

TEST(Core, OutsideTheJurisdictionIsNotFoundAndTheRefusalIsOnRecord) {
  TestWorld w(60);
  AuthedCtx other = w.login("sfs_101");  // another township's judicial office
  std::int64_t id = person_of_001(w);
  auto read = read_person<int>(w.app->core, other, "person:read", id, "", [](store::Connection&, const Reached&) {
    return Result<int>(1);
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, "PERSON_NOT_FOUND");
  auto write = change_person<bool>(w.app->core, other, "visit:record", id,
                                   [](PersonWrite&, const Reached&) -> Result<bool> { return true; });
  EXPECT_EQ(write.error().code, "PERSON_NOT_FOUND");
  // The access log is written by group commit: a synchronous write after the refusals flushes them.
  ASSERT_TRUE(w.app->core.access_log().write(store::AuditRecord{}).ok());
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM audit.access_log WHERE action = 'person_refused' AND object_id = ?", {id}), 2);
  // The one named bypass reaches it.
  AuthedCtx sys = system_context(w.app->core, "test");
  auto as_system = read_person<int>(w.app->core, sys, "", id, "", [](store::Connection&, const Reached&) {
    return Result<int>(1);
  });
  EXPECT_TRUE(as_system.ok());
}

TEST(Core, AReadHandsItsValueOutOnlyWithItsAccessRecord) {
  TestWorld w(60);
  AuthedCtx ctx = w.login("sfs_001");
  std::int64_t id = person_of_001(w);
  const std::int64_t before = count(w, "SELECT COUNT(*) FROM audit.access_log WHERE action = 'person_read'");
  auto read = w.app->persons.read(ctx, id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->record().object_id, id);
  auto value = release(w.app->core.access_log(), std::move(read).value());
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->record.id, id);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM audit.access_log WHERE action = 'person_read'"), before + 1);
}

TEST(Core, SlowWorkRunsAsAJobWithProgress) {
  TestWorld w(0);
  Jobs jobs;
  auto id = jobs.start("probe", "tester", 1, [] { return std::int64_t{2}; }, [](const Jobs::Progress& p) {
    p(5, 10);
    p(10, 10);
    return Status{};
  });
  ASSERT_TRUE(id.ok());
  jobs.wait_all();
  auto j = jobs.find(*id);
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->state, "done");
  EXPECT_EQ(j->done, 10);
  EXPECT_EQ(j->total, 10);
  EXPECT_EQ(j->finished_at, 2);
}

}  // namespace anbang::app
