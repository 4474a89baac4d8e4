// Issue 7 §5: Chinese text the server writes (error messages, demo records, command-line output)
// uses Chinese punctuation (，：；（）) and has no English words or raw codes in it. This test reads
// every string literal of src/ (not the tests) that contains a Han character and fails on
//  - an ASCII , : ; ( ) whose nearest non-space neighbour is Chinese, and
//  - a Latin word (two or more letters) inside such a literal, apart from the allow-list below.
// Codes, names of accounts, paths and markup are kept in literals of their own, without Chinese.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Literal {
  std::string file;
  int line = 0;
  std::string text;
};

// The string literals of a C++ source, comments and character literals skipped.
std::vector<Literal> literals(const std::string& file, const std::string& src) {
  std::vector<Literal> out;
  int line = 1;
  for (std::size_t i = 0; i < src.size(); ++i) {
    char c = src[i];
    if (c == '\n') {
      ++line;
    } else if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
      while (i < src.size() && src[i] != '\n') ++i;
      --i;
    } else if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
      i += 2;
      while (i + 1 < src.size() && !(src[i] == '*' && src[i + 1] == '/')) line += src[i++] == '\n';
      ++i;
    } else if (c == '\'') {  // a character literal (or a digit separator: skipped the same way)
      ++i;
      while (i < src.size() && src[i] != '\'' && src[i] != '\n') i += src[i] == '\\' ? 2 : 1;
    } else if (c == 'R' && i + 1 < src.size() && src[i + 1] == '"') {  // raw string R"d(...)d"
      std::size_t open = src.find('(', i + 2);
      std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      std::size_t end = src.find(close, open);
      Literal l{file, line, src.substr(open + 1, end - open - 1)};
      for (char x : l.text) line += x == '\n';
      out.push_back(std::move(l));
      i = end + close.size() - 1;
    } else if (c == '"') {
      Literal l{file, line, {}};
      for (++i; i < src.size() && src[i] != '"'; ++i) {
        if (src[i] == '\\' && i + 1 < src.size()) {
          l.text += src[i];
          ++i;
        }
        l.text += src[i];
      }
      out.push_back(std::move(l));
    }
  }
  return out;
}

std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = s[i];
    int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

bool han(char32_t c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF); }
// Han, CJK and full-width punctuation, Chinese quotation marks, ellipsis and dash.
bool chinese(char32_t c) {
  return han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’' || c == U'…' || c == U'—';
}

// ASCII , : ; ( ) next to Chinese (spaces between do not count) in a literal with Han characters.
std::string ascii_punctuation(const std::string& text) {
  std::u32string s = decode(text);
  bool any_han = false;
  for (char32_t c : s) any_han = any_han || han(c);
  if (!any_han) return {};
  std::string bad;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c != ',' && c != ':' && c != ';' && c != '(' && c != ')') continue;
    std::size_t l = i, r = i + 1;
    while (l > 0 && s[l - 1] == ' ') --l;
    while (r < s.size() && s[r] == ' ') ++r;
    if ((l > 0 && chinese(s[l - 1])) || (r < s.size() && chinese(s[r]))) bad += static_cast<char>(c);
  }
  return bad;
}

// What a Chinese literal may contain in Latin letters, each kept on purpose:
//  - rule ids ("R-LOST-1"): they name DOMAIN.md's rules and link to 规则说明;
//  - "YYYY-MM-DD": the date format a user must type;
//  - "GB/T": the name of the national standards the code tables come from;
//  - "JSON", "UTF-8": the formats an API caller must send (no Chinese name is in use).
const std::regex kAllowed(R"(R-[A-Z]+-\d+|YYYY-MM-DD|GB/T|JSON|UTF-8)");
const std::regex kWord(R"([A-Za-z]{2,})");
// JSON keys ("help": in a demo record's data) are codes, not text: the Chinese is in the values.
const std::regex kJsonKey(R"re("[a-z_]+"\s*:)re");

std::string latin_words(const std::string& text) {
  std::u32string s = decode(text);
  bool any_han = false;
  for (char32_t c : s) any_han = any_han || han(c);
  if (!any_han) return {};
  std::string rest = std::regex_replace(std::regex_replace(text, kJsonKey, " "), kAllowed, " ");
  std::string words;
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), kWord); it != std::sregex_iterator(); ++it)
    words += (words.empty() ? "" : " ") + it->str();
  return words;
}

std::vector<Literal> server_literals() {
  std::vector<Literal> all;
  namespace fs = std::filesystem;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(ANBANG_SOURCE_DIR) / "src")) {
    const std::string p = e.path().string();
    if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
    if (p.ends_with("_test.cpp") || p.find("test_support") != std::string::npos) continue;
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    auto lits = literals(fs::relative(e.path(), ANBANG_SOURCE_DIR).string(), ss.str());
    all.insert(all.end(), lits.begin(), lits.end());
  }
  return all;
}

TEST(MessageStyle, FindsWhatItLooksFor) {
  EXPECT_EQ(ascii_punctuation("请重新选择,谢谢"), ",");
  EXPECT_EQ(ascii_punctuation("列表应为 lost(脱管风险)"), "()");
  EXPECT_EQ(ascii_punctuation("错误: "), ":");
  EXPECT_EQ(ascii_punctuation("请重新选择，谢谢"), "");
  EXPECT_EQ(ascii_punctuation("a, b (c)"), "");  // no Chinese
  EXPECT_EQ(latin_words("接回方式应为 township_team（镇街组织接回）"), "township team");
  EXPECT_EQ(latin_words("R-LOST-1 日期格式应为 YYYY-MM-DD"), "");
  EXPECT_EQ(latin_words("最后一位只能是数字或字母X"), "");
  EXPECT_EQ(latin_words(R"({"help":"协调村委会"})"), "");
  auto lits = literals("x.cpp", "// \"注释,不算\"\nauto a = \"甲,乙\"; char c = '\"'; /* \"也不算,\" */ auto b = R\"(丙:丁)\";");
  ASSERT_EQ(lits.size(), 2u);
  EXPECT_EQ(lits[0].text, "甲,乙");
  EXPECT_EQ(lits[0].line, 2);
  EXPECT_EQ(lits[1].text, "丙:丁");
}

TEST(MessageStyle, ChineseTextUsesChinesePunctuation) {
  auto all = server_literals();
  ASSERT_GT(all.size(), 1000u) << "the sources were not found under " << ANBANG_SOURCE_DIR;
  std::string bad;
  for (const auto& l : all) {
    if (auto p = ascii_punctuation(l.text); !p.empty())
      bad += l.file + ":" + std::to_string(l.line) + " [" + p + "] " + l.text + "\n";
  }
  EXPECT_EQ(bad, "");
}

TEST(MessageStyle, ChineseTextHasNoEnglishWords) {
  std::string bad;
  for (const auto& l : server_literals()) {
    if (auto w = latin_words(l.text); !w.empty())
      bad += l.file + ":" + std::to_string(l.line) + " [" + w + "] " + l.text + "\n";
  }
  EXPECT_EQ(bad, "");
}

}  // namespace
