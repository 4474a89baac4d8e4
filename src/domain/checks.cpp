#include "domain/checks.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace anbang::domain::check {

bool has_bidi_override(std::string_view t) {
  // U+202A–U+202E: E2 80 AA–AE; U+2066–U+2069: E2 81 A6–A9.
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    auto b0 = static_cast<unsigned char>(t[i]), b1 = static_cast<unsigned char>(t[i + 1]),
         b2 = static_cast<unsigned char>(t[i + 2]);
    if (b0 != 0xE2) continue;
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return true;
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;
  }
  return false;
}

namespace {
// Trims ASCII and ideographic (U+3000) spaces at both ends.
std::string_view trim_all(std::string_view s) {
  for (;;) {
    std::string_view before = s;
    s = trim_ascii(s);
    if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
    if (s == before) return s;
  }
}
}  // namespace

Result<std::string> text(std::string_view value, std::string_view field, std::string_view label,
                         std::size_t max_chars, bool required) {
  std::string s(trim_all(value));
  if (required && s.empty()) return invalid("FIELD_REQUIRED", "请填写" + std::string(label), std::string(field));
  if (count_code_points(s) > max_chars) {
    return invalid("FIELD_TOO_LONG", std::string(label) + "不能超过" + std::to_string(max_chars) + "个字",
                   std::string(field));
  }
  for (unsigned char ch : s) {
    if ((ch < 0x20 && ch != '\t') || ch == 0x7F)
      return invalid("FIELD_FORMAT", std::string(label) + "含有不可见的控制字符，请删除后重试", std::string(field));
  }
  if (has_bidi_override(s))
    return invalid("FIELD_FORMAT", std::string(label) + "含有改变文字方向的不可见字符，请删除后重试",
                   std::string(field));
  return s;
}

Result<CivilDate> date(std::string_view value, std::string_view field, std::string_view label) {
  if (trim_ascii(value).empty()) return invalid("FIELD_REQUIRED", "请填写" + std::string(label), std::string(field));
  return parse_date(trim_ascii(value), field);
}

Result<CivilDate> past_date(std::string_view value, std::string_view field, std::string_view label,
                            CivilDate today) {
  auto d = date(value, field, label);
  if (!d.ok()) return d;
  if (*d > today) return invalid("DATE_IN_FUTURE", std::string(label) + "不能晚于今天", std::string(field));
  return d;
}

Result<CivilDate> record_date(std::string_view value, std::string_view field, std::string_view label,
                              CivilDate today, int limit_days) {
  auto d = past_date(value, field, label, today);
  if (!d.ok()) return d;
  if (auto s = backdate_limit(*d, field, label, today, limit_days); !s.ok()) return s.error();
  return d;
}

Status backdate_limit(CivilDate d, std::string_view field, std::string_view label, CivilDate today, int limit_days) {
  CivilDate earliest = add_days(today, -limit_days);
  if (d < earliest)
    return invalid("DATE_TOO_FAR_BACK",
                   std::string(label) + "不能早于 " + to_string(earliest) + "（补录最多可追溯 " +
                       std::to_string(limit_days) + " 天，如需更早请联系管理员调整政策参数）",
                   std::string(field));
  return {};
}

Status order(CivilDate earlier, CivilDate later, std::string_view field, std::string_view message, bool strict) {
  if (later < earlier || (strict && later == earlier))
    return invalid("DATE_ORDER", std::string(message), std::string(field));
  return {};
}

Status phone(std::string_view v, std::string_view field, std::string_view label) {
  if (v.empty()) return {};
  bool ok = std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+'; });
  if (!ok || v.size() < 5 || v.size() > 20)
    return invalid("PHONE_FORMAT", std::string(label) + "只能包含数字、+ 和 -，如 13800000000 或 023-46712345",
                   std::string(field));
  return {};
}

Status one_of(std::string_view value, std::initializer_list<std::string_view> allowed, std::string_view field,
              std::string_view message) {
  for (auto a : allowed) {
    if (value == a) return {};
  }
  return invalid("FIELD_VALUE", std::string(message), std::string(field));
}

Status paging(int page, int page_size) {
  if (page < 1 || page > 100000) return invalid("FIELD_RANGE", "页码应在 1 到 100000 之间", "page");
  if (page_size < 1 || page_size > 100) return invalid("FIELD_RANGE", "每页条数应在 1 到 100 之间", "page_size");
  return {};
}

}  // namespace anbang::domain::check
