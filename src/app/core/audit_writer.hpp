// Group commit for audit records of reads (into audit.access_log): each caller hands in a record and waits
// until the transaction that holds it has committed; one background thread writes everything that queued up
// meanwhile in a single transaction. A read is answered only after its audit record is durable.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "store/audit_repo.hpp"
#include "store/db.hpp"

namespace anbang::app {

class AuditWriter {
 public:
  explicit AuditWriter(store::Database& db);
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Blocks until `record` is committed to audit.access_log (or failed to commit). Thread-safe.
  Status write(store::AuditRecord record);
  // Queues `record` and returns at once; `done` runs on the writer thread after the commit (or its
  // failure). Keep `done` short: it runs while the next batch waits.
  void write_async(store::AuditRecord record, std::function<void(Status)> done);

 private:
  struct Pending {
    store::AuditRecord record;
    std::function<void(Status)> done;
  };
  void run();

  store::Database& db_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace anbang::app
