// The clock is injected: production code asks a Clock, tests hand in a FixedClock.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace anbang::platform {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// A clock tests can set and advance. Not thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point now() const override { return t_; }
  void set(std::chrono::system_clock::time_point t) { t_ = t; }
  void advance(std::chrono::seconds s) { t_ += s; }

 private:
  std::chrono::system_clock::time_point t_;
};

// Seconds since the Unix epoch.
std::int64_t unix_seconds(std::chrono::system_clock::time_point t);
// ISO 8601 UTC text, e.g. 2026-11-26T07:03:34Z.
std::string iso_utc(std::chrono::system_clock::time_point t);
std::string iso_utc_from_unix(std::int64_t seconds);

}  // namespace anbang::platform
