// The visit log's rules (pure): which visits fulfil the follow-up duty (R-VIS-1, R-VIS-2) and when
// the whereabouts of a person become unknown or known again (R-LOST-1). Choices are in
// src/rules/README.md and docs/rules.md.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/civil_date.hpp"
#include "domain/follow_up_kinds.hpp"

namespace anbang::rules {

// R-VIS-1/2: a visit fulfils the half-year's (or key subject's) follow-up if the person was reached:
// met, or found and refused to talk (a refusal is a finding of the visit, not a failed visit). A
// visit that did not find the person (not_found) fulfils nothing.
bool visit_fulfils(domain::VisitOutcome outcome);

// One visit of the period in the log: its date and the order it was entered (ties on a day).
struct LoggedVisit {
  domain::CivilDate on;
  std::int64_t order = 0;  // e.g. the row id
  domain::VisitOutcome outcome = domain::VisitOutcome::met;
};

// R-VIS-1/2: the dates of the visits that fulfil (PersonFacts::visits is made of these only).
std::vector<domain::CivilDate> fulfilling_visits(const std::vector<LoggedVisit>& visits);

// R-LOST-1 from the visit log, for the latest visits by date (then by entry order):
//   unknown — the last two visits both did not find the person (no visit that reached them between);
//   found   — the last visit reached the person (met or refused);
//   none    — neither (no visit, or one not-found visit after a visit that reached them): the log
//             says nothing new, the flag stays as it is.
enum class Whereabouts { none, unknown, found };
Whereabouts whereabouts_from_visits(std::vector<LoggedVisit> visits);

// What the flag persons.whereabouts_unknown should become after a visit was logged: set (true),
// cleared (false) or left (nullopt). Only the visit log's own transitions change it, so a flag set
// for another reason (R-OUT-1: an absence without a record) is cleared only by a visit that found
// the person.
std::optional<bool> whereabouts_flag_after(bool flag_now, const std::vector<LoggedVisit>& visits);

}  // namespace anbang::rules
