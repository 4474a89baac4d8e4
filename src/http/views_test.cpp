// The JSON views: values the views show come from the rules, not from the view.
#include "http/views.hpp"

#include <gtest/gtest.h>

namespace anbang::http {

// R-LNK-2: the inbox's feedback due date is the engine's (verification_feedback_months, dated
// policy), not a month fixed in the view.
TEST(Views, R_LNK_2_FeedbackDueFromTheEngine) {
  domain::UnitTree tree;
  store::Document d;
  d.kind = "registration_form";
  d.received_on = "2026-10-31";
  rules::PolicyTable policy;
  auto json = document_json(tree, d, "2026-11-26", policy);
  EXPECT_EQ(json["feedback_due"], "2026-11-30");
  EXPECT_EQ(json["feedback_overdue"], false);
  ASSERT_TRUE(policy.set("verification_feedback_months", "2", domain::CivilDate{2026, 1, 1}).ok());
  json = document_json(tree, d, "2026-12-05", policy);
  EXPECT_EQ(json["feedback_due"], "2026-12-31");
  EXPECT_EQ(json["feedback_overdue"], false);
  d.answered_on = "2026-11-01";
  EXPECT_FALSE(document_json(tree, d, "2027-01-05", policy).contains("feedback_due") &&
               document_json(tree, d, "2027-01-05", policy)["feedback_overdue"] == true);
}

}  // namespace anbang::http
