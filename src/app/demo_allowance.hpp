// Demo records of issue 10's hardship allowance (R-ALW-1..6): applications of several townships at
// every step of the chain (one overdue at the village, one returned, one rejected), approved ones
// paid month by month through confirmed runs, this month's due list waiting in 昌元街道, and a
// reversed payment.
#pragma once
#include "app/services.hpp"

namespace anbang::app {

// Runs after the demo's persons, tasks and social assistance are in. Deterministic; a small demo
// gets fewer records.
Status seed_demo_allowance(Services& app);

}  // namespace anbang::app
