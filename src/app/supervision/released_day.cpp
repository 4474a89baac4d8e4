// See released_day.hpp.
#include "app/supervision/released_day.hpp"

#include "app/core/record_date.hpp"
#include "domain/checks.hpp"
#include "store/period_repo.hpp"

namespace anbang::app {

// The date of a record about a released person: not after today, not before the release, not
// further back than the back-dating limit, not while the person was in custody.
Result<std::string> released_day(const Core& core, store::Connection& c, const store::PersonRecord& p,
                                 const std::string& text, const char* field, const char* label, const Ctx& ctx) {
  auto d = domain::check::past_date(text, field, label, ctx.today);
  if (!d.ok()) return d.error();
  std::string day = domain::to_string(*d);
  if (day < p.release_date)
    return invalid("DATE_BEFORE_RELEASE", std::string(label) + "不能早于释放日期 " + p.release_date, field);
  if (auto s = within_backdate_limit(core, ctx, *d, field, label); !s.ok()) return s.error();
  auto custody = store::person_custody(c, p.id);
  if (!custody.ok()) return custody.error();
  for (const auto& k : *custody) {  // custody since this release (a detention, R-PER-1)
    if (k.from_date < p.release_date) continue;
    if (day >= k.from_date && (!k.to_date || day < *k.to_date))
      return invalid("DATE_IN_CUSTODY", std::string(label) + "当天该人员在押（" + k.from_date + " 起），请核对日期", field);
  }
  return day;
}

}  // namespace anbang::app
