// Small byte-level text helpers shared by the domain rules. UTF-8 in, UTF-8 out; only ASCII is
// changed, so multi-byte characters pass through untouched.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace anbang::domain {

// `text` without leading and trailing ASCII whitespace (space, \t, \n, \r, \v, \f).
std::string_view trim_ascii(std::string_view text);

// Copy of `text` with A–Z lowered; other bytes unchanged.
std::string ascii_lower(std::string_view text);

// Number of UTF-8 code points: every byte that is not a continuation byte (10xxxxxx) counts, so
// malformed input still gives a stable count.
size_t count_code_points(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace anbang::domain
