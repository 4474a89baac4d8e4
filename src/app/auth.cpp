// Login, sessions, password changes. Sessions are server-side rows keyed by the digest of a random
// token (the token itself lives only in the HttpOnly cookie). Five failed logins lock the account
// for ten minutes; every login attempt is audited.
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/password_policy.hpp"
#include "platform/crypto.hpp"

namespace anbang::app {

namespace {
Error bad_login() {
  return Error{ErrorKind::unauthenticated, "AUTH_INVALID", "用户名或密码错误,连续输错5次将锁定10分钟", {}};
}
}  // namespace

Result<LoginResult> App::login(Ctx& ctx, const std::string& username, const std::string& password) {
  if (username.empty() || password.empty()) return invalid("FIELD_REQUIRED", "请输入用户名和密码", "username");
  if (username.size() > 64 || password.size() > 256) return bad_login();
  auto user = transact_value<std::optional<store::UserRow>>(db_, store::TxKind::read, [&](store::Connection& c) {
    return store::find_user_by_name(c, username);
  });
  if (!user.ok()) return user.error();
  auto fail_audit = [&](const std::string& reason) {
    Ctx anon = ctx;
    anon.actor.reset();
    audit_now(anon, "login_failure", "user", *user ? std::optional<std::int64_t>((*user)->id) : std::nullopt, username,
              nlohmann::json{{"username", username}, {"reason", reason}}.dump());
  };
  if (!user->has_value() || !(*user)->active) {
    // Hash anyway so that timing does not reveal whether the user exists.
    static const std::string dummy = platform::hash_password("anbang-dummy-password", config_.fast_password_hash);
    (void)platform::verify_password(dummy, password);
    fail_audit(user->has_value() ? "inactive" : "unknown_user");
    return bad_login();
  }
  store::UserRow u = **user;
  if (u.locked_until && *u.locked_until > ctx.now) {
    fail_audit("locked");
    std::int64_t minutes = (*u.locked_until - ctx.now + 59) / 60;
    return Error{ErrorKind::locked, "AUTH_LOCKED",
                 "密码连续错误次数过多,账号已锁定,请" + std::to_string(minutes) + "分钟后再试或联系管理员解锁", {}};
  }
  if (!platform::verify_password(u.password_hash, password)) {
    int failed = (u.locked_until && *u.locked_until <= ctx.now) ? 1 : u.failed_logins + 1;
    std::optional<std::int64_t> lock;
    if (failed >= config_.max_failed_logins) lock = ctx.now + config_.lock_minutes * 60;
    (void)db_.transact(store::TxKind::write, [&](store::Connection& c) {
      return store::record_login_failure(c, u.id, failed, lock);
    });
    fail_audit(lock ? "wrong_password_locked" : "wrong_password");
    if (lock) {
      return Error{ErrorKind::locked, "AUTH_LOCKED",
                   "密码连续错误" + std::to_string(failed) + "次,账号已锁定" + std::to_string(config_.lock_minutes) +
                       "分钟",
                   {}};
    }
    return bad_login();
  }
  LoginResult out;
  out.token = platform::random_token(32);
  Status s = db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto r = store::record_login_success(c, u.id, ctx.now); !r.ok()) return r;
    store::SessionRow row{platform::token_digest(out.token), u.id, platform::random_token(16), ctx.now, ctx.now};
    if (auto r = store::insert_session(c, row, ctx.ip); !r.ok()) return r;
    if (auto r = store::delete_idle_sessions(c, ctx.now - config_.idle_timeout_minutes * 60); !r.ok()) return r;
    auto actor = actor_for(c, u);
    if (!actor.ok()) return actor.error();
    out.actor = std::move(actor).value();
    out.actor.session_digest = row.token_digest;
    out.actor.csrf_token = row.csrf_token;
    ctx.actor = out.actor;
    return audit(c, ctx, "login_success", "user", u.id, u.username, "{}");
  });
  if (!s.ok()) return s.error();
  return out;
}

