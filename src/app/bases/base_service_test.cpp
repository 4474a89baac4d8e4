// Transitional bases (R-BASE-1) and skills trainings (R-EMP-2) on a fresh demo database
// (2026-11-26): the last place under concurrent placements, scope, and human resources' narrow way
// to the persons it trains.
#include <gtest/gtest.h>

#include <thread>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

std::int64_t base_with_places(TestWorld& w, const AuthedCtx& ctx, std::int64_t places) {
  auto id = w.app->bases.create(ctx, {"enterprise", std::nullopt, "测试基地", "测试企业", "", "", "", ""});
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().code);
  auto a = w.app->bases.add_agreement(ctx, *id, {"2026-01-01", "2026-01-01", "2026-12-31", places, {"lodging"}});
  EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().code);
  return *id;
}

std::vector<std::int64_t> unplaced_of_001(TestWorld& w, int n) {
  auto ids = transact_value<std::vector<std::int64_t>>(
      w.app->core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<std::int64_t>> {
        auto rows = c.query(
            "SELECT p.id FROM persons p JOIN units u ON u.id = p.residence_unit_id WHERE u.code LIKE '500153001%' "
            "AND p.release_date <= '2026-09-01' AND p.assistance_end_date > '2026-12-31' AND NOT EXISTS (SELECT 1 "
            "FROM base_placements b WHERE b.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM custody_intervals c "
            "WHERE c.person_id = p.id) ORDER BY p.id LIMIT ?",
            {std::int64_t{n}});
        if (!rows.ok()) return rows.error();
        std::vector<std::int64_t> out;
        for (const auto& r : *rows) out.push_back(r.i64(0));
        return out;
      });
  EXPECT_TRUE(ids.ok());
  return ids.ok() ? *ids : std::vector<std::int64_t>{};
}

}  // namespace

TEST(BaseService, R_BASE_1_two_placements_race_for_the_last_place) {
  TestWorld w(120);
  AuthedCtx sfs = w.login("sfs_001");
  const std::int64_t base = base_with_places(w, sfs, 1);
  auto persons = unplaced_of_001(w, 2);
  ASSERT_EQ(persons.size(), 2u);
  Result<std::int64_t> r1 = Error{}, r2 = Error{};
  std::thread a([&] { r1 = w.app->bases.place(sfs, persons[0], {base, "2026-11-26", ""}); });
  std::thread b([&] { r2 = w.app->bases.place(sfs, persons[1], {base, "2026-11-26", ""}); });
  a.join();
  b.join();
  ASSERT_NE(r1.ok(), r2.ok()) << (r1.ok() ? "" : r1.error().code) << " " << (r2.ok() ? "" : r2.error().code);
  EXPECT_EQ((r1.ok() ? r2 : r1).error().code, "BASE_FULL");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM base_placements WHERE base_id = ? AND ended_on IS NULL", {base}), 1);
}

TEST(BaseService, R_BASE_1_another_township_cannot_place_a_person_it_does_not_reach) {
  TestWorld w(120);
  AuthedCtx own = w.login("sfs_001"), other = w.login("sfs_101");
  const std::int64_t base = base_with_places(w, other, 5);
  auto persons = unplaced_of_001(w, 1);
  ASSERT_EQ(persons.size(), 1u);
  auto r = w.app->bases.place(other, persons[0], {base, "2026-11-26", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "PERSON_NOT_FOUND");
  // Nor into a base of another township it does not see.
  auto into_other = w.app->bases.place(own, persons[0], {base, "2026-11-26", ""});
  ASSERT_FALSE(into_other.ok());
  EXPECT_EQ(into_other.error().code, "BASE_NOT_FOUND");
}

TEST(BaseService, R_BASE_1_no_placement_into_an_expired_agreement) {
  TestWorld w(120);
  AuthedCtx sfs = w.login("sfs_001");
  auto id = w.app->bases.create(sfs, {"enterprise", std::nullopt, "过期基地", "", "", "", "", ""});
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(w.app->bases.add_agreement(sfs, *id, {"2025-01-01", "2025-01-01", "2026-10-31", 3, {}}).ok());
  auto persons = unplaced_of_001(w, 1);
  ASSERT_EQ(persons.size(), 1u);
  auto r = w.app->bases.place(sfs, persons[0], {*id, "2026-11-26", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "NO_VALID_AGREEMENT");
  // Dated back inside the agreement (within the back-dating limit) it is accepted.
  auto back = w.app->bases.place(sfs, persons[0], {*id, "2026-10-15", ""});
  EXPECT_TRUE(back.ok()) << (back.ok() ? "" : back.error().code);
}

TEST(TrainingService, R_EMP_2_human_resources_records_attendance_but_reads_no_file) {
  TestWorld w(120);
  AuthedCtx rs = w.login("rs"), sfs = w.login("sfs_001");
  auto t = w.app->trainings.create(rs, {"电工", "荣昌技工学校", "", "2026-11-20", "2026-11-30", "", 1});
  ASSERT_TRUE(t.ok()) << t.error().code;
  auto persons = unplaced_of_001(w, 2);
  ASSERT_EQ(persons.size(), 2u);
  auto e = w.app->trainings.enrol(sfs, *t, persons[0]);
  ASSERT_TRUE(e.ok()) << e.error().code;
  auto full = w.app->trainings.enrol(sfs, *t, persons[1]);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, "TRAINING_FULL");
  EXPECT_FALSE(w.app->trainings.enrol(rs, *t, persons[1]).ok());  // human resources enrols nobody
  auto certified = [&] {
    return w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'training.certified'", {persons[0]});
  };
  const std::int64_t before = certified();
  ASSERT_TRUE(w.app->trainings.record_attendance(rs, *e, {true, "RC-1"}).ok());
  EXPECT_EQ(certified(), before + 1);
  EXPECT_FALSE(w.app->trainings.person_trainings(rs, persons[0]).ok());
  EXPECT_FALSE(w.app->bases.person_placements(rs, persons[0]).ok());
  EXPECT_FALSE(w.app->trainings.record_attendance(sfs, *e, {true, ""}).ok());  // only human resources
}

TEST(BaseRepo, R_BASE_1_persons_in_base_on_a_day) {
  TestWorld w(120);
  AuthedCtx sfs = w.login("sfs_001");
  const std::int64_t base = base_with_places(w, sfs, 5);
  auto persons = unplaced_of_001(w, 2);
  ASSERT_EQ(persons.size(), 2u);
  auto p = w.app->bases.place(sfs, persons[0], {base, "2026-11-01", ""});
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(w.app->bases.end(sfs, *p, {"2026-11-20", ""}).ok());
  auto on = [&](const char* day) {
    return transact_value<std::set<std::int64_t>>(w.app->core.db(), store::TxKind::read, [&](store::Connection& c) {
      return store::persons_in_base_on(c, persons, day);
    });
  };
  EXPECT_EQ(on("2026-10-31")->size(), 0u);
  EXPECT_EQ(on("2026-11-01")->count(persons[0]), 1u);
  EXPECT_EQ(on("2026-11-19")->count(persons[0]), 1u);
  EXPECT_EQ(on("2026-11-20")->size(), 0u);  // the day they left
}

}  // namespace anbang::app
