#include "store/obligation_repo.hpp"

#include "store/allowance_repo.hpp"

#include "domain/assistance.hpp"

#include <nlohmann/json.hpp>

#include "domain/civil_date.hpp"
#include "rules/visits.hpp"
#include "store/person_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kAllPersons = "SELECT id FROM persons ORDER BY id";
constexpr const char* kPolicy =
    "SELECT name, value, effective_from FROM policy_params ORDER BY effective_from, id";
constexpr const char* kDeleteTasks =
    "DELETE FROM tasks WHERE person_id = ? AND task_key >= ? AND task_key < ?";
// Rows left under a release date that is neither the current one nor that of a recorded earlier
// period: a release notice that corrected the release date (R-LNK-4) leaves the old date's tasks
// behind, and they must not stay open (R-LOST-1 read them as 漏管).
constexpr const char* kDeleteOrphanTasks =
    "DELETE FROM tasks WHERE person_id = ? AND substr(task_key, 1, 10) <> ? AND substr(task_key, 1, 10) NOT "
    "IN "
    "(SELECT a.release_date FROM assistance_periods a WHERE a.person_id = ? AND a.ended_on IS NOT NULL)";
// In custody on a day (?): an open detention covers it (R-LOST-1: the custody unit supervises). A new
// sentence moves the release date past today, which the lists check on their own.
constexpr const char* kNotDetained =
    "NOT EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = p.id AND ci.kind = 'detention' AND "
    "ci.from_date <= ? AND (ci.to_date IS NULL OR ci.to_date > ?))";
// The first day of the current period's records: the start of the custody that ended the previous
// period (a new sentence), or '' when there was none. `p` is the person's row.
constexpr const char* kPeriodStart =
    "COALESCE((SELECT MAX(ci.from_date) FROM custody_intervals ci WHERE ci.person_id = p.id AND ci.kind = "
    "'new_sentence' AND ci.from_date < p.release_date), '')";
constexpr const char* kTaskDigests =
    "SELECT person_id, digest FROM task_digests WHERE person_id BETWEEN ? AND ?";
constexpr const char* kUpsertTaskDigest =
    "INSERT INTO task_digests (person_id, digest) VALUES (?, ?) ON CONFLICT (person_id) DO UPDATE SET digest "
    "= "
    "excluded.digest";
constexpr const char* kInsertTask =
    "INSERT INTO tasks (person_id, unit_id, rule, task_key, window_from, due, state, fulfilled_on, "
    "computed_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertFollowUp =
    "INSERT INTO follow_ups (person_id, kind, held_on, form, situation, findings, unit_id, user_id, "
    "created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// Accepted transfers of the persons of a chunk, oldest first (owner units at the time, R-KPI-7).
constexpr const char* kAcceptedTransfers =
    "SELECT person_id, kind, from_unit_id, to_unit_id, decided_at FROM transfers WHERE person_id BETWEEN ? "
    "AND ? AND state = 'accepted' AND decided_at IS NOT NULL ORDER BY person_id, decided_at, id";
// R-PCK-1: the first notification of the current release to each recipient.
constexpr const char* kReleaseNotified =
    "SELECT n.person_id, n.recipient, MIN(n.notified_on) FROM release_notifications n JOIN persons p ON p.id "
    "= n.person_id WHERE n.person_id BETWEEN ? AND ? AND n.release_date = p.release_date GROUP BY "
    "n.person_id, n.recipient";
constexpr const char* kInsertRegistration =
    "INSERT INTO registrations (person_id, registered_on, certificate_no, policies_explained, needs, "
    "unit_id, "
    "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// R-ORG-3, R-ORG-4 (app/help): the group's memberships and the plan's versions of the period.
constexpr const char* kHelpMemberships =
    "SELECT person_id, joined_on, left_on FROM help_members WHERE person_id BETWEEN ? AND ?";
const std::string kHelpPlanVersions =
    std::string("SELECT h.person_id, h.made_on FROM help_plans h JOIN persons p ON p.id = h.person_id WHERE "
                "h.person_id BETWEEN ? AND ? AND h.made_on >= ") +
    kPeriodStart;
}  // namespace sql

namespace {
std::optional<domain::CivilDate> date_of(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  auto d = domain::parse_date(*text);
  if (!d.ok()) return std::nullopt;
  return *d;
}
}  // namespace

