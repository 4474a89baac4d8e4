// The date a record carries, checked in one place for every record with a user-chosen date
// (pick-up, registration, visit, review, custody, family help, meeting, verification feedback,
// reception arrangement, a paper document's arrival): not after today and not further back than the
// dated policy parameter backdate_limit_days in force on the day of entry (DATE_TOO_FAR_BACK).
// A record dated before the day it is entered is a late entry (补录): `late_params` gives the
// timeline entry both dates.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

#include "app/core/context.hpp"
#include "app/core/core.hpp"
#include "domain/checks.hpp"
#include "rules/policy.hpp"

namespace anbang::app {

inline int backdate_limit_days(const Core& core, const Ctx& ctx) {
  return core.policy()->in_force(ctx.today).backdate_limit_days;
}

inline Result<domain::CivilDate> record_date(const Core& core, const Ctx& ctx, std::string_view text,
                                             std::string_view field, std::string_view label) {
  return domain::check::record_date(text, field, label, ctx.today, backdate_limit_days(core, ctx));
}

inline Status within_backdate_limit(const Core& core, const Ctx& ctx, domain::CivilDate d, std::string_view field,
                                    std::string_view label) {
  return domain::check::backdate_limit(d, field, label, ctx.today, backdate_limit_days(core, ctx));
}

// Adds late_on (the date carried) and entered_on (today) to a timeline entry's parameters when the
// record is a late entry; returns `params`.
inline nlohmann::json with_late(nlohmann::json params, const Ctx& ctx, const std::string& carried) {
  auto d = domain::parse_date(carried);
  if (d.ok() && domain::check::is_late_entry(*d, ctx.today)) {
    params["late_on"] = carried;
    params["entered_on"] = domain::to_string(ctx.today);
  }
  return params;
}

}  // namespace anbang::app
