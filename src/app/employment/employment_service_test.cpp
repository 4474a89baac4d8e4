// Employment (R-EMP-1, R-EMP-3) and the 安置情况 on a fresh demo database (2026-11-26): status
// entries with their history, services, benefits with their checks, the derived value on the person
// (list filter) and the scope of a judicial office.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

EmploymentStatusInput employed(const std::string& since = "2026-11-01") {
  EmploymentStatusInput in;
  in.kind = "employed";
  in.since = since;
  in.employer = "荣昌区某陶瓷有限公司";
  in.job = "包装工";
  return in;
}

EmploymentBenefitInput loan(std::int64_t dept) {
  EmploymentBenefitInput in;
  in.kind = "micro_loan";
  in.department_unit_id = dept;
  in.amount_fen = 5000000;
  in.from_on = "2026-10-15";
  in.to_on = "2028-10-14";
  in.lender = "荣昌农商银行";
  return in;
}

}  // namespace

TEST(EmploymentService, R_EMP_1_status_history_and_the_current_one) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  EmploymentStatusInput seeking;
  seeking.kind = "seeking_work";
  seeking.since = "2026-09-01";
  auto a = w.app->employment.record_status(sfs, p.id, seeking);
  ASSERT_TRUE(a.ok()) << a.error().code << " " << a.error().message;
  auto b = w.app->employment.record_status(sfs, p.id, employed());
  ASSERT_TRUE(b.ok()) << b.error().code << " " << b.error().message;
  auto file = w.app->employment.person_employment(sfs, p.id);
  ASSERT_TRUE(file.ok());
  const EmploymentFile& f = file->pending();
  ASSERT_GE(f.statuses.size(), 2u);
  ASSERT_TRUE(f.current.has_value());
  EXPECT_EQ(f.current->id, *b);
  EXPECT_EQ(f.current->employer, "荣昌区某陶瓷有限公司");
  EXPECT_EQ(domain::code(f.resettlement.status), "employed");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND resettlement = 'employed'", {p.id}), 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'employment.status'", {p.id}),
            static_cast<std::int64_t>(f.statuses.size()));
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'employment_status' AND username = 'sfs_001'"), 2);
}

TEST(EmploymentService, R_EMP_1_resettlement_reason_and_family_on_the_person) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  // The demo may have placed this person in a base or granted them assistance; either outranks the
  // statuses this test is about (domain/resettlement), so they are taken away first.
  auto cleared = w.app->core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    for (const char* sql : {"DELETE FROM assistance_steps WHERE application_id IN "
                            "(SELECT id FROM assistance_applications WHERE person_id = ?)",
                            "DELETE FROM assistance_applications WHERE person_id = ?",
                            "DELETE FROM base_placements WHERE person_id = ?"}) {
      auto n = c.exec(sql, {p.id});
      if (!n.ok()) return n.error();
    }
    return {};
  });
  ASSERT_TRUE(cleared.ok());
  EmploymentStatusInput unable;
  unable.kind = "unable_to_work";
  unable.since = "2026-11-02";
  ASSERT_TRUE(w.app->employment.record_status(sfs, p.id, unable).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND resettlement = 'not_resettled' AND "
                     "resettlement_reason = 'unable_to_work'",
                     {p.id}),
            1);
  unable.since = "2026-11-03";
  unable.supported_by_family = true;
  ASSERT_TRUE(w.app->employment.record_status(sfs, p.id, unable).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND resettlement = 'family_support' AND "
                     "resettlement_reason = ''",
                     {p.id}),
            1);
  PersonQuery q;
  q.resettlement = "family_support";
  q.page_size = 100;
  auto page = w.app->persons.search(sfs, q);
  ASSERT_TRUE(page.ok());
  bool found = false;
  for (const auto& it : page->pending().items) found = found || it.id == p.id;
  EXPECT_TRUE(found);
  q.resettlement = "retired";
  EXPECT_EQ(w.app->persons.search(sfs, q).error().code, "FIELD_VALUE");
}

// A base placement that ends on its date changes the 安置情况 without any write: the nightly refresh
// recomputes it (Core::add_daily_step).
TEST(EmploymentService, R_EMP_1_resettlement_follows_a_placement_ending_overnight) {
  TestWorld w(30);
  auto p = w.released_in("500153001");
  auto placed = w.app->core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    for (const char* sql : {"DELETE FROM assistance_steps WHERE application_id IN "
                            "(SELECT id FROM assistance_applications WHERE person_id = ?)",
                            "DELETE FROM assistance_applications WHERE person_id = ?",
                            "DELETE FROM base_placements WHERE person_id = ?",
                            "DELETE FROM employment_statuses WHERE person_id = ?",
                            "INSERT INTO base_placements (base_id, person_id, placed_on, ended_on, created_at) "
                            "SELECT MIN(id), ?, '2026-11-01', '2026-11-27', 0 FROM resettlement_bases"}) {
      auto n = c.exec(sql, {p.id});
      if (!n.ok()) return n.error();
    }
    return {};
  });
  ASSERT_TRUE(placed.ok());
  ASSERT_TRUE(w.app->obligations.refresh_all_tasks(*domain::parse_date("2026-11-26")).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND resettlement = 'in_base'", {p.id}), 1);
  ASSERT_TRUE(w.app->obligations.refresh_all_tasks(*domain::parse_date("2026-11-27")).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM persons WHERE id = ? AND resettlement = 'not_resettled'", {p.id}), 1);
}

TEST(EmploymentService, R_EMP_1_bad_status_input_changes_nothing) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  const std::int64_t before = w.scalar("SELECT COUNT(*) FROM employment_statuses");
  EmploymentStatusInput in = employed();
  in.employer = "";
  EXPECT_EQ(w.app->employment.record_status(sfs, p.id, in).error().code, "EMPLOYER_REQUIRED");
  in = employed();
  in.reason = "other";
  EXPECT_EQ(w.app->employment.record_status(sfs, p.id, in).error().code, "REASON_NOT_APPLICABLE");
  in = employed("2026-12-01");
  EXPECT_EQ(w.app->employment.record_status(sfs, p.id, in).error().code, "DATE_IN_FUTURE");
  in.kind = "retired";
  EXPECT_EQ(w.app->employment.record_status(sfs, p.id, in).error().code, "FIELD_VALUE");
  EXPECT_EQ(w.app->employment.record_status(w.login("pcs_001"), p.id, employed()).error().code, "PERMISSION_DENIED");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM employment_statuses"), before);
}

