// Demo records of issue 9's social assistance (R-AID-1..6): applications of several townships in
// every state — referred (one overdue), accepted, documents requested, granted and refused by the
// civil-affairs user mz, one decided by a township as its civil-affairs office.
#pragma once
#include "app/services.hpp"

namespace anbang::app {

// Runs after the demo's persons and tasks are in. Deterministic; a small demo gets fewer records.
Status seed_demo_assistance(Services& app);

}  // namespace anbang::app
