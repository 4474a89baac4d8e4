#include "rules/days.hpp"

#include <algorithm>

namespace anbang::rules::detail {

using domain::days_in_month;
using domain::to_days;

void to_spans(const std::vector<Interval>& intervals, std::vector<Span>& out) {
  out.clear();
  for (const Interval& i : intervals) {
    Span s{to_days(i.from), i.to ? to_days(*i.to) : kForever, i.from};
    if (s.to > s.from) out.push_back(s);
  }
  if (out.size() < 2) return;
  std::sort(out.begin(), out.end(), [](const Span& x, const Span& y) { return x.from < y.from; });
  std::size_t n = 0;
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].from <= out[n].to) {
      out[n].to = std::max(out[n].to, out[i].to);
    } else {
      out[++n] = out[i];
    }
  }
  out.resize(n + 1);
}

const Span* find_span(const std::vector<Span>& spans, std::int64_t day) {
  for (const Span& s : spans) {
    if (day < s.from) return nullptr;
    if (day < s.to) return &s;
  }
  return nullptr;
}

std::int64_t overlap(const std::vector<Span>& spans, std::int64_t a, std::int64_t b) {
  std::int64_t n = 0;
  for (const Span& s : spans) n += std::max<std::int64_t>(0, std::min(s.to, b) - std::max(s.from, a));
  return n;
}

std::int64_t overlap_both(const std::vector<Span>& x, const std::vector<Span>& y, std::int64_t a,
                          std::int64_t b) {
  std::int64_t n = 0;
  for (const Span& s : x) {
    for (const Span& u : y) {
      n += std::max<std::int64_t>(0, std::min({s.to, u.to, b}) - std::max({s.from, u.from, a}));
    }
  }
  return n;
}

void to_records(const std::vector<CivilDate>& dates, std::int64_t limit, std::vector<Record>& out) {
  out.clear();
  for (CivilDate d : dates) {
    std::int64_t n = to_days(d);
    if (n <= limit) out.push_back({n, d});
  }
  auto by_day = [](const Record& x, const Record& y) { return x.day < y.day; };
  if (!std::is_sorted(out.begin(), out.end(), by_day)) std::sort(out.begin(), out.end(), by_day);
}

std::vector<Record>::const_iterator first_on_or_after(const std::vector<Record>& records, std::int64_t day) {
  return std::lower_bound(records.begin(), records.end(), day,
                          [](const Record& r, std::int64_t d) { return r.day < d; });
}

CivilDate next_day(CivilDate date) {
  if (date.day < days_in_month(date.year, date.month)) return {date.year, date.month, date.day + 1};
  if (date.month < 12) return {date.year, date.month + 1, 1};
  return {date.year + 1, 1, 1};
}

CivilDate previous_day(CivilDate date) {
  if (date.day > 1) return {date.year, date.month, date.day - 1};
  if (date.month > 1) return {date.year, date.month - 1, days_in_month(date.year, date.month - 1)};
  return {date.year - 1, 12, 31};
}

Period calendar_period(PeriodKind kind, CivilDate date, std::int64_t day) {
  Period p{kind, date.year, 1, 0, 0, {}, {}};
  int m0 = 1, m1 = 12;
  switch (kind) {
    case PeriodKind::month:
      m0 = m1 = date.month;
      p.index = date.month;
      break;
    case PeriodKind::quarter:
      p.index = (date.month - 1) / 3 + 1;
      m0 = p.index * 3 - 2;
      m1 = m0 + 2;
      break;
    case PeriodKind::half_year:
      p.index = (date.month - 1) / 6 + 1;
      m0 = p.index * 6 - 5;
      m1 = m0 + 5;
      break;
    case PeriodKind::year:
    case PeriodKind::none:
      break;
  }
  // Day numbers by counting month lengths from `day`: no division, no date conversion.
  std::int64_t before = date.day - 1, length = 0;
  for (int m = m0; m <= m1; ++m) {
    const int n = days_in_month(date.year, m);
    if (m < date.month) before += n;
    length += n;
  }
  p.first = day - before;
  p.last = p.first + length - 1;
  p.first_date = {date.year, m0, 1};
  p.last_date = {date.year, m1, days_in_month(date.year, m1)};
  return p;
}

std::string period_key(std::string_view rule, const Period& period) {
  char buf[32];
  std::size_t n = 0;
  for (char c : rule.substr(0, 16)) buf[n++] = c;
  buf[n++] = '/';
  int y = period.year;
  for (int div = 1000; div >= 1; div /= 10) buf[n++] = static_cast<char>('0' + (y / div) % 10);
  switch (period.kind) {
    case PeriodKind::month:
      buf[n++] = '-';
      buf[n++] = static_cast<char>('0' + period.index / 10);
      buf[n++] = static_cast<char>('0' + period.index % 10);
      break;
    case PeriodKind::quarter:
      buf[n++] = 'Q';
      buf[n++] = static_cast<char>('0' + period.index);
      break;
    case PeriodKind::half_year:
      buf[n++] = 'H';
      buf[n++] = static_cast<char>('0' + period.index);
      break;
    case PeriodKind::year:
    case PeriodKind::none:
      break;
  }
  return std::string(buf, n);
}

}  // namespace anbang::rules::detail
