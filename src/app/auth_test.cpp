#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {

TEST(Auth, LockAfterFiveFailuresLastsTenMinutes) {
  TestWorld w(0);
  for (int i = 0; i < 4; ++i) {
    Ctx ctx = w.app->context("10.0.0.2");
    EXPECT_EQ(w.app->login(ctx, "sfs_001", "wrong-pass-1").error().code, "AUTH_INVALID");
  }
  Ctx ctx = w.app->context("10.0.0.2");
  EXPECT_EQ(w.app->login(ctx, "sfs_001", "wrong-pass-1").error().code, "AUTH_LOCKED");
  w.clock.advance(std::chrono::minutes(9));
  ctx = w.app->context("10.0.0.2");
  EXPECT_EQ(w.app->login(ctx, "sfs_001", "anbang@2026").error().code, "AUTH_LOCKED");
  w.clock.advance(std::chrono::minutes(1) + std::chrono::seconds(1));
  ctx = w.app->context("10.0.0.2");
  EXPECT_TRUE(w.app->login(ctx, "sfs_001", "anbang@2026").ok());
}

TEST(Auth, SessionsExpireAfterTheIdleTimeout) {
  TestWorld w(0);
  Ctx ctx = w.app->context("10.0.0.3");
  auto logged = w.app->login(ctx, "qu_abb", "anbang@2026");
  ASSERT_TRUE(logged.ok());
  std::string token = logged->token;
  auto now = [&] { return platform::unix_seconds(w.clock.now()); };
  w.clock.advance(std::chrono::minutes(29));
  EXPECT_TRUE(w.app->authenticate(token, now()).ok());  // activity renews the session
  w.clock.advance(std::chrono::minutes(29));
  EXPECT_TRUE(w.app->authenticate(token, now()).ok());
  w.clock.advance(std::chrono::minutes(31));
  auto expired = w.app->authenticate(token, now());
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "AUTH_REQUIRED");
}

TEST(Auth, UnknownUsersAndWrongPasswordsLookTheSame) {
  TestWorld w(0);
  Ctx a = w.app->context("10.0.0.4"), b = w.app->context("10.0.0.4");
  auto unknown = w.app->login(a, "nobody_here", "whatever-123");
  auto wrong = w.app->login(b, "qu_abb", "whatever-123");
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
}

TEST(Auth, PasswordChangeChecksTheOldPasswordAndTheRules) {
  TestWorld w(0);
  Ctx ctx = w.login("qu_abb");
  EXPECT_EQ(w.app->change_password(ctx, "bad-old-pass1", "NewSecret2026x").error().code, "PASSWORD_WRONG");
  EXPECT_EQ(w.app->change_password(ctx, "anbang@2026", "short1").error().code, "PASSWORD_TOO_WEAK");
  EXPECT_EQ(w.app->change_password(ctx, "anbang@2026", "qu_abb_2026_x").error().code, "PASSWORD_TOO_WEAK");
  EXPECT_TRUE(w.app->change_password(ctx, "anbang@2026", "NewSecret2026x").ok());
  Ctx again = w.app->context("10.0.0.5");
  EXPECT_TRUE(w.app->login(again, "qu_abb", "NewSecret2026x").ok());
}

}  // namespace anbang::app
