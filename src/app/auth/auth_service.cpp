#include <nlohmann/json.hpp>

#include "app/auth/auth_service.hpp"
#include "app/core/audit.hpp"
#include "domain/password_policy.hpp"
#include "platform/crypto.hpp"

namespace anbang::app {

namespace {
Error bad_login() {
  return Error{ErrorKind::unauthenticated, "AUTH_INVALID", "用户名或密码错误，连续输错5次将锁定10分钟", {}};
}
}  // namespace

// Lockout without races: each attempt first reserves one of the allowed failures in a write
// transaction (so parallel attempts cannot exceed max_failed_logins guesses), then checks the
// password outside any transaction, then records the outcome.
Result<LoginResult> AuthService::login(const Ctx& ctx, const std::string& username, const std::string& password) {
  if (username.empty() || password.empty())
    return invalid("FIELD_REQUIRED", "请输入用户名和密码", "username");
  auto fail_audit = [&](std::optional<std::int64_t> user_id, const std::string& reason) {
    record_failure(ctx, nullptr, "login_failure", user_id, username, reason);
  };
  if (!allow_login_attempt(ctx.ip, ctx.now)) {
    fail_audit(std::nullopt, "rate_limited");
    return Error{ErrorKind::locked, "AUTH_RATE_LIMITED", "登录尝试过于频繁，请稍后再试", {}};
  }
  if (username.size() > 64 || password.size() > 1024) {
    fail_audit(std::nullopt, "too_long");
    return bad_login();
  }
  const std::int64_t lock_seconds = core_.config().lock_minutes * 60;
  auto locked_error = [&](std::int64_t until) {
    std::int64_t minutes = (until - ctx.now + 59) / 60;
    return Error{
        ErrorKind::locked,
        "AUTH_LOCKED",
        "密码连续错误次数过多，账号已锁定，请" + std::to_string(minutes) + "分钟后再试或联系管理员解锁",
        {}};
  };
  // 1. Reserve an attempt.
  struct Reserved {
    std::optional<store::UserRow> user;
    std::optional<std::int64_t> locked_until;
  };
  auto reserved =
      transact_value<Reserved>(core_.db(), store::TxKind::write, [&](store::Connection& c) -> Result<Reserved> {
        auto found = store::find_user_by_name(c, username);
        if (!found.ok()) return found.error();
        Reserved r;
        if (!found->has_value() || !(*found)->active) return r;
        store::UserRow u = **found;
        if (u.locked_until && *u.locked_until <= ctx.now) {  // an expired lock starts a fresh count
          u.failed_logins = 0;
          u.locked_until.reset();
        }
        if (!u.locked_until && u.failed_logins >= core_.config().max_failed_logins)
          u.locked_until = ctx.now + lock_seconds;
        if (u.locked_until) {
          if (auto s = store::record_login_failure(c, u.id, u.failed_logins, u.locked_until); !s.ok())
            return s.error();
          r.user = u;
          r.locked_until = u.locked_until;
          return r;
        }
        if (auto s = store::record_login_failure(c, u.id, u.failed_logins + 1, std::nullopt); !s.ok())
          return s.error();
        r.user = u;
        return r;
      });
  if (!reserved.ok()) return reserved.error();
  if (!reserved->user) {
    // Hash anyway so that timing does not reveal whether the user exists.
    static const std::string dummy =
        platform::hash_password("anbang-dummy-password", core_.config().fast_password_hash);
    (void)verify_limited(dummy, password);
    fail_audit(std::nullopt, "unknown_or_inactive_user");
    return bad_login();
  }
  const store::UserRow& u = *reserved->user;
  if (reserved->locked_until) {
    fail_audit(u.id, "locked");
    return locked_error(*reserved->locked_until);
  }
  // 2. Check the password (outside any transaction: argon2id takes ~100 ms).
  if (!verify_limited(u.password_hash, password)) {
    // 3a. The reserved failure stands; lock once the allowance is used up.
    std::optional<std::int64_t> lock;
    Status s = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
      auto now_row = store::find_user(c, u.id);
      if (!now_row.ok()) return now_row.error();
      if (!now_row->has_value()) return {};
      const store::UserRow& cur = **now_row;
      if (cur.failed_logins >= core_.config().max_failed_logins) {
        lock = cur.locked_until && *cur.locked_until > ctx.now ? *cur.locked_until : ctx.now + lock_seconds;
        return store::record_login_failure(c, u.id, cur.failed_logins, lock);
      }
      return {};
    });
    if (!s.ok()) return s.error();
    fail_audit(u.id, lock ? "wrong_password_locked" : "wrong_password");
    if (lock) return locked_error(*lock);
    return bad_login();
  }
  // 3b. Success: reset the count, open the session.
  LoginResult out;
  out.token = platform::random_token(32);
  Status s = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto r = store::record_login_success(c, u.id, ctx.now); !r.ok()) return r;
    store::SessionRow row{platform::token_digest(out.token), u.id, platform::random_token(16), ctx.now,
                          ctx.now};
    if (auto r = store::insert_session(c, row, ctx.ip); !r.ok()) return r;
    if (auto r = store::delete_idle_sessions(c, ctx.now - core_.config().idle_timeout_minutes * 60); !r.ok())
      return r;
    auto actor = actor_for(c, u);
    if (!actor.ok()) return actor.error();
    out.actor = std::move(actor).value();
    out.actor.session_digest = row.token_digest;
    out.actor.csrf_token = row.csrf_token;
    return store::insert_audit(c, audit_record(ctx, &out.actor, "login_success", "user", u.id, u.username, "{}"));
  });
  if (!s.ok()) return s.error();
  return out;
}