Result<std::optional<FactsRow>> load_facts(Connection& c, std::int64_t person_id) {
  auto rows = load_facts_range(c, person_id, person_id);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<FactsRow>{};
  return std::optional<FactsRow>(std::move(rows->front()));
}

Result<std::vector<FactsRow>> load_facts_range(Connection& c, std::int64_t from_id, std::int64_t to_id) {
  std::vector<FactsRow> out;
  std::unordered_map<std::int64_t, std::size_t> at;
  {
    auto rows = c.query(
        "SELECT id, household_unit_id, residence_unit_id, release_date, release_kind, identity_verified, "
        "whereabouts_unknown, created_at FROM persons WHERE id BETWEEN ? AND ? ORDER BY id",
        {from_id, to_id});
    if (!rows.ok()) return rows.error();
    out.reserve(rows->size());
    for (const auto& p : *rows) {
      auto release = date_of(p.str(3));
      if (!release) continue;
      FactsRow fr;
      rules::PersonFacts& f = fr.facts;
      f.id = p.i64(0);
      f.household_unit_id = p.i64(1);
      f.residence_unit_id = p.i64(2);
      f.release_date = *release;
      f.release_kind = p.str(4);
      f.identity_verified = p.boolean(5);
      f.whereabouts_unknown = p.boolean(6);
      fr.created_on = domain::to_string(domain::shanghai_date_from_unix(p.i64(7)));
      // Late entries: a file opened after the release owes no recurring duty of a period closed
      // before it (the engine's rule); opened before the release it changes nothing.
      auto opened = domain::shanghai_date_from_unix(p.i64(7));
      if (f.release_date < opened) f.file_opened = opened;
      at[f.id] = out.size();
      out.push_back(std::move(fr));
    }
  }
  auto each = [&](const std::string& sql, auto&& fn) -> Status {
    auto rows = c.query(sql, {from_id, to_id});
    if (!rows.ok()) return rows.error();
    for (const auto& r : *rows) {
      auto it = at.find(r.i64(0));
      if (it != at.end()) fn(out[it->second], r);
    }
    return {};
  };
  // Records of this period only: on or after the release date (as load_facts does).
  Status s = each(
      "SELECT f.person_id, f.kind, f.held_on, f.outcome FROM follow_ups f JOIN persons p ON p.id = f.person_id "
      "WHERE f.person_id BETWEEN ? AND ? AND f.held_on >= p.release_date",
      [](FactsRow& fr, const Row& r) {
        auto d = date_of(r.opt_str(2));
        if (!d) return;
        if (r.str(1) == "review") {
          fr.facts.reviews.push_back(*d);
          return;
        }
        // R-VIS-1/2: only a visit that reached the person fulfils (rules/visits.hpp).
        auto outcome = domain::parse<domain::VisitOutcome>(r.str(3));
        if (rules::visit_fulfils(outcome.value_or(domain::VisitOutcome::met))) fr.facts.visits.push_back(*d);
      });
  if (!s.ok()) return s.error();
  s = each(
      "SELECT r.person_id, MIN(r.registered_on) FROM registrations r JOIN persons p ON p.id = r.person_id "
      "WHERE r.person_id BETWEEN ? AND ? AND r.registered_on >= p.release_date GROUP BY r.person_id",
      [](FactsRow& fr, const Row& r) { fr.facts.registration_date = date_of(r.opt_str(1)); });
  if (!s.ok()) return s.error();
  s = each(
      std::string("SELECT k.person_id, MIN(k.picked_on) FROM pickups k JOIN persons p ON p.id = k.person_id "
                  "WHERE k.person_id BETWEEN ? AND ? AND k.picked_on >= ") +
          sql::kPeriodStart + " AND k.outcome = 'met' GROUP BY k.person_id",  // R-PCK-1/2: a failed pick-up does not count
      [](FactsRow& fr, const Row& r) { fr.facts.picked_up = date_of(r.opt_str(1)); });
  if (!s.ok()) return s.error();
  s = each(
      "SELECT person_id, from_date, key_subject FROM class_history WHERE person_id BETWEEN ? AND ? "
      "ORDER BY person_id, from_date, id",
      [](FactsRow& fr, const Row& r) {
        auto d = date_of(r.opt_str(1));
        if (!d) return;
        auto& ki = fr.facts.key_intervals;
        bool open_key = !ki.empty() && !ki.back().to;
        // R-ORG-4: a row whose class differs from the one before it is a change of class.
        if (fr.class_seen && fr.last_key != r.boolean(2)) fr.facts.class_changes.push_back(*d);
        fr.class_seen = true;
        fr.last_key = r.boolean(2);
        if (r.boolean(2) && !open_key) ki.push_back({*d, std::nullopt});
        if (!r.boolean(2) && open_key) ki.back().to = *d;
      });
  if (!s.ok()) return s.error();
  s = each(
      "SELECT person_id, from_date, to_date FROM custody_intervals WHERE person_id BETWEEN ? AND ? AND kind "
      "= 'detention'",
      [](FactsRow& fr, const Row& r) {
        if (auto from = date_of(r.opt_str(1)))
          fr.facts.custody_intervals.push_back({*from, date_of(r.opt_str(2))});
      });
  if (!s.ok()) return s.error();
  s = each(
      "SELECT a.person_id, a.ended_on FROM assistance_periods a JOIN persons p ON p.id = a.person_id "
      "WHERE a.person_id BETWEEN ? AND ? AND a.release_date = p.release_date AND a.ended_on IS NOT NULL",
      [](FactsRow& fr, const Row& r) { fr.facts.assistance_end_override = date_of(r.opt_str(1)); });
  if (!s.ok()) return s.error();
  s = each(sql::kAcceptedTransfers, [](FactsRow& fr, const Row& r) {
    fr.moves.push_back({r.str(1), r.i64(2), r.i64(3), domain::shanghai_date_from_unix(r.i64(4))});
  });
  if (!s.ok()) return s.error();
  // Issue 8, helper D (R-OUT-1): outings of this period.
  s = each(
      "SELECT o.person_id, o.left_on, o.expected_return, o.returned_on FROM outings o JOIN persons p ON p.id = "
      "o.person_id WHERE o.person_id BETWEEN ? AND ? AND o.left_on >= p.release_date",
      [](FactsRow& fr, const Row& r) {
        auto left = date_of(r.opt_str(1)), expected = date_of(r.opt_str(2));
        if (left && expected) fr.facts.outings.push_back({*left, *expected, date_of(r.opt_str(3))});
      });
  if (!s.ok()) return s.error();
  // Issue 9 (R-AID-1..6): the social assistance referrals of this period and their first answer.
  s = each(
      "SELECT a.person_id, a.id, a.kind, a.deciding_unit_id, a.applied_on, a.answered_on FROM "
      "assistance_applications a JOIN persons p ON p.id = a.person_id WHERE a.person_id BETWEEN ? AND ? AND "
      "a.applied_on >= p.release_date",
      [](FactsRow& fr, const Row& r) {
        auto on = date_of(r.opt_str(4));
        auto kind = domain::parse<domain::AidKind>(r.str(2));
        if (on && kind)
          fr.facts.referrals.push_back({r.i64(1), domain::aid_rule(*kind), r.i64(3), *on, date_of(r.opt_str(5))});
      });
  if (!s.ok()) return s.error();
  // Issue 10 (R-ALW-1, R-ALW-2): the hardship allowance applications of this period (store/allowance_repo).
  {
    auto allowances = allowance_cases_between(c, from_id, to_id);
    if (!allowances.ok()) return allowances.error();
    for (auto& a : *allowances) {
      auto it = at.find(a.person_id);
      if (it != at.end()) out[it->second].facts.allowances.push_back(std::move(a.facts));
    }
  }
  s = each(sql::kReleaseNotified, [](FactsRow& fr, const Row& r) {
    (r.str(1) == "township" ? fr.facts.release_notified_township : fr.facts.release_notified_police) =
        date_of(r.opt_str(2));
  });
  if (!s.ok()) return s.error();
  // Documents of the current period (sent on or after it began), in order: a later form or notice
  // replaces an earlier one; of the replies (verification feedback, reception arrangement) the first
  // sent counts. R-LNK-3 reports asking for help, and the help recorded for each.
  std::unordered_map<std::int64_t, std::size_t> report_at;  // family_change id → index in family_reports
  s = each(std::string(
               "SELECT d.person_id, d.kind, d.event_date, d.sent_on, d.received_on, d.sender_unit_id, d.id, "
               "d.replies_to, CASE WHEN d.kind = 'family_change' THEN d.data END FROM documents d JOIN "
               "persons p ON p.id = d.person_id WHERE d.person_id BETWEEN ? AND ? AND COALESCE(d.sent_on, "
               "d.received_on, d.event_date, '') >= ") +
               sql::kPeriodStart + " ORDER BY d.id",
           [&report_at](FactsRow& fr, const Row& r) {
             const std::string kind = r.str(1);
             auto event = date_of(r.opt_str(2)), sent = date_of(r.opt_str(3)),
                  received = date_of(r.opt_str(4));
             auto& f = fr.facts;
             if (kind == "family_change") {
               auto data = nlohmann::json::parse(r.opt_str(8).value_or(""), nullptr, false);
               if (received && data.is_object() && data.value("needs_help", false)) {
                 report_at[r.i64(6)] = f.family_reports.size();
                 f.family_reports.push_back({*received, std::nullopt});
               }
               return;
             }
             if (kind == "family_help") {
               auto it = r.opt_i64(7) ? report_at.find(*r.opt_i64(7)) : report_at.end();
               if (it == report_at.end() || !sent) return;
               auto& helped = f.family_reports[it->second].helped;
               if (!helped || *sent < *helped) helped = sent;
               return;
             }
             if (kind == "registration_form") {
               f.form_received_into_custody = event;
               f.form_sent = sent;
               f.form_received = received;
               fr.sender_unit_id = r.opt_i64(5);
             } else if (kind == "verification_feedback") {
               // R-LNK-2: the first feedback sent decides; a re-verification does not move it.
               if (sent && (!f.verification_feedback_sent || *sent < *f.verification_feedback_sent))
                 f.verification_feedback_sent = sent;
             } else if (kind == "release_notice") {
               f.release_notice_received = received;
               f.release_notice_sent = sent;  // R-LNK-4: a mailed one's postmark when known
             } else if (kind == "reception_arrangement") {
               // R-LNK-4: likewise the first arrangement sent answers the notice.
               if (sent && (!f.reception_arrangement_sent || *sent < *f.reception_arrangement_sent))
                 f.reception_arrangement_sent = sent;
             }
           });
  if (!s.ok()) return s.error();
  // R-ORG-3: the memberships of the help group (a group outlives a period: a current one counts).
  s = each(sql::kHelpMemberships, [](FactsRow& fr, const Row& r) {
    if (auto from = date_of(r.opt_str(1))) fr.facts.help_memberships.push_back({*from, date_of(r.opt_str(2))});
  });
  if (!s.ok()) return s.error();
  // R-ORG-4: the versions of the help plan made in this period.
  s = each(sql::kHelpPlanVersions, [](FactsRow& fr, const Row& r) {
    if (auto d = date_of(r.opt_str(1))) fr.facts.plan_versions.push_back(*d);
  });
  if (!s.ok()) return s.error();
  return out;
}

