#include "app/core/audit_writer.hpp"

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
    Status s = db_.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
      for (const auto& p : batch) {
        if (auto r = store::insert_audit(c, p.record); !r.ok()) return r;
      }
      return {};
    });
    for (auto& p : batch) {
      try {
        p.done(s);
      } catch (...) {  // a connection that went away must not stop the audit thread
      }
    }
  }
}

}  // namespace anbang::app
