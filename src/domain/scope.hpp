// The data scope of a user over the unit tree (DOMAIN.md "Access follows the tree", R-JUR-1).
// A person is in scope when the household-registration unit OR the residence unit is covered,
// so both places of a 人户分离 person see them. Every person query and write checks a Scope.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "domain/unit_tree.hpp"

namespace anbang::domain {

enum class ScopeKind { none, own, subtree, district };

ScopeKind parse_scope_kind(const std::string& s);  // unknown text → none
std::string to_string(ScopeKind k);

struct Scope {
  ScopeKind kind = ScopeKind::none;
  std::int64_t root = 0;               // the area unit the scope starts from
  std::vector<std::int64_t> unit_ids;  // covered area units for own/subtree (sorted)

  bool covers_unit(std::int64_t unit_id) const;
  bool covers_person(std::int64_t household_unit_id, std::int64_t residence_unit_id) const {
    return covers_unit(household_unit_id) || covers_unit(residence_unit_id);
  }
};

// Builds the scope of a user of `user_unit_id` whose role has scope `kind`. The root is the user
// unit's area (a judicial office's township, say); a unit without an area gets an empty scope.
Scope make_scope(ScopeKind kind, std::int64_t user_unit_id, const UnitTree& tree);

}  // namespace anbang::domain