TEST(EmploymentService, R_EMP_1_service_given_by_a_unit) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  const std::int64_t hr = w.scalar("SELECT id FROM units WHERE code = 'DEPT-hr_social_security'");
  EmploymentServiceInput in;
  in.kind = "job_introduction";
  in.given_on = "2026-11-10";
  in.provider_unit_id = hr;
  EXPECT_EQ(w.app->employment.record_service(sfs, p.id, in).error().code, "EMPLOYER_REQUIRED");
  in.employer = "荣昌区某食品厂";
  auto id = w.app->employment.record_service(sfs, p.id, in);
  ASSERT_TRUE(id.ok()) << id.error().code;
  auto file = w.app->employment.person_employment(sfs, p.id);
  ASSERT_TRUE(file.ok());
  ASSERT_FALSE(file->pending().services.empty());
  EXPECT_EQ(file->pending().services.front().result, "pending");
  EXPECT_EQ(file->pending().services.front().provider_unit_id, hr);
  EmploymentServiceInput advice;
  advice.kind = "advice";
  advice.given_on = "2026-11-10";
  advice.provider_unit_id = p.household_unit_id;  // a village is no provider
  EXPECT_EQ(w.app->employment.record_service(sfs, p.id, advice).error().code, "PROVIDER_NOT_FOUND");
  advice.provider_unit_id = hr;
  advice.result = "hired";
  EXPECT_EQ(w.app->employment.record_service(sfs, p.id, advice).error().code, "RESULT_NOT_APPLICABLE");
}

TEST(EmploymentService, R_EMP_3_benefit_with_department_amount_and_dates) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  const std::int64_t hr = w.scalar("SELECT id FROM units WHERE code = 'DEPT-hr_social_security'");
  auto id = w.app->employment.record_benefit(sfs, p.id, loan(hr));
  ASSERT_TRUE(id.ok()) << id.error().code << " " << id.error().message;
  EXPECT_EQ(w.scalar("SELECT amount_fen FROM employment_benefits WHERE id = ?", {*id}), 5000000);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'employment.benefit'", {p.id}),
            w.scalar("SELECT COUNT(*) FROM employment_benefits WHERE person_id = ?", {p.id}));
}

TEST(EmploymentService, R_EMP_3_bad_benefit_input_changes_nothing) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("sfs_001");
  auto p = w.released_in("500153001");
  const std::int64_t hr = w.scalar("SELECT id FROM units WHERE code = 'DEPT-hr_social_security'");
  const std::int64_t office = w.scalar("SELECT id FROM units WHERE kind = 'judicial_office' LIMIT 1");
  const std::int64_t before = w.scalar("SELECT COUNT(*) FROM employment_benefits");
  auto in = loan(hr);
  in.amount_fen = -1;
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "AMOUNT_NEGATIVE");
  in = loan(hr);
  in.to_on = "2026-10-01";
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "DATE_ORDER");
  in = loan(office);
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "DEPARTMENT_NOT_FOUND");
  in = loan(999999);
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "DEPARTMENT_NOT_FOUND");
  in = loan(hr);
  in.lender = "";
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "LENDER_REQUIRED");
  in = loan(hr);
  in.kind = "hiring_subsidy";
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "ENTERPRISE_REQUIRED");
  in = loan(hr);
  in.amount_fen.reset();
  EXPECT_EQ(w.app->employment.record_benefit(sfs, p.id, in).error().code, "FIELD_REQUIRED");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM employment_benefits"), before);
}

TEST(EmploymentService, R_EMP_1_officer_of_another_township_cannot_read_or_write) {
  TestWorld w(30);
  auto p = w.released_in("500153101");
  AuthedCtx other = w.login("sfs_001");
  EXPECT_EQ(w.app->employment.record_status(other, p.id, employed()).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->employment.person_employment(other, p.id).error().code, "PERSON_NOT_FOUND");
  const std::int64_t hr = w.scalar("SELECT id FROM units WHERE code = 'DEPT-hr_social_security'");
  EXPECT_EQ(w.app->employment.record_benefit(other, p.id, loan(hr)).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM employment_statuses WHERE person_id = ? AND user_id IN (SELECT id FROM "
                     "users WHERE username = 'sfs_001')",
                     {p.id}),
            0);
}

}  // namespace anbang::app
