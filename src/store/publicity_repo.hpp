// Publicity (R-PUB-1): good practices of units, exemplary cases of persons, and the persons'
// recorded consents.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace anbang::store {

struct ConsentRow {
  std::int64_t id = 0, person_id = 0;
  std::string given_on, scope;
  std::optional<std::string> valid_until;
  std::string note;
  std::int64_t created_at = 0;
};

struct PublicityRow {
  std::int64_t id = 0;
  std::string kind;  // good_practice | exemplary_case
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> person_id;
  std::string category, title, body, happened_on, channel, state, public_title, public_text;
  std::optional<std::int64_t> published_by, published_at;
  std::string published_by_name;
  std::int64_t user_id = 0, created_at = 0;
  // The person's units (exemplary cases), for the reader's scope.
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
};

Result<std::int64_t> insert_consent(Connection& c, const ConsentRow& r, std::int64_t user_id);
Result<std::vector<ConsentRow>> person_consents(Connection& c, std::int64_t person_id);

Result<std::int64_t> insert_publicity(Connection& c, const PublicityRow& r);
Result<std::optional<PublicityRow>> find_publicity(Connection& c, std::int64_t id);
// Every item, newest first (the caller filters by scope).
Result<std::vector<PublicityRow>> all_publicity(Connection& c);
Status publish_item(Connection& c, std::int64_t id, const std::string& public_title, const std::string& public_text, std::int64_t user_id,
                    std::int64_t now);
Status delete_publicity(Connection& c, std::int64_t id);

}  // namespace anbang::store
