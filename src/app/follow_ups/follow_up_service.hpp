// Follow-ups (§2.3.4): the visit log (R-VIS-1/2, R-LOST-1) and the township's full reviews of key
// subjects (R-REV-1) with their confirmation (R-CLS-3). Each needs the person released and out of
// custody on its day and a day within the back-dating limit; each write goes through the core
// (change_person: change record, timeline entry, reclassification, task refresh), each read through
// read_person (audited).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/classification/classification_service.hpp"
#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "store/follow_up_repo.hpp"

namespace anbang::app {

// One member present at a visit: a name, and the user id when the member is a user of the system
// (help-group members who are not users are names only).
struct VisitMember {
  std::string name;
  std::optional<std::int64_t> user_id;
};

// R-VIS-1/2: a visit with the full form. form: home_visit | talk | phone | video | at_work |
// via_destination_office; outcome: met | not_found | refused; aspects: work, family, living, health,
// thinking (short texts, each optional).
struct VisitInput {
  std::string held_on, form, outcome = "met", place;
  std::vector<VisitMember> members;
  std::vector<std::pair<std::string, std::string>> aspects;
  std::string situation, findings, help_given, next_steps;
};

struct VisitRecorded {
  std::int64_t id = 0;
  bool fulfils = true;               // R-VIS-1/2: the visit closes the period's task
  bool whereabouts_unknown = false;  // R-LOST-1: the flag after this visit
};

// R-REV-1: a conclusion on one criterion of R-CLS-1.
struct ReviewConclusionInput {
  std::string criterion;   // reoffending_tendency | three_false | three_none | national_security
  std::string conclusion;  // holds | does_not_hold | unknown
  std::string note;
};

// R-REV-1: the township's full review; recommendation keep | change.
struct ReviewInput {
  std::string held_on, recommendation, findings;
  std::vector<ReviewConclusionInput> conclusions;
};

// The old short form (POST /persons/{id}/follow-ups): a visit or a review by kind, the form as free
// text (up to 20 characters) for callers that predate the full form.
struct FollowUpInput {
  std::string kind = "visit", held_on, form, situation, findings;  // kind: visit | review
};

// A review as the file shows it, with whether its recommendation changes the class and whether the
// reader may confirm it.
struct ReviewView {
  store::FollowUpRow row;
  std::string state;  // not_needed (keep) | awaiting_confirmation | confirmed
  bool can_confirm = false;
};

// The file's 走访记录: the visits and the person's R-LOST-1 flag.
struct VisitsView {
  std::vector<store::FollowUpRow> items;
  bool whereabouts_unknown = false;
};

class FollowUpService {
 public:
  FollowUpService(Core& core, const ClassificationService& classification)
      : core_(core), classification_(classification) {}

  // visit:record. Errors: FIELD_VALUE (form, outcome, aspects.*), FIELD_TOO_LONG, DATE_* of the day.
  Result<VisitRecorded> record_visit(const AuthedCtx& ctx, std::int64_t person_id, const VisitInput& in);
  // review:record; only for a key subject (NOT_KEY_SUBJECT otherwise). The recommendation must fit
  // the conclusions (REVIEW_RECOMMENDATION_MISMATCH): change iff the conclusions, once confirmed,
  // would give the other class.
  Result<std::int64_t> record_review(const AuthedCtx& ctx, std::int64_t person_id, const ReviewInput& in);
  // R-CLS-3: review:confirm (the judicial office or the district) confirms a review recommending a
  // change; its conclusions become inputs of the class, which is recomputed with the review as its
  // reason. REVIEW_NOT_FOUND, REVIEW_CONFIRM_NOT_NEEDED (keep), REVIEW_ALREADY_CONFIRMED.
  Status confirm_review(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t review_id);
  Status record_follow_up(const AuthedCtx& ctx, std::int64_t person_id, const FollowUpInput& in);

  // The file's 走访记录 and 考察 sections (person:read, audited): the current period, newest first.
  Result<Audited<VisitsView>> visits(const AuthedCtx& ctx, std::int64_t person_id);
  Result<Audited<std::vector<ReviewView>>> reviews(const AuthedCtx& ctx, std::int64_t person_id);

 private:
  Core& core_;
  const ClassificationService& classification_;
};

}  // namespace anbang::app
