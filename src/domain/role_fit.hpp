// Which built-in roles fit which kind of unit (DOMAIN.md "Access", R-ORG-2; docs/demo-accounts.md):
// a village cadre works in a village, a judicial officer in a judicial office, and so on. The
// administration refuses a user whose role does not fit their unit.
#pragma once
#include <string_view>
#include <vector>

namespace anbang::domain {

// True when a user of the role `role_code` may belong to a unit of kind `unit_kind`. Roles that
// are not built in (none exist today) fit every unit.
bool role_fits_unit_kind(std::string_view role_code, std::string_view unit_kind);

// The kinds of unit a built-in role fits; empty for a role that is not built in.
std::vector<std::string_view> unit_kinds_of_role(std::string_view role_code);

}  // namespace anbang::domain
