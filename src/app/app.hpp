// Use cases. Each public method is one transaction: authenticate/authorise, check the scope, call
// the pure rules, call the store, write the audit record — and returns values, never throws.
// The HTTP layer parses requests into these inputs and serialises the outputs.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "app/audit_writer.hpp"
#include "domain/civil_date.hpp"
#include "domain/classification.hpp"
#include "domain/person_rules.hpp"
#include "domain/scope.hpp"
#include "domain/unit_tree.hpp"
#include "platform/clock.hpp"
#include "rules/engine.hpp"
#include "rules/policy.hpp"
#include "store/audit_repo.hpp"
#include "store/db.hpp"
#include "store/document_repo.hpp"
#include "store/meeting_repo.hpp"
#include "store/obligation_repo.hpp"
#include "store/period_repo.hpp"
#include "store/person_repo.hpp"
#include "store/transfer_repo.hpp"
#include "store/user_repo.hpp"

namespace anbang::app {

struct Config {
  int idle_timeout_minutes = 30;
  int max_failed_logins = 5;
  int lock_minutes = 10;
  bool fast_password_hash = false;      // tests and demo seeding only
  int login_attempts_per_minute = 120;  // per client IP (offices share one address behind NAT)
  int hash_slots = 1;                   // concurrent argon2id verifications
  bool secure_cookie = false;           // add Secure to the session cookie (behind HTTPS)
};

// The authenticated user of a request.
struct Actor {
  std::int64_t user_id = 0;
  std::string username, display_name;
  std::int64_t unit_id = 0;
  std::string unit_name, unit_kind;
  std::int64_t role_id = 0;
  std::string role_code, role_name;
  std::set<std::string> permissions;
  domain::Scope scope;
  bool must_change_password = false;
  std::string session_digest, csrf_token;
  bool can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

struct Ctx {
  std::optional<Actor> actor;
  std::string ip;
  std::int64_t now = 0;     // unix seconds
  domain::CivilDate today;  // Asia/Shanghai
};

struct LoginResult {
  std::string token;  // goes into the cookie only
  Actor actor;
};

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

// A result that may be handed out only after its audit record is committed (App::commit_access).
template <class T>
struct Audited {
  T value;
  store::AuditRecord record;
};

struct PersonQuery {
  std::string q;
  std::optional<std::int64_t> unit_id;
  std::string status, released_from, released_to, sort = "id", order = "asc";
  std::optional<bool> identity_verified, separated;
  int page = 1, page_size = 20;
};

struct UserInput {
  std::string username, display_name, phone, initial_password;
  std::int64_t unit_id = 0, role_id = 0;
  std::optional<bool> active;
};

struct UnitInput {
  std::optional<std::int64_t> parent_id;
  std::string name, kind, subkind, code;
  std::optional<bool> active;
};

struct AuditQuery {
  std::string username, action, person, from, to;
  int page = 1, page_size = 20;
};

// --- obligations (issue 3) ---
struct TaskQuery {
  std::optional<std::int64_t> unit_id;  // owner unit subtree
  bool mine = false;                    // owner = the caller's unit (or its area for tree units)
  std::optional<std::int64_t> person_id;
  std::string rule, state;  // state: open | overdue | due_soon | done | not_applicable | missed
  int page = 1, page_size = 20;
};

struct TaskPage {
  std::vector<store::TaskRow> items;
  std::int64_t total = 0;
  int page = 1, page_size = 20;
};

// One task of a person as the engine explains it, with the unit that owes it.
struct PersonTask {
  rules::Task task;
  std::string state;  // open | overdue | done | not_applicable (after the file-creation rule)
  std::int64_t unit_id = 0;
  std::string explanation;
};

struct Workbench {
  store::TaskCounts mine, scope;
  std::string today, week_end;
};

struct FollowUpInput {
  std::string kind = "visit", held_on, form, situation, findings;
};

struct RegistrationInput {
  std::string registered_on, certificate_no, needs;  // needs: JSON object text
  bool policies_explained = false;
};

// --- linkage documents (issue 3, R-LNK-1..4) ---
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

struct PickupInput {
  std::string picked_on, place, team, kind;  // kind: township_team | family
};

struct TransferInput {
  std::string kind = "residence";  // residence | household | identity_established
  std::int64_t to_unit_id = 0;
  std::string reason;
};

// R-PER-1: custody after release. kind detention: days in custody do not count, the period goes
// on (to_date when known). kind new_sentence: the period ends on from_date; the person is in custody
// again until expected_release_date, when a new period starts.
struct CustodyInput {
  std::string kind, from_date, to_date, expected_release_date, release_kind, note;
};

struct PeriodsView {
  store::PeriodRow current;  // the period of the person's current release date
  std::vector<store::PeriodRow> earlier;
  std::vector<store::CustodyRow> custody;
};

// R-LNK-3: a major change to the person or the family during the sentence, exchanged between the
// custody unit and the household-registration judicial office.
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

// One entry on the person's timeline, by the caller (none for the system).
Status person_event(store::Connection& c, const Ctx& ctx, std::int64_t person_id, const std::string& kind,
                    const std::string& summary);
// Files a linkage document entered by the caller now: sets who and when, inserts it, and returns it
// with its id and the person's name.
Result<store::Document> file_document(store::Connection& c, const Ctx& ctx, store::Document d,
                                      const std::string& person_name);

// The one answer for a person that does not exist or is outside the caller's jurisdiction (it never
// tells which).
Error person_not_found();
// The judicial office beside the township of an area unit (R-ORG-2); the township itself if none.
std::int64_t judicial_office_for(const domain::UnitTree& tree, std::int64_t area_unit);

struct MeetingInput {
  std::string held_on, topic, attendees;
};

struct DocumentQuery {
  std::string box = "inbox";  // inbox (received by my unit) | sent (sent by my unit)
  std::string kind;
  int page = 1, page_size = 20;
};

struct ClassView {
  bool key = false;
  std::vector<domain::ClassReason> reasons;
  std::vector<std::string> three_none_factors;
  std::vector<store::ClassChange> history;
};

struct Export {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

class App {
 public:
  App(store::Database& db, const platform::Clock& clock, Config config);
  ~App();

