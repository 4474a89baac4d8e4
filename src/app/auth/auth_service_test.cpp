#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {

TEST(Auth, LockAfterFiveFailuresLastsTenMinutes) {
  TestWorld w(0);
  for (int i = 0; i < 4; ++i) {
    Ctx ctx = w.anonymous("10.0.0.2");
    EXPECT_EQ(w.app->auth.login(ctx, "sfs_001", "wrong-pass-1").error().code, "AUTH_INVALID");
  }
  Ctx ctx = w.anonymous("10.0.0.2");
  EXPECT_EQ(w.app->auth.login(ctx, "sfs_001", "wrong-pass-1").error().code, "AUTH_LOCKED");
  w.clock.advance(std::chrono::minutes(9));
  ctx = w.anonymous("10.0.0.2");
  EXPECT_EQ(w.app->auth.login(ctx, "sfs_001", "anbang@2026").error().code, "AUTH_LOCKED");
  w.clock.advance(std::chrono::minutes(1) + std::chrono::seconds(1));
  ctx = w.anonymous("10.0.0.2");
  EXPECT_TRUE(w.app->auth.login(ctx, "sfs_001", "anbang@2026").ok());
}

TEST(Auth, SessionsExpireAfterTheIdleTimeout) {
  TestWorld w(0);
  Ctx ctx = w.anonymous("10.0.0.3");
  auto logged = w.app->auth.login(ctx, "qu_abb", "anbang@2026");
  ASSERT_TRUE(logged.ok());
  std::string token = logged->token;
  
  w.clock.advance(std::chrono::minutes(29));
  EXPECT_TRUE(w.app->auth.authenticate(w.anonymous("10.0.0.3"), token).ok());  // activity renews the session
  w.clock.advance(std::chrono::minutes(29));
  EXPECT_TRUE(w.app->auth.authenticate(w.anonymous("10.0.0.3"), token).ok());
  w.clock.advance(std::chrono::minutes(31));
  auto expired = w.app->auth.authenticate(w.anonymous("10.0.0.3"), token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "AUTH_REQUIRED");
}

TEST(Auth, UnknownUsersAndWrongPasswordsLookTheSame) {
  TestWorld w(0);
  Ctx a = w.anonymous("10.0.0.4"), b = w.anonymous("10.0.0.4");
  auto unknown = w.app->auth.login(a, "nobody_here", "whatever-123");
  auto wrong = w.app->auth.login(b, "qu_abb", "whatever-123");
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
}

TEST(Auth, PasswordChangeChecksTheOldPasswordAndTheRules) {
  TestWorld w(0);
  AuthedCtx ctx = w.login("qu_abb");
  EXPECT_EQ(w.app->auth.change_password(ctx, "bad-old-pass1", "NewSecret2026x").error().code, "PASSWORD_WRONG");
  EXPECT_EQ(w.app->auth.change_password(ctx, "anbang@2026", "short1").error().code, "PASSWORD_TOO_WEAK");
  EXPECT_EQ(w.app->auth.change_password(ctx, "anbang@2026", "qu_abb_2026_x").error().code, "PASSWORD_TOO_WEAK");
  EXPECT_TRUE(w.app->auth.change_password(ctx, "anbang@2026", "NewSecret2026x").ok());
  Ctx again = w.anonymous("10.0.0.5");
  EXPECT_TRUE(w.app->auth.login(again, "qu_abb", "NewSecret2026x").ok());
}

// Changing one's password is limited like a login: five wrong old passwords lock the account and
// end its sessions.
TEST(Auth, PasswordChangeLocksAfterFiveWrongOldPasswords) {
  TestWorld w(0);
  auto logged = w.app->auth.login(w.anonymous(), "sfs_001", "anbang@2026");
  ASSERT_TRUE(logged.ok());
  ASSERT_TRUE(w.app->auth.authenticate(w.anonymous(), logged->token).ok());
  AuthedCtx ctx(w.anonymous(), logged->actor);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(w.app->auth.change_password(ctx, "wrong-old-pass1", "NewSecret2026x").error().code, "PASSWORD_WRONG");
  EXPECT_EQ(w.app->auth.change_password(ctx, "wrong-old-pass1", "NewSecret2026x").error().code, "AUTH_LOCKED");
  EXPECT_EQ(w.app->auth.change_password(ctx, "anbang@2026", "NewSecret2026x").error().code, "AUTH_LOCKED");
  Ctx again = w.anonymous("10.0.0.6");
  EXPECT_EQ(w.app->auth.login(again, "sfs_001", "anbang@2026").error().code, "AUTH_LOCKED");
  EXPECT_FALSE(w.app->auth.authenticate(w.anonymous(), logged->token).ok());  // the session ended
  // Each failure is on record with who tried.
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'password_change_failure' AND username = 'sfs_001' "
                     "AND user_id = ?",
                     {ctx.actor.user_id}),
            5);
}

}  // namespace anbang::app
