// SQL for units (R-ORG-2).
#pragma once
#include "domain/unit_tree.hpp"
#include "store/db.hpp"

namespace anbang::store {

Result<std::vector<domain::Unit>> load_units(Connection& c);
// Inserts a unit; when area_unit_id is "self" pass nullopt and set self_area = true.
Result<std::int64_t> insert_unit(Connection& c, const domain::Unit& u, bool self_area, std::int64_t now);
Status update_unit(Connection& c, std::int64_t id, const std::string& name, bool active);
Result<std::optional<std::int64_t>> unit_id_by_code(Connection& c, const std::string& code);

}  // namespace anbang::store
