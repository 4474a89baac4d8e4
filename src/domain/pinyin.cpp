#include "domain/pinyin.hpp"

#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace anbang::domain {
namespace {

// ü (any tone) becomes 'v' so both "lu" and "lv" can be offered for 吕.
constexpr const char* kRules = "::Han-Latin; ::Lower; ::NFC; [ǖǘǚǜü] > v; ::Latin-ASCII;";

// One per thread: icu::Transliterator::transliterate is not safe for concurrent use.
icu::Transliterator* transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "anbang-pinyin", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return instance.get();
}

struct SurnameReading {
  std::string_view surname;                   // one or two Han characters
  std::array<std::string_view, 2> syllables;  // second empty for one-character surnames
};

// Surnames whose reading differs from the common reading ICU gives (checked against ICU 72).
// Compound surnames come first so 单于 wins over 单.
constexpr std::array<SurnameReading, 26> kSurnames = {{
    {"尉迟", {"yu", "chi"}},    {"万俟", {"mo", "qi"}}, {"澹台", {"tan", "tai"}}, {"单于", {"chan", "yu"}},
    {"长孙", {"zhang", "sun"}}, {"曾", {"zeng", ""}},   {"单", {"shan", ""}},     {"仇", {"qiu", ""}},
    {"区", {"ou", ""}},         {"解", {"xie", ""}},    {"查", {"zha", ""}},      {"朴", {"piao", ""}},
    {"乐", {"yue", ""}},        {"覃", {"qin", ""}},    {"翟", {"zhai", ""}},     {"盖", {"ge", ""}},
    {"种", {"chong", ""}},      {"繁", {"po", ""}},     {"阚", {"kan", ""}},      {"缪", {"miao", ""}},
    {"卜", {"bu", ""}},         {"秘", {"bi", ""}},     {"召", {"shao", ""}},     {"宓", {"fu", ""}},
    {"隗", {"wei", ""}},        {"黑", {"he", ""}},
}};

// A syllable (one Han character) or a run of ASCII letters/digits, with alternative readings;
// alternatives[0] is ICU's reading. Han readings spell ü as 'v'.
struct Unit {
  std::vector<std::string> alternatives;
  bool han = false;
};

void add_alternative(Unit& unit, std::string_view reading) {
  if (reading.empty()) return;
  if (std::find(unit.alternatives.begin(), unit.alternatives.end(), reading) == unit.alternatives.end()) {
    unit.alternatives.emplace_back(reading);
  }
}

// Full-width ASCII (U+FF01–U+FF5E) → ASCII; U+3000 → space.
UChar32 fold_width(UChar32 c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return ' ';
  return c;
}

