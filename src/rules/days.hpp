// Internal arithmetic of the engine on day numbers (domain::to_days): merged day spans, calendar
// periods and task keys. Not part of the public API.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/facts.hpp"
#include "rules/policy.hpp"

namespace anbang::rules::detail {

inline constexpr std::int64_t kForever = std::int64_t{1} << 40;  // the end of an open interval

// Days [from, to); from_date is `from` as a date (kept to avoid converting back).
struct Span {
  std::int64_t from = 0, to = 0;
  CivilDate from_date;
};

// A dated record (visit, review, meeting) as a day number and its date.
struct Record {
  std::int64_t day = 0;
  CivilDate date;
};

// `intervals` as sorted, merged, non-empty spans (open ends → kForever), into `out` (cleared first).
void to_spans(const std::vector<Interval>& intervals, std::vector<Span>& out);

// The span containing `day`, or nullptr.
const Span* find_span(const std::vector<Span>& spans, std::int64_t day);

// Number of days of [a, b) inside `spans`.
std::int64_t overlap(const std::vector<Span>& spans, std::int64_t a, std::int64_t b);

// Number of days of [a, b) inside both `x` and `y`.
std::int64_t overlap_both(const std::vector<Span>& x, const std::vector<Span>& y, std::int64_t a,
                          std::int64_t b);

// The `dates` whose day number is <= `limit`, sorted ascending, into `out` (cleared first).
void to_records(const std::vector<CivilDate>& dates, std::int64_t limit, std::vector<Record>& out);

// The first record on or after `day` (end() when none).
std::vector<Record>::const_iterator first_on_or_after(const std::vector<Record>& records, std::int64_t day);

// The day after `date`, without going through day numbers.
CivilDate next_day(CivilDate date);

// The day before `date`, without going through day numbers.
CivilDate previous_day(CivilDate date);

// A calendar period (month, quarter, half-year or year): inclusive day numbers and dates.
struct Period {
  PeriodKind kind = PeriodKind::none;
  int year = 0;
  int index = 0;  // month 1–12, quarter 1–4, half-year 1–2, year 1
  std::int64_t first = 0, last = 0;
  CivilDate first_date, last_date;
};

// The period of `kind` (not none) that contains `date`, whose day number is `day`.
Period calendar_period(PeriodKind kind, CivilDate date, std::int64_t day);

// "<rule>/2026H1", "<rule>/2026Q3", "<rule>/2026-03", "<rule>/2026". Short enough for the small
// string buffer with 7-character rule ids, so building it does not allocate.
std::string period_key(std::string_view rule, const Period& period);

}  // namespace anbang::rules::detail
