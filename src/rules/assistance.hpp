// R-AID-1..6 (§2.4.1, issue 9): the deciding unit's duty to answer a social assistance referral.
// Pure: no I/O, no clock.
#pragma once
#include <vector>

#include "rules/engine.hpp"

namespace anbang::rules {

// One task per referral of the period (key "R-AID-n/<application id>", rule = the kind's rule id,
// owner = owner::deciding_unit with Task::owner_unit_id): due referral_answer_days (in force on the
// day it was referred) after the referral; done by the first answer (acceptance, a request for
// documents or the decision; late when after due); open, or overdue once today is past due.
// Referrals dated after today are ignored; an answer dated after today does not count yet.
void append_referral_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today,
                           std::vector<Task>& out);

// The day a referral is due to be answered (R-AID-1..6): referred_on + referral_answer_days.
CivilDate referral_due(const PolicyTable& policy, CivilDate referred_on);

}  // namespace anbang::rules