Result<std::unordered_map<std::int64_t, std::int64_t>> load_task_digests(Connection& c, std::int64_t from_id,
                                                                         std::int64_t to_id) {
  auto rows = c.query(sql::kTaskDigests, {from_id, to_id});
  if (!rows.ok()) return rows.error();
  std::unordered_map<std::int64_t, std::int64_t> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.emplace(r.i64(0), r.i64(1));
  return out;
}

Result<std::int64_t> max_person_id(Connection& c) {
  return c.scalar("SELECT COALESCE(MAX(id), 0) FROM persons");
}

Result<std::int64_t> count_task_digests(Connection& c, std::int64_t limit) {
  return c.scalar("SELECT COUNT(*) FROM (SELECT 1 FROM task_digests LIMIT ?) t", {limit});
}

Status begin_task_bulk_load(Connection& c) {
  // The index goes first: emptying the table then frees its pages without updating it row by row.
  return c.exec_script("DROP INDEX IF EXISTS tasks_unit_due; DELETE FROM tasks; DELETE FROM task_digests;");
}

Status end_task_bulk_load(Connection& c) {
  // The same index as migration V002 creates.
  return c.exec_script("CREATE INDEX IF NOT EXISTS tasks_unit_due ON tasks(unit_id, state, due);");
}

