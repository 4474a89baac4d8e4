// Database housekeeping statements (planner statistics).
#pragma once
#include "store/db.hpp"

namespace anbang::store {

// Planner statistics, approximate and fast (at start): keeps the person search on its covering indexes.
Status analyze_quick(Connection& c);
// Full planner statistics (after a bulk load).
Status analyze_full(Connection& c);

}  // namespace anbang::store
