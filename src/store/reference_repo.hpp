// SQL that loads the reference code tables (ethnic groups GB/T 3304, education GB/T 4658, charges
// by Criminal Law chapter) at bootstrap. Reading them: person_repo.hpp.
#pragma once
#include "store/db.hpp"

namespace anbang::store {

// Rows already in the ethnic-groups table (0 on a new database).
Result<std::int64_t> count_ethnic_groups(Connection& c);
Status insert_ethnic_group(Connection& c, const std::string& code, const std::string& name,
                           const std::string& letter_code);
Status insert_education_level(Connection& c, const std::string& code, const std::string& name,
                              const std::optional<std::string>& parent_code);
struct ChargeInput {
  std::string name;
  std::int64_t chapter = 0;
  std::string chapter_name;
  std::optional<std::int64_t> section;
  std::string section_name, article;
};
Status insert_charge(Connection& c, const ChargeInput& ch);

}  // namespace anbang::store
