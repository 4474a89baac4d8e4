// SQL of the visit log (R-VIS-1/2, R-LOST-1) and of full reviews (R-REV-1, R-CLS-3): both are rows
// of follow_ups (kind visit | review). JSON fields are object/array text.
#pragma once
#include "store/db.hpp"

namespace anbang::store {

// One follow-up as stored. Visits use members..outcome; reviews use conclusions..confirmed_*.
struct FollowUpRow {
  std::int64_t id = 0, person_id = 0;
  std::string kind, held_on, form, situation, findings;
  std::string place, members = "[]", aspects = "{}", help_given, next_steps, outcome = "met";
  std::string conclusions = "{}";
  std::optional<std::string> recommendation;  // keep | change (reviews)
  std::optional<std::int64_t> confirmed_at, confirmed_by, confirmed_unit_id;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  // Lists only:
  std::string unit_name, user_name, confirmed_by_name;
};

Result<std::int64_t> insert_follow_up_row(Connection& c, const FollowUpRow& f);
// The person's follow-ups of one kind held on or after `since`, newest first.
Result<std::vector<FollowUpRow>> person_follow_ups(Connection& c, std::int64_t person_id, const std::string& kind,
                                                   const std::string& since);
Result<std::optional<FollowUpRow>> find_follow_up(Connection& c, std::int64_t id);
Status confirm_review(Connection& c, std::int64_t id, std::int64_t at, std::optional<std::int64_t> user_id,
                      std::optional<std::int64_t> unit_id);
// R-CLS-3: the latest confirmed review of the person's current period (held on or after the
// release date), by confirmation time.
Result<std::optional<FollowUpRow>> latest_confirmed_review(Connection& c, std::int64_t person_id);
// The person's stored class (R-CLS-3) and R-LOST-1 flag.
struct PersonFlags {
  bool key_subject = false, whereabouts_unknown = false;
};
Result<PersonFlags> person_flags(Connection& c, std::int64_t person_id);
// R-LOST-1: the person's flag.
Status set_whereabouts_unknown(Connection& c, std::int64_t person_id, bool unknown);

}  // namespace anbang::store
