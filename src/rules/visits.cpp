#include "rules/visits.hpp"

#include <algorithm>

namespace anbang::rules {

bool visit_fulfils(domain::VisitOutcome outcome) { return outcome != domain::VisitOutcome::not_found; }

std::vector<domain::CivilDate> fulfilling_visits(const std::vector<LoggedVisit>& visits) {
  std::vector<domain::CivilDate> out;
  for (const auto& v : visits)
    if (visit_fulfils(v.outcome)) out.push_back(v.on);
  return out;
}

Whereabouts whereabouts_from_visits(std::vector<LoggedVisit> visits) {
  if (visits.empty()) return Whereabouts::none;
  std::sort(visits.begin(), visits.end(), [](const LoggedVisit& a, const LoggedVisit& b) {
    return a.on != b.on ? a.on < b.on : a.order < b.order;
  });
  const auto& last = visits.back();
  if (visit_fulfils(last.outcome)) return Whereabouts::found;
  if (visits.size() >= 2 && !visit_fulfils(visits[visits.size() - 2].outcome)) return Whereabouts::unknown;
  return Whereabouts::none;
}

std::optional<bool> whereabouts_flag_after(bool flag_now, const std::vector<LoggedVisit>& visits) {
  switch (whereabouts_from_visits(visits)) {
    case Whereabouts::unknown:
      if (!flag_now) return true;
      break;
    case Whereabouts::found:
      if (flag_now) return false;
      break;
    case Whereabouts::none:
      break;
  }
  return std::nullopt;
}

}  // namespace anbang::rules
