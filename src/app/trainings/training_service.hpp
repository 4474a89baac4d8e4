// Skills trainings of human resources (R-EMP-2, §2.4.2; issue 9 helper C). The human resources
// department (the department unit hr_social_security, training:manage) records its free targeted
// trainings (dates, programme, provider, places) and, for the persons enrolled, attendance and the
// certificate; the judicial offices and the district (training:enrol) enrol the persons they reach
// through the guard, never beyond the places (the count and the insert in one write transaction).
// Human resources sees of an enrolled person only the name and the masked ID number, and reaches the
// person's records for exactly one write: the attendance of an enrolment in one of its trainings
// (record_attendance says so). The yearly R-EMP-2 task (skills_trainings_per_year) is computed live
// (rules/bases.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/obligations/obligation_service.hpp"
#include "store/base_repo.hpp"

namespace anbang::app {

struct TrainingInput {
  std::string programme, provider, address, starts_on, ends_on, note;
  std::int64_t places = 0;
};

struct AttendanceInput {
  bool attended = true;
  std::string certificate;  // the certificate's number, only with attended
};

struct TrainingDetail {
  store::TrainingRow training;
  std::vector<store::EnrolmentRow> enrolments;  // human resources: all; others: those they reach
  std::int64_t others = 0;                      // enrolments of persons the caller does not reach
};

class TrainingService {
 public:
  TrainingService(Core& core, ObligationService& obligations) : core_(core), obligations_(obligations) {}

  // Every training, newest first (training:manage of human resources, or training:enrol).
  Result<std::vector<store::TrainingRow>> list(const AuthedCtx& ctx);
  Result<TrainingDetail> get(const AuthedCtx& ctx, std::int64_t id);
  Result<std::int64_t> create(const AuthedCtx& ctx, const TrainingInput& in);
  // Places never below the persons enrolled (PLACES_BELOW_ENROLLED).
  Status update(const AuthedCtx& ctx, std::int64_t id, const TrainingInput& in);

  // training:enrol; the person through the guard; TRAINING_ENDED after its last day, TRAINING_FULL,
  // ALREADY_ENROLLED.
  Result<std::int64_t> enrol(const AuthedCtx& ctx, std::int64_t training_id, std::int64_t person_id);
  // Human resources only (training:manage): attended or not, and the certificate; once the training
  // has begun (TRAINING_NOT_STARTED). May be corrected.
  Status record_attendance(const AuthedCtx& ctx, std::int64_t enrolment_id, const AttendanceInput& in);
  // The file's 技能培训 section (person:read).
  Result<Audited<std::vector<store::EnrolmentRow>>> person_trainings(const AuthedCtx& ctx, std::int64_t person_id);
  // R-EMP-2: the yearly tasks of human resources (its users, and district users; task:read or
  // training:manage). Empty for others.
  Result<std::vector<PersonTask>> tasks(const AuthedCtx& ctx);

 private:
  Result<std::int64_t> hr_unit(const AuthedCtx& ctx) const;  // NOT_HUMAN_RESOURCES for other units
  Core& core_;
  ObligationService& obligations_;
};

}  // namespace anbang::app
