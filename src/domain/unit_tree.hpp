// The organisation (R-ORG-2): a tree district → township/street → village/community, with units
// beside it (judicial offices, police stations, the detention centre, prisons, departments). Each
// unit has an "area": the tree unit whose persons it serves. Pure, immutable after construction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace anbang::domain {

struct Unit {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string code;
  std::string name;
  std::string kind;  // district | township | village | judicial_office | police_station | detention_centre |
                     // prison | department
  std::string subkind;
  std::optional<std::int64_t> area_unit_id;
  bool active = true;
};

// True for the kinds that form the area tree and can hold persons (district, township, village).
bool is_area_kind(const std::string& kind);

class UnitTree {
 public:
  UnitTree() = default;
  explicit UnitTree(std::vector<Unit> units);

  const Unit* find(std::int64_t id) const;
  const std::vector<Unit>& all() const { return units_; }
  // `root` and every unit below it (all kinds), root first.
  std::vector<std::int64_t> subtree_ids(std::int64_t root) const;
  // The area-kind units of subtree_ids(root).
  std::vector<std::int64_t> area_subtree_ids(std::int64_t root) const;
  // True when `id` is `root` or below it.
  bool is_within(std::int64_t id, std::int64_t root) const;
  // The township an area unit belongs to (itself for a township), or nullopt.
  std::optional<std::int64_t> township_of(std::int64_t id) const;
  // The judicial office beside the township of an area unit (R-ORG-2); the township itself if none.
  std::int64_t judicial_office_for(std::int64_t area_unit) const;
  // The police station beside the township of an area unit, if any.
  std::optional<std::int64_t> police_station_for(std::int64_t area_unit) const;
  // "仁义镇 / 玉龙村": township and village names of an area unit.
  std::string display_path(std::int64_t id) const;

 private:
  std::vector<Unit> units_;
  std::unordered_map<std::int64_t, std::size_t> index_;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> children_;
};

}  // namespace anbang::domain
