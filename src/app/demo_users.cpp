#include "app/demo_users.hpp"

#include <algorithm>

#include "store/user_repo.hpp"

namespace anbang::app {

Result<AuthedCtx> as_demo_user(Services& app, const std::string& username, int days_ago) {
  auto ctx = transact_value<AuthedCtx>(app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<AuthedCtx> {
    auto u = store::find_user_by_name(c, username);
    if (!u.ok()) return u.error();
    if (!u->has_value()) return not_found("USER_NOT_FOUND", "演示用户不存在");
    auto actor = app.auth.actor_for(c, **u);
    if (!actor.ok()) return actor.error();
    return AuthedCtx(app.core.context(""), std::move(actor).value());
  });
  if (!ctx.ok()) return ctx.error();
  AuthedCtx out = *ctx;
  const std::int64_t now = out.now;
  out.today = domain::add_days(out.today, -days_ago);
  out.now = std::min(now, domain::shanghai_midnight_unix(out.today) + 10 * 3600);
  return out;
}

}  // namespace anbang::app
