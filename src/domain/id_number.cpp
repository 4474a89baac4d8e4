#include "domain/id_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "domain/text.hpp"

namespace anbang::domain {
namespace {

constexpr const char* kField = "id_number";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_digit); }

// Province-level codes of GB/T 2260 (including 71 Taiwan, 81 Hong Kong, 82 Macao).
bool is_province_code(int code) {
  static constexpr std::array<int, 34> kCodes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                                 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                                 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
  return std::find(kCodes.begin(), kCodes.end(), code) != kCodes.end();
}

Error id_error(const char* code, std::string message) { return invalid(code, std::move(message), kField); }

}  // namespace

bool is_division_code(std::string_view code6) {
  return code6.size() == 6 && all_digits(code6) && is_province_code((code6[0] - '0') * 10 + (code6[1] - '0')) &&
         code6.substr(2) != "0000";
}

char id_check_char(std::string_view first17) {
  if (first17.size() != 17 || !all_digits(first17)) return '?';
  // Weight of position i is 2^(17-i) mod 11.
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kChars[] = "10X98765432";
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kChars[sum % 11];
}

std::string normalize_id_input(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size();) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b == ' ' || b == '\t') {
      ++i;
      continue;
    }
    if (b == 0xE3 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
        static_cast<unsigned char>(in[i + 2]) == 0x80) {  // U+3000 ideographic space
      i += 3;
      continue;
    }
    if (b == 0xEF && i + 2 < in.size()) {  // U+FF10–FF19 (EF BC 90–99), U+FF38 Ｘ (EF BC B8), U+FF58 ｘ (EF BD 98)
      auto b1 = static_cast<unsigned char>(in[i + 1]), b2 = static_cast<unsigned char>(in[i + 2]);
      if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) {
        out += static_cast<char>('0' + (b2 - 0x90));
        i += 3;
        continue;
      }
      if ((b1 == 0xBC && b2 == 0xB8) || (b1 == 0xBD && b2 == 0x98)) {
        out += 'X';
        i += 3;
        continue;
      }
    }
    out += b == 'x' ? 'X' : static_cast<char>(b);
    ++i;
  }
  return out;
}

Result<IdNumberInfo> parse_id_number(std::string_view input, CivilDate today) {
  const std::string_view text = trim_ascii(input);
  const size_t length = count_code_points(text);
  if (length != 18) {
    if (length == 0) return id_error("ID_NUMBER_LENGTH", "请填写18位身份证号码");
    std::string hint = length == 15 ? "(15位旧号码请换算为18位新号码）" : "，请检查是否多输或漏输";
    return id_error("ID_NUMBER_LENGTH", fmt::format("身份证号码应为18位，当前为{}位{}", length, hint));
  }
  // Bytes before the first non-digit are ASCII, so byte index + 1 is the character position.
  // Multi-byte characters (full-width digits) fail here too.
  for (size_t i = 0; i < 17; ++i) {
    if (!is_digit(text[i])) {
      return id_error("ID_NUMBER_FORMAT",
                      fmt::format("身份证号码前17位只能是数字，第{}位不是数字，请更正", i + 1));
    }
  }
  if (text.size() != 18) {
    return id_error("ID_NUMBER_FORMAT", "身份证号码最后一位只能是数字或字母X，请更正");
  }
  std::string number(text);
  if (number[17] == 'x') number[17] = 'X';
  if (!is_digit(number[17]) && number[17] != 'X') {
    return id_error("ID_NUMBER_FORMAT", "身份证号码最后一位只能是数字或字母X，请更正");
  }
  const int province = (number[0] - '0') * 10 + (number[1] - '0');
  if (!is_province_code(province)) {
    return id_error(
        "ID_NUMBER_DIVISION",
        fmt::format("身份证号码前两位“{}”不是有效的省级行政区划代码，请核对号码", number.substr(0, 2)));
  }
  const std::string birth_text = number.substr(6, 8);
  const int year = std::stoi(birth_text.substr(0, 4));
  const int month = std::stoi(birth_text.substr(4, 2));
  const int day = std::stoi(birth_text.substr(6, 2));
  if (!is_valid(year, month, day)) {
    return id_error("ID_NUMBER_BIRTH_DATE",
                    fmt::format("身份证号码第7至14位应为出生日期，“{}”不是有效日期，请核对号码", birth_text));
  }
  const CivilDate birth{year, month, day};
  if (birth < CivilDate{1900, 1, 1}) {
    return id_error("ID_NUMBER_BIRTH_DATE",
                    fmt::format("身份证号码中的出生日期{}早于1900-01-01，请核对号码", to_string(birth)));
  }
  if (birth > today) {
    return id_error("ID_NUMBER_BIRTH_DATE",
                    fmt::format("身份证号码中的出生日期{}晚于今天，请核对号码", to_string(birth)));
  }
  const char expected = id_check_char(std::string_view(number).substr(0, 17));
  if (number[17] != expected) {
    return id_error("ID_NUMBER_CHECK_DIGIT",
                    fmt::format("身份证号码校验位错误：按前17位计算最后一位应为 {}，请核对号码", expected));
  }
  IdNumberInfo info;
  info.division = number.substr(0, 6);
  info.birth_date = birth;
  info.gender = (number[16] - '0') % 2 == 1 ? "1" : "2";
  info.number = std::move(number);
  return info;
}

std::string mask_id_number(std::string_view id_number) {
  const size_t length = count_code_points(id_number);
  if (length != id_number.size()) return std::string(length, '*');  // not ASCII: hide everything
  if (length <= 8) return std::string(length, '*');
  std::string out(id_number.substr(0, 4));
  out.append(length - 8, '*');
  out.append(id_number.substr(length - 4));
  return out;
}

std::string make_id_number(std::string_view division6, CivilDate birth, int sequence3) {
  if (division6.size() != 6 || !all_digits(division6) || !is_valid(birth) || sequence3 < 0 ||
      sequence3 > 999) {
    return {};
  }
  std::string first17 =
      fmt::format("{}{:04d}{:02d}{:02d}{:03d}", division6, birth.year, birth.month, birth.day, sequence3);
  first17.push_back(id_check_char(first17));
  return first17;
}

}  // namespace anbang::domain