void AuthService::record_failure(const Ctx& ctx, const Actor* actor, const std::string& action,
                                 std::optional<std::int64_t> user_id,
                                  const std::string& username, const std::string& reason) {
  std::string name = username.substr(0, 64);
  auto detail = nlohmann::json{{"username", name}, {"reason", reason}}.dump(-1, ' ', false,
                                                                            nlohmann::json::error_handler_t::replace);
  (void)core_.db().transact(store::TxKind::write, [&](store::Connection& c) {
    return store::insert_audit(c, audit_record(ctx, actor, action, "user", user_id, name, detail));
  });
}

bool AuthService::allow_login_attempt(const std::string& ip, std::int64_t now) {
  std::lock_guard lock(login_mu_);
  auto& window = login_attempts_[ip];
  if (now - window.first >= 60) window = {now, 0};
  if (login_attempts_.size() > 10000) {  // forget old windows
    for (auto it = login_attempts_.begin(); it != login_attempts_.end();) {
      it = now - it->second.first >= 60 ? login_attempts_.erase(it) : std::next(it);
    }
  }
  return ++login_attempts_[ip].second <= core_.config().login_attempts_per_minute;
}

bool AuthService::verify_limited(const std::string& hash, const std::string& password) {
  // At most `hash_slots` argon2id verifications at once, so logins cannot occupy every request thread.
  std::unique_lock lock(hash_mu_);
  hash_cv_.wait(lock, [this] { return hashing_ < core_.config().hash_slots; });
  ++hashing_;
  lock.unlock();
  bool ok = platform::verify_password(hash, password);
  lock.lock();
  --hashing_;
  hash_cv_.notify_one();
  return ok;
}

Status AuthService::logout(const AuthedCtx& ctx) {
  Status s = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto r = store::delete_session(c, ctx.actor.session_digest); !r.ok()) return r;
    return record_change(c, ctx, "logout", "user", ctx.actor.user_id, ctx.actor.username, "{}");
  });
  forget_session(ctx.actor.session_digest);  // after the commit: see authenticate()
  return s;
}

