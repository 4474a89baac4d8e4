#include "domain/password_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace anbang::domain {
namespace {

void expect_weak(std::string_view password, std::string_view username, std::string_view reason) {
  Status s = check_password_strength(password, username);
  ASSERT_FALSE(s.ok()) << password;
  EXPECT_EQ(s.error().code, "PASSWORD_TOO_WEAK");
  EXPECT_EQ(s.error().field, "new_password");
  EXPECT_EQ(s.error().kind, ErrorKind::invalid);
  EXPECT_NE(s.error().message.find(reason), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("密码至少10位，须同时包含字母和数字，且不能包含用户名"), std::string::npos);
}

TEST(PasswordPolicy, Accepts) {
  EXPECT_TRUE(check_password_strength("abcdefghi1", "rcsfj").ok());
  EXPECT_TRUE(check_password_strength("安帮密码安帮密码a1", "admin").ok());  // 10 code points
  EXPECT_TRUE(check_password_strength("xy1-Password", "xy").ok());           // short usernames not checked
  EXPECT_TRUE(check_password_strength(std::string(127, 'a') + "1", "zz").ok());
}

TEST(PasswordPolicy, Rejects) {
  expect_weak("abcdefgh1", "", "太短");
  expect_weak("安帮密码安帮a1", "", "太短");  // 8 code points although 20 bytes
  expect_weak(std::string(128, 'a') + "1", "", "不能超过128位");
  expect_weak("1234567890", "", "缺少字母");
  expect_weak("abcdefghij", "", "缺少数字");
  expect_weak("xRcSfJ-2024x", "rcsfj", "不能包含用户名");
  expect_weak("zhangwei2024", "ZhangWei", "不能包含用户名");
  expect_weak("", "", "太短");
}

}  // namespace
}  // namespace anbang::domain
