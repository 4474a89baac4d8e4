#include "domain/civil_date.hpp"

#include <fmt/format.h>

namespace anbang::domain {
namespace {

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Value of the digits text[pos, pos+len); caller has checked they are digits.
int digits_value(std::string_view text, size_t pos, size_t len) {
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
  return v;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_valid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

bool is_valid(CivilDate date) { return is_valid(date.year, date.month, date.day); }

Result<CivilDate> parse_date(std::string_view text, std::string_view field) {
  auto fail = [&] {
    return invalid("DATE_INVALID", "日期格式应为 YYYY-MM-DD 且为有效日期", std::string(field));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return fail();
  }
  CivilDate d{digits_value(text, 0, 4), digits_value(text, 5, 2), digits_value(text, 8, 2)};
  if (!is_valid(d)) return fail();
  return d;
}

std::string to_string(CivilDate date) {
  // By hand: the task refresh formats tens of millions of dates (fmt took a third of its time).
  if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 || date.day > 99)
    return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
  std::string s(10, '-');
  auto put = [&s](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      s[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, date.year, 4);
  put(5, date.month, 2);
  put(8, date.day, 2);
  return s;
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t to_days(CivilDate date) {
  const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;                          // [0, 399]
  const int64_t mp = (date.month + 9) % 12;                   // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;      // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;  // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                       // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

CivilDate add_days(CivilDate date, int64_t days) { return from_days(to_days(date) + days); }

CivilDate add_months_clamped(CivilDate date, int months) {
  const int64_t index = static_cast<int64_t>(date.year) * 12 + (date.month - 1) + months;
  const int year = static_cast<int>(floor_div(index, 12));
  const int month = static_cast<int>(index - static_cast<int64_t>(year) * 12) + 1;
  const int last = days_in_month(year, month);
  return {year, month, date.day > last ? last : date.day};
}

CivilDate add_years_clamped(CivilDate date, int years) { return add_months_clamped(date, years * 12); }

int64_t days_between(CivilDate from, CivilDate to) { return to_days(to) - to_days(from); }

namespace {
// Fixed UTC+8 as DOMAIN.md §2 requires; the 1986–1991 summer time is deliberately ignored.
constexpr int64_t kShanghaiOffsetSeconds = 8 * 3600;
}  // namespace

CivilDate shanghai_date_from_unix(int64_t unix_seconds) {
  return from_days(floor_div(unix_seconds + kShanghaiOffsetSeconds, 86400));
}

int64_t shanghai_midnight_unix(CivilDate date) { return to_days(date) * 86400 - kShanghaiOffsetSeconds; }

int age_on(CivilDate birth, CivilDate on) {
  if (on < birth) return 0;
  int age = on.year - birth.year;
  if (add_years_clamped(birth, age) > on) --age;
  return age;
}

}  // namespace anbang::domain