std::int64_t task_digest(const std::vector<TaskRow>& rows) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view text) {
    for (unsigned char ch : text) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    h ^= 0x1f;  // field separator
    h *= 1099511628211ull;
  };
  for (const auto& t : rows) {
    mix(t.task_key);
    mix(t.rule);
    mix(std::to_string(t.unit_id));
    mix(t.window_from);
    mix(t.due);
    mix(t.state);
    mix(t.fulfilled_on.value_or("-"));
  }
  return static_cast<std::int64_t>(h);
}

Result<std::vector<std::int64_t>> all_person_ids(Connection& c) {
  auto rows = c.query(sql::kAllPersons);
  if (!rows.ok()) return rows.error();
  std::vector<std::int64_t> ids;
  ids.reserve(rows->size());
  for (const auto& r : *rows) ids.push_back(r.i64(0));
  return ids;
}

Result<rules::PolicyTable> load_policy(Connection& c) {
  auto rows = c.query(sql::kPolicy);
  if (!rows.ok()) return rows.error();
  rules::PolicyTable table;
  for (const auto& r : *rows) {
    auto from = domain::parse_date(r.str(2));
    if (!from.ok()) return internal_error("政策参数生效日期无效：" + r.str(0));
    if (auto s = table.set(r.str(0), r.str(1), *from); !s.ok()) return s.error();
  }
  return table;
}

