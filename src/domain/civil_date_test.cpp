#include "domain/civil_date.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

CivilDate d(int y, int m, int day) { return CivilDate{y, m, day}; }

TEST(CivilDate, LeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
  EXPECT_EQ(days_in_month(2023, 13), 0);
}

TEST(CivilDate, Validity) {
  EXPECT_TRUE(is_valid(d(2024, 2, 29)));
  EXPECT_FALSE(is_valid(d(2023, 2, 29)));
  EXPECT_FALSE(is_valid(d(2023, 4, 31)));
  EXPECT_FALSE(is_valid(d(2023, 0, 1)));
  EXPECT_FALSE(is_valid(d(2023, 1, 0)));
  EXPECT_FALSE(is_valid(d(0, 1, 1)));
  EXPECT_FALSE(is_valid(d(10000, 1, 1)));
}

TEST(CivilDate, Ordering) {
  EXPECT_EQ(d(2024, 1, 31), d(2024, 1, 31));
  EXPECT_LT(d(2023, 12, 31), d(2024, 1, 1));
  EXPECT_LT(d(2024, 1, 31), d(2024, 2, 1));
  EXPECT_GT(d(2024, 2, 2), d(2024, 2, 1));
}

TEST(CivilDate, ParseAccepts) {
  auto r = parse_date("2024-02-29");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, d(2024, 2, 29));
  EXPECT_EQ(to_string(*r), "2024-02-29");
  EXPECT_EQ(to_string(d(5, 3, 7)), "0005-03-07");
}

TEST(CivilDate, ParseRejects) {
  for (const char* bad :
       {"2023-02-29", "2024-2-29", "2024/02/29", "20240229", "2024-13-01", "2024-00-10", "2024-04-31",
        "0000-01-01", "", " 2024-01-01", "2024-01-01 ", "2024-01-0a", "+024-01-01"}) {
    auto r = parse_date(bad, "release_date");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "DATE_INVALID");
    EXPECT_EQ(r.error().field, "release_date");
    EXPECT_EQ(r.error().kind, ErrorKind::invalid);
    EXPECT_NE(r.error().message.find("YYYY-MM-DD"), std::string::npos);
  }
  EXPECT_EQ(parse_date("x").error().field, "");
}

TEST(CivilDate, DayCounts) {
  EXPECT_EQ(to_days(d(1970, 1, 1)), 0);
  EXPECT_EQ(to_days(d(1970, 1, 2)), 1);
  EXPECT_EQ(to_days(d(1969, 12, 31)), -1);
  EXPECT_EQ(to_days(d(2000, 3, 1)), 11017);
  EXPECT_EQ(to_days(d(1900, 1, 1)), -25567);
  EXPECT_EQ(to_days(d(1, 1, 1)), -719162);
  EXPECT_EQ(from_days(-1), d(1969, 12, 31));
  EXPECT_EQ(from_days(-25567), d(1900, 1, 1));
  EXPECT_EQ(from_days(19782), d(2024, 2, 29));
}

TEST(CivilDate, RoundTripsEveryDayFrom1850To2150) {
  int64_t expected = to_days(d(1850, 1, 1));
  for (int y = 1850; y <= 2150; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int day = 1; day <= days_in_month(y, m); ++day) {
        ASSERT_EQ(to_days(d(y, m, day)), expected) << y << "-" << m << "-" << day;
        ASSERT_EQ(from_days(expected), d(y, m, day));
        ++expected;
      }
    }
  }
}

TEST(CivilDate, AddDays) {
  EXPECT_EQ(add_days(d(2024, 2, 28), 1), d(2024, 2, 29));
  EXPECT_EQ(add_days(d(2023, 2, 28), 1), d(2023, 3, 1));
  EXPECT_EQ(add_days(d(2024, 12, 31), 1), d(2025, 1, 1));
  EXPECT_EQ(add_days(d(1970, 1, 1), -1), d(1969, 12, 31));
  EXPECT_EQ(add_days(d(2025, 3, 1), 30), d(2025, 3, 31));  // R-REG-1: release + 30 days
  EXPECT_EQ(days_between(d(2024, 1, 1), d(2025, 1, 1)), 366);
  EXPECT_EQ(days_between(d(2025, 1, 1), d(2024, 1, 1)), -366);
  EXPECT_EQ(days_between(d(1969, 12, 1), d(1970, 1, 1)), 31);
}

