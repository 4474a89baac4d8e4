// R-CLS-1, R-CLS-2, R-CLS-3 (§2.3.2): key vs general subject from the records.
#include "domain/classification.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {

// R-CLS-1 case table: which records make a key subject.
TEST(Classification, R_CLS_1_KeySubjectCriteria) {
  struct Case {
    const char* what;
    ClassificationInput in;
    bool key;
    std::vector<std::string> criteria;
  };
  ClassificationInput none;
  ClassificationInput tendency = none;
  tendency.reoffending_tendency = true;
  ClassificationInput fake_address = none;
  fake_address.false_address = Finding::confirmed;
  ClassificationInput suspected_name = none;
  suspected_name.false_name = Finding::suspected;
  ClassificationInput cleared = none;
  cleared.false_identity = Finding::cleared;
  ClassificationInput security = none;
  security.national_security = true;
  ClassificationInput many = fake_address;
  many.reoffending_tendency = true;
  std::vector<Case> cases = {
      {"no criterion → general", none, false, {}},
      {"re-offending tendency", tendency, true, {"reoffending_tendency"}},
      {"假地址 confirmed", fake_address, true, {"false_address"}},
      {"假姓名 suspected is unresolved", suspected_name, true, {"false_name"}},
      {"假身份 cleared is resolved", cleared, false, {}},
      {"危害国家安全罪", security, true, {"national_security"}},
      {"several criteria, all named", many, true, {"reoffending_tendency", "false_address"}},
  };
  for (const auto& c : cases) {
    auto r = classify(c.in);
    EXPECT_EQ(r.key, c.key) << c.what;
    std::vector<std::string> got;
    for (const auto& reason : r.reasons) got.push_back(reason.criterion);
    EXPECT_EQ(got, c.criteria) << c.what;
  }
}

// R-CLS-2 case table: 三无 needs all three by default; `any` with the parameter; each factor shown.
TEST(Classification, R_CLS_2_ThreeNone) {
  struct Case {
    std::optional<bool> home, job, relatives;
    std::string mode;
    bool key;
    std::size_t factors;
  } cases[] = {
      {true, true, true, "all", true, 3},          {true, true, false, "all", false, 2},
      {true, false, false, "any", true, 1},        {false, false, false, "any", false, 0},
      {std::nullopt, true, true, "all", false, 2},
  };
  for (const auto& c : cases) {
    ClassificationInput in;
    in.no_home = c.home;
    in.no_job = c.job;
    in.no_relatives = c.relatives;
    in.three_none_mode = c.mode;
    auto r = classify(in);
    EXPECT_EQ(r.key, c.key) << c.mode;
    EXPECT_EQ(r.three_none_factors.size(), c.factors) << c.mode;
  }
}

// R-CLS-3: a change of class carries its reason; no change, no reason.
TEST(Classification, R_CLS_3_ChangeReason) {
  ClassificationInput in;
  auto general = classify(in);
  in.false_address = Finding::confirmed;
  in.verification_source = "verification:7";
  auto key = classify(in);
  EXPECT_EQ(key.reasons.at(0).source, "verification:7");
  EXPECT_EQ(class_change_reason(general, key), "列为重点帮教对象:“三假”:假地址(已确认)");
  EXPECT_EQ(class_change_reason(key, general), "转为一般帮教对象:不再符合“三假”:假地址(已确认)");
  EXPECT_EQ(class_change_reason(key, key), "");
}

}  // namespace anbang::domain