namespace {
// "INSERT INTO tasks (...) VALUES (?, …), … " for n rows, built once per n.
const std::string& insert_tasks_sql(std::size_t n) {
  static const std::vector<std::string> by_rows = [] {
    std::vector<std::string> out(33);
    for (std::size_t k = 1; k < out.size(); ++k) {
      std::string s = sql::kInsertTask;
      for (std::size_t i = 1; i < k; ++i) s += ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
      out[k] = std::move(s);
    }
    return out;
  }();
  return by_rows[n];
}
}  // namespace

Status replace_person_tasks(Connection& c, std::int64_t person_id, const std::string& period,
                            const std::vector<TaskRow>& rows, const std::string& computed_on,
                            bool had_tasks) {
  if (had_tasks) {
    if (auto d = c.exec(sql::kDeleteTasks, {person_id, period + "/", period + "0"}); !d.ok())
      return d.error();
    if (auto d = c.exec(sql::kDeleteOrphanTasks, {person_id, period, person_id}); !d.ok()) return d.error();
  }
  // Up to kRowsPerInsert rows per statement: one statement per person in practice (a full
  // generation writes about 9 rows per person with five years of history).
  constexpr std::size_t kRowsPerInsert = 32;
  Params p;
  for (std::size_t at = 0; at < rows.size(); at += kRowsPerInsert) {
    const std::size_t n = std::min(kRowsPerInsert, rows.size() - at);
    p.clear();
    p.reserve(n * 9);
    for (std::size_t i = at; i < at + n; ++i) {
      const TaskRow& t = rows[i];
      p.insert(p.end(), {person_id, t.unit_id, t.rule, t.task_key, t.window_from, t.due, t.state,
                         opt(t.fulfilled_on), computed_on});
    }
    if (auto r = c.exec(insert_tasks_sql(n), p); !r.ok()) return r.error();
  }
  auto d = c.exec(sql::kUpsertTaskDigest, {person_id, task_digest(rows)});
  if (!d.ok()) return d.error();
  return {};
}

