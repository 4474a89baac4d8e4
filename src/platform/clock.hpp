// The clock is injected: production code asks a Clock, tests hand in a FixedClock.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "domain/civil_date.hpp"

namespace anbang::platform {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  // True when today was chosen (`--today`) instead of read from the system: the server says so
  // (GET /healthz, /api/v1/auth/me) and the web app shows it in its header.
  virtual bool today_overridden() const { return false; }
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// The system clock moved by a whole number of days: a chosen today at the real time of day,
// advancing normally (midnight comes at the real midnight). For tests and demonstrations only.
class ShiftedClock final : public Clock {
 public:
  explicit ShiftedClock(std::chrono::seconds shift) : shift_(shift) {}
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now() + shift_;
  }
  bool today_overridden() const override { return true; }

 private:
  std::chrono::system_clock::duration shift_;
};

// The days to move `real` so that its today (China Standard Time) becomes `today`.
std::int64_t shift_days_to(domain::CivilDate today, const Clock& real);

// The shift that makes `real` read `today` at `minute_of_day` (China Standard Time) now.
std::chrono::seconds shift_to(domain::CivilDate today, int minute_of_day, const Clock& real);

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
