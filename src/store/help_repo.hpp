// SQL of help groups (帮教小组, R-ORG-3, R-ORG-5), help plans and agreements (帮教方案、帮教协议,
// R-ORG-4), and the two lists built on them: persons whose group is incomplete, and the persons a
// user helps (我帮教的对象). Person lists go through scope_predicate like every person query.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"
#include "store/db.hpp"

namespace anbang::store {

// One membership. Current on a day d when joined_on <= d and (no left_on or d < left_on).
struct HelpMember {
  std::int64_t id = 0, person_id = 0;
  std::string role;  // police_officer | judicial_assistant | village_cadre | family_member | social_worker | volunteer
  std::optional<std::int64_t> user_id;
  std::string name, unit_or_relation, phone;
  bool is_contact = false;
  std::string joined_on;
  std::optional<std::string> left_on;
  std::string left_reason;
  std::optional<std::int64_t> unit_id, created_by;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> ended_by, ended_at;
};
Result<std::int64_t> insert_help_member(Connection& c, const HelpMember& m);
// Every membership of the person, current ones first, then by joined_on and id.
Result<std::vector<HelpMember>> help_members_of(Connection& c, std::int64_t person_id);
Status end_help_member(Connection& c, std::int64_t member_id, const std::string& left_on, const std::string& reason,
                       std::int64_t user_id, std::int64_t now);
// Marks `member_id` the person's family contact and unmarks the others.
Status set_help_contact(Connection& c, std::int64_t person_id, std::int64_t member_id);
// R-ORG-5: the person's family contact fields (persons.family_contact_*).
Status set_family_contact(Connection& c, std::int64_t person_id, const std::string& name,
                          const std::string& relation, const std::string& phone, std::int64_t now);

struct HelpPlan {
  std::int64_t id = 0, person_id = 0;
  int version = 0;
  std::string made_on, review_on, needs = "[]", reason;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
};
Result<std::int64_t> insert_help_plan(Connection& c, const HelpPlan& p);
// Every version of the person's plan, newest first.
Result<std::vector<HelpPlan>> help_plans_of(Connection& c, std::int64_t person_id);

struct HelpAgreement {
  std::int64_t id = 0, person_id = 0;
  std::string signed_on, parties = "[]", note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
};
Result<std::int64_t> insert_help_agreement(Connection& c, const HelpAgreement& a);
Result<std::vector<HelpAgreement>> help_agreements_of(Connection& c, std::int64_t person_id);

// A person of a help list: who, where, the current members' roles (codes, comma-separated, one
// per member) and their count, and the person's next open task of the current period.
struct HelpListRow {
  std::int64_t person_id = 0;
  std::string name, release_date;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  std::string roles;
  std::int64_t members = 0;
  std::optional<std::string> next_rule, next_due;
};
struct HelpListFilter {
  std::string today;
  std::string name_like;                 // part of the name
  std::vector<std::int64_t> unit_ids;    // household or residence unit among these (empty: any)
  std::string problem;                   // "" (incomplete or missing) | missing | incomplete
  int page = 1, page_size = 20;
};
// R-ORG-3: persons in `scope` under assistance today whose current group has fewer than two members
// or lacks one of the 四位一体 roles (problem missing: no current member at all), by id; and the total.
Result<std::pair<std::vector<HelpListRow>, std::int64_t>> incomplete_help_groups(Connection& c,
                                                                                 const domain::Scope& scope,
                                                                                 const HelpListFilter& f);
// The persons in `scope` of whose group `user_id` is a current member, by name; and the total.
Result<std::pair<std::vector<HelpListRow>, std::int64_t>> persons_helped_by(Connection& c, const domain::Scope& scope,
                                                                            std::int64_t user_id,
                                                                            const std::string& today, int page,
                                                                            int page_size);

// Candidate members who are users: the active users of the units given (ids), with role and unit.
struct UserCandidate {
  std::int64_t id = 0, unit_id = 0;
  std::string display_name, phone, role_code, scope;
};
Result<std::vector<UserCandidate>> active_users_with_roles(Connection& c);

}  // namespace anbang::store
