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
}  // namespace anbang::domain
