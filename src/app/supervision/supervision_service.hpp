// Supervision after release (§2.3.2–§2.3.4, R-PCK, R-REG, R-VIS, R-REV, R-PER-1, R-JUR-1/2): pick-up,
// registration, follow-up visits and reviews, custody after release and the assistance periods, and
// transfers between units (a move is a request the receiving side accepts; nothing changes before).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/core/person_changed.hpp"
#include "store/period_repo.hpp"
#include "store/supervision_repo.hpp"
#include "store/transfer_repo.hpp"

namespace anbang::app {

// One member of the pick-up party (R-PCK-1/2): a key subject's by comprehensive_governance, police
// or judicial staff; a general subject's by a family_member or a village_representative.
struct PickupParty {
  std::string name, unit, role;  // unit: the unit, or the relation for a family member
};

struct PickupInput {
  std::string picked_on, place, team, kind;  // kind: township_team | family
  // Details (issue 8, src/app/supervision/pickup.cpp); all optional but next_steps for a failed one.
  std::vector<PickupParty> party;
  std::string vehicle, picked_at;  // picked_at: HH:MM
  std::optional<std::int64_t> headcount;
  std::optional<bool> handover_signed;
  std::string handover_by;     // who signed the handover at the prison or detention centre
  std::string outcome = "met";  // met | not_met (the person was not met: does not fulfil R-PCK)
  std::string next_steps;      // required when not_met
};

struct RegistrationInput {
  std::string registered_on, certificate_no, needs;  // needs: JSON object text
  bool policies_explained = false;
};

// A correction of the registration of the current release: the fields as they should be and the
// reason, which is required and kept.
struct RegistrationCorrection {
  RegistrationInput registration;
  std::string reason;
};

// The person's pick-ups, registration and follow-ups of the current period, newest first, and the
// registration (if done) the file offers to correct instead of registering again.
struct RecordsView {
  std::vector<store::RecordRow> items;
  std::optional<store::RegistrationRow> registration;
};

struct TransferInput {
  std::string kind = "residence";  // residence | household | identity_established
  std::int64_t to_unit_id = 0;
  std::string reason;
  // The address at the new unit: required when the household registration moves (household,
  // identity_established), optional for a residence move; applied when the transfer is accepted.
  std::string new_address;
};

// R-PCK-1: the household-registration judicial office notified the township government and/or
// the police station of a key subject's coming release.
struct ReleaseNotificationInput {
  std::string notified_on, method, contact, note;  // method: phone | document | meeting | in_person
  std::vector<std::string> recipients;             // township | police_station (one or both)
};

// R-PCK-1: a key subject whose release is near, as the township and the police station see it.
struct UpcomingRelease {
  std::int64_t person_id = 0;
  std::string name, release_date, task_state;  // task_state: open | overdue | done
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  std::optional<std::string> township_notified_on, police_notified_on;
};

// R-PER-1: custody after release. kind detention: days in custody do not count, the period goes
// on (to_date when known). kind new_sentence: the period ends on from_date; the person is in custody
// again until expected_release_date, when a new period starts.
struct CustodyInput {
  std::string kind, from_date, to_date, expected_release_date, release_kind, note;
};

struct PeriodsView {
  store::PeriodRow current;  // the period of the person's current release date
  std::vector<store::PeriodRow> earlier;
  std::vector<store::CustodyRow> custody;
};

class SupervisionService {
 public:
  explicit SupervisionService(Core& core) : core_(core) {}

  Status record_pickup(const AuthedCtx& ctx, std::int64_t person_id, const PickupInput& in);
  Status record_registration(const AuthedCtx& ctx, std::int64_t person_id, const RegistrationInput& in);
  // R-REG-1: 404 REGISTRATION_NOT_FOUND without a registration; FIELD_REQUIRED (reason) without a reason.
  Status correct_registration(const AuthedCtx& ctx, std::int64_t person_id, const RegistrationCorrection& in);
  Result<Audited<RecordsView>> records(const AuthedCtx& ctx, std::int64_t person_id);

  Result<std::int64_t> record_custody(const AuthedCtx& ctx, std::int64_t person_id, const CustodyInput& in);
  Status end_custody(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t custody_id, const std::string& to_date);
  Result<Audited<PeriodsView>> periods(const AuthedCtx& ctx, std::int64_t person_id);
  // R-PER-1: a new sentence from `from` ends the person's current period (if it still runs) and sets
  // the expected release of the new custody; tasks of the old period are kept as they were. In the
  // caller's write (which reached the person its own way).
  Status start_new_sentence(PersonWrite& w, store::PersonRecord p, domain::CivilDate from, domain::CivilDate release,
                            const std::string& release_kind, const std::string& source);

  Result<store::Transfer> request_transfer(const AuthedCtx& ctx, std::int64_t person_id, const TransferInput& in);
  Result<Audited<std::vector<store::Transfer>>> list_transfers(const AuthedCtx& ctx, bool incoming,
                                                               const std::string& state);
  Result<store::Transfer> decide_transfer(const AuthedCtx& ctx, std::int64_t id, bool accept, const std::string& note);
  // Withdraws a pending transfer: only the sending side (a user whose jurisdiction covers the unit
  // the person is moved from, and who reaches the person), only while pending; state withdrawn.
  Result<store::Transfer> withdraw_transfer(const AuthedCtx& ctx, std::int64_t id, const std::string& note);
  // The person's transfers, newest first (the file's 转移 section).
  Result<Audited<std::vector<store::Transfer>>> person_transfers(const AuthedCtx& ctx, std::int64_t person_id);

  // R-PCK-1: records the notification (one row per recipient) on the person's file; only the
  // household-registration judicial office (or the district), only before or on the release day.
  Result<std::vector<store::ReleaseNotification>> record_release_notification(const AuthedCtx& ctx,
                                                                              std::int64_t person_id,
                                                                              const ReleaseNotificationInput& in);
  Result<Audited<std::vector<store::ReleaseNotification>>> release_notifications(const AuthedCtx& ctx,
                                                                                std::int64_t person_id);
  // R-PCK-1: the key subjects of the caller's jurisdiction released from today to
  // release_notice_months_before months ahead (the notification's window), with the state of the
  // notification task and the first notification of each recipient.
  Result<Audited<std::vector<UpcomingRelease>>> upcoming_releases(const AuthedCtx& ctx);

 private:
  Core& core_;
};

}  // namespace anbang::app
