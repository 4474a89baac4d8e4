// Issue 7 §5: server-side files take their words from the web app's message files
// (web/src/locales/<locale>/export.json, embedded at build time).
#include "app/core/file_messages.hpp"

#include "app/allowance/allowance_xlsx.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace anbang::app {
namespace {

TEST(FileMessages, EmbedsTheWebAppsExportMessagesOfBothLanguages) {
  auto locales = FileMessages::locales();
  EXPECT_NE(std::find(locales.begin(), locales.end(), "zh-CN"), locales.end());
  EXPECT_NE(std::find(locales.begin(), locales.end(), "en"), locales.end());
  EXPECT_EQ(FileMessages::of("zh-CN").text("roster.col.name"), "姓名");
  EXPECT_EQ(FileMessages::of("en").text("roster.col.name"), "Name");
  EXPECT_EQ(FileMessages::of("zh-CN").text("status.under_assistance"), "帮教中");
  EXPECT_EQ(FileMessages::of("fr").text("roster.sheet"), "花名册");  // unknown language: Chinese
}

// Fails when a key the roster export uses is missing from a language's export.json.
TEST(FileMessages, EveryKeyTheServerUsesIsInEveryLanguage) {
  ASSERT_GT(roster_message_keys().size(), 20u);
  for (const std::string& locale : FileMessages::locales()) {
    const FileMessages& m = FileMessages::of(locale);
    for (const std::string& key : roster_message_keys()) EXPECT_TRUE(m.has(key)) << locale << ": " << key;
    for (const std::string& key : allowance_run_message_keys()) EXPECT_TRUE(m.has(key)) << locale << ": " << key;
  }
  EXPECT_FALSE(FileMessages::of("zh-CN").has("roster.col.nothing"));
  EXPECT_EQ(FileMessages::of("zh-CN").text("roster.col.nothing"), "roster.col.nothing");
}

}  // namespace
}  // namespace anbang::app
