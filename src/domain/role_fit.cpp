#include "domain/role_fit.hpp"

#include <algorithm>

#include "domain/kinds.hpp"

namespace anbang::domain {

namespace {
// The district office (区安帮办) sits in the district unit; custody units send the documents;
// departments receive referrals. A switch over the enum: a new built-in role does not compile
// until it says where it belongs.
std::vector<std::string_view> kinds_for(BuiltInRole role) {
  switch (role) {
    case BuiltInRole::admin:
    case BuiltInRole::district_officer:
    case BuiltInRole::auditor:
      return {"district"};
    case BuiltInRole::judicial_officer:
      return {"judicial_office"};
    case BuiltInRole::police_officer:
      return {"police_station"};
    case BuiltInRole::township_officer:
    case BuiltInRole::civil_affairs_leader:
      return {"township"};
    case BuiltInRole::village_cadre:
      return {"village"};
    case BuiltInRole::custody_clerk:
      return {"detention_centre", "prison"};
    case BuiltInRole::department_officer:
      return {"department"};
  }
  return {};
}
}  // namespace

bool role_fits_unit_kind(std::string_view role_code, std::string_view unit_kind) {
  auto role = parse<BuiltInRole>(role_code);
  if (!role) return true;  // a role an administrator made fits every unit
  auto kinds = kinds_for(*role);
  return std::find(kinds.begin(), kinds.end(), unit_kind) != kinds.end();
}

std::vector<std::string_view> unit_kinds_of_role(std::string_view role_code) {
  auto role = parse<BuiltInRole>(role_code);
  return role ? kinds_for(*role) : std::vector<std::string_view>{};
}

}  // namespace anbang::domain
