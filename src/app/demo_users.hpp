// The demo's users acting on an earlier day: the seeding of each capability records its demo
// through the services as the demo users would have, on the days they would have.
#pragma once
#include <string>

#include "app/services.hpp"

namespace anbang::app {

// A demo user's context on a day `days_ago` before today (at 10:00 China Standard Time, never
// after now). USER_NOT_FOUND when the demo has no such user.
Result<AuthedCtx> as_demo_user(Services& app, const std::string& username, int days_ago);

}  // namespace anbang::app
