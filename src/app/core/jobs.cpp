#include "app/core/jobs.hpp"

#include <algorithm>

namespace anbang::app {

Jobs::~Jobs() { wait_all(); }

Result<std::int64_t> Jobs::start(const std::string& kind, const std::string& started_by, std::int64_t now,
                                 std::function<std::int64_t()> clock, Work work) {
  std::lock_guard lock(mu_);
  for (const auto& [id, j] : jobs_) {
    if (j.kind == kind && j.state == "running")
      return conflict("JOB_RUNNING", "同类任务正在后台运行，请等它完成后再试");
  }
  std::int64_t id = next_id_++;
  JobView v;
  v.id = id;
  v.kind = kind;
  v.state = "running";
  v.started_at = now;
  v.started_by = started_by;
  jobs_[id] = v;
  threads_.emplace_back([this, id, clock = std::move(clock), work = std::move(work)] {
    auto progress = [this, id](std::int64_t done, std::int64_t total) {
      std::lock_guard l(mu_);
      jobs_[id].done = done;
      jobs_[id].total = total;
    };
    Status s = work(progress);
    std::lock_guard l(mu_);
    JobView& j = jobs_[id];
    j.state = s.ok() ? "done" : "failed";
    if (!s.ok()) j.error_code = s.error().code;
    j.finished_at = clock();
  });
  return id;
}

std::optional<JobView> Jobs::find(std::int64_t id) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

bool Jobs::running(const std::string& kind) const {
  std::lock_guard lock(mu_);
  for (const auto& [id, j] : jobs_) {
    if (j.kind == kind && j.state == "running") return true;
  }
  return false;
}

std::vector<JobView> Jobs::recent(std::size_t limit) const {
  std::lock_guard lock(mu_);
  std::vector<JobView> out;
  for (auto it = jobs_.rbegin(); it != jobs_.rend() && out.size() < limit; ++it) out.push_back(it->second);
  return out;
}

void Jobs::wait_all() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mu_);
    threads.swap(threads_);
  }
  for (auto& t : threads) {
    if (t.joinable()) t.join();
  }
}

}  // namespace anbang::app
