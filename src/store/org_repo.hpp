// The "1112" unit groups (R-ORG-1): a group per unit and kind, its members with their history.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

struct OrgGroupRow {
  std::int64_t id = 0, unit_id = 0;
  std::string kind, name, established_on, note;
  std::int64_t created_at = 0;
};

struct OrgMemberRow {
  std::int64_t id = 0, group_id = 0;
  std::string name, position, role, phone, joined_on;
  std::optional<std::string> left_on;
};

Result<std::int64_t> insert_org_group(Connection& c, const OrgGroupRow& g, std::int64_t user_id);
Status update_org_group(Connection& c, const OrgGroupRow& g);
Result<std::optional<OrgGroupRow>> find_org_group(Connection& c, std::int64_t id);
Result<std::vector<OrgGroupRow>> all_org_groups(Connection& c);
Result<std::int64_t> insert_org_member(Connection& c, const OrgMemberRow& m, std::int64_t user_id, std::int64_t now);
Result<std::optional<OrgMemberRow>> find_org_member(Connection& c, std::int64_t id);
Status set_org_member_left(Connection& c, std::int64_t id, const std::string& left_on);
// The members of a group, current and former, in the order they joined.
Result<std::vector<OrgMemberRow>> org_members(Connection& c, std::int64_t group_id);

}  // namespace anbang::store
