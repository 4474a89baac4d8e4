// Classification of released persons (R-CLS-1, R-CLS-2, §2.3.2): key subject (重点帮教对象) or
// general subject (一般帮教对象), computed from the records, with every reason named so that a
// change of class can be recorded with its cause (R-CLS-3). Pure. Reasons are codes with parameters;
// the web app words them (web/src/views/person/classText.ts).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anbang::domain {

// A 三假 finding of verification (R-LNK-2): confirmed, suspected or cleared.
enum class Finding { none, cleared, suspected, confirmed };

// "none" | "cleared" | "suspected" | "confirmed".
std::string_view to_string(Finding f);

struct ClassificationInput {
  // From the release notice's risk assessment (回归社会危险性评估) or a helper's report / warning
  // (R-WRN-1): an obvious tendency to re-offend.
  bool reoffending_tendency = false;
  std::string reoffending_source;  // e.g. "release_notice:12" or "warning:5" (which record says so)
  Finding false_name = Finding::none, false_identity = Finding::none, false_address = Finding::none;
  std::string verification_source;  // the verification record
  // 三无 factors (R-CLS-2), each shown on its own; nullopt = not yet assessed.
  std::optional<bool> no_home, no_job, no_relatives;
  std::string three_none_source;
  // Convicted of a crime endangering national security (Criminal Law chapter 1).
  bool national_security = false;
  std::string charge_source;
  std::string three_none_mode = "all";  // policy parameter: "all" (default) | "any"

  // --- R-REV-1 / R-CLS-3: the conclusions of the latest confirmed full review (helper C). ---
  // Each criterion it concluded on (holds = true, does_not_hold = false; unknown = absent) replaces
  // the other inputs of that criterion, and the reason it gives names the review (`review_source`,
  // e.g. "review:12"). three_false covers the three 三假 findings together; three_none holds as a
  // whole (the factors are still shown from the verification).
  std::optional<bool> review_reoffending_tendency, review_three_false, review_three_none,
      review_national_security;
  std::string review_source;
  // --- end of the review block ---
};

// 三无 factor codes (R-CLS-2).
inline constexpr std::string_view kNoHome = "no_home";
inline constexpr std::string_view kNoJob = "no_job";
inline constexpr std::string_view kNoRelatives = "no_relatives";

struct ClassReason {
  std::string criterion;  // reoffending_tendency | false_name | false_identity | false_address | three_none |
                          // national_security | three_false (a review's conclusion on 三假 as a whole)
  Finding finding = Finding::none;   // false_*: confirmed or suspected; none for the other criteria
  std::vector<std::string> factors;  // three_none: the factors that hold (no_home | no_job | no_relatives)
  std::string source;                // the record it comes from
};

struct Classification {
  bool key = false;
  std::vector<ClassReason> reasons;  // empty for a general subject
  // R-CLS-2: the three factors, each on its own, whatever the mode.
  std::vector<std::string> three_none_factors;  // codes of the factors that hold: no_home | no_job | no_relatives
};

// R-CLS-3: a change of class as a code with the reasons it names.
struct ClassChange {
  std::string_view code;            // "class.key" | "class.general"; empty when the class did not change
  std::vector<ClassReason> reasons;  // class.key: the reasons that hold now; class.general: those of before
};

// R-CLS-1: key if any criterion holds; "unresolved 三假" = confirmed or suspected.
Classification classify(const ClassificationInput& in);

// R-CLS-3: whether the review's conclusions decide the class (the class without them differs).
bool review_decides(const ClassificationInput& in);

// R-CLS-3: the change from `before` to `after` (an empty code if the class did not change).
ClassChange class_change(const Classification& before, const Classification& after);

}  // namespace anbang::domain
