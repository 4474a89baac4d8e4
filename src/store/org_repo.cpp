#include "store/org_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertOrgGroup =
    "INSERT INTO org_groups (unit_id, kind, name, established_on, note, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateOrgGroup = "UPDATE org_groups SET name = ?, established_on = ?, note = ? WHERE id = ?";
constexpr const char* kFindOrgGroup =
    "SELECT id, unit_id, kind, name, established_on, note, created_at FROM org_groups WHERE id = ?";
constexpr const char* kAllOrgGroups =
    "SELECT id, unit_id, kind, name, established_on, note, created_at FROM org_groups ORDER BY unit_id, kind";
constexpr const char* kInsertOrgMember =
    "INSERT INTO org_group_members (group_id, name, position, role, phone, joined_on, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kFindOrgMember =
    "SELECT id, group_id, name, position, role, phone, joined_on, left_on FROM org_group_members WHERE id = ?";
constexpr const char* kOrgMembers =
    "SELECT id, group_id, name, position, role, phone, joined_on, left_on FROM org_group_members "
    "WHERE group_id = ? ORDER BY joined_on, id";
constexpr const char* kSetMemberLeft = "UPDATE org_group_members SET left_on = ? WHERE id = ?";
}  // namespace sql

namespace {
OrgGroupRow group_of(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6)};
}
OrgMemberRow member_of(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.opt_str(7)};
}
}  // namespace

Result<std::int64_t> insert_org_group(Connection& c, const OrgGroupRow& g, std::int64_t user_id) {
  return c.scalar(sql::kInsertOrgGroup,
                  {g.unit_id, g.kind, g.name, g.established_on, g.note, user_id ? Value(user_id) : Value(nullptr),
                   g.created_at});
}

Status update_org_group(Connection& c, const OrgGroupRow& g) {
  auto r = c.exec(sql::kUpdateOrgGroup, {g.name, g.established_on, g.note, g.id});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::optional<OrgGroupRow>> find_org_group(Connection& c, std::int64_t id) {
  auto r = c.query_one(sql::kFindOrgGroup, {id});
  if (!r.ok()) return r.error();
  if (!*r) return std::optional<OrgGroupRow>();
  return std::optional<OrgGroupRow>(group_of(**r));
}

Result<std::vector<OrgGroupRow>> all_org_groups(Connection& c) {
  auto rows = c.query(sql::kAllOrgGroups);
  if (!rows.ok()) return rows.error();
  std::vector<OrgGroupRow> out;
  for (const auto& r : *rows) out.push_back(group_of(r));
  return out;
}

Result<std::int64_t> insert_org_member(Connection& c, const OrgMemberRow& m, std::int64_t user_id, std::int64_t now) {
  return c.scalar(sql::kInsertOrgMember, {m.group_id, m.name, m.position, m.role, m.phone, m.joined_on,
                                          user_id ? Value(user_id) : Value(nullptr), now});
}

Result<std::optional<OrgMemberRow>> find_org_member(Connection& c, std::int64_t id) {
  auto r = c.query_one(sql::kFindOrgMember, {id});
  if (!r.ok()) return r.error();
  if (!*r) return std::optional<OrgMemberRow>();
  return std::optional<OrgMemberRow>(member_of(**r));
}

Status set_org_member_left(Connection& c, std::int64_t id, const std::string& left_on) {
  auto r = c.exec(sql::kSetMemberLeft, {left_on, id});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<OrgMemberRow>> org_members(Connection& c, std::int64_t group_id) {
  auto rows = c.query(sql::kOrgMembers, {group_id});
  if (!rows.ok()) return rows.error();
  std::vector<OrgMemberRow> out;
  for (const auto& r : *rows) out.push_back(member_of(r));
  return out;
}

}  // namespace anbang::store
