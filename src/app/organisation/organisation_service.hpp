// The "1112" structure (R-ORG-1): the district's leading group (领导小组) and its office (区安帮办),
// each township's leading group, each village/community's working group (工作小组) — per unit a
// group with its members (name, position or unit, role in the group, phone) and dates (established;
// members joined and left, history kept), and the list of units that lack their group.
//
// Who keeps which group: the district's users the district's groups; a township's users (the
// township government and its judicial office, whose scope is the township) the township's group
// and its villages' (GROUP_NOT_YOURS otherwise). Everyone with task:read sees the groups of the
// units in their scope and the district's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/core.hpp"
#include "store/org_repo.hpp"

namespace anbang::app {

struct OrgGroupInput {
  std::int64_t unit_id = 0;
  std::string kind, name, established_on, note;
};

struct OrgMemberInput {
  std::string name, position, role, phone, joined_on;
};

struct OrgGroupView {
  store::OrgGroupRow group;
  std::vector<store::OrgMemberRow> members;  // current and former, in the order they joined
};

// One group a unit owes (R-ORG-1), with the group when it exists.
struct OrgGroupStatus {
  std::int64_t unit_id = 0;
  std::string unit_kind, group_kind;
  std::optional<store::OrgGroupRow> group;
  int current_members = 0;
};

struct OrgGroupQuery {
  std::string unit_kind;                 // district | township | village; empty = all
  std::optional<std::int64_t> township;  // a township: it and its villages
  bool lacking_only = false;             // only units without their group
};

// The group kinds a unit of `unit_kind` owes: district → leading_group and office, township →
// leading_group, village → working_group, others none.
std::vector<std::string> owed_group_kinds(const std::string& unit_kind);

class OrganisationService {
 public:
  explicit OrganisationService(Core& core) : core_(core) {}

  Result<std::int64_t> create_group(const AuthedCtx& ctx, const OrgGroupInput& in);
  Status update_group(const AuthedCtx& ctx, std::int64_t id, const OrgGroupInput& in);
  Result<std::int64_t> add_member(const AuthedCtx& ctx, std::int64_t group_id, const OrgMemberInput& in);
  // The member left the group on `left_on` (kept in the history).
  Status member_left(const AuthedCtx& ctx, std::int64_t member_id, const std::string& left_on);
  Result<OrgGroupView> group(const AuthedCtx& ctx, std::int64_t id);
  // Every group owed by a unit in the caller's scope (the district's always), filtered.
  Result<std::vector<OrgGroupStatus>> overview(const AuthedCtx& ctx, const OrgGroupQuery& q);

 private:
  Status may_keep(const AuthedCtx& ctx, std::int64_t unit_id) const;
  bool may_see(const AuthedCtx& ctx, std::int64_t unit_id) const;
  Core& core_;
};

}  // namespace anbang::app
