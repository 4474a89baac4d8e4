// Classification (R-CLS-1..3, §2.3.2): key or general subject, recomputed from the records after
// every change to a person's records (a consequence on the core), each change of class kept with
// its reason and on the timeline.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "domain/classification.hpp"
#include "store/document_repo.hpp"

namespace anbang::app {

// A reason as the API and the stored history carry it: criterion, finding (or null), factors, source.
nlohmann::json class_reason_json(const domain::ClassReason& r);
// The reasons of a stored history row's `detail` (rows written before codes: criterion and source only).
std::vector<domain::ClassReason> class_reasons_from_json(const std::string& detail);

struct ClassView {
  bool key = false;
  std::vector<domain::ClassReason> reasons;
  std::vector<std::string> three_none_factors;
  std::vector<store::ClassChange> history;
};

class ClassificationService {
 public:
  // Registers reclassification as a consequence of every person change (before the tasks).
  explicit ClassificationService(Core& core);

  // The inputs of the class as the records say on `today` (the R-CLS-2 mode in force then), with the
  // conclusions of the latest confirmed full review (R-REV-1).
  Result<domain::ClassificationInput> inputs(store::Connection& c, std::int64_t person_id,
                                             domain::CivilDate today) const;
  // The class as the records say on `today` (the R-CLS-2 mode in force then).
  Result<domain::Classification> classify(store::Connection& c, std::int64_t person_id,
                                          domain::CivilDate today) const;
  // R-CLS-3: recomputes the class; records a change with its reason.
  Status reclassify(store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id);
  // The class, its reasons and its history on the person's file.
  Result<Audited<ClassView>> read(const AuthedCtx& ctx, std::int64_t person_id);

 private:
  Core& core_;
};

}  // namespace anbang::app
