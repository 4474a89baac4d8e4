// Group commit for audit records of reads (into audit.access_log): each caller hands in a record and waits
// until the transaction that holds it has committed; one background thread writes everything that queued up
// meanwhile in a single transaction. A read is answered only after its audit record is durable.
//
// One page view, one record per file read: a record with a view key (the user, the web app's page view
// id, the person; person_read.hpp) is stored only if no record of the same key was committed within
// the last kViewWindowSeconds (by the records' own time) and none is ahead of it in the same batch;
// the others are answered once the batch that holds the first one has committed (or with its error).
// A read whose view is unknown to the writer — another view id, a restart, an evicted key — is stored:
// keys only ever save records of reads that are already on record.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

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

  // How long a page view's first read covers the view's further reads of the same file.
  static constexpr std::int64_t kViewWindowSeconds = 30 * 60;
  // At most this many view keys are kept (the oldest are forgotten first, which only adds records).
  static constexpr std::size_t kMaxViewKeys = 100000;

 private:
  struct Pending {
    store::AuditRecord record;
    std::function<void(Status)> done;
  };
  void run();
  // Marks the records of `batch` whose view is already on record (writer thread only).
  std::vector<bool> covered(const std::deque<Pending>& batch);
  void remember(const std::deque<Pending>& batch, const std::vector<bool>& skip);

  store::Database& db_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stop_ = false;
  std::unordered_map<std::string, std::int64_t> views_;  // view key → time of its stored record (writer thread)
  std::thread thread_;
};

}  // namespace anbang::app
