// Going out for work (外出务工, R-OUT-1, §2.5; issue 8 item 8). A person who leaves the area for work
// is tracked, not lost: the destination (an area unit of the system — a township or village of the
// district — or an address elsewhere with its GB/T 2260 division code), the employer or contact, a
// phone, the day of leaving and the expected return. A destination in the system notifies its
// judicial office (the list it sees, GET /outings/incoming), which may record visits for the person
// while the outing is active (guard.hpp, "reach through an active outing"). Returning ends the record
// (returned_on). A return overdue by more than lost_contact_days without news is a 脱管 risk
// (rules/lost.cpp, reason outing_overdue). An absence found without a record is recorded as the
// whereabouts unknown (persons.whereabouts_unknown, set by two visits that did not find the person).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "store/outing_repo.hpp"

namespace anbang::app {

struct OutingInput {
  std::optional<std::int64_t> destination_unit_id;  // an area unit of the system, or
  std::string division_code, address;               // an address elsewhere (6-digit GB/T 2260 code)
  std::string employer, contact, phone, left_on, expected_return, note;
};

class OutingService {
 public:
  explicit OutingService(Core& core) : core_(core) {}

  // outing:record. One outing without a return at a time (409 OUTING_OPEN).
  Result<std::int64_t> record_outing(const AuthedCtx& ctx, std::int64_t person_id, const OutingInput& in);
  // outing:record: the return ends the record (409 OUTING_RETURNED when already recorded).
  Status record_return(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t outing_id,
                       const std::string& returned_on);
  // The file's section 外出 (person:read).
  Result<Audited<std::vector<store::OutingRow>>> person_outings(const AuthedCtx& ctx, std::int64_t person_id);
  // The destination judicial office's list: outings to it, active first, then those returned in the
  // last 90 days (person:read; only a judicial office has one, others get an empty list).
  Result<Audited<std::vector<store::OutingRow>>> incoming(const AuthedCtx& ctx);

 private:
  Core& core_;
};

}  // namespace anbang::app
