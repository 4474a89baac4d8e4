// SQL of issue 9 item 1, the needs list (needs, need_updates), and of R-INS-1, social insurance
// (insurance_entries, insurance_civil_servant). Every table is append-only but for nothing: a status
// change is a new row, the current one is the latest by date, then id.
#pragma once
#include "domain/scope.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct NeedUpdateRow {
  std::int64_t id = 0, need_id = 0;
  std::string on_date;
  std::optional<std::string> status, link_kind;
  std::string action;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // reads only
};

struct NeedRow {
  std::int64_t id = 0, person_id = 0;
  std::string category, raised_on, source;
  std::optional<std::int64_t> source_id;
  std::string note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  // reads only
  std::string status, status_on, user_name;
  std::vector<NeedUpdateRow> updates;  // oldest first (person reads only)
};

Result<std::int64_t> insert_need(Connection& c, const NeedRow& n);
Result<std::int64_t> insert_need_update(Connection& c, const NeedUpdateRow& u);
// The person's needs with their current status and every update, by category then raise date.
Result<std::vector<NeedRow>> person_needs(Connection& c, std::int64_t person_id);
// One need of the person with its current status (no updates).
Result<std::optional<NeedRow>> find_need(Connection& c, std::int64_t need_id, std::int64_t person_id);
// The registration's initial needs (registrations.needs, keys set to true) that are not needs yet
// become open needs raised on the registration day; idempotent (the migration runs the same).
// registration_id given: only that registration. Returns the number of needs raised.
Result<std::int64_t> backfill_registration_needs(Connection& c, std::optional<std::int64_t> registration_id);

// The unit list: needs still open or being addressed of persons under assistance in `scope`.
struct OpenNeedsFilter {
  std::string today, category;  // category "" = every category
  std::vector<std::int64_t> unit_ids;  // the household or residence unit in these (empty: all)
  int page = 1, page_size = 20;
};
struct OpenNeedRow {
  std::int64_t need_id = 0, person_id = 0;
  std::string person_name, category, status, raised_on, source, last_action_on, last_action;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
};
Result<std::pair<std::vector<OpenNeedRow>, std::int64_t>> open_needs(Connection& c, const domain::Scope& scope,
                                                                     const OpenNeedsFilter& f);
// Counts of open needs by category for the same filter (category ignored).
Result<std::vector<std::pair<std::string, std::int64_t>>> open_need_counts(Connection& c, const domain::Scope& scope,
                                                                           const OpenNeedsFilter& f);

struct InsuranceEntryRow {
  std::int64_t id = 0, person_id = 0;
  std::string scheme, status;
  std::optional<std::string> step;
  std::string on_date, place, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // reads only
};
struct CivilServantRow {
  std::int64_t id = 0, person_id = 0;
  bool former_civil_servant = false;
  std::string on_date, note;
  std::optional<std::int64_t> unit_id, user_id;
  std::int64_t created_at = 0;
  std::string user_name;  // reads only
};
Result<std::int64_t> insert_insurance_entry(Connection& c, const InsuranceEntryRow& e);
Result<std::int64_t> insert_civil_servant(Connection& c, const CivilServantRow& r);
// The person's entries, oldest first (by date, then id).
Result<std::vector<InsuranceEntryRow>> person_insurance(Connection& c, std::int64_t person_id);
Result<std::vector<CivilServantRow>> person_civil_servant(Connection& c, std::int64_t person_id);

}  // namespace anbang::store
