#include "domain/deidentify.hpp"

#include <algorithm>
#include <array>

namespace anbang::domain {
namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

// The UTF-8 characters of `s`.
std::vector<std::string> chars_of(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0xF0) n = 4;
    else if (b >= 0xE0) n = 3;
    else if (b >= 0xC0) n = 2;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digit runs: ID-like and phone-like numbers (see the header).
std::string mask_numbers(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) {
      out.push_back(s[i++]);
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    const std::size_t run = j - i;
    const bool x_end = run == 17 && j < s.size() && (s[j] == 'X' || s[j] == 'x');
    const bool letter_after = j < s.size() && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z'));
    if (x_end) {
      out += kIdPlaceholder;
      i = j + 1;
      continue;
    }
    if ((run == 18 || run == 15) && !letter_after) {
      out += kIdPlaceholder;
      i = j;
      continue;
    }
    if (run == 11 && s[i] == '1') {
      out += kPhonePlaceholder;
      i = j;
      continue;
    }
    // A landline: 0 + 2–3 digits, '-' or ' ', 7–8 digits.
    if ((run == 3 || run == 4) && s[i] == '0' && j < s.size() && (s[j] == '-' || s[j] == ' ')) {
      std::size_t k = j + 1;
      while (k < s.size() && is_digit(s[k])) ++k;
      const std::size_t local = k - (j + 1);
      if (local == 7 || local == 8) {
        out += kPhonePlaceholder;
        i = k;
        continue;
      }
    }
    out.append(s, i, run);
    i = j;
  }
  return out;
}

constexpr std::array<std::string_view, 16> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
    "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "万俟"};

}  // namespace

std::string surname_of(std::string_view name) {
  for (auto c : kCompoundSurnames) {
    if (name.size() > c.size() && name.substr(0, c.size()) == c) return std::string(c);
  }
  auto cs = chars_of(name);
  return cs.empty() ? std::string() : cs.front();
}

std::string deidentify(std::string_view text, const IdentifyingData& who) {
  std::string s(text);

  // Addresses, longest first so that a longer address is not cut by a shorter one inside it.
  std::vector<std::string> addresses;
  for (const auto& a : who.addresses) {
    if (a.empty()) continue;
    addresses.push_back(a);
  }
  std::sort(addresses.begin(), addresses.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& a : addresses) {
    std::string head, tail = a;
    for (const auto& t : who.township_names) {
      if (t.empty()) continue;
      auto pos = a.find(t);
      if (pos != std::string::npos) {
        head = a.substr(0, pos + t.size());
        tail = a.substr(pos + t.size());
        break;
      }
    }
    if (tail.empty()) continue;
    replace_all(s, a, head + std::string(kAddressPlaceholder));
    if (chars_of(tail).size() >= 2) replace_all(s, tail, kAddressPlaceholder);
  }
  for (const auto& v : who.village_names) {
    if (v.empty()) continue;
    replace_all(s, v, ends_with(v, "社区") ? "某社区" : ends_with(v, "村") ? "某村" : "某地");
  }

  // Names: whole names (longest first), their spaced forms, the given name, then forms of address.
  std::vector<std::string> names;
  if (!who.name.empty()) names.push_back(who.name);
  for (const auto& f : who.former_names) {
    if (!f.empty()) names.push_back(f);
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& n : names) {
    replace_all(s, n, kNamePlaceholder);
    auto cs = chars_of(n);
    if (cs.size() < 2) continue;
    for (std::string_view sep : {" ", "·", "・", "•", "　"}) {
      std::string spaced;
      for (std::size_t i = 0; i < cs.size(); ++i) spaced += (i ? std::string(sep) : std::string()) + cs[i];
      replace_all(s, spaced, kNamePlaceholder);
      // Surname, separator, given name (欧阳 修).
      std::string sur = surname_of(n);
      if (sur.size() < n.size()) replace_all(s, sur + std::string(sep) + n.substr(sur.size()), kNamePlaceholder);
    }
  }
  for (const auto& n : names) {
    std::string sur = surname_of(n);
    std::string given = n.substr(sur.size());
    if (chars_of(given).size() >= 2) replace_all(s, given, kNamePlaceholder);
    if (sur.empty()) continue;
    for (std::string_view form : {"先生", "女士", "师傅", "同志"}) replace_all(s, sur + std::string(form), "某" + std::string(form));
    for (std::string_view pre : {"老", "小", "阿"}) replace_all(s, std::string(pre) + sur, std::string(pre) + "某");
  }

  // Numbers: the recorded ones first, then any ID-like or phone-like run of digits.
  if (!who.id_number.empty()) {
    replace_all(s, who.id_number, kIdPlaceholder);
    std::string lower = who.id_number;
    if (!lower.empty() && lower.back() == 'X') lower.back() = 'x';
    replace_all(s, lower, kIdPlaceholder);
  }
  for (const auto& p : who.phones) {
    if (p.size() >= 5) replace_all(s, p, kPhonePlaceholder);
  }
  return mask_numbers(s);
}

}  // namespace anbang::domain