  // Loads the unit tree and the code tables into memory. Call after migrate + bootstrap.
  Status load_caches();

  Ctx context(const std::string& ip) const;
  std::shared_ptr<const domain::UnitTree> units() const;
  store::Database& db() { return db_; }
  const Config& config() const { return config_; }

  // --- auth ---
  Result<LoginResult> login(Ctx& ctx, const std::string& username, const std::string& password);
  Status logout(const Ctx& ctx);
  // Resolves a session token (from the cookie) into the actor, enforcing the idle timeout.
  Result<Actor> authenticate(const std::string& token, std::int64_t now);
  Status change_password(const Ctx& ctx, const std::string& old_password, const std::string& new_password);

  // --- persons ---
  // Reads that return their audit record uncommitted, for callers that commit it asynchronously
  // (the HTTP layer answers from the commit's completion). The value must not leave the process
  // before commit_access reported success.
  Result<Audited<PersonPage>> find_persons(const Ctx& ctx, const PersonQuery& q);
  Result<Audited<PersonView>> read_person(const Ctx& ctx, std::int64_t id);
  // Commits an access record with group commit; `done` runs on the audit thread afterwards.
  void commit_access(store::AuditRecord record, std::function<void(Status)> done);
  // The same, synchronously: read, commit the audit record, return.
  Result<PersonPage> search_persons(const Ctx& ctx, const PersonQuery& q);
  Result<PersonView> get_person(const Ctx& ctx, std::int64_t id);
  Result<PersonView> create_person(const Ctx& ctx, const domain::PersonInput& in);
  Result<PersonView> update_person(const Ctx& ctx, std::int64_t id, const domain::PersonInput& in);
  Result<Audited<std::vector<store::PersonEvent>>> read_timeline(const Ctx& ctx, std::int64_t id);
  Result<std::vector<store::PersonEvent>> person_timeline(const Ctx& ctx, std::int64_t id);
  Result<Export> export_persons(const Ctx& ctx, const PersonQuery& q);

