#include "common/csv.hpp"

#include <gtest/gtest.h>

namespace anbang {
TEST(Csv, ParsesHeaderQuotesAndLineEndings) {
  auto rows = parse_csv(
      "\xEF\xBB\xBF"
      "code,name\r\n01,汉族\n\n02,\"a, \"\"b\"\"\"\n03,");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at("name"), "汉族");
  EXPECT_EQ(rows[1].at("name"), "a, \"b\"");
  EXPECT_EQ(rows[2].at("code"), "03");
  EXPECT_EQ(rows[2].at("name"), "");
}
}  // namespace anbang