// DOMAIN.md §2 "Dates": "within 1 month" = same day number next month, clamped.
TEST(CivilDate, AddMonthsClampedToMonthEnd) {
  EXPECT_EQ(add_months_clamped(d(2025, 1, 31), 1), d(2025, 2, 28));
  EXPECT_EQ(add_months_clamped(d(2024, 1, 31), 1), d(2024, 2, 29));
  EXPECT_EQ(add_months_clamped(d(2024, 3, 31), 1), d(2024, 4, 30));
  EXPECT_EQ(add_months_clamped(d(2024, 1, 15), 1), d(2024, 2, 15));
  EXPECT_EQ(add_months_clamped(d(2024, 12, 15), 1), d(2025, 1, 15));
  EXPECT_EQ(add_months_clamped(d(2024, 11, 30), 3), d(2025, 2, 28));
  EXPECT_EQ(add_months_clamped(d(2024, 3, 31), -1), d(2024, 2, 29));
  EXPECT_EQ(add_months_clamped(d(2024, 1, 10), -1), d(2023, 12, 10));
  EXPECT_EQ(add_months_clamped(d(2024, 1, 10), -13), d(2022, 12, 10));
  EXPECT_EQ(add_months_clamped(d(2024, 1, 10), 0), d(2024, 1, 10));
}

// R-PER-1: end = start + N years, 29 Feb → 28 Feb.
TEST(CivilDate, AddYearsClamped_R_PER_1) {
  EXPECT_EQ(add_years_clamped(d(2024, 2, 29), 5), d(2029, 2, 28));
  EXPECT_EQ(add_years_clamped(d(2024, 2, 29), 4), d(2028, 2, 29));
  EXPECT_EQ(add_years_clamped(d(2023, 3, 1), 5), d(2028, 3, 1));
  EXPECT_EQ(add_years_clamped(d(2023, 6, 15), 3), d(2026, 6, 15));
  EXPECT_EQ(add_years_clamped(d(2024, 2, 29), -1), d(2023, 2, 28));
}

TEST(CivilDate, ShanghaiDateUsesUtcPlus8) {
  EXPECT_EQ(shanghai_date_from_unix(0), d(1970, 1, 1));
  EXPECT_EQ(shanghai_date_from_unix(16 * 3600 - 1), d(1970, 1, 1));
  EXPECT_EQ(shanghai_date_from_unix(16 * 3600), d(1970, 1, 2));
  EXPECT_EQ(shanghai_date_from_unix(-8 * 3600), d(1970, 1, 1));
  EXPECT_EQ(shanghai_date_from_unix(-8 * 3600 - 1), d(1969, 12, 31));
  // 2024-12-31T16:00:00Z is midnight of 1 Jan in Shanghai.
  EXPECT_EQ(shanghai_date_from_unix(1735660800), d(2025, 1, 1));
  EXPECT_EQ(shanghai_date_from_unix(1735660799), d(2024, 12, 31));
}

TEST(CivilDate, ShanghaiMidnightIsTheInverseOfShanghaiDate) {
  EXPECT_EQ(shanghai_midnight_unix(d(1970, 1, 1)), -8 * 3600);
  EXPECT_EQ(shanghai_midnight_unix(d(2025, 1, 1)), 1735660800);
  for (int64_t t : {int64_t{-100000}, int64_t{0}, int64_t{1735660799}, int64_t{1795651200}}) {
    const CivilDate day = shanghai_date_from_unix(t);
    EXPECT_LE(shanghai_midnight_unix(day), t);
    EXPECT_GT(shanghai_midnight_unix(day) + 86400, t);
    EXPECT_EQ(shanghai_date_from_unix(shanghai_midnight_unix(day)), day);
  }
}

TEST(CivilDate, AgeOn) {
  EXPECT_EQ(age_on(d(1990, 5, 10), d(2024, 5, 9)), 33);
  EXPECT_EQ(age_on(d(1990, 5, 10), d(2024, 5, 10)), 34);
  EXPECT_EQ(age_on(d(1990, 5, 10), d(1990, 5, 10)), 0);
  EXPECT_EQ(age_on(d(1990, 5, 10), d(1980, 1, 1)), 0);
  EXPECT_EQ(age_on(d(2000, 2, 29), d(2018, 2, 27)), 17);
  EXPECT_EQ(age_on(d(2000, 2, 29), d(2018, 2, 28)), 18);
  EXPECT_EQ(age_on(d(2000, 2, 29), d(2020, 2, 28)), 19);
  EXPECT_EQ(age_on(d(2000, 2, 29), d(2020, 2, 29)), 20);
  EXPECT_EQ(age_on(d(1999, 12, 31), d(2000, 1, 1)), 0);
}

}  // namespace
}  // namespace anbang::domain
