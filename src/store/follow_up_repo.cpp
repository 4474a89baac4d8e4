#include "store/follow_up_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertFollowUpRow =
    "INSERT INTO follow_ups (person_id, kind, held_on, form, situation, findings, place, members, aspects, "
    "help_given, next_steps, outcome, conclusions, recommendation, unit_id, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kFollowUpColumns =
    "SELECT f.id, f.person_id, f.kind, f.held_on, f.form, f.situation, f.findings, f.place, f.members, f.aspects, "
    "f.help_given, f.next_steps, f.outcome, f.conclusions, f.recommendation, f.confirmed_at, f.confirmed_by, "
    "f.confirmed_unit_id, f.unit_id, f.user_id, f.created_at, COALESCE(u.name, ''), COALESCE(s.display_name, ''), "
    "COALESCE(cs.display_name, '') FROM follow_ups f LEFT JOIN units u ON u.id = f.unit_id LEFT JOIN users s ON "
    "s.id = f.user_id LEFT JOIN users cs ON cs.id = f.confirmed_by ";
constexpr const char* kPersonFollowUps =
    "WHERE f.person_id = ? AND f.kind = ? AND f.held_on >= ? ORDER BY f.held_on DESC, f.id DESC";
constexpr const char* kFindFollowUp = "WHERE f.id = ?";
constexpr const char* kLatestConfirmedReview =
    "JOIN persons p ON p.id = f.person_id WHERE f.person_id = ? AND f.kind = 'review' AND f.confirmed_at IS NOT "
    "NULL AND f.held_on >= p.release_date ORDER BY f.confirmed_at DESC, f.id DESC LIMIT 1";
constexpr const char* kConfirmReview =
    "UPDATE follow_ups SET confirmed_at = ?, confirmed_by = ?, confirmed_unit_id = ? WHERE id = ? AND kind = "
    "'review' AND confirmed_at IS NULL";
constexpr const char* kPersonFlags = "SELECT key_subject, whereabouts_unknown FROM persons WHERE id = ?";
constexpr const char* kSetWhereabouts = "UPDATE persons SET whereabouts_unknown = ? WHERE id = ?";
}  // namespace sql

namespace {
FollowUpRow row_of(const Row& r) {
  FollowUpRow f;
  f.id = r.i64(0);
  f.person_id = r.i64(1);
  f.kind = r.str(2);
  f.held_on = r.str(3);
  f.form = r.str(4);
  f.situation = r.str(5);
  f.findings = r.str(6);
  f.place = r.str(7);
  f.members = r.str(8);
  f.aspects = r.str(9);
  f.help_given = r.str(10);
  f.next_steps = r.str(11);
  f.outcome = r.str(12);
  f.conclusions = r.str(13);
  f.recommendation = r.opt_str(14);
  f.confirmed_at = r.opt_i64(15);
  f.confirmed_by = r.opt_i64(16);
  f.confirmed_unit_id = r.opt_i64(17);
  f.unit_id = r.opt_i64(18);
  f.user_id = r.opt_i64(19);
  f.created_at = r.i64(20);
  f.unit_name = r.str(21);
  f.user_name = r.str(22);
  f.confirmed_by_name = r.str(23);
  return f;
}
}  // namespace

Result<std::int64_t> insert_follow_up_row(Connection& c, const FollowUpRow& f) {
  return c.scalar(sql::kInsertFollowUpRow,
                  {f.person_id, f.kind, f.held_on, f.form, f.situation, f.findings, f.place, f.members, f.aspects,
                   f.help_given, f.next_steps, f.outcome, f.conclusions, opt(f.recommendation), opt(f.unit_id),
                   opt(f.user_id), f.created_at});
}

Result<std::vector<FollowUpRow>> person_follow_ups(Connection& c, std::int64_t person_id, const std::string& kind,
                                                   const std::string& since) {
  auto rows = c.query(std::string(sql::kFollowUpColumns) + sql::kPersonFollowUps, {person_id, kind, since});
  if (!rows.ok()) return rows.error();
  std::vector<FollowUpRow> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(row_of(r));
  return out;
}

Result<std::optional<FollowUpRow>> find_follow_up(Connection& c, std::int64_t id) {
  auto row = c.query_one(std::string(sql::kFollowUpColumns) + sql::kFindFollowUp, {id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<FollowUpRow>{};
  return std::optional<FollowUpRow>(row_of(**row));
}

Status confirm_review(Connection& c, std::int64_t id, std::int64_t at, std::optional<std::int64_t> user_id,
                      std::optional<std::int64_t> unit_id) {
  auto n = c.exec(sql::kConfirmReview, {at, opt(user_id), opt(unit_id), id});
  if (!n.ok()) return n.error();
  if (*n != 1) return conflict("REVIEW_ALREADY_CONFIRMED", "该全面考察已确认，无需重复确认");
  return {};
}

Result<std::optional<FollowUpRow>> latest_confirmed_review(Connection& c, std::int64_t person_id) {
  auto row = c.query_one(std::string(sql::kFollowUpColumns) + sql::kLatestConfirmedReview, {person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<FollowUpRow>{};
  return std::optional<FollowUpRow>(row_of(**row));
}

Result<PersonFlags> person_flags(Connection& c, std::int64_t person_id) {
  auto row = c.query_one(sql::kPersonFlags, {person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return not_found("PERSON_NOT_FOUND", "未找到该人员");
  return PersonFlags{(*row)->boolean(0), (*row)->boolean(1)};
}

Status set_whereabouts_unknown(Connection& c, std::int64_t person_id, bool unknown) {
  auto n = c.exec(sql::kSetWhereabouts, {std::int64_t{unknown ? 1 : 0}, person_id});
  if (!n.ok()) return n.error();
  return {};
}

}  // namespace anbang::store
