// The day a supervision record about a released person carries, checked once for every such
// record (records.cpp, pickup.cpp): not after today, not before the release, within the back-dating
// limit (record_date.hpp), not while the person was in custody.
#pragma once
#include <string>

#include "app/core/context.hpp"
#include "app/core/core.hpp"
#include "store/person_repo.hpp"

namespace anbang::app {

Result<std::string> released_day(const Core& core, store::Connection& c, const store::PersonRecord& p,
                                 const std::string& text, const char* field, const char* label, const Ctx& ctx);

}  // namespace anbang::app
