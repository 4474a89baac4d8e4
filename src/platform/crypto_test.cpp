#include "platform/crypto.hpp"

#include <gtest/gtest.h>

namespace anbang::platform {
TEST(Crypto, HashesAndVerifiesArgon2id) {
  ASSERT_TRUE(crypto_init());
  std::string h = hash_password("correct horse 1", true);
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(h, "correct horse 1"));
  EXPECT_FALSE(verify_password(h, "correct horse 2"));
  EXPECT_NE(hash_password("x1", true), hash_password("x1", true));  // salted
}
TEST(Crypto, TokensAreRandomHexAndDigestsStable) {
  ASSERT_TRUE(crypto_init());
  auto a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(token_digest("abc"), token_digest("abc"));
  EXPECT_NE(token_digest("abc"), token_digest("abd"));
}
}  // namespace anbang::platform