namespace {
constexpr std::int64_t kSessionRefreshSeconds = 10;  // cached actors are re-read this often
}  // namespace

Result<AuthedCtx> AuthService::authenticate(const Ctx& ctx, const std::string& token) {
  const std::int64_t now = ctx.now;
  Error expired{ErrorKind::unauthenticated, "AUTH_REQUIRED", "登录已过期或尚未登录，请重新登录", {}};
  if (token.size() != 64) return expired;
  std::string digest = platform::token_digest(token);
  const std::int64_t idle = core_.config().idle_timeout_minutes * 60;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(sessions_mu_);
    generation = sessions_generation_;
    auto it = sessions_.find(digest);
    if (it != sessions_.end()) {
      CachedSession& cs = it->second;
      if (cs.last_seen + idle < now) {
        sessions_.erase(it);
        return expired;
      }
      if (now - cs.loaded_at < kSessionRefreshSeconds) {
        cs.last_seen = now;
        return AuthedCtx(ctx, cs.actor);
      }
    }
  }
  // Cache miss or stale entry: read the session and the user from the database.
  std::optional<Actor> actor;
  std::int64_t last_seen = 0;
  Status s = core_.db().transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    auto session = store::find_session(c, digest);
    if (!session.ok()) return session.error();
    if (!session->has_value()) return {};
    last_seen = (*session)->last_seen_at;
    auto user = store::find_user(c, (*session)->user_id);
    if (!user.ok()) return user.error();
    if (!user->has_value() || !(*user)->active) return {};
    auto a = actor_for(c, **user);
    if (!a.ok()) return a.error();
    a->session_digest = digest;
    a->csrf_token = (*session)->csrf_token;
    actor = std::move(a).value();
    return {};
  });
  if (!s.ok()) return s.error();
  {
    std::lock_guard lock(sessions_mu_);
    auto cached = sessions_.find(digest);
    if (cached != sessions_.end()) last_seen = std::max(last_seen, cached->second.last_seen);
    if (!actor || last_seen + idle < now) {
      sessions_.erase(digest);
      return expired;
    }
    // Keep the entry only if nothing was invalidated while we read: otherwise the row we read may
    // predate a logout, a disabled user or a role change that committed meanwhile.
    if (generation == sessions_generation_) {
      if (sessions_.size() > 50000) {  // drop sessions that went idle
        for (auto it = sessions_.begin(); it != sessions_.end();) {
          it = it->second.last_seen + idle < now ? sessions_.erase(it) : std::next(it);
        }
      }
      sessions_[digest] = CachedSession{*actor, now, now, now};
    }
  }
  // Persist activity (at most every kSessionRefreshSeconds per session, on reload) for the idle
  // timeout across restarts.
  (void)core_.db().transact(store::TxKind::write,
                     [&](store::Connection& c) { return store::touch_session(c, digest, now); });
  return AuthedCtx(ctx, std::move(*actor));
}

void AuthService::forget_session(const std::string& digest) {
  std::lock_guard lock(sessions_mu_);
  ++sessions_generation_;
  sessions_.erase(digest);
}

void AuthService::forget_sessions_of(std::int64_t user_id) {
  std::lock_guard lock(sessions_mu_);
  ++sessions_generation_;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    it = it->second.actor.user_id == user_id ? sessions_.erase(it) : std::next(it);
  }
}

void AuthService::forget_all_sessions() {
  std::lock_guard lock(sessions_mu_);
  ++sessions_generation_;
  sessions_.clear();
}

Result<std::optional<std::int64_t>> AuthService::count_failure(std::int64_t user_id, std::int64_t now) {
  std::optional<std::int64_t> lock;
  Status s = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto row = store::find_user(c, user_id);
    if (!row.ok()) return row.error();
    if (!row->has_value()) return {};
    int failures = (*row)->failed_logins + 1;
    if (failures >= core_.config().max_failed_logins) lock = now + core_.config().lock_minutes * 60;
    if (auto r = store::record_login_failure(c, user_id, failures, lock); !r.ok()) return r;
    // A locked account keeps no session: whoever guesses with a stolen session is out too.
    if (lock) return store::delete_other_sessions(c, user_id, "");
    return {};
  });
  if (!s.ok()) return s.error();
  return lock;
}

