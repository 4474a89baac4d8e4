// Deterministic demo released persons for the demo database. Pure: no I/O, no clock, no std::
// distributions (their output differs between standard libraries); the same arguments give the same
// people on every platform.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "domain/civil_date.hpp"

namespace anbang::seed {

// A village or community unit people can live in.
struct DemoArea {
  int64_t unit_id = 0;
  std::string code;  // 12-digit village code, e.g. 500153101003
  std::string name;  // village/community name used in addresses, e.g. 仁义镇三奇村 or 昌元街道玉屏社区
  int64_t township_unit_id = 0;
};

struct DemoPerson {
  std::string name;
  std::vector<std::string> former_names;  // usually empty
  std::string gender;                     // GB/T 2261.1: "1" male, "2" female
  std::string ethnic_code;                // GB 3304, "01" 汉族
  std::string id_number;                  // valid GB 11643 number; empty when identity is unknown
  bool identity_verified = true;          // false exactly when id_number is empty (R-JUR-2)
  domain::CivilDate birth_date;           // as encoded in id_number, or as declared
  std::string education_code;             // GB/T 4658, see data/reference/education-levels.csv
  int64_t household_unit_id = 0;
  int64_t residence_unit_id = 0;  // differs from household_unit_id for 人户分离 (R-JUR-1)
  std::string household_address;
  std::string residence_address;
  std::string charge_name;    // verbatim from data/reference/charges.csv
  std::string sentence_type;  // "fixed_term" | "criminal_detention"
  int sentence_months = 0;
  domain::CivilDate release_date;  // may be up to 60 days after `today` (still in custody)
  std::string release_kind;        // "prison" | "detention_centre" | "community_correction"
  std::string releasing_authority;
  std::string family_contact_name;  // empty when unknown
  std::string family_contact_relation;
  std::string family_contact_phone;
  std::string phone;  // 11-digit mobile number; may be empty
};

// `count` people spread over `areas` (uniformly for the household place), released within the 6
// years before `today` (about 3 % in the 60 days after it). ID numbers are unique within the result.
// Person i depends only on (seed, i, areas, today) and on the ID numbers of persons before it, so a
// larger count extends a smaller one. Returns an empty vector when `areas` is empty or count ≤ 0.
std::vector<DemoPerson> generate_demo_people(const std::vector<DemoArea>& areas, int count,
                                             domain::CivilDate today, uint64_t seed);

}  // namespace anbang::seed
