// Linkage before release (R-LNK-1..4, §2.3.1). A detention centre or prison sends the
// 基本情况登记表 through the system, or a judicial office enters a paper one received by mail: the
// person's file is opened (or an existing file in custody linked) and the form goes to the judicial
// office of the household-registration township, which verifies and answers (三假 findings
// reclassify at once, R-CLS-3). The custody unit sends the release notice a month before release;
// the office answers with the reception arrangement. Family changes during the sentence go both
// ways (R-LNK-3) and a family in difficulty gets the township's help.
//
// How the caller reaches the person: a judicial office through its jurisdiction (guard); a custody
// unit through the registration form its unit sent for the person — and only for the documents of
// linkage, never the rest of the file.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/core/person_changed.hpp"
#include "domain/person_rules.hpp"
#include "store/document_repo.hpp"

namespace anbang::app {

class SupervisionService;

// How a linkage document arrived. electronic: sent by a custody unit's user through the system.
// mail (R-LNK-1 "or by mail"): a paper document a judicial office received and enters by hand; the
// sender is a custody unit of the system (sender_unit_id) or one outside it (sender_name), and the
// dates are those on the post (sent_on, optional) and of receipt (received_on).
struct ChannelInput {
  std::string channel = "electronic";  // electronic | mail
  std::optional<std::int64_t> sender_unit_id;
  std::string sender_name, sent_on, received_on;
};

struct RegistrationFormInput {
  domain::PersonInput person;  // release_date = the expected end of the sentence
  std::string received_into_custody;
  std::string form = "{}";  // the other fields of the form (JSON object), kept as sent
  ChannelInput via;
};

struct VerificationInput {
  std::string false_name, false_identity, false_address;  // confirmed | suspected | cleared
  std::string family_situation, children_situation, verifying_officer, sent_on;
  // R-CLS-2 三无 factors found by the verification (absent = not assessed).
  std::optional<bool> no_home, no_job, no_relatives;
};

struct ReleaseNoticeInput {
  std::int64_t form_id = 0;  // the registration form this custody unit sent for the person
  std::string release_date, place, conduct, officer;
  std::string risk_level;             // high | medium | low
  bool reoffending_tendency = false;  // the assessment finds an obvious tendency to re-offend
  std::string data = "{}";            // factors and assistance suggestions, as sent (JSON object)
  ChannelInput via;                   // mail: entered by the judicial office the form went to
};

struct ReceptionInput {
  std::string pickup_by, planned_date, contact, contact_phone, sent_on;  // pickup_by: township_team | family
};

// R-LNK-3: a major change to the person or the family during the sentence.
struct FamilyChangeInput {
  std::string occurred_on, summary, needs;
  bool family_in_difficulty = false, children_in_difficulty = false;
};

struct FamilyHelpInput {
  std::string given_on, help, helpers;
};

struct FamilyChangeView {
  store::Document change;
  std::vector<store::Document> help;  // the help recorded for it, oldest first
};

struct DocumentQuery {
  std::string box = "inbox";  // inbox (received by my unit) | sent (sent by my unit)
  std::string kind;
  int page = 1, page_size = 20;
};

struct DocumentPage {
  std::vector<store::Document> items;  // persons outside the viewer's reach: name and data withheld
  std::int64_t total = 0;
};

struct DocumentDetail {
  store::Document document;
  std::vector<store::Document> history;  // the versions it replaced, newest first
  std::vector<store::Document> replies;  // answers to it (or to a version it replaced), oldest first
  std::optional<store::Document> answered;  // for an answer: the document it answers
};

// The answer of the caller's unit to `to` (a feedback, an arrangement, help): about the same person,
// sent back to its sender, sent and received on `day`.
inline store::Document reply_to(const store::Document& to, std::string kind, const AuthedCtx& ctx,
                                const std::string& day) {
  store::Document d;
  d.kind = std::move(kind);
  d.person_id = to.person_id;
  d.sender_unit_id = ctx.actor.unit_id;
  d.receiver_unit_id = to.sender_unit_id;
  d.replies_to = to.id;
  d.sent_on = d.received_on = day;
  return d;
}

class LinkageService {
 public:
  LinkageService(Core& core, SupervisionService& supervision) : core_(core), supervision_(supervision) {}

  Result<store::Document> send_registration_form(const AuthedCtx& ctx, const RegistrationFormInput& in);
  // R-PER-1 / R-LNK-1: a registration form for a person released and not yet out of assistance is a
  // report of new custody; the household-registration judicial office confirms it, which ends the
  // running period (supervision).
  Result<store::Document> confirm_new_custody(const AuthedCtx& ctx, std::int64_t form_id);
  Result<store::Document> send_verification(const AuthedCtx& ctx, std::int64_t form_id, const VerificationInput& in);
  Result<store::Document> send_release_notice(const AuthedCtx& ctx, const ReleaseNoticeInput& in);
  // R-LNK-4: the sender replaces its notice with a corrected one and a required reason; the first is
  // kept (superseded_by, the reason on the correction). 404 DOCUMENT_NOT_FOUND unless the caller's
  // unit sent it (or, entered from mail, received it); 409 DOCUMENT_SUPERSEDED on a replaced one.
  Result<store::Document> correct_release_notice(const AuthedCtx& ctx, std::int64_t notice_id,
                                                 const ReleaseNoticeInput& in, const std::string& reason);
  // The same 404 as correct_release_notice, for routes to call before reading a body.
  Status check_correctable(const AuthedCtx& ctx, std::int64_t notice_id);
  // One document with its history (the versions it replaced, newest first) and the answers to it, for
  // the unit that sent or received it (a custody unit reads the feedback and arrangement it got), or
  // a reader whose jurisdiction covers the person. 404 DOCUMENT_NOT_FOUND otherwise. Audited.
  Result<Audited<DocumentDetail>> document(const AuthedCtx& ctx, std::int64_t id);
  Result<store::Document> send_reception(const AuthedCtx& ctx, std::int64_t notice_id, const ReceptionInput& in);
  Result<Audited<DocumentPage>> list_documents(const AuthedCtx& ctx, const DocumentQuery& q);
  // 404 DOCUMENT_NOT_FOUND unless the document is of `kind` and the caller may answer it (addressed
  // to the caller's unit and the person in its jurisdiction). Routes call it before reading a body.
  Status check_answerable(const AuthedCtx& ctx, std::int64_t id, const std::string& kind);

  // R-LNK-3: the report (either side), the township's help, and the person's changes.
  Result<store::Document> send_family_change(const AuthedCtx& ctx, std::int64_t person_id,
                                             const FamilyChangeInput& in);
  Result<store::Document> record_family_help(const AuthedCtx& ctx, std::int64_t change_id, const FamilyHelpInput& in);
  Result<Audited<std::vector<FamilyChangeView>>> family_changes(const AuthedCtx& ctx, std::int64_t person_id);

 private:
  struct Arrival {
    bool mail = false;
    std::optional<std::int64_t> sender_unit_id;
    std::string sender_label, sent_on, received_on;
  };
  Result<std::string_view> correcting_permission(const AuthedCtx& ctx, std::int64_t notice_id);
  Result<Arrival> arrival(const AuthedCtx& ctx, const ChannelInput& via) const;
  // Files a document entered by the caller now (sets who and when), returns it with its id.
  Result<store::Document> file(PersonWrite& w, store::Document d, const std::string& person_name);

  Core& core_;
  SupervisionService& supervision_;
};

}  // namespace anbang::app