  // --- obligations (issue 3): tasks computed by src/rules, materialised in the tasks table ---
  // Recomputes one person's tasks (in the caller's write transaction).
  Status refresh_tasks(store::Connection& c, std::int64_t person_id, domain::CivilDate today);
  // Recomputes every person's tasks, in batches; returns the number of persons.
  // R-PER-1: records the automatic release from assistance (解除帮教) of every person whose period
  // ended by `today` and has no such record yet; returns how many were recorded.
  Result<std::int64_t> record_period_ends(domain::CivilDate today);
  Result<std::int64_t> refresh_all_tasks(domain::CivilDate today);
  Result<Audited<TaskPage>> find_tasks(const Ctx& ctx, const TaskQuery& q);
  Result<Audited<std::vector<PersonTask>>> read_person_tasks(const Ctx& ctx, std::int64_t id);
  // R-LOST-1: 脱管 risk ("lost") and 漏管 ("missed") lists of the caller's jurisdiction.
  Result<Audited<std::vector<store::LostRow>>> supervision_list(const Ctx& ctx, const std::string& which);
  // R-MTG-1..3: meetings of the caller's unit (district yearly, township quarterly, judicial office
  // monthly), recorded, and the unit's meeting tasks computed live.
  Status record_meeting(const Ctx& ctx, const MeetingInput& in);
  Result<std::vector<PersonTask>> meeting_tasks(const Ctx& ctx);
  // Meetings held by units in the caller's scope, newest first (at most `limit`).
  Result<std::vector<store::MeetingRow>> list_meetings(const Ctx& ctx, int limit);
  // Dated policy parameters (issue 3): a district changes a parameter from a date on. Recomputes
  // every person's tasks afterwards (about 11 s per 1,000,000 persons).
  Status set_policy(const Ctx& ctx, const std::string& name, const std::string& value,
                    const std::string& from);
  Result<Workbench> workbench(const Ctx& ctx);
  Status record_follow_up(const Ctx& ctx, std::int64_t person_id, const FollowUpInput& in);
  Status record_registration(const Ctx& ctx, std::int64_t person_id, const RegistrationInput& in);
  const rules::PolicyTable& policy() const { return policy_; }