namespace {
std::string task_where(const domain::Scope& scope, const TaskFilter& f, Params& p) {
  std::string w = scope_predicate(scope, p);
  if (!f.unit_ids.empty()) {
    w += " AND t.unit_id IN (-1";
    for (auto id : f.unit_ids) {
      w += ",?";
      p.push_back(id);
    }
    w += ")";
  }
  if (!f.rule.empty()) {
    w += " AND t.rule = ?";
    p.push_back(f.rule);
  }
  if (f.person_id) {
    w += " AND t.person_id = ?";
    p.push_back(*f.person_id);
  }
  // "overdue" is derived from the due date and today, never stored; so is "missed" for a recurring
  // task stored open whose due date has passed since it was computed (the engine stores missed).
  // Duties still owed end with the assistance period (R-PER-1): a released-from-assistance person's
  // overdue duties are history, not work, and so are those of a period a new sentence ended.
  // To-do lists (open, due_soon) leave out tasks whose window has not opened yet.
  const bool owed = f.state == "overdue" || f.state == "open" || f.state == "due_soon";
  if (owed) (w += " AND ") += kCurrentPeriodTask;
  if (f.state == "overdue") {
    w += std::string(" AND t.state = 'open' AND t.due < ? AND NOT ") + kRecurringTask +
         " AND p.assistance_end_date > ?";
    p.push_back(f.today);
    p.push_back(f.today);
  } else if (f.state == "missed") {
    w += std::string(" AND (t.state = 'missed' OR (t.state = 'open' AND t.due < ? AND ") + kRecurringTask +
         "))";
    p.push_back(f.today);
  } else if (f.state == "open") {
    w += " AND t.state = 'open' AND t.due >= ? AND t.window_from <= ? AND p.assistance_end_date > ?";
    p.push_back(f.today);
    p.push_back(f.today);
    p.push_back(f.today);
  } else if (f.state == "due_soon") {
    w += " AND t.state = 'open' AND t.due >= ? AND t.due <= ? AND t.window_from <= ? AND "
         "p.assistance_end_date > ?";
    p.push_back(f.today);
    p.push_back(f.due_until);
    p.push_back(f.today);
    p.push_back(f.today);
  } else if (f.state == "done" || f.state == "not_applicable") {
    w += " AND t.state = ?";
    p.push_back(f.state);
  }
  return w;
}
constexpr const char* kTaskFrom = " FROM tasks t JOIN persons p ON p.id = t.person_id WHERE ";
}  // namespace

Result<std::pair<std::vector<TaskRow>, std::int64_t>> search_tasks(Connection& c, const domain::Scope& scope,
                                                                   const TaskFilter& f) {
  Params p;
  std::string w = task_where(scope, f, p);
  auto total = c.scalar(std::string("SELECT COUNT(*)") + kTaskFrom + w, p);
  if (!total.ok()) return total.error();
  p.push_back(std::int64_t{f.page_size});
  p.push_back(std::int64_t{f.page - 1} * f.page_size);
  auto rows =
      c.query(std::string("SELECT t.id, t.person_id, t.unit_id, t.rule, t.task_key, t.window_from, t.due, "
                          "t.state, t.fulfilled_on, p.name") +
                  kTaskFrom + w + " ORDER BY t.due, t.id LIMIT ? OFFSET ?",
              p);
  if (!rows.ok()) return rows.error();
  std::vector<TaskRow> out;
  for (const auto& r : *rows) {
    out.push_back({r.i64(0), r.opt_i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7),
                   r.opt_str(8), r.str(9)});
  }
  return std::make_pair(std::move(out), *total);
}

Result<TaskCounts> count_tasks(Connection& c, const domain::Scope& scope,
                               const std::vector<std::int64_t>& unit_ids, const std::string& today,
                               const std::string& week_end, const std::string& rule) {
  TaskCounts out;
  for (auto [state, dst] :
       {std::pair{"overdue", &out.overdue}, std::pair{"due_soon", &out.due_this_week},
        std::pair{"open", &out.open}, std::pair{"done", &out.done}, std::pair{"missed", &out.missed}}) {
    TaskFilter f;
    f.unit_ids = unit_ids;
    f.rule = rule;
    f.state = state;
    f.today = today;
    f.due_until = week_end;
    Params p;
    std::string w = task_where(scope, f, p);
    auto n = c.scalar(std::string("SELECT COUNT(*)") + kTaskFrom + w, p);
    if (!n.ok()) return n.error();
    *dst = *n;
  }
  return out;
}

Result<std::int64_t> insert_follow_up(Connection& c, const FollowUp& f) {
  return c.scalar(sql::kInsertFollowUp, {f.person_id, f.kind, f.held_on, f.form, f.situation, f.findings,
                                         opt(f.unit_id), opt(f.user_id), f.created_at});
}

Result<std::int64_t> insert_registration(Connection& c, const Registration& r) {
  return c.scalar(sql::kInsertRegistration,
                  {r.person_id, r.registered_on, r.certificate_no, std::int64_t{r.policies_explained},
                   r.needs, opt(r.unit_id), opt(r.user_id), r.created_at});
}

}  // namespace anbang::store

