// R-AID-1..6 (§2.4.1): a referral unanswered after referral_answer_days is the deciding unit's task.
#include "rules/assistance.hpp"

namespace anbang::rules {

CivilDate referral_due(const PolicyTable& policy, CivilDate referred_on) {
  return domain::add_days(referred_on, policy.values_at(referred_on).referral_answer_days);
}

void append_referral_tasks(const PersonFacts& facts, const PolicyTable& policy, CivilDate today,
                           std::vector<Task>& out) {
  for (const Referral& r : facts.referrals) {
    if (r.referred_on > today || r.deciding_unit_id == 0) continue;
    std::optional<CivilDate> answer = r.answered_on;
    if (answer && *answer > today) answer.reset();
    Task& t = out.emplace_back();
    t.rule = r.rule;
    t.clause = "§2.4.1";
    t.owner = owner::deciding_unit;
    t.owner_unit_id = r.deciding_unit_id;
    t.anchor = "referred_on";
    t.anchor_date = r.referred_on;
    t.key = std::string(r.rule) + "/" + std::to_string(r.id);
    t.window_from = r.referred_on;
    t.due = referral_due(policy, r.referred_on);
    if (answer) {
      t.state = State::done;
      t.fulfilled_on = answer;
      t.late = *answer > t.due;
    } else {
      t.state = today > t.due ? State::overdue : State::open;
    }
  }
}

}  // namespace anbang::rules
