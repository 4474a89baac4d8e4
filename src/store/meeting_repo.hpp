// Meetings (R-MTG-1..3) and the dated policy parameters a district sets.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

struct MeetingRow {
  std::int64_t id = 0, unit_id = 0;
  std::string kind, held_on, topic, attendees;
  std::int64_t user_id = 0, created_at = 0;
};

Status insert_meeting(Connection& c, const MeetingRow& m);
// The dates a unit held its meetings, and when the unit was created (the first day it owes them).
Result<std::vector<std::string>> meeting_dates(Connection& c, std::int64_t unit_id);
Result<std::int64_t> unit_created_at(Connection& c, std::int64_t unit_id);
// Every meeting, newest first (the caller filters by scope).
Result<std::vector<MeetingRow>> all_meetings(Connection& c);

// Sets `name` to `value` from `effective_from` on (replacing a value set for the same day).
Status put_policy_param(Connection& c, const std::string& name, const std::string& value,
                        const std::string& effective_from, std::int64_t user_id, std::int64_t now);

}  // namespace anbang::store
