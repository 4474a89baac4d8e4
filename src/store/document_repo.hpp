// SQL for linkage documents (R-LNK-1..4) and the classification history (R-CLS-3).
#pragma once
#include "store/db.hpp"

namespace anbang::store {

struct Document {
  std::int64_t id = 0;
  std::string kind;
  int form_version = 1;
  std::optional<std::int64_t> person_id, sender_unit_id, receiver_unit_id, replies_to;
  std::string channel = "electronic";
  std::optional<std::string> event_date, sent_on, received_on;
  std::string data = "{}";  // JSON
  std::optional<std::int64_t> entered_by;
  std::int64_t created_at = 0;
  // A correction (R-LNK-4 release notices): the new document names the one it replaces and why; the
  // replaced one is kept, with superseded_by set.
  std::optional<std::int64_t> supersedes, superseded_by;
  std::optional<std::string> correction_reason;
  // Read-only extras of lists:
  std::string person_name;
  std::optional<std::string> answered_on;  // sent_on of the first reply
  std::optional<std::int64_t> answered_by;  // the unit that sent the first reply
  std::int64_t person_household_unit_id = 0, person_residence_unit_id = 0;
  // A registration form: the day the first release notice of the same person after it was sent.
  std::optional<std::string> release_notice_sent_on;
};

Result<std::int64_t> insert_document(Connection& c, const Document& d);
Result<std::optional<Document>> find_document(Connection& c, std::int64_t id);
// Marks `id` as replaced by `by`; DOCUMENT_SUPERSEDED (conflict) if it already was.
Status set_superseded(Connection& c, std::int64_t id, std::int64_t by);

struct DocumentFilter {
  std::vector<std::int64_t> receiver_unit_ids, sender_unit_ids;  // either list limits the box
  std::string kind;
  std::optional<std::int64_t> person_id;
  int page = 1, page_size = 20;
};
Result<std::pair<std::vector<Document>, std::int64_t>> list_documents(Connection& c, const DocumentFilter& f);
// The sender of the person's latest registration form: nullopt without a form, or a form from
// outside the system (inner nullopt).
Result<std::optional<std::optional<std::int64_t>>> latest_form_sender(Connection& c, std::int64_t person_id);
// The documents of a person, oldest first.
Result<std::vector<Document>> person_documents(Connection& c, std::int64_t person_id);

// One row of a person's class history (R-CLS-3). `code` is 'class.key' | 'class.general' and
// `detail` the JSON array of the reasons it names; rows written before codes carry code '' and their
// Chinese text in `reason`.
struct ClassChange {
  std::int64_t person_id = 0;
  std::string from_date;
  bool key = false;
  std::string reason, detail;
  std::int64_t created_at = 0;
  std::string code;
};
Status insert_class_change(Connection& c, const ClassChange& ch);
Result<std::vector<ClassChange>> class_history(Connection& c, std::int64_t person_id);
Status set_key_subject(Connection& c, std::int64_t person_id, bool key);

}  // namespace anbang::store
