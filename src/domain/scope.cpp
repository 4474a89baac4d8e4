#include "domain/scope.hpp"

#include <algorithm>

namespace anbang::domain {

ScopeKind parse_scope_kind(const std::string& s) {
  if (s == "own") return ScopeKind::own;
  if (s == "subtree") return ScopeKind::subtree;
  if (s == "district") return ScopeKind::district;
  return ScopeKind::none;
}

std::string to_string(ScopeKind k) {
  switch (k) {
    case ScopeKind::own:
      return "own";
    case ScopeKind::subtree:
      return "subtree";
    case ScopeKind::district:
      return "district";
    case ScopeKind::none:
      break;
  }
  return "none";
}

bool Scope::covers_unit(std::int64_t unit_id) const {
  switch (kind) {
    case ScopeKind::district:
      return true;
    case ScopeKind::none:
      return false;
    default:
      return std::binary_search(unit_ids.begin(), unit_ids.end(), unit_id);
  }
}

Scope make_scope(ScopeKind kind, std::int64_t user_unit_id, const UnitTree& tree) {
  Scope s;
  const Unit* u = tree.find(user_unit_id);
  if (!u || !u->area_unit_id || kind == ScopeKind::none) return s;
  s.root = *u->area_unit_id;
  const Unit* area = tree.find(s.root);
  if (!area) return s;
  // A district-wide role, or any subtree role rooted at the district, sees the whole district.
  if (kind == ScopeKind::district || (kind == ScopeKind::subtree && area->kind == "district")) {
    s.kind = ScopeKind::district;
    return s;
  }
  s.kind = kind;
  if (kind == ScopeKind::own)
    s.unit_ids = {s.root};
  else
    s.unit_ids = tree.area_subtree_ids(s.root);
  std::sort(s.unit_ids.begin(), s.unit_ids.end());
  return s;
}

}  // namespace anbang::domain
