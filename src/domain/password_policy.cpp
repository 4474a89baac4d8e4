#include "domain/password_policy.hpp"

#include <algorithm>
#include <string>

#include "domain/text.hpp"

namespace anbang::domain {
namespace {

constexpr size_t kMinLength = 10;
constexpr size_t kMaxLength = 128;
constexpr const char* kRule = "密码至少10位，须同时包含字母和数字，且不能包含用户名";

Error weak(std::string_view reason) {
  std::string message(reason);
  message += ":";
  message += kRule;
  return invalid("PASSWORD_TOO_WEAK", std::move(message), "new_password");
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Status check_password_strength(std::string_view password, std::string_view username) {
  const size_t length = count_code_points(password);
  if (length < kMinLength) return weak("密码太短");
  if (length > kMaxLength) return weak("密码不能超过128位");
  if (std::none_of(password.begin(), password.end(), is_letter)) return weak("密码缺少字母");
  if (std::none_of(password.begin(), password.end(), is_digit)) return weak("密码缺少数字");
  const std::string name = ascii_lower(trim_ascii(username));
  if (count_code_points(name) >= 3 && ascii_lower(password).find(name) != std::string::npos) {
    return weak("密码不能包含用户名");
  }
  return {};
}

}  // namespace anbang::domain
