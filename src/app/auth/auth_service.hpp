// Login, sessions, password changes. Sessions are server-side rows keyed by the digest of a random
// token (the token itself lives only in the HttpOnly cookie). Five failed logins lock the account
// for ten minutes — also five wrong old passwords when changing it; every attempt is audited.
// Resolved sessions are cached for a few seconds and dropped at once when a user, role or unit
// changes (after the change has committed).
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/core/core.hpp"
#include "store/user_repo.hpp"

namespace anbang::app {

struct LoginResult {
  std::string token;  // goes into the cookie only
  Actor actor;
};

class AuthService {
 public:
  explicit AuthService(Core& core) : core_(core) {}

  Result<LoginResult> login(const Ctx& ctx, const std::string& username, const std::string& password);
  Status logout(const AuthedCtx& ctx);
  // Resolves a session token (from the cookie) into the signed-in context, enforcing the idle timeout.
  Result<AuthedCtx> authenticate(const Ctx& ctx, const std::string& token);
  Status change_password(const AuthedCtx& ctx, const std::string& old_password, const std::string& new_password);

  // Builds the actor of a user row (also used by the CLI).
  Result<Actor> actor_for(store::Connection& c, const store::UserRow& u) const;

  // Drop cached sessions (call after the change that invalidates them has committed).
  void forget_session(const std::string& digest);
  void forget_sessions_of(std::int64_t user_id);
  void forget_all_sessions();

  // At most Config::hash_slots argon2id verifications at once.
  bool verify_limited(const std::string& hash, const std::string& password);

 private:
  bool allow_login_attempt(const std::string& ip, std::int64_t now);
  // Records a failed attempt of the user (the lockout); returns the lock end if it now locks.
  Result<std::optional<std::int64_t>> count_failure(std::int64_t user_id, std::int64_t now);
  // A failed login (actor nullptr) or password change (the signed-in actor), in its own transaction.
  void record_failure(const Ctx& ctx, const Actor* actor, const std::string& action,
                      std::optional<std::int64_t> user_id, const std::string& username, const std::string& reason);

  Core& core_;
  struct CachedSession {
    Actor actor;
    std::int64_t loaded_at = 0, last_seen = 0, persisted_at = 0;
  };
  std::mutex sessions_mu_;
  std::unordered_map<std::string, CachedSession> sessions_;
  std::uint64_t sessions_generation_ = 0;  // bumped by every forget_*; see authenticate()
  std::mutex login_mu_;
  std::unordered_map<std::string, std::pair<std::int64_t, int>> login_attempts_;  // ip → (window start, count)
  std::mutex hash_mu_;
  std::condition_variable hash_cv_;
  int hashing_ = 0;
};

}  // namespace anbang::app
