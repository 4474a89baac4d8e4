// Classification of released persons (R-CLS-1, R-CLS-2, §2.3.2): key subject (重点帮教对象) or
// general subject (一般帮教对象), computed from the records, with every reason named so that a
// change of class can be recorded with its cause (R-CLS-3). Pure.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace anbang::domain {

// A 三假 finding of verification (R-LNK-2): confirmed, suspected or cleared.
enum class Finding { none, cleared, suspected, confirmed };

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
};

struct ClassReason {
  std::string criterion;  // reoffending_tendency | false_name | false_identity | false_address | three_none |
                          // national_security
  std::string text;       // Chinese, for the file page
  std::string source;     // the record it comes from
};

struct Classification {
  bool key = false;
  std::vector<ClassReason> reasons;  // empty for a general subject
  // R-CLS-2: the three factors, each on its own, whatever the mode.
  std::vector<std::string> three_none_factors;  // Chinese labels of the factors that hold
};

// R-CLS-1: key if any criterion holds; "unresolved 三假" = confirmed or suspected.
Classification classify(const ClassificationInput& in);

// R-CLS-3: a one-line Chinese reason for a change from `before` to `after` (empty if no change).
std::string class_change_reason(const Classification& before, const Classification& after);

}  // namespace anbang::domain