  // --- linkage documents (issue 3) ---
  Result<store::Document> send_registration_form(const Ctx& ctx, const RegistrationFormInput& in);
  Result<store::Document> send_verification(const Ctx& ctx, std::int64_t form_id,
                                            const VerificationInput& in);
  Result<std::pair<std::vector<store::Document>, std::int64_t>> list_documents(const Ctx& ctx,
                                                                               const DocumentQuery& q);
  Result<store::Document> send_release_notice(const Ctx& ctx, const ReleaseNoticeInput& in);
  Result<store::Document> send_reception(const Ctx& ctx, std::int64_t notice_id, const ReceptionInput& in);
  Status record_pickup(const Ctx& ctx, std::int64_t person_id, const PickupInput& in);
  // R-LNK-3: the report (either side) and the township's help for a family in difficulty.
  Result<store::Document> send_family_change(const Ctx& ctx, std::int64_t person_id,
                                             const FamilyChangeInput& in);
  Result<store::Document> record_family_help(const Ctx& ctx, std::int64_t change_id,
                                             const FamilyHelpInput& in);
  // R-PER-1: custody after release, its end, and the person's assistance periods.
  // The checked sender and dates of a linkage document (see ChannelInput).
  struct Arrival {
    bool mail = false;
    std::optional<std::int64_t> sender_unit_id;
    std::string sender_label, sent_on, received_on;
  };
  Result<Arrival> arrival(const Ctx& ctx, const ChannelInput& via) const;
  Result<std::int64_t> record_custody(const Ctx& ctx, std::int64_t person_id, const CustodyInput& in);
  Status end_custody(const Ctx& ctx, std::int64_t person_id, std::int64_t custody_id,
                     const std::string& to_date);
  Result<Audited<PeriodsView>> person_periods(const Ctx& ctx, std::int64_t person_id);
  Result<Audited<std::vector<FamilyChangeView>>> person_family_changes(const Ctx& ctx,
                                                                       std::int64_t person_id);
  // --- transfers (R-JUR-1, R-JUR-2): the receiving unit accepts; until then nothing moves ---
  Result<store::Transfer> request_transfer(const Ctx& ctx, std::int64_t person_id, const TransferInput& in);
  Result<std::vector<store::Transfer>> list_transfers(const Ctx& ctx, bool incoming,
                                                      const std::string& state);
  Result<store::Transfer> decide_transfer(const Ctx& ctx, std::int64_t id, bool accept,
                                          const std::string& note);
  Result<ClassView> person_classification(const Ctx& ctx, std::int64_t person_id);
  // Refreshes every person's tasks shortly after each midnight (Asia/Shanghai) on a background
  // thread, so that new periods' tasks appear; stopped by the destructor.
  void start_daily_refresh();

  // --- dictionaries ---
  const std::vector<store::ChargeRow>& charges() const { return charges_; }
  const std::vector<std::pair<std::string, std::string>>& ethnic_groups() const { return ethnic_; }
  const std::vector<std::pair<std::string, std::string>>& education_levels() const { return education_; }

  // --- administration ---
  Result<std::pair<std::vector<store::UserRow>, std::int64_t>> list_users(const Ctx& ctx,
                                                                          const std::string& q,
                                                                          std::optional<std::int64_t> unit_id,
                                                                          int page, int page_size);
  Result<store::UserRow> create_user(const Ctx& ctx, const UserInput& in);
  Result<store::UserRow> update_user(const Ctx& ctx, std::int64_t id, const UserInput& in);
  Status reset_password(const Ctx& ctx, std::int64_t id, const std::string& initial_password);
  Result<std::pair<std::vector<store::RoleRow>, std::vector<store::PermissionRow>>> list_roles(
      const Ctx& ctx);
  Result<store::RoleRow> update_role(const Ctx& ctx, std::int64_t id, const std::string& scope,
                                     const std::set<std::string>& permissions);
  Result<domain::Unit> create_unit(const Ctx& ctx, const UnitInput& in);
  Result<domain::Unit> update_unit(const Ctx& ctx, std::int64_t id, const UnitInput& in);

  // --- audit ---
  Result<std::pair<std::vector<store::AuditRecord>, std::int64_t>> search_audit(const Ctx& ctx,
                                                                                const AuditQuery& q);

  // Records an audit entry in its own transaction (for events outside a use case).
  void audit_now(const Ctx& ctx, const std::string& action, const std::string& object_type,
                 std::optional<std::int64_t> object_id, const std::string& label, const std::string& detail);

  // Builds an actor for a user row (also used by the CLI).
  Result<Actor> actor_for(store::Connection& c, const store::UserRow& u);

