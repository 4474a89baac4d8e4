// Social assistance applications (社会救助, R-AID-1..6, §2.4.1; issue 9 item 2). The judicial office
// records an application for a released person under assistance — its kind (低保, 特困供养, 医疗救助,
// 教育救助, 住房救助, 临时救助), its day, the facts it states and its addressee: the household-
// registration township (R-JUR-1; the township's officers with assistance:decide act as its
// civil-affairs office), a department, or a school (decided through the education department). The
// pre-check (domain/assistance) shows each condition met / not met / unknown; it only advises.
//
// The deciding unit answers — acceptance, a request for documents (what is missing), the decision
// (granted: amount in fen a month and from/to dates; refused: a reason) — and sees only the
// referrals addressed to it and, of the person, the referral view (guard.hpp, "reach through a
// referral"). Every answer is a change of the person's records with its timeline entry, so the
// judicial office sees the outcome on the file. A referral unanswered after referral_answer_days is
// the deciding unit's task (rules/assistance.cpp), which the district sees among the overdue tasks.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "domain/assistance.hpp"
#include "store/assistance_repo.hpp"

namespace anbang::app {

struct AidApplicationInput {
  std::string kind, applied_on, addressee;
  std::string department;   // addressee department: the unit's subkind (civil_affairs, health, …)
  std::string school_name;  // addressee school
  std::string request;      // what is asked for, in the applicant's words
  nlohmann::json facts = nlohmann::json::object();  // domain::AidFacts; a missing key = not known
};

struct AidDecisionInput {
  std::string on, outcome;  // outcome: granted | refused
  std::optional<std::int64_t> amount_fen;
  std::string from, to, reason;
};

// One application with its answers and its pre-check (on its own date and facts).
struct AidItem {
  store::AidRow row;
  std::vector<store::AidStepRow> steps;
  domain::AidPrecheck precheck;
  std::string due;  // the day its first answer is due (rules::referral_due)
  bool overdue = false;  // not answered and today is after due
};

// The referral view of a deciding unit: the application and, of the person, only what is needed to
// decide (name, ID number, household place and address).
struct ReferralView {
  AidItem item;
  std::string name, household_address;
  std::optional<std::string> id_number;
  std::int64_t household_unit_id = 0;
};

struct ReferralPage {
  std::vector<AidItem> items;
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

class AssistanceService {
 public:
  explicit AssistanceService(Core& core) : core_(core) {}

  // The pre-check of an application being written (assistance:apply; a read of the person).
  Result<Audited<domain::AidPrecheck>> precheck(const AuthedCtx& ctx, std::int64_t person_id, const std::string& kind,
                                               const std::string& applied_on, const nlohmann::json& facts);
  // assistance:apply: records the application and refers it to its deciding unit.
  Result<std::int64_t> apply(const AuthedCtx& ctx, std::int64_t person_id, const AidApplicationInput& in);
  // The file's section 社会救助 (person:read): the person's applications, newest first.
  Result<Audited<std::vector<AidItem>>> person_applications(const AuthedCtx& ctx, std::int64_t person_id);

  // assistance:decide: the referrals addressed to the caller's unit. `view`: waiting (not decided),
  // overdue (not answered after referral_answer_days), decided (paged).
  Result<Audited<ReferralPage>> referrals(const AuthedCtx& ctx, const std::string& view, int page, int page_size);
  Result<Audited<ReferralView>> referral(const AuthedCtx& ctx, std::int64_t application_id);
  Status accept(const AuthedCtx& ctx, std::int64_t application_id, const std::string& on);
  Status request_documents(const AuthedCtx& ctx, std::int64_t application_id, const std::string& on,
                           const std::string& missing);
  Status decide(const AuthedCtx& ctx, std::int64_t application_id, const AidDecisionInput& in);

 private:
  AidItem item_of(store::Connection& c, store::AidRow row, const std::optional<std::string>& birth_date,
                  domain::CivilDate today) const;
  // The application addressed to the caller's unit (REFERRAL_NOT_FOUND otherwise), for an answer.
  Result<store::AidRow> addressed_to_caller(store::Connection& c, const AuthedCtx& ctx, std::int64_t id) const;
  template <class Fn>
  Status answer(const AuthedCtx& ctx, std::int64_t application_id, Fn&& fn);

  Core& core_;
};

// The facts of an application from its JSON (unknown keys and wrong types refused with FIELD_VALUE),
// and back (only the known facts).
Result<domain::AidFacts> parse_aid_facts(const nlohmann::json& j, domain::CivilDate today);
nlohmann::json aid_facts_json(const domain::AidFacts& f);

}  // namespace anbang::app
