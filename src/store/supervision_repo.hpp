// SQL of supervision records that have no other home: pick-ups, the registration count, and the
// person's records of one period as the file shows them (with when each was entered).
#pragma once
#include "domain/scope.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct Pickup {
  Pickup() = default;
  // The fields of before issue 8; the details default to a pick-up that met the person.
  Pickup(std::int64_t person_id, std::string picked_on, std::string place, std::string team, std::string kind,
         std::optional<std::int64_t> unit_id, std::optional<std::int64_t> user_id, std::int64_t created_at)
      : person_id(person_id),
        picked_on(std::move(picked_on)),
        place(std::move(place)),
        team(std::move(team)),
        kind(std::move(kind)),
        unit_id(unit_id),
        user_id(user_id),
        created_at(created_at) {}
  std::int64_t person_id = 0;
  std::string picked_on, place, team, kind;  // kind: township_team | family
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  // R-PCK-1/2 details (issue 8): the party as JSON array text of {name, unit, role}, vehicle,
  // headcount, time of day (HH:MM or ''), the handover with the custody unit (nullopt = not
  // recorded), the outcome (met | not_met) and, for a failed pick-up, what was done next.
  std::string party = "[]", vehicle;
  std::optional<std::int64_t> headcount;
  std::string picked_at;
  std::optional<bool> handover_signed;
  std::string handover_by, outcome = "met", next_steps;
};
Result<std::int64_t> insert_pickup(Connection& c, const Pickup& p);
// The class as last recorded on the person's row (R-CLS-3: persons.key_subject).
Result<bool> is_key_subject(Connection& c, std::int64_t person_id);
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
// Pick-ups, registrations and follow-ups of the person dated on or after `since`, newest first (a
// pick-up's data: place, team, kind, party, vehicle, headcount, picked_at, handover_signed,
// handover_by, outcome, next_steps).
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

// R-PCK-1: one recipient notified of a key subject's coming release.
struct ReleaseNotification {
  std::int64_t id = 0, person_id = 0;
  std::string release_date, recipient, contact, method, notified_on, note;  // recipient: township | police_station
  std::int64_t recipient_unit_id = 0;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // lists only
};
Result<std::int64_t> insert_release_notification(Connection& c, const ReleaseNotification& n);
// The notifications of the person's release on `release_date`, oldest first.
Result<std::vector<ReleaseNotification>> release_notifications_of(Connection& c, std::int64_t person_id,
                                                                  const std::string& release_date);

// R-PCK-1: persons in `scope` with a current-period notification task (R-PCK-1/notice, so key
// subjects on their release day) released between `from` and `to` (inclusive), by release date.
struct UpcomingReleaseRow {
  std::int64_t person_id = 0;
  std::string name, release_date, task_state, due;  // task_state as stored: open | done
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  std::optional<std::string> township_notified_on, police_notified_on;
};
Result<std::vector<UpcomingReleaseRow>> upcoming_releases(Connection& c, const domain::Scope& scope,
                                                          const std::string& from, const std::string& to, int limit);

}  // namespace anbang::store
