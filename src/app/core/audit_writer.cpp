#include "app/core/audit_writer.hpp"

#include <algorithm>
#include <vector>

namespace anbang::app {

AuditWriter::AuditWriter(store::Database& db) : db_(db), thread_([this] { run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

Status AuditWriter::write(store::AuditRecord record) {
  auto promise = std::make_shared<std::promise<Status>>();
  std::future<Status> result = promise->get_future();
  write_async(std::move(record), [promise](Status s) { promise->set_value(std::move(s)); });
  return result.get();
}

void AuditWriter::write_async(store::AuditRecord record, std::function<void(Status)> done) {
  record.access = true;
  {
    std::lock_guard lock(mu_);
    if (stop_) {
      done(internal_error("审计服务已停止"));
      return;
    }
    queue_.push_back({std::move(record), std::move(done)});
  }
  cv_.notify_one();
}

void AuditWriter::run() {
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty() && stop_) return;
      batch.swap(queue_);
    }
    std::vector<bool> skip = covered(batch);
    Status s = db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
      for (std::size_t i = 0; i < batch.size(); ++i) {
        if (skip[i]) continue;
        if (auto r = store::insert_audit(c, batch[i].record); !r.ok()) return r;
      }
      return {};
    });
    if (s.ok()) remember(batch, skip);
    for (auto& p : batch) {
      try {
        p.done(s);
      } catch (...) {  // a connection that went away must not stop the audit thread
      }
    }
  }
}

std::vector<bool> AuditWriter::covered(const std::deque<Pending>& batch) {
  std::vector<bool> skip(batch.size(), false);
  std::unordered_map<std::string, std::int64_t> first;  // keys stored by this batch
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const store::AuditRecord& r = batch[i].record;
    if (r.view_key.empty()) continue;
    auto stored = views_.find(r.view_key);
    if (stored != views_.end() && r.at >= stored->second && r.at - stored->second < kViewWindowSeconds) {
      skip[i] = true;
    } else if (auto ahead = first.find(r.view_key); ahead != first.end() && r.at - ahead->second < kViewWindowSeconds) {
      skip[i] = true;
    } else {
      first[r.view_key] = r.at;
    }
  }
  return skip;
}

void AuditWriter::remember(const std::deque<Pending>& batch, const std::vector<bool>& skip) {
  std::int64_t latest = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const store::AuditRecord& r = batch[i].record;
    if (r.view_key.empty() || skip[i]) continue;
    views_[r.view_key] = r.at;
    latest = std::max(latest, r.at);
  }
  if (views_.size() <= kMaxViewKeys) return;
  // Forget the views whose window has closed; if that is not enough, forget all of them.
  for (auto it = views_.begin(); it != views_.end();) {
    it = latest - it->second >= kViewWindowSeconds ? views_.erase(it) : std::next(it);
  }
  if (views_.size() > kMaxViewKeys) views_.clear();
}

}  // namespace anbang::app
