// Education (R-EDU-1, §2.3.4): sessions (thought, legal, moral, cultural) held by a unit with the
// persons listed and whether each attended, individual talks (个别谈话) with one person — both on
// each person's file (教育) —, the district's calendar of holidays, politically sensitive periods
// and major events (policy data, kept with policy:manage), and each township's targeted
// legal-education task before each event (rules/education.cpp), computed live like the meetings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/obligations/obligation_service.hpp"
#include "store/education_repo.hpp"

namespace anbang::app {

struct EducationEventInput {
  std::string name, kind, starts_on, ends_on;
};

struct AttendeeInput {
  std::int64_t person_id = 0;
  bool attended = true;
};

struct EducationSessionInput {
  std::string held_on, kind, topic, speaker, note;
  bool targeted = false;
  std::optional<std::int64_t> event_id;
  std::vector<AttendeeInput> attendees;
};

struct EducationTalkInput {
  std::string held_on, talked_by, topic, summary;
};

// The 教育 section of a person's file.
struct PersonEducation {
  std::vector<store::EducationSessionRow> sessions;  // with only this person's attendance
  std::vector<store::EducationTalkRow> talks;
};

struct EducationTasks {
  std::vector<PersonTask> tasks;                   // R-EDU-1 only
  std::vector<store::EducationEventRow> calendar;  // to name each task's event
};

class EducationService {
 public:
  EducationService(Core& core, ObligationService& obligations) : core_(core), obligations_(obligations) {}

  // The calendar (task:read or policy:manage); changes with policy:manage, each on record.
  Result<std::vector<store::EducationEventRow>> events(const AuthedCtx& ctx);
  Result<std::int64_t> create_event(const AuthedCtx& ctx, const EducationEventInput& in);
  Status update_event(const AuthedCtx& ctx, std::int64_t id, const EducationEventInput& in);
  // Refused (EVENT_IN_USE) while a session names the event.
  Status delete_event(const AuthedCtx& ctx, std::int64_t id);

  // A session of the caller's unit; every attendee must be a person the caller reaches.
  Result<std::int64_t> record_session(const AuthedCtx& ctx, const EducationSessionInput& in);
  Result<std::int64_t> record_talk(const AuthedCtx& ctx, std::int64_t person_id, const EducationTalkInput& in);
  // Sessions of units in the caller's scope, newest first (at most `limit`); attendees outside the
  // caller's scope are left out.
  Result<std::vector<store::EducationSessionRow>> sessions(const AuthedCtx& ctx, int limit);
  Result<Audited<PersonEducation>> person_education(const AuthedCtx& ctx, std::int64_t person_id);
  // R-EDU-1: the caller's township's targeted-education tasks (a township's or its judicial
  // office's users; none for others).
  Result<EducationTasks> tasks(const AuthedCtx& ctx);

 private:
  Core& core_;
  ObligationService& obligations_;
};

}  // namespace anbang::app
