#include "domain/kinds.hpp"

#include <gtest/gtest.h>

#include <set>

namespace anbang::domain {

template <typename E>
void expect_round_trip() {
  std::set<std::string_view> seen;
  for (auto c : all_codes<E>()) {
    ASSERT_FALSE(c.empty());
    EXPECT_TRUE(seen.insert(c).second) << "duplicate code " << c;
    auto v = parse<E>(c);
    ASSERT_TRUE(v.has_value()) << c;
    EXPECT_EQ(code(*v), c);
  }
  EXPECT_FALSE(parse<E>("").has_value());
  EXPECT_FALSE(parse<E>("Open").has_value());
}

TEST(Kinds, EveryCodeRoundTripsAndUnknownCodesAreRefused) {
  expect_round_trip<DocumentKind>();
  expect_round_trip<CustodyKind>();
  expect_round_trip<TaskState>();
  expect_round_trip<BuiltInRole>();
  EXPECT_EQ(code(DocumentKind::release_notice), "release_notice");
  EXPECT_EQ(parse<CustodyKind>("new_sentence"), CustodyKind::new_sentence);
  EXPECT_EQ(all_codes<TaskState>().size(), 4u);
}

}  // namespace anbang::domain
