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
  // The factors are codes, and the 三无 reason names the ones that hold.
  ClassificationInput in;
  in.no_home = true;
  in.no_relatives = true;
  in.three_none_mode = "any";
  auto r = classify(in);
  EXPECT_EQ(r.three_none_factors, (std::vector<std::string>{"no_home", "no_relatives"}));
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].criterion, "three_none");
  EXPECT_EQ(r.reasons[0].factors, r.three_none_factors);
}

// R-CLS-3: a change of class carries its reason as a code with the reasons it names (the web app
// words them); no change, no code.
TEST(Classification, R_CLS_3_ChangeReason) {
  ClassificationInput in;
  auto general = classify(in);
  in.false_address = Finding::confirmed;
  in.false_name = Finding::suspected;
  in.verification_source = "verification:7";
  auto key = classify(in);
  EXPECT_EQ(key.reasons.at(0).source, "verification:7");
  auto up = class_change(general, key);
  EXPECT_EQ(up.code, "class.key");
  ASSERT_EQ(up.reasons.size(), 2u);
  EXPECT_EQ(up.reasons[0].criterion, "false_name");
  EXPECT_EQ(to_string(up.reasons[0].finding), "suspected");
  EXPECT_EQ(up.reasons[1].criterion, "false_address");
  EXPECT_EQ(to_string(up.reasons[1].finding), "confirmed");
  auto down = class_change(key, general);
  EXPECT_EQ(down.code, "class.general");
  EXPECT_EQ(down.reasons.size(), 2u);  // the reasons that no longer hold
  EXPECT_EQ(class_change(key, key).code, "");
  EXPECT_TRUE(class_change(key, key).reasons.empty());
}


// R-REV-1 / R-CLS-3 case table: a confirmed full review's conclusion replaces the other inputs of
// its criterion (holds → the reason names the review; does_not_hold → the criterion no longer holds;
// unknown → the other inputs stay), and whether the review decided the class.
TEST(Classification, R_REV_1_ConfirmedReviewConclusionsOverrideTheirCriterion) {
  struct Case {
    const char* what;
    ClassificationInput in;
    bool key;
    std::vector<std::string> criteria;
    bool decides;
  };
  ClassificationInput tendency;
  tendency.reoffending_tendency = true;
  tendency.reoffending_source = "document:1";
  auto review = [](ClassificationInput in) {
    in.review_source = "review:7";
    return in;
  };
  ClassificationInput cleared_tendency = review(tendency);
  cleared_tendency.review_reoffending_tendency = false;
  ClassificationInput unknown_tendency = review(tendency);  // no conclusion: the document stays
  ClassificationInput found_tendency = review(ClassificationInput{});
  found_tendency.review_reoffending_tendency = true;
  ClassificationInput fake = review(ClassificationInput{});
  fake.false_address = Finding::confirmed;
  fake.review_three_false = false;
  ClassificationInput fake_holds = review(ClassificationInput{});
  fake_holds.review_three_false = true;
  ClassificationInput none_holds = review(ClassificationInput{});
  none_holds.no_home = true;
  none_holds.review_three_none = true;
  ClassificationInput security = review(ClassificationInput{});
  security.national_security = true;
  security.review_reoffending_tendency = false;  // another criterion: the charge still holds
  std::vector<Case> cases = {
      {"tendency does not hold: general", cleared_tendency, false, {}, true},
      {"tendency unknown: the release notice stays", unknown_tendency, true, {"reoffending_tendency"}, false},
      {"tendency holds: key by the review", found_tendency, true, {"reoffending_tendency"}, true},
      {"三假 does not hold: the verification's finding is replaced", fake, false, {}, true},
      {"三假 holds", fake_holds, true, {"three_false"}, true},
      {"三无 holds with one factor", none_holds, true, {"three_none"}, true},
      {"another criterion's conclusion leaves the charge", security, true, {"national_security"}, false},
  };
  for (const auto& c : cases) {
    auto r = classify(c.in);
    EXPECT_EQ(r.key, c.key) << c.what;
    std::vector<std::string> got;
    for (const auto& reason : r.reasons) {
      got.push_back(reason.criterion);
      if (c.decides && c.key) {
        EXPECT_EQ(reason.source, "review:7") << c.what;
      }
    }
    EXPECT_EQ(got, c.criteria) << c.what;
    EXPECT_EQ(review_decides(c.in), c.decides) << c.what;
  }
}

}  // namespace anbang::domain
