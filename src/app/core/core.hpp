// The small core every capability module is built on: the database, the injected clock, the
// caches every use case reads (unit tree, code tables, dated policy), the access log of reads, the
// background jobs, and the consequences that every change to a person's records runs
// (person_changed.hpp). Modules receive a `Core&`; none of them owns state of its own that another
// module needs.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/audit_writer.hpp"
#include "app/core/context.hpp"
#include "app/core/jobs.hpp"
#include "domain/person_rules.hpp"
#include "domain/unit_tree.hpp"
#include "platform/clock.hpp"
#include "rules/policy.hpp"
#include "store/db.hpp"
#include "store/person_repo.hpp"

namespace anbang::app {

struct Config {
  int idle_timeout_minutes = 30;
  int max_failed_logins = 5;
  int lock_minutes = 10;
  bool fast_password_hash = false;      // tests and demo seeding only
  int login_attempts_per_minute = 120;  // per client IP (offices share one address behind NAT)
  int hash_slots = 1;                   // concurrent argon2id verifications
  bool secure_cookie = false;           // add Secure to the session cookie (behind HTTPS)
};

class Core {
 public:
  Core(store::Database& db, const platform::Clock& clock, Config config);
  ~Core();
  Core(const Core&) = delete;
  Core& operator=(const Core&) = delete;

  // Loads the unit tree, the code tables and the policy. Call after migrate + bootstrap.
  Status load_caches();

  store::Database& db() { return db_; }
  const platform::Clock& clock() const { return clock_; }
  const Config& config() const { return config_; }
  // A context for a request from `ip`, now.
  Ctx context(const std::string& ip) const;

  // --- caches. Each changes only after the transaction that changed its rows has committed. ---
  std::shared_ptr<const domain::UnitTree> units() const;
  // Re-reads the unit tree (after a committed change of units).
  Status reload_units();
  std::shared_ptr<const rules::PolicyTable> policy() const;
  void replace_policy(rules::PolicyTable table);  // after the change is committed
  const std::vector<store::ChargeRow>& charges() const { return charges_; }
  const store::ChargeRow* charge(std::int64_t id) const;
  const std::vector<std::pair<std::string, std::string>>& ethnic_groups() const { return ethnic_; }
  const std::vector<std::pair<std::string, std::string>>& education_levels() const { return education_; }
  domain::CodeLookups lookups() const;

  // The access log of reads (group commit, see audit_writer.hpp).
  AuditWriter& access_log() { return *access_log_; }
  Jobs& jobs() { return *jobs_; }

  // --- the consequences of a change to a person's records (person_changed.hpp) ---
  // A consequence recomputes something derived from the records (the class, R-CLS-3; the tasks)
  // in the writer's transaction. They run in the order added.
  using Consequence = std::function<Status(store::Connection&, const AuthedCtx&, std::int64_t person_id)>;
  void add_consequence(std::string name, Consequence fn);
  Status run_consequences(store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id) const;

  // --- what a day's passing changes without any write (the nightly refresh) ---
  // A daily step recomputes something derived that depends on the date (the 安置情况 of a person
  // whose base placement or assistance ended yesterday) for the persons with ids in [from_id, to_id],
  // in the refresh's transaction of that chunk. They run in the order added, after the tasks.
  using DailyStep = std::function<Status(store::Connection&, domain::CivilDate today, std::int64_t from_id,
                                         std::int64_t to_id)>;
  void add_daily_step(std::string name, DailyStep fn);
  Status run_daily_steps(store::Connection& c, domain::CivilDate today, std::int64_t from_id,
                         std::int64_t to_id) const;

 private:
  store::Database& db_;
  const platform::Clock& clock_;
  Config config_;
  mutable std::mutex mu_;
  std::shared_ptr<const domain::UnitTree> units_;
  std::shared_ptr<const rules::PolicyTable> policy_;
  std::vector<store::ChargeRow> charges_;
  std::unordered_map<std::int64_t, std::size_t> charge_index_;
  std::vector<std::pair<std::string, std::string>> ethnic_, education_;
  std::unique_ptr<AuditWriter> access_log_;
  std::unique_ptr<Jobs> jobs_;
  std::vector<std::pair<std::string, Consequence>> consequences_;
  std::vector<std::pair<std::string, DailyStep>> daily_steps_;
};

}  // namespace anbang::app