namespace anbang::store {

Result<std::vector<LostRow>> lost_contact(Connection& c, const domain::Scope& scope, const std::string& today,
                                          const std::string& cutoff, int limit) {
  // R-LOST-1 as the engine's lost_status: under assistance today, not detained, and whereabouts
  // unknown, an outing's return overdue (R-OUT-1), or a follow-up of the current period missed (stored missed, or open past its due date)
  // before `cutoff` with no follow-up since.
  Params p;
  std::string w = scope_predicate(scope, p);
  // R-OUT-1 (issue 8, helper D): an outing of this period begun by today (?), no return recorded,
  // expected back before `cutoff` (?), no follow-up after the expected return (rules::lost_status,
  // reason outing_overdue). Two parameters each time it appears.
  const std::string outing =
      "o.person_id = p.id AND o.left_on >= p.release_date AND o.left_on <= ? AND o.returned_on IS NULL AND "
      "o.expected_return < ? AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.person_id = p.id AND f.held_on > "
      "o.expected_return)";
  Params all = {today, cutoff, today, cutoff, today, today, today, today};
  all.insert(all.end(), p.begin(), p.end());
  all.insert(all.end(), {today, cutoff, cutoff});
  all.push_back(std::int64_t{limit});
  const std::string follow_up = std::string(
                                    "t.person_id = p.id AND t.state IN ('open','missed') AND t.rule IN "
                                    "('R-VIS-1','R-VIS-2','R-REV-1') AND ") +
                                kCurrentPeriodTask;
  auto rows = c.query(
      "SELECT p.id, p.name, CASE WHEN p.whereabouts_unknown = 1 THEN 'whereabouts_unknown' WHEN EXISTS (SELECT 1 "
      "FROM outings o WHERE " + outing + ") THEN 'outing_overdue' ELSE 'follow_up_overdue' END, COALESCE(CASE WHEN "
      "p.whereabouts_unknown = 0 THEN (SELECT MIN(o.expected_return) FROM outings o WHERE " + outing +
          ") END, (SELECT MIN(t.due) FROM tasks t WHERE " + follow_up +
          ")), p.residence_unit_id, p.household_unit_id FROM persons p "
          "WHERE p.release_date <= ? AND p.assistance_end_date > ? AND " +
          sql::kNotDetained + " AND " + w +
          " AND (p.whereabouts_unknown = 1 OR EXISTS (SELECT 1 FROM outings o WHERE " + outing +
          ") OR EXISTS (SELECT 1 FROM tasks t WHERE " + follow_up +
          " AND t.due < ? AND NOT EXISTS (SELECT 1 FROM "
          "follow_ups f WHERE f.person_id = p.id AND f.held_on > t.due AND f.outcome <> 'not_found'))) ORDER BY "
          "p.id LIMIT ?",
      all);
  if (!rows.ok()) return rows.error();
  std::vector<LostRow> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.opt_str(3), r.i64(4), r.i64(5)});
  return out;
}

Result<std::vector<LostRow>> missed_supervision(Connection& c, const domain::Scope& scope,
                                                const std::string& today, int limit) {
  // R-LOST-1 as the engine's missed_supervision: the current period's R-REG-1 still open past its
  // deadline, a registration form or release notice on file, under assistance today and not
  // detained — however late the file was opened (DOMAIN.md §5, late entries).
  Params p;
  std::string w = scope_predicate(scope, p);
  Params all = {today, today, today, today};
  all.insert(all.end(), p.begin(), p.end());
  all.push_back(today);
  all.push_back(std::int64_t{limit});
  auto rows = c.query(
      std::string(
          "SELECT p.id, p.name, 'not_registered', t.due, p.residence_unit_id, p.household_unit_id FROM "
          "persons p JOIN tasks t ON t.person_id = p.id AND t.rule = 'R-REG-1' AND t.state = 'open' AND ") +
          kCurrentPeriodTask + " WHERE p.release_date <= ? AND p.assistance_end_date > ? AND " +
          sql::kNotDetained + " AND " + w +
          " AND t.due < ? AND EXISTS (SELECT 1 FROM documents d WHERE d.person_id = p.id AND d.kind IN "
          "('registration_form','release_notice')) ORDER BY t.due LIMIT ?",
      all);
  if (!rows.ok()) return rows.error();
  std::vector<LostRow> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.opt_str(3), r.i64(4), r.i64(5)});
  return out;
}

}  // namespace anbang::store
