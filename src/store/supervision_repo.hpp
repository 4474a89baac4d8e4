// SQL of supervision records that have no other home: pick-ups, the registration count, and the
// person's records of one period as the file shows them (with when each was entered).
#pragma once
#include "store/db.hpp"

namespace anbang::store {

struct Pickup {
  std::int64_t person_id = 0;
  std::string picked_on, place, team, kind;  // kind: township_team | family
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
};
Result<std::int64_t> insert_pickup(Connection& c, const Pickup& p);
// Registrations of the person on or after `since` (the current release date).
Result<std::int64_t> count_registrations_since(Connection& c, std::int64_t person_id, const std::string& since);

// One record as the file lists it: kind pickup | registration | visit | review; `on` is the date it
// carries, `created_at` when it was entered; `data` the other fields (JSON object text).
struct RecordRow {
  std::int64_t id = 0;
  std::string kind, on, data = "{}";
  std::string unit_name, user_name;
  std::int64_t created_at = 0;
};
// Pick-ups, registrations and follow-ups of the person dated on or after `since`, newest first.
Result<std::vector<RecordRow>> person_records(Connection& c, std::int64_t person_id, const std::string& since);

struct RegistrationRow {
  std::int64_t id = 0, person_id = 0;
  std::string registered_on, certificate_no, needs;
  bool policies_explained = false;
  std::int64_t created_at = 0;
};
// The person's first registration on or after `since` (the current release date), if any.
Result<std::optional<RegistrationRow>> current_registration(Connection& c, std::int64_t person_id,
                                                            const std::string& since);
Status update_registration(Connection& c, const RegistrationRow& r);

}  // namespace anbang::store
