// Slow work off the request: a job runs on its own thread and reports its progress, which the
// user who started it (and anyone allowed to) can read while it runs. One job of a kind at a time.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/result.hpp"

namespace anbang::app {

struct JobView {
  std::int64_t id = 0;
  std::string kind;      // e.g. "tasks_recompute"
  std::string state;     // running | done | failed
  std::int64_t done = 0, total = 0;
  std::int64_t started_at = 0, finished_at = 0;  // unix seconds
  std::string started_by;
  std::string error_code;  // when failed
};

class Jobs {
 public:
  // Reports progress (done of total) from inside a job.
  using Progress = std::function<void(std::int64_t done, std::int64_t total)>;
  using Work = std::function<Status(const Progress&)>;

  Jobs() = default;
  ~Jobs();  // waits for running jobs
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Starts `work` on a thread. Errors: JOB_RUNNING (a job of this kind is still running; its id
  // in the message is not needed by callers, they read running()).
  Result<std::int64_t> start(const std::string& kind, const std::string& started_by, std::int64_t now,
                             std::function<std::int64_t()> clock, Work work);
  std::optional<JobView> find(std::int64_t id) const;
  // True while a job of `kind` runs.
  bool running(const std::string& kind) const;
  // The newest jobs first (at most `limit`).
  std::vector<JobView> recent(std::size_t limit) const;
  // Blocks until every job started so far has finished (tests, shutdown).
  void wait_all();

 private:
  mutable std::mutex mu_;
  std::int64_t next_id_ = 1;
  std::map<std::int64_t, JobView> jobs_;
  std::vector<std::thread> threads_;
};

}  // namespace anbang::app
