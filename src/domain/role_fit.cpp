#include "domain/role_fit.hpp"

#include <algorithm>

namespace anbang::domain {

namespace {
struct Fit {
  std::string_view role;
  std::vector<std::string_view> kinds;
};
// The district office (区安帮办) sits in the district unit; custody units send the documents;
// departments receive referrals.
const std::vector<Fit>& fits() {
  static const std::vector<Fit> all = {
      {"admin", {"district"}},
      {"district_officer", {"district"}},
      {"auditor", {"district"}},
      {"judicial_officer", {"judicial_office"}},
      {"police_officer", {"police_station"}},
      {"township_officer", {"township"}},
      {"village_cadre", {"village"}},
      {"custody_clerk", {"detention_centre", "prison"}},
      {"department_officer", {"department"}},
  };
  return all;
}

const Fit* find_fit(std::string_view role_code) {
  const auto& all = fits();
  auto it = std::find_if(all.begin(), all.end(), [&](const Fit& f) { return f.role == role_code; });
  return it == all.end() ? nullptr : &*it;
}
}  // namespace

bool role_fits_unit_kind(std::string_view role_code, std::string_view unit_kind) {
  const Fit* f = find_fit(role_code);
  return !f || std::find(f->kinds.begin(), f->kinds.end(), unit_kind) != f->kinds.end();
}

std::vector<std::string_view> unit_kinds_of_role(std::string_view role_code) {
  const Fit* f = find_fit(role_code);
  return f ? f->kinds : std::vector<std::string_view>{};
}

}  // namespace anbang::domain
