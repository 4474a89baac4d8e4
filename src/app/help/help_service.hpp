// Help groups and help plans (帮教小组、帮教方案, R-ORG-1, R-ORG-3, R-ORG-4, R-ORG-5). Per person:
// the group's members by role with their history (a member joins on a day and leaves on a day; ending
// a membership never deletes it), the 四位一体 check (flagged, never refused), the family contact
// person; the plan's versions (needs, goal and measures per need, the responsible member, a review
// date) and the help agreements. Lists: the persons of the caller's scope whose group is incomplete
// or missing, and the persons a user helps (我帮教的对象). Writes go through change_person (change
// record, timeline entry, task refresh: R-ORG-3, R-ORG-4 in rules/help.cpp), reads through
// read_person.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "rules/help.hpp"
#include "store/help_repo.hpp"

namespace anbang::app {

namespace perm {
inline constexpr std::string_view help_group_manage = "help_group:manage";  // R-ORG-3, R-ORG-5
inline constexpr std::string_view help_plan_record = "help_plan:record";    // R-ORG-4
}  // namespace perm

// A new member: a user of the system (user_id; name, unit and phone come from the user unless
// given) or a named person (name required, unit or relation, phone).
struct MemberInput {
  std::string role;
  std::optional<std::int64_t> user_id;
  std::string name, unit_or_relation, phone, joined_on;
  bool is_contact = false;  // R-ORG-5: only for role family_member
};

struct GroupView {
  std::vector<store::HelpMember> members;  // current first, then those who left
  std::vector<store::HelpMember> current;
  rules::GroupCheck check;                 // of the current members
  std::string contact_name, contact_relation, contact_phone;  // R-ORG-5 (persons.family_contact_*)
};

struct PlanNeedInput {
  std::string need, goal, measures;
  std::int64_t member_id = 0;
};
struct PlanInput {
  std::string made_on, review_on, reason;  // reason: required for a revision (version 2 on)
  std::vector<PlanNeedInput> needs;
};
struct PlanResult {
  std::int64_t id = 0;
  int version = 0;
};

struct AgreementInput {
  std::string signed_on, note;
  std::vector<std::string> parties;
};

struct PlansView {
  std::vector<store::HelpPlan> versions;  // newest first
  std::vector<store::HelpAgreement> agreements;
  std::vector<store::HelpMember> members;  // every membership (names of the responsible members)
};

struct HelpListQuery {
  std::string name, problem;  // problem: "" | missing | incomplete
  std::optional<std::int64_t> unit_id;
  int page = 1, page_size = 20;
};
struct HelpListPage {
  std::vector<store::HelpListRow> items;
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

// A user who may be a member: one whose jurisdiction covers the person (so they can open the file).
struct MemberCandidate {
  std::int64_t user_id = 0, unit_id = 0;
  std::string display_name, phone, role_code;
};

class HelpService {
 public:
  explicit HelpService(Core& core) : core_(core) {}

  Result<Audited<GroupView>> group(const AuthedCtx& ctx, std::int64_t person_id);
  // 400 FIELD_VALUE (role), MEMBER_NAME_REQUIRED, CONTACT_NOT_FAMILY; 404 USER_NOT_FOUND;
  // 409 MEMBER_EXISTS (the user is a current member), MEMBER_OUT_OF_SCOPE (the user cannot see the person).
  Result<std::int64_t> add_member(const AuthedCtx& ctx, std::int64_t person_id, const MemberInput& in);
  // Ends a membership on `left_on` (kept in the history). 404 MEMBER_NOT_FOUND; 409 MEMBER_ALREADY_LEFT;
  // 400 DATE_BEFORE_JOINED.
  Status end_member(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t member_id, const std::string& left_on,
                    const std::string& reason);
  // R-ORG-5: the current family member `member_id` becomes the family contact person (the file's
  // 家庭联系人 takes their name, relation and phone). 400 CONTACT_NOT_FAMILY.
  Status set_contact(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t member_id);
  // The users who may join the person's group (in jurisdiction of the person), by unit.
  Result<Audited<std::vector<MemberCandidate>>> candidates(const AuthedCtx& ctx, std::int64_t person_id);

  Result<Audited<PlansView>> plans(const AuthedCtx& ctx, std::int64_t person_id);
  // A new version of the plan (a revision keeps the earlier ones). 400 PLAN_NEEDS_REQUIRED,
  // FIELD_VALUE (need), PLAN_NEED_DUPLICATE, PLAN_MEMBER_NOT_CURRENT, PLAN_REVIEW_BEFORE_MADE,
  // PLAN_DATE_BEFORE_LATEST, DATE_BEFORE_RELEASE, FIELD_REQUIRED (reason of a revision).
  Result<PlanResult> record_plan(const AuthedCtx& ctx, std::int64_t person_id, const PlanInput& in);
  Result<std::int64_t> record_agreement(const AuthedCtx& ctx, std::int64_t person_id, const AgreementInput& in);

  // R-ORG-3: persons in the caller's scope under assistance whose group is incomplete or missing.
  Result<Audited<HelpListPage>> incomplete(const AuthedCtx& ctx, const HelpListQuery& q);
  // 我帮教的对象: the persons in the caller's scope of whose group the caller is a current member.
  Result<Audited<HelpListPage>> mine(const AuthedCtx& ctx, int page, int page_size);

 private:
  Core& core_;
};

}  // namespace anbang::app