Status AuthService::change_password(const AuthedCtx& ctx, const std::string& old_password,
                                    const std::string& new_password) {
  if (auto s = domain::check_password_strength(new_password, ctx.actor.username); !s.ok()) return s;
  if (old_password == new_password) return invalid("PASSWORD_REUSED", "新密码不能与原密码相同", "new_password");
  auto user = transact_value<std::optional<store::UserRow>>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_user(c, ctx.actor.user_id); });
  if (!user.ok()) return user.error();
  if (!user->has_value()) return not_found("USER_NOT_FOUND", "用户不存在");
  if ((*user)->locked_until && *(*user)->locked_until > ctx.now) {
    std::int64_t minutes = (*(*user)->locked_until - ctx.now + 59) / 60;
    return Error{ErrorKind::locked, "AUTH_LOCKED",
                 "原密码连续输错次数过多，账号已锁定，请" + std::to_string(minutes) + "分钟后再试或联系管理员解锁", {}};
  }
  // Like a login: the old password is checked outside any transaction (argon2id takes ~100 ms and
  // would hold the writer), and five wrong ones lock the account.
  if (!verify_limited((*user)->password_hash, old_password)) {
    auto lock = count_failure(ctx.actor.user_id, ctx.now);
    if (!lock.ok()) return lock.error();
    record_failure(ctx, &ctx.actor, "password_change_failure", ctx.actor.user_id, ctx.actor.username,
                    *lock ? "wrong_password_locked" : "wrong_password");
    if (*lock) {
      forget_sessions_of(ctx.actor.user_id);
      return Error{ErrorKind::locked, "AUTH_LOCKED", "原密码连续输错次数过多，账号已锁定并已退出登录，请稍后再试或联系管理员解锁", {}};
    }
    return invalid("PASSWORD_WRONG", "原密码不正确，连续输错5次将锁定账号", "old_password");
  }
  std::string hash = platform::hash_password(new_password, core_.config().fast_password_hash);
  Status changed = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto s = store::record_login_success(c, ctx.actor.user_id, ctx.now); !s.ok()) return s;
    if (auto s = store::set_password(c, ctx.actor.user_id, hash, false); !s.ok()) return s;
    // Every other session of the user ends: a stolen session does not survive a password change.
    if (auto s = store::delete_other_sessions(c, ctx.actor.user_id, ctx.actor.session_digest); !s.ok()) return s;
    return record_change(c, ctx, "password_change", "user", ctx.actor.user_id, ctx.actor.username, "{}");
  });
  forget_sessions_of(ctx.actor.user_id);  // after the commit: must_change_password changed
  return changed;
}

Result<Actor> AuthService::actor_for(store::Connection& c, const store::UserRow& u) const {
  auto role = store::find_role(c, u.role_id);
  if (!role.ok()) return role.error();
  if (!role->has_value()) return internal_error("用户的角色不存在");
  auto tree = core_.units();
  const domain::Unit* unit = tree->find(u.unit_id);
  Actor a;
  a.user_id = u.id;
  a.username = u.username;
  a.display_name = u.display_name;
  a.unit_id = u.unit_id;
  a.unit_name = unit ? unit->name : "";
  a.unit_kind = unit ? unit->kind : "";
  a.role_id = u.role_id;
  a.role_code = (*role)->code;
  a.role_name = (*role)->name;
  a.permissions = (*role)->permissions;
  a.scope = domain::make_scope(domain::parse_scope_kind((*role)->scope), u.unit_id, *tree);
  a.must_change_password = u.must_change_password;
  return a;
}

}  // namespace anbang::app
