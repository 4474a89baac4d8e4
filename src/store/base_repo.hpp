// Transitional resettlement bases (R-BASE-1): bases, their agreements and the placements of persons,
// and human resources' skills trainings with their enrolments (R-EMP-2). Issue 9, helper C.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

struct BaseRow {
  std::int64_t id = 0;
  std::string kind;  // district | enterprise
  std::int64_t unit_id = 0;
  std::string name, enterprise, address, contact_name, contact_phone, note;
  std::int64_t created_at = 0;
  std::int64_t occupied = 0;  // active placements (filled by the readers that say so)
};

struct AgreementRow {
  std::int64_t id = 0, base_id = 0;
  std::string signed_on, valid_from, valid_to;
  std::int64_t capacity = 0;
  std::string services;  // comma-separated
  std::int64_t created_at = 0;
};

struct PlacementRow {
  std::int64_t id = 0, base_id = 0, person_id = 0;
  std::string placed_on;
  std::optional<std::string> ended_on;
  std::string end_reason, note;
  std::int64_t unit_id = 0, created_at = 0;
  // Joined for the readers: the person's name and places (scope, R-JUR-1), the base's name.
  std::string person_name;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  std::string base_name;
};

Result<std::int64_t> insert_base(Connection& c, const BaseRow& b, std::int64_t user_id);
Status update_base(Connection& c, const BaseRow& b);
Result<std::optional<BaseRow>> find_base(Connection& c, std::int64_t id);
// Every base with its active placements counted, district base first, then by name.
Result<std::vector<BaseRow>> all_bases(Connection& c);

Result<std::int64_t> insert_agreement(Connection& c, const AgreementRow& a, std::int64_t user_id);
// A base's agreements by valid_from.
Result<std::vector<AgreementRow>> base_agreements(Connection& c, std::int64_t base_id);
// Every agreement of every base (for the list and the R-BASE-1 unit facts).
Result<std::vector<AgreementRow>> all_agreements(Connection& c);

// The active placements of a base (call inside the write transaction that inserts one).
Result<std::int64_t> count_active_placements(Connection& c, std::int64_t base_id);
Result<std::int64_t> insert_placement(Connection& c, const PlacementRow& p, std::int64_t user_id);
Status end_placement(Connection& c, std::int64_t id, const std::string& ended_on, const std::string& reason,
                     std::int64_t user_id);
Result<std::optional<PlacementRow>> find_placement(Connection& c, std::int64_t id);
Result<std::optional<PlacementRow>> active_placement_of(Connection& c, std::int64_t person_id);
// A base's placements, active first, then newest.
Result<std::vector<PlacementRow>> base_placements(Connection& c, std::int64_t base_id);
Result<std::vector<PlacementRow>> person_placements(Connection& c, std::int64_t person_id);
// R-BASE-1 for the resettlement status (安置情况): which of `person_ids` are in a base on `day`
// (placed_on <= day and not ended on or before it). One query per 500 ids.
Result<std::set<std::int64_t>> persons_in_base_on(Connection& c, const std::vector<std::int64_t>& person_ids,
                                                  const std::string& day);

struct TrainingRow {
  std::int64_t id = 0, unit_id = 0;
  std::string programme, provider, address, starts_on, ends_on;
  std::int64_t places = 0;
  std::string note;
  std::int64_t created_at = 0;
  std::int64_t enrolled = 0;  // filled by the readers that say so
};

struct EnrolmentRow {
  std::int64_t id = 0, training_id = 0, person_id = 0, unit_id = 0;
  std::optional<bool> attended;
  std::string certificate;
  std::int64_t created_at = 0;
  // Joined: the person's name, ID number (masked by the view) and places (scope).
  std::string person_name, id_number;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  // Joined for the file: the training.
  std::string programme, provider, starts_on, ends_on;
};

Result<std::int64_t> insert_training(Connection& c, const TrainingRow& t, std::int64_t user_id);
Status update_training(Connection& c, const TrainingRow& t);
Result<std::optional<TrainingRow>> find_training(Connection& c, std::int64_t id);
// Every training with its enrolments counted, newest first.
Result<std::vector<TrainingRow>> all_trainings(Connection& c);
// First days of the trainings of `unit_id` (R-EMP-2 facts).
Result<std::vector<std::string>> training_days(Connection& c, std::int64_t unit_id);
Result<std::int64_t> count_enrolments(Connection& c, std::int64_t training_id);
Result<std::int64_t> insert_enrolment(Connection& c, const EnrolmentRow& e, std::int64_t user_id);
Result<std::optional<EnrolmentRow>> find_enrolment(Connection& c, std::int64_t id);
Status set_attendance(Connection& c, std::int64_t id, bool attended, const std::string& certificate, std::int64_t now);
Result<std::vector<EnrolmentRow>> training_enrolments(Connection& c, std::int64_t training_id);
Result<std::vector<EnrolmentRow>> person_enrolments(Connection& c, std::int64_t person_id);

}  // namespace anbang::store
