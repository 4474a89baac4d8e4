#include "domain/pinyin.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace anbang::domain {
namespace {

bool finds(std::string_view name, std::string_view typed) {
  return matches_search_keys(pinyin_search_keys(name), normalize_search_query(typed));
}

TEST(Pinyin, FullAndInitials) {
  EXPECT_EQ(pinyin_search_keys("张三"), " zhangsan zs ");
  EXPECT_TRUE(finds("张三", "zs"));
  EXPECT_TRUE(finds("张三", "zhangsan"));
  EXPECT_TRUE(finds("张三", "Zhang San"));
  EXPECT_TRUE(finds("张三", "zhang"));
  EXPECT_FALSE(finds("张三", "ls"));
  EXPECT_FALSE(finds("张三", ""));
  EXPECT_EQ(pinyin_search_keys("欧阳修"), " ouyangxiu oyx ");
  EXPECT_TRUE(finds("欧阳修", "oyx"));
}

// ICU 72 reads these surnames with their common reading; both readings must be searchable.
TEST(Pinyin, SurnameReadingsAndIcuReadingsBoth) {
  EXPECT_EQ(pinyin_search_keys("曾强"), " cengqiang cq zengqiang zq ");
  EXPECT_TRUE(finds("单雄信", "shanxiongxin"));
  EXPECT_TRUE(finds("单雄信", "dxx"));
  EXPECT_TRUE(finds("仇英", "qiuying"));
  EXPECT_TRUE(finds("区伟", "ouwei"));
  EXPECT_TRUE(finds("解缙", "xiejin"));
  EXPECT_TRUE(finds("查良镛", "zhaliangyong"));
  EXPECT_TRUE(finds("朴树", "piaoshu"));
  EXPECT_TRUE(finds("乐平", "yueping"));
  EXPECT_TRUE(finds("覃明", "qinming"));
  EXPECT_TRUE(finds("覃明", "tanming"));
  EXPECT_TRUE(finds("翟华", "zhaihua"));
  EXPECT_TRUE(finds("盖伟", "gewei"));
  EXPECT_TRUE(finds("种师道", "chongshidao"));
  EXPECT_TRUE(finds("繁华", "pohua"));
  EXPECT_TRUE(finds("尉迟恭", "yuchigong"));
  EXPECT_TRUE(finds("尉迟恭", "ycg"));
  EXPECT_TRUE(finds("万俟卨", "moqixie"));
  EXPECT_TRUE(finds("澹台明", "tantaiming"));
  EXPECT_TRUE(finds("长孙无忌", "zhangsunwuji"));
  EXPECT_TRUE(finds("单于宏", "chanyuhong"));
  EXPECT_FALSE(finds("单于宏", "shanyuhong"));  // the compound surname wins over 单
}

TEST(Pinyin, SurnameReadingOnlyForTheFirstCharacter) {
  EXPECT_EQ(pinyin_search_keys("王曾"), " wangceng wc ");
}

TEST(Pinyin, UmlautTypedAsUOrV) {
  EXPECT_EQ(pinyin_search_keys("吕布"), " lubu lb lvbu ");
  EXPECT_TRUE(finds("女娲", "nvwa"));
  EXPECT_TRUE(finds("女娲", "nuwa"));
}

TEST(Pinyin, NonHanCharacters) {
  EXPECT_EQ(pinyin_search_keys(""), " ");
  EXPECT_EQ(pinyin_search_keys("·  ,"), " ");
  EXPECT_EQ(pinyin_search_keys("Tom李"), " tomli tl ");
  EXPECT_EQ(pinyin_search_keys("DAVID 吕"), " davidlu dl davidlv ");  // v of latin text stays v
  EXPECT_EQ(pinyin_search_keys("ＡＢ张"), " abzhang az ");
  // The middle dot only separates; ICU reads 卜 here as "bo".
  EXPECT_EQ(pinyin_search_keys("阿卜杜·热合曼"), " abodureheman abdrhm ");
  EXPECT_TRUE(finds("张\xff三", "zs"));  // malformed UTF-8 is a separator, not a crash
}

TEST(Pinyin, NormalizeSearchQuery) {
  EXPECT_EQ(normalize_search_query("  Zhang San "), "zhangsan");
  EXPECT_EQ(normalize_search_query("ＺＳ\u3000"), "zs");
  EXPECT_EQ(normalize_search_query(" 张 三 "), "张三");
  EXPECT_EQ(normalize_search_query(""), "");
}

TEST(Pinyin, SafeFromSeveralThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 50; ++i) {
        if (pinyin_search_keys("曾强") != " cengqiang cq zengqiang zq ") ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace anbang::domain
