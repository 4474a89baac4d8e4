// Dated policy parameters (DOMAIN.md: policy is data with an effective date). A change is written
// and committed at once; the cached table is replaced only after that commit; every person's tasks
// are then recomputed by a background job, whose progress the administrator reads (jobs.hpp).
#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "app/core/guard.hpp"
#include "app/obligations/obligation_service.hpp"
#include "domain/checks.hpp"
#include "platform/log.hpp"
#include "store/meeting_repo.hpp"
#include "store/obligation_repo.hpp"

namespace anbang::app {

namespace {
constexpr const char* kRecomputeJob = "tasks_recompute";
}

Result<std::int64_t> ObligationService::set_policy(const AuthedCtx& ctx, const std::string& name,
                                                   const std::string& value, const std::string& from) {
  if (auto s = require(ctx, perm::policy_manage); !s.ok()) return s.error();
  auto date = domain::check::date(from, "effective_from", "生效日期");
  if (!date.ok()) return date.error();
  if (core_.jobs().running(kRecomputeJob))
    return conflict("JOB_RUNNING", "上一次修改后的任务重新计算仍在进行，请等它完成后再修改");
  rules::PolicyTable next = *core_.policy();  // validate the name and value before writing anything
  if (auto s = next.set(name, value, *date); !s.ok()) return s.error();
  Status s = core_.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto put = store::put_policy_param(c, name, value, domain::to_string(*date), ctx.actor.user_id, ctx.now);
        !put.ok())
      return put;
    nlohmann::json d = {{"name", name}, {"value", value}, {"effective_from", domain::to_string(*date)}};
    return record_change(c, ctx, "policy_update", "policy", std::nullopt, name, d.dump());
  });
  if (!s.ok()) return s.error();
  core_.replace_policy(std::move(next));  // committed: the cache follows
  const domain::CivilDate today = ctx.today;
  return core_.jobs().start(
      kRecomputeJob, ctx.actor.username, ctx.now,
      [this] { return platform::unix_seconds(core_.clock().now()); },
      [this, today](const Jobs::Progress& progress) -> Status {
        auto n = refresh_all_tasks(today, progress);
        if (!n.ok()) {
          platform::log_error("task recompute after a policy change failed: " + n.error().code);
          return n.error();
        }
        return {};
      });
}

Result<std::optional<JobView>> ObligationService::job(const AuthedCtx& ctx, std::int64_t id) const {
  if (auto s = require(ctx, perm::policy_manage); !s.ok()) return s.error();
  return core_.jobs().find(id);
}

Result<std::vector<JobView>> ObligationService::jobs(const AuthedCtx& ctx) const {
  if (auto s = require(ctx, perm::policy_manage); !s.ok()) return s.error();
  return core_.jobs().recent(10);
}

}  // namespace anbang::app
