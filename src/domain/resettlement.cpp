#include "domain/resettlement.hpp"

namespace anbang::domain {

ResettlementResult derive_resettlement(const ResettlementFacts& f) {
  using K = EmploymentKind;
  if (f.employment == K::employed) return {Resettlement::employed, std::nullopt};
  if (f.employment == K::self_employed) return {Resettlement::self_employed, std::nullopt};
  if (f.employment == K::farming) return {Resettlement::farming, std::nullopt};
  if (f.in_base || f.employment == K::in_base) return {Resettlement::in_base, std::nullopt};
  if (f.on_social_assistance) return {Resettlement::social_assistance, std::nullopt};
  if (f.supported_by_family) return {Resettlement::family_support, std::nullopt};
  if (f.recorded_reason) return {Resettlement::not_resettled, f.recorded_reason};
  if (!f.employment) return {Resettlement::not_resettled, UnresettledReason::not_recorded};
  switch (*f.employment) {
    case K::seeking_work:
      return {Resettlement::not_resettled, UnresettledReason::seeking_work};
    case K::unable_to_work:
      return {Resettlement::not_resettled, UnresettledReason::unable_to_work};
    case K::not_willing:
      return {Resettlement::not_resettled, UnresettledReason::unwilling};
    case K::unknown:
      return {Resettlement::not_resettled, UnresettledReason::not_reached};
    default:
      break;
  }
  return {Resettlement::not_resettled, UnresettledReason::other};
}

}  // namespace anbang::domain
