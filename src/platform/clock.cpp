#include "platform/clock.hpp"

#include <ctime>

namespace anbang::platform {

std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string iso_utc_from_unix(std::int64_t seconds) {
  std::time_t tt = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t shift_days_to(domain::CivilDate today, const Clock& real) {
  return domain::days_between(domain::shanghai_date_from_unix(unix_seconds(real.now())), today);
}

std::chrono::seconds shift_to(domain::CivilDate today, int minute_of_day, const Clock& real) {
  std::int64_t target = domain::shanghai_midnight_unix(today) + std::int64_t{minute_of_day} * 60;
  return std::chrono::seconds(target - unix_seconds(real.now()));
}

std::string iso_utc(std::chrono::system_clock::time_point t) { return iso_utc_from_unix(unix_seconds(t)); }

}  // namespace anbang::platform
