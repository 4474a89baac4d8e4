// Demo records of issue 9 (helper C): the district's transitional resettlement base and the
// enterprise bases of most townships with their agreements and placements (R-BASE-1), and human
// resources' skills trainings of this year and last with enrolments and attendance (R-EMP-2).
#pragma once
#include "app/services.hpp"

namespace anbang::app {

// Runs after the demo's persons and tasks are in. Deterministic.
Status seed_demo_bases(Services& app, const AuthedCtx& ctx);

}  // namespace anbang::app
