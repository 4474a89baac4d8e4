#include "domain/id_number.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace anbang::domain {
namespace {

const CivilDate kToday{2026, 11, 26};

TEST(IdNumber, CheckCharMatchesTheStandardsExamples) {
  // Examples printed in GB 11643-1999.
  EXPECT_EQ(id_check_char("11010519491231002"), 'X');
  EXPECT_EQ(id_check_char("44052418800101001"), '4');
  EXPECT_EQ(id_check_char("1101051949123100"), '?');
  EXPECT_EQ(id_check_char("1101051949123100A"), '?');
}

TEST(IdNumber, ParsesAndNormalises) {
  auto r = parse_id_number(" 50015319880615001x ", kToday);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->number, "50015319880615001X");
  EXPECT_EQ(r->division, "500153");
  EXPECT_EQ(r->birth_date, (CivilDate{1988, 6, 15}));
  EXPECT_EQ(r->gender, "1");
}

TEST(IdNumber, MessagesTellWhatToFix) {
  auto len = parse_id_number("5001531990030712", kToday);
  ASSERT_FALSE(len.ok());
  EXPECT_EQ(len.error().field, "id_number");
  EXPECT_NE(len.error().message.find("当前为16位"), std::string::npos) << len.error().message;

  auto check = parse_id_number("500153199003071231", kToday);
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.error().code, "ID_NUMBER_CHECK_DIGIT");
  EXPECT_EQ(check.error().message, "身份证号码校验位错误：按前17位计算最后一位应为 2，请核对号码");

  auto format = parse_id_number("5001531990030A1232", kToday);
  ASSERT_FALSE(format.ok());
  EXPECT_NE(format.error().message.find("第14位"), std::string::npos) << format.error().message;
}

TEST(IdNumber, BirthDateBoundIsTheGivenToday) {
  const std::string n = make_id_number("500153", CivilDate{2026, 11, 27}, 1);
  EXPECT_FALSE(parse_id_number(n, kToday).ok());
  EXPECT_TRUE(parse_id_number(n, CivilDate{2026, 11, 27}).ok());
}

TEST(IdNumber, Mask) {
  EXPECT_EQ(mask_id_number("50022619851120024X"), "5002**********024X");
  EXPECT_EQ(mask_id_number("12345678"), "********");
  EXPECT_EQ(mask_id_number("123456789"), "1234*6789");
  EXPECT_EQ(mask_id_number(""), "");
  EXPECT_EQ(mask_id_number("张三李四王五赵六钱七"), "**********");
}

TEST(IdNumber, MakeAppendsCheckChar) {
  const std::string n = make_id_number("500153", CivilDate{1990, 3, 7}, 123);
  EXPECT_EQ(n, "500153199003071232");
  EXPECT_EQ(make_id_number("50015", CivilDate{1990, 3, 7}, 123), "");
  EXPECT_EQ(make_id_number("500153", CivilDate{1990, 2, 30}, 123), "");
  EXPECT_EQ(make_id_number("500153", CivilDate{1990, 3, 7}, 1000), "");
  for (int seq = 0; seq <= 999; ++seq) {
    auto r = parse_id_number(make_id_number("500226", CivilDate{1975, 12, 31}, seq), kToday);
    ASSERT_TRUE(r.ok()) << seq;
    EXPECT_EQ(r->gender, seq % 2 == 1 ? "1" : "2");
  }
}

// Every row of the table shared with the web app's validator.
TEST(IdNumber, SharedCaseTable) {
  std::ifstream in(std::string(ANBANG_SOURCE_DIR) + "/tests/cases/id_numbers.json");
  ASSERT_TRUE(in) << "tests/cases/id_numbers.json not found";
  const auto table = nlohmann::json::parse(in);
  auto today = parse_date(table.at("today").get<std::string>());
  ASSERT_TRUE(today.ok());
  const auto& cases = table.at("cases");
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    const std::string input = c.at("input").get<std::string>();
    SCOPED_TRACE(input + " — " + c.at("note").get<std::string>());
    auto r = parse_id_number(input, *today);
    ASSERT_EQ(r.ok(), c.at("ok").get<bool>()) << (r.ok() ? "" : r.error().message);
    if (r.ok()) {
      EXPECT_EQ(to_string(r->birth_date), c.at("birth_date").get<std::string>());
      EXPECT_EQ(r->gender, c.at("gender").get<std::string>());
    } else {
      EXPECT_EQ(r.error().code, c.at("code").get<std::string>()) << r.error().message;
      EXPECT_EQ(r.error().field, "id_number");
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

}  // namespace
}  // namespace anbang::domain
