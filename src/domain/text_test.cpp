#include "domain/text.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

TEST(Text, TrimAscii) {
  EXPECT_EQ(trim_ascii("  ab c \t\r\n"), "ab c");
  EXPECT_EQ(trim_ascii("   "), "");
  EXPECT_EQ(trim_ascii(""), "");
  EXPECT_EQ(trim_ascii("\u3000张\u3000"), "\u3000张\u3000");  // full-width space is not ASCII
}

TEST(Text, AsciiLower) { EXPECT_EQ(ascii_lower("AbC张Z9"), "abc张z9"); }

TEST(Text, CountCodePoints) {
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("abc"), 3u);
  EXPECT_EQ(count_code_points("张三a"), 3u);
  EXPECT_EQ(count_code_points("𠀀"), 1u);
}

}  // namespace
TEST(Text, ValidUtf8) {
  EXPECT_TRUE(is_valid_utf8("张三 abc"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xE5\xBC"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace anbang::domain
