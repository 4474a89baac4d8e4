#include "common/result.hpp"

#include <gtest/gtest.h>

namespace anbang {
TEST(Result, CarriesValueOrError) {
  Result<int> good = 3;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  Result<int> bad = invalid("X", "坏", "f");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "X");
  EXPECT_EQ(bad.error().field, "f");
  Status s;
  EXPECT_TRUE(s.ok());
  Status e = conflict("C", "冲突");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.error().kind, ErrorKind::conflict);
}
}  // namespace anbang
