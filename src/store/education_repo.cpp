#include "store/education_repo.hpp"

#include <map>

namespace anbang::store {

namespace sql {
constexpr const char* kInsertEvent =
    "INSERT INTO education_events (name, kind, starts_on, ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kUpdateEvent = "UPDATE education_events SET name = ?, kind = ?, starts_on = ?, ends_on = ? WHERE id = ?";
constexpr const char* kDeleteEvent = "DELETE FROM education_events WHERE id = ?";
constexpr const char* kFindEvent = "SELECT id, name, kind, starts_on, ends_on FROM education_events WHERE id = ?";
constexpr const char* kAllEvents = "SELECT id, name, kind, starts_on, ends_on FROM education_events ORDER BY starts_on, id";
constexpr const char* kCountSessionsOfEvent = "SELECT COUNT(*) FROM education_sessions WHERE event_id = ?";
constexpr const char* kInsertSession =
    "INSERT INTO education_sessions (unit_id, held_on, kind, topic, speaker, note, targeted, event_id, user_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertAttendance =
    "INSERT INTO education_attendance (session_id, person_id, attended) VALUES (?, ?, ?)";
constexpr const char* kAllSessions =
    "SELECT id, unit_id, held_on, kind, topic, speaker, note, targeted, event_id, COALESCE(user_id, 0), created_at "
    "FROM education_sessions ORDER BY held_on DESC, id DESC";
constexpr const char* kAllAttendance =
    "SELECT a.session_id, a.person_id, p.name, a.attended, p.household_unit_id, p.residence_unit_id FROM education_attendance a JOIN persons p ON p.id = "
    "a.person_id ORDER BY a.session_id, p.name";
constexpr const char* kTargetedLegal =
    "SELECT id, unit_id, held_on, kind, topic, speaker, note, targeted, event_id, COALESCE(user_id, 0), created_at "
    "FROM education_sessions WHERE kind = 'legal' AND targeted = 1 AND unit_id = ?";
constexpr const char* kPersonSessions =
    "SELECT s.id, s.unit_id, s.held_on, s.kind, s.topic, s.speaker, s.note, s.targeted, s.event_id, "
    "COALESCE(s.user_id, 0), s.created_at, a.attended, p.name FROM education_sessions s JOIN education_attendance a "
    "ON a.session_id = s.id JOIN persons p ON p.id = a.person_id WHERE a.person_id = ? "
    "ORDER BY s.held_on DESC, s.id DESC";
constexpr const char* kInsertTalk =
    "INSERT INTO education_talks (person_id, unit_id, held_on, talked_by, topic, summary, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kPersonTalks =
    "SELECT id, person_id, COALESCE(unit_id, 0), held_on, talked_by, topic, summary, created_at FROM education_talks "
    "WHERE person_id = ? ORDER BY held_on DESC, id DESC";
}  // namespace sql

namespace {
Value user_or_null(std::int64_t id) { return id ? Value(id) : Value(nullptr); }
EducationEventRow event_of(const Row& r) { return {r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4)}; }
EducationSessionRow session_of(const Row& r) {
  EducationSessionRow s;
  s.id = r.i64(0);
  s.unit_id = r.i64(1);
  s.held_on = r.str(2);
  s.kind = r.str(3);
  s.topic = r.str(4);
  s.speaker = r.str(5);
  s.note = r.str(6);
  s.targeted = r.boolean(7);
  s.event_id = r.opt_i64(8);
  s.user_id = r.i64(9);
  s.created_at = r.i64(10);
  return s;
}
}  // namespace

Result<std::int64_t> insert_education_event(Connection& c, const EducationEventRow& e, std::int64_t user_id,
                                            std::int64_t now) {
  return c.scalar(sql::kInsertEvent, {e.name, e.kind, e.starts_on, e.ends_on, user_or_null(user_id), now});
}

Status update_education_event(Connection& c, const EducationEventRow& e) {
  auto r = c.exec(sql::kUpdateEvent, {e.name, e.kind, e.starts_on, e.ends_on, e.id});
  if (!r.ok()) return r.error();
  return {};
}

Status delete_education_event(Connection& c, std::int64_t id) {
  auto r = c.exec(sql::kDeleteEvent, {id});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::optional<EducationEventRow>> find_education_event(Connection& c, std::int64_t id) {
  auto r = c.query_one(sql::kFindEvent, {id});
  if (!r.ok()) return r.error();
  if (!*r) return std::optional<EducationEventRow>();
  return std::optional<EducationEventRow>(event_of(**r));
}

Result<std::vector<EducationEventRow>> all_education_events(Connection& c) {
  auto rows = c.query(sql::kAllEvents);
  if (!rows.ok()) return rows.error();
  std::vector<EducationEventRow> out;
  for (const auto& r : *rows) out.push_back(event_of(r));
  return out;
}

Result<std::int64_t> count_sessions_of_event(Connection& c, std::int64_t event_id) {
  return c.scalar(sql::kCountSessionsOfEvent, {event_id});
}

Result<std::int64_t> insert_education_session(Connection& c, const EducationSessionRow& s) {
  return c.scalar(sql::kInsertSession,
                  {s.unit_id, s.held_on, s.kind, s.topic, s.speaker, s.note, std::int64_t{s.targeted ? 1 : 0},
                   opt(s.event_id), user_or_null(s.user_id), s.created_at});
}

Status insert_attendance(Connection& c, std::int64_t session_id, std::int64_t person_id, bool attended) {
  auto r = c.exec(sql::kInsertAttendance, {session_id, person_id, std::int64_t{attended ? 1 : 0}});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<EducationSessionRow>> all_education_sessions(Connection& c) {
  auto rows = c.query(sql::kAllSessions);
  if (!rows.ok()) return rows.error();
  auto att = c.query(sql::kAllAttendance);
  if (!att.ok()) return att.error();
  std::map<std::int64_t, std::vector<AttendanceRow>> by_session;
  for (const auto& r : *att) by_session[r.i64(0)].push_back({r.i64(1), r.str(2), r.boolean(3), r.i64(4), r.i64(5)});
  std::vector<EducationSessionRow> out;
  for (const auto& r : *rows) {
    out.push_back(session_of(r));
    auto it = by_session.find(out.back().id);
    if (it != by_session.end()) out.back().attendance = std::move(it->second);
  }
  return out;
}

Result<std::vector<EducationSessionRow>> targeted_legal_sessions(Connection& c,
                                                                 const std::vector<std::int64_t>& unit_ids) {
  std::vector<EducationSessionRow> out;
  for (std::int64_t u : unit_ids) {
    auto rows = c.query(sql::kTargetedLegal, {u});
    if (!rows.ok()) return rows.error();
    for (const auto& r : *rows) out.push_back(session_of(r));
  }
  return out;
}

Result<std::vector<EducationSessionRow>> person_sessions(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonSessions, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<EducationSessionRow> out;
  for (const auto& r : *rows) {
    out.push_back(session_of(r));
    out.back().attendance.push_back({person_id, r.str(12), r.boolean(11), 0, 0});
  }
  return out;
}

Result<std::int64_t> insert_education_talk(Connection& c, const EducationTalkRow& t, std::int64_t user_id) {
  return c.scalar(sql::kInsertTalk, {t.person_id, t.unit_id ? Value(t.unit_id) : Value(nullptr), t.held_on,
                                     t.talked_by, t.topic, t.summary, user_or_null(user_id), t.created_at});
}

Result<std::vector<EducationTalkRow>> person_talks(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonTalks, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<EducationTalkRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6), r.i64(7)});
  return out;
}

}  // namespace anbang::store
