// Validation and derivation for the person file (一人一档), pure: the caller hands in today and
// lookups for the code tables. On success the record is normalised: ID number upper-cased, birth
// date and gender derived from a valid number (GB 11643), assistance end date computed (R-PER-1) by
// the function the caller hands in (the obligation engine's, with the dated policy).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/civil_date.hpp"
#include "domain/unit_tree.hpp"

namespace anbang::domain {

// What the user sent. Absent fields are nullopt (so "missing" differs from "empty").
struct PersonInput {
  std::optional<std::string> name, former_names, gender, ethnic_code, id_number, birth_date, education_code,
      household_address, residence_address, sentence_type, release_date, release_kind, releasing_authority,
      family_contact_name, family_contact_relation, family_contact_phone, phone;
  std::optional<bool> identity_verified;
  std::optional<std::int64_t> household_unit_id, residence_unit_id, sentence_months, version;
  std::optional<std::vector<std::int64_t>> charge_ids;
};

// The validated, normalised person (fields as stored).
struct ValidPerson {
  std::string name, former_names, gender;
  std::optional<std::string> ethnic_code, id_number;
  bool identity_verified = true;
  std::optional<std::string> birth_date, education_code;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  std::string household_address, residence_address;
  std::vector<std::int64_t> charge_ids;
  std::string sentence_type;
  std::optional<std::int64_t> sentence_months;
  std::string release_date, release_kind, releasing_authority, assistance_end_date;
  std::string family_contact_name, family_contact_relation, family_contact_phone, phone;
};

struct CodeLookups {
  std::function<bool(const std::string&)> ethnic_exists;
  std::function<bool(const std::string&)> education_exists;
  std::function<bool(std::int64_t)> charge_exists;
  // R-PER-1: the first day no longer under assistance for a release date and kind (the app passes
  // rules::assistance_end with the policy in force; the years are dated policy parameters).
  std::function<CivilDate(CivilDate, const std::string&)> assistance_end;
};

// Status computed from dates, never stored: in_custody (服刑中) before release, ended from the end date
// on, detained (羁押中) while a detention after release is open, else under_assistance.
std::string person_status(const std::string& release_date, const std::string& assistance_end_date,
                          const std::string& today, bool detained = false);

// Validates `in`. Errors carry the field at fault and a stable code (see api/openapi.yaml).
Result<ValidPerson> validate_person(const PersonInput& in, CivilDate today, const UnitTree& units,
                                    const CodeLookups& codes);

}  // namespace anbang::domain
