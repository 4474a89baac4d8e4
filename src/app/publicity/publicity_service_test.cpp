// Publicity (R-PUB-1) on a fresh demo database (2026-11-26): a person's case is published only with
// the recorded consent covering the channel, and only as the de-identified text.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "domain/deidentify.hpp"

namespace anbang::app {
namespace {

PublicityInput a_case(std::int64_t person, const std::string& name, const std::string& channel = "internal") {
  return {"exemplary_case", person, "hard_work_prosperity", name + "勤劳致富",
          name + "刑满释放后在村里办起了养殖场，带动乡亲致富。", "2026-11-01", channel};
}

// A person with no consent recorded (the demo records one for its published case).
store::PersonRecord without_consent(TestWorld& w) {
  std::int64_t id = w.scalar(
      "SELECT MIN(p.id) FROM persons p WHERE p.release_date <= '2026-06-01' AND NOT EXISTS (SELECT 1 FROM "
      "publicity_consents c WHERE c.person_id = p.id)");
  AuthedCtx sys = system_context(w.app->core, "test");
  auto rec = transact_value<std::optional<store::PersonRecord>>(
      *w.db, store::TxKind::read, [&](store::Connection& c) { return store::find_person(c, sys.actor.scope, id); });
  if (!rec.ok() || !rec->has_value()) throw std::runtime_error("no person without consent");
  return **rec;
}

}  // namespace

TEST(PublicityService, R_PUB_1_RefusesToPublishWithoutConsent) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("qu_abb");  // the district office reaches every person
  auto p = without_consent(w);
  auto id = w.app->publicity.create(sfs, a_case(p.id, p.name));
  ASSERT_TRUE(id.ok()) << id.error().code;
  auto refused = w.app->publicity.publish(sfs, *id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PUBLICITY_NO_CONSENT");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM publicity_items WHERE id = ? AND state = 'draft'", {*id}), 1);
}

TEST(PublicityService, R_PUB_1_ConsentScopeMustCoverTheChannel) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("qu_abb");  // the district office reaches every person
  auto p = without_consent(w);
  ASSERT_TRUE(w.app->publicity.record_consent(sfs, p.id, {"2026-11-10", "internal", "", "书面同意"}).ok());
  auto media = w.app->publicity.create(sfs, a_case(p.id, p.name, "public_media"));
  ASSERT_TRUE(media.ok());
  auto refused = w.app->publicity.publish(sfs, *media);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PUBLICITY_CONSENT_SCOPE");
  auto internal = w.app->publicity.create(sfs, a_case(p.id, p.name, "internal"));
  ASSERT_TRUE(internal.ok());
  auto done = w.app->publicity.publish(sfs, *internal);
  ASSERT_TRUE(done.ok()) << done.error().code;
  EXPECT_EQ(done->item.state, "published");
  // The published text names nobody.
  EXPECT_EQ(done->item.public_text.find(p.name), std::string::npos);
  EXPECT_NE(done->item.public_text.find(domain::kNamePlaceholder), std::string::npos);
  EXPECT_EQ(done->item.public_title.find(p.name), std::string::npos);
  auto twice = w.app->publicity.publish(sfs, *internal);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "PUBLICITY_ALREADY_PUBLISHED");
  EXPECT_EQ(w.app->publicity.remove(sfs, *internal).error().code, "PUBLICITY_ALREADY_PUBLISHED");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND code = 'publicity.published'", {p.id}), 1);
}

TEST(PublicityService, R_PUB_1_ExpiredConsentDoesNotCover) {
  store::ConsentRow c{1, 1, "2026-01-01", "public_media", std::string("2026-06-30"), "", 0};
  EXPECT_TRUE(consent_covers(c, "public_media", "2026-06-30"));
  EXPECT_FALSE(consent_covers(c, "public_media", "2026-07-01"));
  EXPECT_TRUE(consent_covers(c, "internal", "2026-03-01"));
  EXPECT_FALSE(consent_covers(c, "internal", "2025-12-31"));
  store::ConsentRow internal{2, 1, "2026-01-01", "internal", std::nullopt, "", 0};
  EXPECT_FALSE(consent_covers(internal, "public_media", "2026-03-01"));
}

TEST(PublicityService, R_PUB_1_CasesOnlyOfPersonsInScopeAndGoodPracticesOfUnits) {
  TestWorld w(30);
  auto other = w.released_in("500153101");
  EXPECT_EQ(w.app->publicity.create(w.login("sfs_001"), a_case(other.id, other.name)).error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->publicity.record_consent(w.login("sfs_001"), other.id, {"2026-11-10", "internal", "", ""}).error().code,
            "PERSON_NOT_FOUND");
  PublicityInput bad = a_case(other.id, other.name);
  bad.category = "hero";
  EXPECT_EQ(w.app->publicity.create(w.login("sfs_101"), bad).error().field, "category");
  auto gp = w.app->publicity.create(
      w.login("zj_001"), {"good_practice", std::nullopt, "", "“一村一警”帮教", "村警共同走访。", "2026-10-01", "public_media"});
  ASSERT_TRUE(gp.ok()) << gp.error().code;
  ASSERT_TRUE(w.app->publicity.publish(w.login("zj_001"), *gp).ok());
  auto seen = w.app->publicity.list(w.login("zj_101"), "good_practice", "");
  ASSERT_TRUE(seen.ok());
  for (const auto& r : *seen) EXPECT_NE(r.id, *gp);  // another township's
  auto own = w.app->publicity.list(w.login("sfs_001"), "good_practice", "published");
  ASSERT_TRUE(own.ok());
  EXPECT_TRUE(std::any_of(own->begin(), own->end(), [&](const auto& r) { return r.id == *gp; }));
}

}  // namespace anbang::app
