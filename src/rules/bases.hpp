// R-BASE-1 (§2.4.3, issue 9 helper C): the pure checks of a placement into a transitional
// resettlement base. The unit tasks of R-BASE-1 and R-EMP-2 are in engine.hpp (rules/bases.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/civil_date.hpp"

namespace anbang::rules {

using domain::CivilDate;

// One agreement of a base: valid_from..valid_to inclusive, its places.
struct AgreementSpan {
  std::int64_t id = 0;
  CivilDate valid_from, valid_to;
  std::int64_t capacity = 0;
};

// The agreement valid on `day`, if any (agreements of one base never overlap).
std::optional<AgreementSpan> agreement_on(const std::vector<AgreementSpan>& agreements, CivilDate day);

enum class PlacementCheck { ok, no_agreement, full };

// A placement on `placed_on` into a base with `occupied` active placements: no_agreement unless an
// agreement is valid on that day; full when the active placements already fill the places of the
// agreement in force today (or, with none today, of the one of the placement day).
PlacementCheck check_placement(const std::vector<AgreementSpan>& agreements, CivilDate placed_on, CivilDate today,
                               std::int64_t occupied);

// True if from..to shares a day with one of the agreements.
bool overlaps(const std::vector<AgreementSpan>& agreements, CivilDate from, CivilDate to);

}  // namespace anbang::rules
