// SQL for the person file (一人一档). Every query here takes the caller's Scope and adds its
// predicate (scope_predicate): this is the one place where jurisdiction reaches SQL.
#pragma once
#include "domain/scope.hpp"
#include "store/db.hpp"

namespace anbang::store {

struct PersonRecord {
  std::int64_t id = 0;
  std::string name;
  std::string former_names;
  std::string pinyin_keys;
  std::string gender;
  std::optional<std::string> ethnic_code;
  std::optional<std::string> id_number;
  bool identity_verified = true;
  std::optional<std::string> birth_date;
  std::optional<std::string> education_code;
  std::int64_t household_unit_id = 0;
  std::string household_address;
  std::int64_t residence_unit_id = 0;
  std::string residence_address;
  std::vector<std::int64_t> charge_ids;
  std::string sentence_type;
  std::optional<std::int64_t> sentence_months;
  std::string release_date;
  std::string release_kind;
  std::string releasing_authority;
  std::string assistance_end_date;
  std::string family_contact_name;
  std::string family_contact_relation;
  std::string family_contact_phone;
  std::string phone;
  std::int64_t version = 1;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct PersonFilter {
  std::string name_like;               // substring of name or former names
  std::string pinyin_prefix;           // word prefix in pinyin_keys
  std::string id_prefix;               // prefix of the ID number
  std::vector<std::int64_t> unit_ids;  // household or residence unit among these (empty = any)
  std::string status;                  // in_custody | under_assistance | detained | ended | "" ; needs today
  std::string today;
  std::string released_from, released_to;
  std::optional<bool> identity_verified;
  std::optional<bool> separated;
  std::optional<bool> key_subject;  // R-CLS-1: the current class (persons.key_subject)
  // 安置情况 (persons.resettlement, domain/resettlement): a status code, or "resettled" for any but
  // not_resettled; "" = any.
  std::string resettlement;
  std::string sort = "id";  // whitelisted column
  bool descending = false;
  int page = 1, page_size = 20;
};

struct PersonListItem {
  std::int64_t id = 0;
  std::string name, gender;
  std::optional<std::string> id_number, birth_date;
  bool identity_verified = true;
  std::int64_t household_unit_id = 0, residence_unit_id = 0;
  std::string release_date, release_kind, assistance_end_date;
  std::string main_charge;
  bool detained = false;  // an open detention after release (status 羁押中)
  bool key_subject = false;  // R-CLS-1: the current class
  std::string resettlement, resettlement_reason;  // 安置情况 as derived (domain/resettlement)
};

// "(p.household_unit_id IN (?,…) OR p.residence_unit_id IN (?,…))" for the scope; "1=0" for none.
std::string scope_predicate(const domain::Scope& scope, Params& params);

Result<std::optional<PersonRecord>> find_person(Connection& c, const domain::Scope& scope, std::int64_t id);
Result<std::pair<std::vector<PersonListItem>, std::int64_t>> search_persons(Connection& c,
                                                                            const domain::Scope& scope,
                                                                            const PersonFilter& f);
// Streams every matching row (no paging) to `fn`, for exports.
Status each_person(Connection& c, const domain::Scope& scope, const PersonFilter& f,
                   const std::function<void(const PersonListItem&)>& fn);
Result<std::int64_t> insert_person(Connection& c, const PersonRecord& p);
// Updates when the stored version equals p.version; returns false on a version mismatch.
Result<bool> update_person(Connection& c, const PersonRecord& p);

// Who holds a person with this ID number (ignores scope: used for the duplicate message only).
struct IdHolder {
  std::int64_t person_id;
  std::int64_t household_unit_id;
  std::int64_t residence_unit_id;
};
Result<std::optional<IdHolder>> find_id_holder(Connection& c, const std::string& id_number);

struct ChargeRow {
  std::int64_t id;
  std::string name;
  int chapter;
  std::string chapter_name;
  std::optional<std::int64_t> section;
  std::string section_name, article;
};
Result<std::vector<ChargeRow>> list_charges(Connection& c);
Result<std::vector<std::pair<std::string, std::string>>> list_code_table(Connection& c,
                                                                         const std::string& table);

struct PersonEvent {
  std::int64_t id = 0, person_id = 0, at = 0;
  std::string kind;
  std::optional<std::int64_t> user_id, unit_id;
  std::string user_name, unit_name;
  std::string summary, detail;  // summary: text of entries from before codes (V005)
  std::string code;             // message code the web app renders, e.g. "custody.detention"
  std::string params = "{}";    // its parameters (JSON object text)
};
Status insert_person_event(Connection& c, const PersonEvent& e);
Result<std::vector<PersonEvent>> list_person_events(Connection& c, std::int64_t person_id);
// The charges of a person (R-CLS-1 reads them), whoever may see the person: the caller checked.
Result<std::vector<std::int64_t>> person_charge_ids(Connection& c, std::int64_t person_id);

}  // namespace anbang::store
