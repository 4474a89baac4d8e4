// The person file (一人一档): search, read, create, update, timeline and the roster export. Every
// path goes through the guard; a person outside the caller's jurisdiction answers PERSON_NOT_FOUND
// (404), so existence does not leak. Reads carry their access record, changes their change record
// and timeline entry (core/person_changed.hpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "domain/person_rules.hpp"
#include "store/person_repo.hpp"

namespace anbang::app {

struct PersonView {
  store::PersonRecord record;
  std::string status;
  std::vector<store::ChargeRow> charges;
};

struct PersonPage {
  std::vector<store::PersonListItem> items;
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

struct PersonQuery {
  std::string q;
  std::optional<std::int64_t> unit_id;
  std::string status, released_from, released_to, sort = "id", order = "asc";
  std::optional<bool> identity_verified, separated, key_subject;
  std::string resettlement;  // 安置情况: a status code of domain/resettlement or "resettled"
  int page = 1, page_size = 20;
};

struct Export {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

// The stored form of a validated person (pinyin search keys computed).
store::PersonRecord record_from(const domain::ValidPerson& v);
// "张三 500153********1234": the label of a person in audit records.
std::string person_label(const store::PersonRecord& p);

class PersonService {
 public:
  explicit PersonService(Core& core) : core_(core) {}

  Result<Audited<PersonPage>> search(const AuthedCtx& ctx, const PersonQuery& q);
  Result<Audited<PersonView>> read(const AuthedCtx& ctx, std::int64_t id);
  Result<PersonView> create(const AuthedCtx& ctx, const domain::PersonInput& in);
  // `keep_id_number`: the stored ID number stays (the edit form, which shows it masked, left it
  // alone); otherwise in.id_number replaces it (none: the file has no number).
  Result<PersonView> update(const AuthedCtx& ctx, std::int64_t id, const domain::PersonInput& in,
                            bool keep_id_number = false);
  // The full ID number of a file (person:read and person:id_full, in jurisdiction), audited as its own
  // access record "id_unmask" — never folded into the page view's read. Everyone else, and these
  // users by default, see ID numbers masked (http/views.cpp, the roster export).
  Result<Audited<std::optional<std::string>>> id_number(const AuthedCtx& ctx, std::int64_t id);
  Result<Audited<std::vector<store::PersonEvent>>> timeline(const AuthedCtx& ctx, std::int64_t id);
  // The roster (花名册, R-ARC-2) as xlsx, over the same filters and scope as the search; the file is
  // handed out only once the export is on record. ID numbers are full only for person:id_full, and
  // the record says which (detail "id_numbers": "full" or "masked").
  // The roster as xlsx, worded in `locale` ("zh-CN" | "en") from the web app's export.json.
  Result<Export> export_roster(const AuthedCtx& ctx, const PersonQuery& q, std::string_view locale = "zh-CN");

  // The view of a stored person (status today, charges); `detained`: an open detention (R-PER-1).
  PersonView view(store::PersonRecord rec, domain::CivilDate today, bool detained = false) const;

 private:
  Result<store::PersonFilter> filter(const AuthedCtx& ctx, const PersonQuery& q) const;
  Status duplicate_id_check(store::Connection& c, const std::optional<std::string>& id_number,
                            std::int64_t self_id) const;
  void audit_duplicate_probe(const AuthedCtx& ctx, const Error& e, const std::optional<std::string>& id_number);

  Core& core_;
};

}  // namespace anbang::app
