#include "domain/unit_tree.hpp"

namespace anbang::domain {

bool is_area_kind(const std::string& kind) {
  return kind == "district" || kind == "township" || kind == "village";
}

UnitTree::UnitTree(std::vector<Unit> units) : units_(std::move(units)) {
  for (std::size_t i = 0; i < units_.size(); ++i) {
    index_[units_[i].id] = i;
    if (units_[i].parent_id) children_[*units_[i].parent_id].push_back(units_[i].id);
  }
}

const Unit* UnitTree::find(std::int64_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &units_[it->second];
}

std::vector<std::int64_t> UnitTree::subtree_ids(std::int64_t root) const {
  std::vector<std::int64_t> out;
  if (!find(root)) return out;
  out.push_back(root);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto it = children_.find(out[i]);
    if (it == children_.end()) continue;
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

std::vector<std::int64_t> UnitTree::area_subtree_ids(std::int64_t root) const {
  std::vector<std::int64_t> out;
  for (auto id : subtree_ids(root)) {
    if (is_area_kind(find(id)->kind)) out.push_back(id);
  }
  return out;
}

bool UnitTree::is_within(std::int64_t id, std::int64_t root) const {
  for (const Unit* u = find(id); u; u = u->parent_id ? find(*u->parent_id) : nullptr) {
    if (u->id == root) return true;
  }
  return false;
}

std::optional<std::int64_t> UnitTree::township_of(std::int64_t id) const {
  for (const Unit* u = find(id); u; u = u->parent_id ? find(*u->parent_id) : nullptr) {
    if (u->kind == "township") return u->id;
  }
  return std::nullopt;
}

std::int64_t UnitTree::judicial_office_for(std::int64_t area_unit) const {
  std::int64_t township = township_of(area_unit).value_or(area_unit);
  for (const auto& u : units_) {
    if (u.kind == "judicial_office" && u.parent_id == township) return u.id;
  }
  return township;
}

std::optional<std::int64_t> UnitTree::police_station_for(std::int64_t area_unit) const {
  std::int64_t township = township_of(area_unit).value_or(area_unit);
  for (const auto& u : units_) {
    if (u.kind == "police_station" && u.parent_id == township) return u.id;
  }
  return std::nullopt;
}

std::string UnitTree::display_path(std::int64_t id) const {
  const Unit* u = find(id);
  if (!u) return {};
  if (u->kind == "village" && u->parent_id) {
    if (const Unit* p = find(*u->parent_id)) return p->name + " / " + u->name;
  }
  return u->name;
}

}  // namespace anbang::domain
