// Education (R-EDU-1): the district's calendar of events, sessions with their attendance, and
// individual talks.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

struct EducationEventRow {
  std::int64_t id = 0;
  std::string name, kind, starts_on, ends_on;
};

struct AttendanceRow {
  std::int64_t person_id = 0;
  std::string person_name;
  bool attended = true;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;  // for the reader's scope (R-JUR-1)
};

struct EducationSessionRow {
  std::int64_t id = 0, unit_id = 0;
  std::string held_on, kind, topic, speaker, note;
  bool targeted = false;
  std::optional<std::int64_t> event_id;
  std::int64_t user_id = 0, created_at = 0;
  std::vector<AttendanceRow> attendance;  // filled by the readers that say so
};

struct EducationTalkRow {
  std::int64_t id = 0, person_id = 0, unit_id = 0;
  std::string held_on, talked_by, topic, summary;
  std::int64_t created_at = 0;
};

Result<std::int64_t> insert_education_event(Connection& c, const EducationEventRow& e, std::int64_t user_id,
                                            std::int64_t now);
Status update_education_event(Connection& c, const EducationEventRow& e);
Status delete_education_event(Connection& c, std::int64_t id);
Result<std::optional<EducationEventRow>> find_education_event(Connection& c, std::int64_t id);
// The whole calendar, by start date.
Result<std::vector<EducationEventRow>> all_education_events(Connection& c);
// Sessions that name the event (a calendar entry they name cannot be deleted).
Result<std::int64_t> count_sessions_of_event(Connection& c, std::int64_t event_id);

Result<std::int64_t> insert_education_session(Connection& c, const EducationSessionRow& s);
Status insert_attendance(Connection& c, std::int64_t session_id, std::int64_t person_id, bool attended);
// Every session, newest first, with its attendance (the caller filters by scope).
Result<std::vector<EducationSessionRow>> all_education_sessions(Connection& c);
// The targeted legal sessions held by any of `unit_ids` (R-EDU-1 facts).
Result<std::vector<EducationSessionRow>> targeted_legal_sessions(Connection& c, const std::vector<std::int64_t>& unit_ids);
// The sessions a person was listed for, newest first, with only that person's attendance.
Result<std::vector<EducationSessionRow>> person_sessions(Connection& c, std::int64_t person_id);

Result<std::int64_t> insert_education_talk(Connection& c, const EducationTalkRow& t, std::int64_t user_id);
Result<std::vector<EducationTalkRow>> person_talks(Connection& c, std::int64_t person_id);

}  // namespace anbang::store