 private:
  Status require(const Ctx& ctx, const std::string& permission) const;
  Status audit(store::Connection& c, const Ctx& ctx, const std::string& action,
               const std::string& object_type, std::optional<std::int64_t> object_id,
               const std::string& label, const std::string& detail) const;
  domain::CodeLookups lookups() const;
  Result<PersonView> view(store::Connection& c, store::PersonRecord rec, const Ctx& ctx) const;
  Status check_person_units(const Ctx& ctx, const domain::ValidPerson& p) const;
  void audit_duplicate_probe(const Ctx& ctx, const Error& e, const std::optional<std::string>& id_number);
  Status duplicate_id_check(store::Connection& c, const std::optional<std::string>& id_number,
                            std::int64_t self_id) const;
  Result<store::PersonFilter> person_filter(const Ctx& ctx, const PersonQuery& q) const;
  Status reload_units(store::Connection& c);
  store::AuditRecord audit_record(const Ctx& ctx, const std::string& action, const std::string& object_type,
                                  std::optional<std::int64_t> object_id, const std::string& label,
                                  const std::string& detail) const;
  // Session cache (see auth.cpp): actors by token digest, refreshed from the database every few
  // seconds and dropped at once when a user, role or unit changes.
  void forget_session(const std::string& digest);
  void forget_sessions_of(std::int64_t user_id);
  void forget_all_sessions();
  bool allow_login_attempt(const std::string& ip, std::int64_t now);
  bool verify_limited(const std::string& hash, const std::string& password);

  store::Database& db_;
  const platform::Clock& clock_;
  Config config_;
  mutable std::mutex units_mu_;
  std::shared_ptr<const domain::UnitTree> units_;
  std::vector<store::ChargeRow> charges_;
  std::unordered_map<std::int64_t, std::size_t> charge_index_;
  std::vector<std::pair<std::string, std::string>> ethnic_, education_;
  std::unique_ptr<AuditWriter> audit_writer_;
  rules::PolicyTable policy_;
  std::jthread daily_refresh_;
  std::vector<PersonTask> compute_tasks(const store::FactsRow& facts, domain::CivilDate today,
                                        bool with_explanations = true) const;
  std::vector<store::TaskRow> task_rows(const store::FactsRow& facts, domain::CivilDate today) const;
  // refresh_all_tasks' loop over persons 1..max_id in chunks; `bulk`: the table was emptied.
  Result<std::int64_t> refresh_chunks(domain::CivilDate today, std::int64_t max_id, bool bulk);
  // R-CLS-3: recomputes the class from the records; records a change with its reason.
  Status reclassify(store::Connection& c, const Ctx& ctx, std::int64_t person_id);
  Result<domain::Classification> classification_of(store::Connection& c, std::int64_t person_id,
                                                   domain::CivilDate today) const;
  // R-PER-1: a new sentence from `from` ends the person's current period (if it still runs) and
  // sets the expected release of the new custody; tasks of the old period are kept as they were.
  Status start_new_sentence(store::Connection& c, const Ctx& ctx, store::PersonRecord p,
                            domain::CivilDate from, domain::CivilDate release,
                            const std::string& release_kind, const std::string& note);
  std::int64_t owner_unit(std::string_view owner, const store::FactsRow& facts) const;
  struct CachedSession {
    Actor actor;
    std::int64_t loaded_at = 0, last_seen = 0, persisted_at = 0;
  };
  std::mutex sessions_mu_;
  std::unordered_map<std::string, CachedSession> sessions_;
  std::uint64_t sessions_generation_ = 0;  // bumped by every forget_*; see authenticate()
  std::mutex login_mu_;
  std::unordered_map<std::string, std::pair<std::int64_t, int>>
      login_attempts_;  // ip → (window start, count)
  std::mutex hash_mu_;
  std::condition_variable hash_cv_;
  int hashing_ = 0;
};

// The stored form of a validated person (pinyin search keys computed).
store::PersonRecord record_from(const domain::ValidPerson& v);

// Creates reference data (code tables, permissions, built-in roles) and the organisation tree of
// district 500153 (townships, judicial offices, police stations, detention centre, departments)
// when missing. Idempotent.
Status bootstrap(store::Database& db, std::int64_t now);

// Demo district: villages, staff users for each unit and role, `persons` released persons.
// Deterministic. Refuses to run twice on one database.
struct DemoSummary {
  int villages = 0, users = 0, persons = 0;
};
Result<DemoSummary> seed_demo(App& app, int persons, std::uint64_t seed);

}  // namespace anbang::app
