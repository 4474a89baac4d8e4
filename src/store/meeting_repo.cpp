#include "store/meeting_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertMeeting =
    "INSERT INTO meetings (unit_id, kind, held_on, topic, attendees, user_id, created_at) VALUES (?, ?, ?, "
    "?, ?, ?, "
    "?)";
constexpr const char* kMeetingDates = "SELECT held_on FROM meetings WHERE unit_id = ?";
constexpr const char* kUnitCreatedAt = "SELECT created_at FROM units WHERE id = ?";
constexpr const char* kAllMeetings =
    "SELECT id, unit_id, kind, held_on, topic, attendees, COALESCE(user_id, 0), created_at FROM meetings "
    "ORDER BY "
    "held_on DESC, id DESC";
constexpr const char* kDeletePolicyParam = "DELETE FROM policy_params WHERE name = ? AND effective_from = ?";
constexpr const char* kInsertPolicyParam =
    "INSERT INTO policy_params (name, value, effective_from, created_by, created_at) VALUES (?, ?, ?, ?, ?)";
}  // namespace sql

Status insert_meeting(Connection& c, const MeetingRow& m) {
  auto r = c.exec(sql::kInsertMeeting,
                  {m.unit_id, m.kind, m.held_on, m.topic, m.attendees, m.user_id, m.created_at});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<std::string>> meeting_dates(Connection& c, std::int64_t unit_id) {
  auto rows = c.query(sql::kMeetingDates, {unit_id});
  if (!rows.ok()) return rows.error();
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r.str(0));
  return out;
}

Result<std::int64_t> unit_created_at(Connection& c, std::int64_t unit_id) {
  return c.scalar(sql::kUnitCreatedAt, {unit_id});
}

Result<std::vector<MeetingRow>> all_meetings(Connection& c) {
  auto rows = c.query(sql::kAllMeetings);
  if (!rows.ok()) return rows.error();
  std::vector<MeetingRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6), r.i64(7)});
  return out;
}

Status put_policy_param(Connection& c, const std::string& name, const std::string& value,
                        const std::string& effective_from, std::int64_t user_id, std::int64_t now) {
  auto del = c.exec(sql::kDeletePolicyParam, {name, effective_from});
  if (!del.ok()) return del.error();
  auto ins = c.exec(sql::kInsertPolicyParam, {name, value, effective_from, user_id, now});
  if (!ins.ok()) return ins.error();
  return {};
}

}  // namespace anbang::store
