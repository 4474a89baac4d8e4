#include "platform/clock.hpp"

#include <gtest/gtest.h>

namespace anbang::platform {
namespace {

const auto kNov26 = std::chrono::system_clock::from_time_t(1795651200);  // 2026-11-26T00:00:00Z, 08:00 CST

TEST(Clock, SystemClockIsNotOverridden) {
  EXPECT_FALSE(SystemClock().today_overridden());
  EXPECT_FALSE(FixedClock(kNov26).today_overridden());
}

TEST(Clock, ShiftDaysCountsChinaStandardTimeDays) {
  FixedClock real(kNov26);
  EXPECT_EQ(shift_days_to({2026, 11, 26}, real), 0);
  EXPECT_EQ(shift_days_to({2027, 1, 15}, real), 50);
  EXPECT_EQ(shift_days_to({2026, 11, 25}, real), -1);
  // 2026-11-26T16:30:00Z is already 27 November in China Standard Time.
  real.set(kNov26 + std::chrono::hours(16) + std::chrono::minutes(30));
  EXPECT_EQ(shift_days_to({2026, 11, 27}, real), 0);
}

TEST(Clock, ShiftedClockRunsFromTheChosenDayAtTheRealTimeOfDay) {
  SystemClock real;
  const domain::CivilDate chosen{2027, 1, 15};
  ShiftedClock shifted(std::chrono::days(shift_days_to(chosen, real)));
  EXPECT_TRUE(shifted.today_overridden());
  auto before = real.now();
  auto t = shifted.now();
  auto after = real.now();
  // Whole days apart: same time of day, and the date is the chosen one (unless midnight passed
  // between the two readings, in which case it is the next day).
  auto shift = shifted.now() - real.now();
  EXPECT_EQ(std::chrono::round<std::chrono::hours>(shift).count() % 24, 0);
  auto day = domain::shanghai_date_from_unix(unix_seconds(t));
  if (domain::shanghai_date_from_unix(unix_seconds(before)) ==
      domain::shanghai_date_from_unix(unix_seconds(after))) {
    EXPECT_EQ(day, chosen);
  }
}

}  // namespace
// `--today D THH:MM` (tests): the clock starts at that time of that day, so a test run started just
// before midnight does not see today change under it.
TEST(Clock, ShiftedClockCanStartAtAChosenTimeOfDay) {
  FixedClock real(std::chrono::system_clock::time_point(std::chrono::seconds(1764345540)));  // 2025-11-28 23:59 CST
  auto shift = shift_to({2026, 11, 26}, 9 * 60, real);
  std::int64_t at = unix_seconds(real.now()) + shift.count();
  EXPECT_EQ(at, domain::shanghai_midnight_unix({2026, 11, 26}) + 9 * 3600);
  EXPECT_EQ(domain::shanghai_date_from_unix(at + 14 * 3600), (domain::CivilDate{2026, 11, 26}));
}

}  // namespace anbang::platform