Status App::logout(const Ctx& ctx) {
  if (!ctx.actor) return {};
  forget_session(ctx.actor->session_digest);
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto s = store::delete_session(c, ctx.actor->session_digest); !s.ok()) return s;
    return audit(c, ctx, "logout", "user", ctx.actor->user_id, ctx.actor->username, "{}");
  });
}

namespace {
constexpr std::int64_t kSessionRefreshSeconds = 10;  // cached actors are re-read this often
constexpr std::int64_t kTouchSeconds = 30;           // last_seen is written at most this often
}  // namespace

Result<Actor> App::authenticate(const std::string& token, std::int64_t now) {
  Error expired{ErrorKind::unauthenticated, "AUTH_REQUIRED", "登录已过期或尚未登录,请重新登录", {}};
  if (token.size() != 64) return expired;
  std::string digest = platform::token_digest(token);
  const std::int64_t idle = config_.idle_timeout_minutes * 60;
  {
    std::lock_guard lock(sessions_mu_);
    auto it = sessions_.find(digest);
    if (it != sessions_.end()) {
      CachedSession& cs = it->second;
      if (cs.last_seen + idle < now) {
        sessions_.erase(it);
        return expired;
      }
      if (now - cs.loaded_at < kSessionRefreshSeconds) {
        cs.last_seen = now;
        bool persist = now - cs.persisted_at >= kTouchSeconds;
        if (persist) cs.persisted_at = now;
        Actor a = cs.actor;
        if (persist) {
          (void)db_.transact(store::TxKind::write, [&](store::Connection& c) { return store::touch_session(c, digest, now); });
        }
        return a;
      }
    }
  }
  std::optional<Actor> actor;
  std::int64_t last_seen = 0;
  Status s = db_.transact(store::TxKind::read, [&](store::Connection& c) -> Status {
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
    if (sessions_.size() > 50000) {  // drop sessions that went idle
      for (auto it = sessions_.begin(); it != sessions_.end();) {
        it = it->second.last_seen + idle < now ? sessions_.erase(it) : std::next(it);
      }
    }
    sessions_[digest] = CachedSession{*actor, now, now, now};
  }
  (void)db_.transact(store::TxKind::write, [&](store::Connection& c) { return store::touch_session(c, digest, now); });
  return *actor;
}

void App::forget_session(const std::string& digest) {
  std::lock_guard lock(sessions_mu_);
  sessions_.erase(digest);
}

void App::forget_sessions_of(std::int64_t user_id) {
  std::lock_guard lock(sessions_mu_);
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    it = it->second.actor.user_id == user_id ? sessions_.erase(it) : std::next(it);
  }
}

void App::forget_all_sessions() {
  std::lock_guard lock(sessions_mu_);
  sessions_.clear();
}

Status App::change_password(const Ctx& ctx, const std::string& old_password, const std::string& new_password) {
  if (!ctx.actor) return Error{ErrorKind::unauthenticated, "AUTH_REQUIRED", "请先登录", {}};
  if (auto s = domain::check_password_strength(new_password, ctx.actor->username); !s.ok()) return s;
  // Hash outside the write transaction: argon2id takes ~100 ms and would hold the writer.
  std::string hash = platform::hash_password(new_password, config_.fast_password_hash);
  return db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto user = store::find_user(c, ctx.actor->user_id);
    if (!user.ok()) return user.error();
    if (!user->has_value()) return not_found("USER_NOT_FOUND", "用户不存在");
    if (!platform::verify_password((*user)->password_hash, old_password)) {
      return invalid("PASSWORD_WRONG", "原密码不正确", "old_password");
    }
    if (old_password == new_password) return invalid("PASSWORD_REUSED", "新密码不能与原密码相同", "new_password");
    if (auto s = store::set_password(c, ctx.actor->user_id, hash, false); !s.ok()) return s;
    forget_sessions_of(ctx.actor->user_id);  // must_change_password changed
    return audit(c, ctx, "password_change", "user", ctx.actor->user_id, ctx.actor->username, "{}");
  });
}

}  // namespace anbang::app
