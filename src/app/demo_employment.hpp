// Demo records of employment (issue 9: R-EMP-1 status histories and services, R-EMP-3 benefits), so
// that the 安置情况 column of the person list is varied: most persons under assistance resettled in
// one way or another, some not, each with its reason.
#pragma once
#include "app/services.hpp"

namespace anbang::app {

// Runs after the demo's persons and tasks are in. Deterministic; records through the service as the
// judicial office of each person's household township.
Status seed_demo_employment(Services& app);

}  // namespace anbang::app
