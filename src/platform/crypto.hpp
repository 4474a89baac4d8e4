// Password hashing (argon2id via libsodium) and random tokens. Call crypto_init() once at start.
#pragma once
#include <string>
#include <string_view>

namespace anbang::platform {

// Initialises libsodium. Returns false if the library cannot be used.
bool crypto_init();

// argon2id hash in libsodium's self-describing string form ($argon2id$v=19$...).
// `fast` uses the interactive limits halved (tests and demo seeding); production uses interactive.
std::string hash_password(std::string_view password, bool fast = false);
// True when `password` matches `hash`. Constant time with respect to the password.
bool verify_password(std::string_view hash, std::string_view password);

// `bytes` random bytes as lowercase hex (2*bytes characters).
std::string random_token(std::size_t bytes = 32);
// BLAKE2b-256 of `data` as lowercase hex; used to store session tokens by digest only.
std::string token_digest(std::string_view data);

}  // namespace anbang::platform
