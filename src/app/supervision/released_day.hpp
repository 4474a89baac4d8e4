// The date of a record about a released person (pick-ups, registration, visits, reviews): not after
// today, not before the release, not further back than the back-dating limit (record_date.hpp), not
// while the person was in custody (R-PER-1).
#pragma once
#include <string>

#include "app/core/core.hpp"
#include "store/person_repo.hpp"

namespace anbang::app {

Result<std::string> released_day(const Core& core, store::Connection& c, const store::PersonRecord& p,
                                 const std::string& text, const char* field, const char* label, const Ctx& ctx);

}  // namespace anbang::app
