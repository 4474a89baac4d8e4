// SQL for transfers between units (R-JUR-1, R-JUR-2).
#pragma once
#include "store/db.hpp"

namespace anbang::store {

struct Transfer {
  std::int64_t id = 0, person_id = 0;
  std::string kind;  // residence | household | identity_established
  std::int64_t from_unit_id = 0, to_unit_id = 0;
  std::string state = "pending", reason, decision_note;  // state: pending | accepted | rejected | withdrawn
  std::string new_address;  // the address at the new unit (applied when accepted)
  std::optional<std::int64_t> requested_by, decided_by, decided_at;
  std::int64_t requested_at = 0;
  std::string person_name, person_id_number;  // lists only
};

Result<std::int64_t> insert_transfer(Connection& c, const Transfer& t);
Result<std::optional<Transfer>> find_transfer(Connection& c, std::int64_t id);
Result<std::optional<Transfer>> pending_transfer_of(Connection& c, std::int64_t person_id);
Status decide_transfer(Connection& c, std::int64_t id, const std::string& state, std::optional<std::int64_t> user_id,
                       std::int64_t at, const std::string& note);
// The person's transfers, newest first.
Result<std::vector<Transfer>> transfers_of(Connection& c, std::int64_t person_id);
// Transfers whose `to_unit_id` (incoming) or `from_unit_id` (outgoing) is one of `unit_ids`.
Result<std::vector<Transfer>> list_transfers(Connection& c, bool incoming,
                                             const std::vector<std::int64_t>& unit_ids,
                                             const std::string& state);

}  // namespace anbang::store