bool is_ascii_alnum(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_han(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// ASCII a–z from one transliterated syllable; anything ICU could not read is dropped.
std::string keep_letters(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

std::string transliterate(icu::Transliterator& t, const icu::UnicodeString& han) {
  icu::UnicodeString u(han);
  t.transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) parts.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Appends one unit per character of a Han run. ICU reads the run as a whole (it knows some
// words), and is asked character by character only if the syllable count does not match.
void add_han_run(const std::vector<UChar32>& run, std::vector<Unit>& units) {
  icu::Transliterator* t = transliterator();
  if (t == nullptr || run.empty()) return;
  icu::UnicodeString text;
  for (UChar32 c : run) text.append(c);
  std::vector<std::string> syllables = split_spaces(transliterate(*t, text));
  if (syllables.size() != run.size()) {
    syllables.clear();
    for (UChar32 c : run) syllables.push_back(transliterate(*t, icu::UnicodeString(c)));
  }
  for (const std::string& s : syllables) {
    Unit unit;
    unit.han = true;
    add_alternative(unit, keep_letters(s));
    if (!unit.alternatives.empty()) units.push_back(std::move(unit));
  }
}

// Splits the name into units; returns them with the leading Han characters in `leading_han`.
std::vector<Unit> read_units(std::string_view name, std::string& leading_han) {
  std::vector<Unit> units;
  std::vector<UChar32> han_run;
  std::string ascii_run;
  bool leading = true;
  auto flush = [&] {
    add_han_run(han_run, units);
    han_run.clear();
    if (!ascii_run.empty()) units.push_back(Unit{{ascii_run}, false});
    ascii_run.clear();
  };
  int32_t i = 0;
  const auto length = static_cast<int32_t>(name.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(name.data(), i, length, c);
    c = fold_width(c);
    if (c >= 0 && is_han(c)) {
      if (!ascii_run.empty()) flush();
      han_run.push_back(c);
      if (leading) leading_han.append(name.substr(start, i - start));
    } else if (is_ascii_alnum(c)) {
      if (!han_run.empty()) flush();
      ascii_run.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      leading = false;
    } else {
      flush();
      leading = false;
    }
  }
  flush();
  return units;
}

// Adds the special surname reading as an alternative of the first unit(s).
void add_surname_readings(std::string_view leading_han, std::vector<Unit>& units) {
  for (const SurnameReading& s : kSurnames) {
    if (!leading_han.starts_with(s.surname)) continue;
    const size_t count = s.syllables[1].empty() ? 1 : 2;
    if (units.size() < count || !units[0].han || !units[count - 1].han) return;
    for (size_t k = 0; k < count; ++k) add_alternative(units[k], s.syllables[k]);
    return;
  }
}

void append_key(std::string& keys, const std::string& key) {
  if (key.empty() || keys.find(" " + key + " ") != std::string::npos) return;
  keys += key;
  keys += ' ';
}

// Odometer step over the alternatives, last unit fastest; false after the last combination.
bool next_choice(const std::vector<Unit>& units, std::vector<size_t>& choice) {
  for (size_t i = units.size(); i > 0; --i) {
    if (++choice[i - 1] < units[i - 1].alternatives.size()) return true;
    choice[i - 1] = 0;
  }
  return false;
}

}  // namespace

std::string pinyin_search_keys(std::string_view name_utf8) {
  std::string leading_han;
  std::vector<Unit> units = read_units(name_utf8, leading_han);
  add_surname_readings(leading_han, units);

  std::string keys = " ";
  if (units.empty()) return keys;
  // Every combination of alternatives, ICU's readings first, capped to keep the keys short.
  constexpr int kMaxCombinations = 16;
  std::vector<size_t> choice(units.size(), 0);
  for (int n = 0; n < kMaxCombinations; ++n) {
    std::string full_u, full_v, initials;
    for (size_t i = 0; i < units.size(); ++i) {
      const std::string& reading = units[i].alternatives[choice[i]];
      full_v += reading;
      std::string as_u = reading;
      if (units[i].han) std::replace(as_u.begin(), as_u.end(), 'v', 'u');
      full_u += as_u;
      initials.push_back(as_u.front());
    }
    append_key(keys, full_u);
    append_key(keys, initials);
    append_key(keys, full_v);
    if (!next_choice(units, choice)) break;
  }
  return keys;
}

std::string normalize_search_query(std::string_view query) {
  std::string out;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(query.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(query.data(), i, length, c);
    const UChar32 folded = fold_width(c);
    if (folded == ' ' || folded == '\t' || folded == '\n' || folded == '\r') continue;
    if (folded >= 0 && folded < 0x80) {
      out.push_back(static_cast<char>(folded >= 'A' && folded <= 'Z' ? folded - 'A' + 'a' : folded));
    } else {
      out.append(query.substr(start, i - start));
    }
  }
  return out;
}

bool matches_search_keys(std::string_view keys, std::string_view normalized_query) {
  if (normalized_query.empty()) return false;
  std::string needle = " ";
  needle += normalized_query;
  return keys.find(needle) != std::string_view::npos;
}

}  // namespace anbang::domain
