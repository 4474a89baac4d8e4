// Demo records of issue 9 (helper D): the needs list (item 1) and social insurance (R-INS-1).
#pragma once
#include <functional>
#include <string>

#include "app/services.hpp"

namespace anbang::app {

// The initial needs of a demo registration (registrations.needs), from a 0–99 draw per salt: most
// persons name one or two (work and money most often).
std::string demo_registration_needs(const std::function<int(int)>& draw);

// Runs after the demo's persons and their registrations are in (and the caches reloaded): the
// registrations' needs become needs (the backfill), insurance entries for about half the persons
// under assistance, and for some persons of township 001 later assessments with actions and needs
// met, through the services. Deterministic.
Status seed_demo_needs(Services& app, const AuthedCtx& ctx);

}  // namespace anbang::app
