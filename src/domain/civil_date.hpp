// Legal calendar dates (proleptic Gregorian, China Standard Time). Pure value type: no clock, no
// time zone database. Deadline rules (DOMAIN.md §2 "Dates", R-PER-1) are built from these functions.
#pragma once
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace anbang::domain {

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// True for Gregorian leap years (divisible by 4, not by 100 unless by 400).
bool is_leap_year(int year);

// Days in `month` (1–12) of `year`; 0 when month is out of range.
int days_in_month(int year, int month);

// True when year is 1–9999, month 1–12 and day exists in that month.
bool is_valid(int year, int month, int day);
bool is_valid(CivilDate date);

// Parses exactly "YYYY-MM-DD" (ASCII digits, zero-padded, a real date, year ≥ 0001).
// Error: DATE_INVALID with a Chinese message; `field` is copied into the error.
Result<CivilDate> parse_date(std::string_view text, std::string_view field = {});

// "YYYY-MM-DD", zero-padded. Precondition: is_valid(date).
std::string to_string(CivilDate date);

// Days since 1970-01-01 (negative before). Precondition: is_valid(date).
int64_t to_days(CivilDate date);

// Inverse of to_days for any day count whose year falls in 1–9999.
CivilDate from_days(int64_t days);

// `date` moved by `days` (may be negative).
CivilDate add_days(CivilDate date, int64_t days);

// Same day number `months` months later (earlier if negative), clamped to that month's last day:
// 31 Jan + 1 → 28/29 Feb. This is "within N months" (DOMAIN.md §2 "Dates").
CivilDate add_months_clamped(CivilDate date, int months);

// Same month and day `years` later, 29 Feb → 28 Feb in a non-leap year (R-PER-1).
CivilDate add_years_clamped(CivilDate date, int years);

// Signed number of days from `from` to `to` (to − from).
int64_t days_between(CivilDate from, CivilDate to);

// China Standard Time (fixed UTC+8, no DST) is computed here and nowhere else: every conversion
// between a Unix instant and a civil date goes through these two functions (DOMAIN.md §2 "Dates").
// Calendar date in China Standard Time of a Unix instant in seconds.
CivilDate shanghai_date_from_unix(int64_t unix_seconds);
// The Unix instant (seconds) at which `date` begins (00:00:00) in China Standard Time.
int64_t shanghai_midnight_unix(CivilDate date);

// Completed years on `on`: the largest n with add_years_clamped(birth, n) <= on, so someone born
// on 29 Feb becomes a year older on 28 Feb in non-leap years (consistent with R-PER-1).
// Returns 0 when `on` is before `birth`.
int age_on(CivilDate birth, CivilDate on);

}  // namespace anbang::domain
