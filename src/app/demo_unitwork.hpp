// Demo records of issue 8's unit work (helper B): the "1112" unit groups (R-ORG-1), the district's
// calendar and education sessions and talks (R-EDU-1), good practices and exemplary cases (R-PUB-1).
#pragma once
#include <utility>
#include <vector>

#include "app/services.hpp"
#include "seed/demo_people.hpp"

namespace anbang::app {

// Runs after the demo's units and persons are in (and the caches reloaded). Deterministic.
Status seed_demo_unitwork(Services& app, const AuthedCtx& ctx, const std::vector<seed::DemoArea>& areas,
                          const std::vector<std::pair<std::int64_t, const seed::DemoPerson*>>& persons);

}  // namespace anbang::app
