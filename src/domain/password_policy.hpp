// Password strength rule for account passwords.
#pragma once
#include <string_view>

#include "common/result.hpp"

namespace anbang::domain {

// OK when `password` has 10–128 characters (UTF-8 code points), at least one ASCII letter and
// one ASCII digit, and does not contain `username` (ASCII case-insensitive; only checked when the
// username has at least 3 characters). Otherwise PASSWORD_TOO_WEAK, field "new_password", with a
// Chinese message naming the failed part and restating the whole rule.
Status check_password_strength(std::string_view password, std::string_view username);

}  // namespace anbang::domain
