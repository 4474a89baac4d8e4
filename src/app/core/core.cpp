#include "app/core/core.hpp"

#include "domain/civil_date.hpp"
#include "rules/engine.hpp"
#include "store/obligation_repo.hpp"
#include "store/unit_repo.hpp"

namespace anbang::app {

Core::Core(store::Database& db, const platform::Clock& clock, Config config)
    : db_(db),
      clock_(clock),
      config_(config),
      units_(std::make_shared<domain::UnitTree>()),
      policy_(std::make_shared<rules::PolicyTable>()),
      access_log_(std::make_unique<AuditWriter>(db)),
      jobs_(std::make_unique<Jobs>()) {}

Core::~Core() { jobs_->wait_all(); }

Ctx Core::context(const std::string& ip) const {
  Ctx ctx;
  ctx.ip = ip;
  ctx.now = platform::unix_seconds(clock_.now());
  ctx.today = domain::shanghai_date_from_unix(ctx.now);
  return ctx;
}

Status Core::load_caches() {
  if (auto s = reload_units(); !s.ok()) return s;
  return db_.transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    auto charges = store::list_charges(c);
    if (!charges.ok()) return charges.error();
    charges_ = std::move(charges).value();
    charge_index_.clear();
    for (std::size_t i = 0; i < charges_.size(); ++i) charge_index_[charges_[i].id] = i;
    auto ethnic = store::list_code_table(c, "ethnic_groups");
    if (!ethnic.ok()) return ethnic.error();
    ethnic_ = std::move(ethnic).value();
    auto education = store::list_code_table(c, "education_levels");
    if (!education.ok()) return education.error();
    education_ = std::move(education).value();
    auto policy = store::load_policy(c);
    if (!policy.ok()) return policy.error();
    replace_policy(std::move(policy).value());
    return {};
  });
}

Status Core::reload_units() {
  auto units = transact_value<std::vector<domain::Unit>>(db_, store::TxKind::read,
                                                          [](store::Connection& c) { return store::load_units(c); });
  if (!units.ok()) return units.error();
  auto tree = std::make_shared<const domain::UnitTree>(std::move(units).value());
  std::lock_guard lock(mu_);
  units_ = std::move(tree);
  return {};
}

std::shared_ptr<const domain::UnitTree> Core::units() const {
  std::lock_guard lock(mu_);
  return units_;
}

std::shared_ptr<const rules::PolicyTable> Core::policy() const {
  std::lock_guard lock(mu_);
  return policy_;
}

void Core::replace_policy(rules::PolicyTable table) {
  auto p = std::make_shared<const rules::PolicyTable>(std::move(table));
  std::lock_guard lock(mu_);
  policy_ = std::move(p);
}

const store::ChargeRow* Core::charge(std::int64_t id) const {
  auto it = charge_index_.find(id);
  return it == charge_index_.end() ? nullptr : &charges_[it->second];
}

domain::CodeLookups Core::lookups() const {
  domain::CodeLookups l;
  l.ethnic_exists = [this](const std::string& code) {
    for (const auto& [c, n] : ethnic_) {
      if (c == code) return true;
    }
    return false;
  };
  l.education_exists = [this](const std::string& code) {
    for (const auto& [c, n] : education_) {
      if (c == code) return true;
    }
    return false;
  };
  l.charge_exists = [this](std::int64_t id) { return charge_index_.count(id) > 0; };
  l.assistance_end = [this](domain::CivilDate release, const std::string& kind) {
    return rules::assistance_end(*policy(), release, kind);  // R-PER-1 with the dated policy
  };
  return l;
}

void Core::add_consequence(std::string name, Consequence fn) {
  consequences_.emplace_back(std::move(name), std::move(fn));
}

void Core::add_daily_step(std::string name, DailyStep fn) {
  daily_steps_.emplace_back(std::move(name), std::move(fn));
}

Status Core::run_daily_steps(store::Connection& c, domain::CivilDate today, std::int64_t from_id,
                             std::int64_t to_id) const {
  for (const auto& [name, fn] : daily_steps_) {
    if (auto s = fn(c, today, from_id, to_id); !s.ok()) return s;
  }
  return {};
}

Status Core::run_consequences(store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id) const {
  for (const auto& [name, fn] : consequences_) {
    if (auto s = fn(c, ctx, person_id); !s.ok()) return s;
  }
  return {};
}

}  // namespace anbang::app
