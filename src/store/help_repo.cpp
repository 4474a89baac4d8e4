#include "store/help_repo.hpp"

#include "store/obligation_repo.hpp"
#include "store/person_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kMemberCols =
    "id, person_id, role, user_id, name, unit_or_relation, phone, is_contact, joined_on, left_on, left_reason, "
    "unit_id, created_by, created_at, ended_by, ended_at";
constexpr const char* kInsertMember =
    "INSERT INTO help_members (person_id, role, user_id, name, unit_or_relation, phone, is_contact, joined_on, "
    "unit_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kEndMember =
    "UPDATE help_members SET left_on = ?, left_reason = ?, ended_by = ?, ended_at = ? WHERE id = ? AND left_on "
    "IS NULL";
constexpr const char* kSetContact = "UPDATE help_members SET is_contact = (id = ?) WHERE person_id = ?";
constexpr const char* kSetFamilyContact =
    "UPDATE persons SET family_contact_name = ?, family_contact_relation = ?, family_contact_phone = ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kInsertPlan =
    "INSERT INTO help_plans (person_id, version, made_on, review_on, needs, reason, unit_id, user_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kPlans =
    "SELECT h.id, h.person_id, h.version, h.made_on, h.review_on, h.needs, h.reason, h.unit_id, h.user_id, "
    "h.created_at, COALESCE(u.display_name, '') FROM help_plans h LEFT JOIN users u ON u.id = h.user_id WHERE "
    "h.person_id = ? ORDER BY h.version DESC";
constexpr const char* kInsertAgreement =
    "INSERT INTO help_agreements (person_id, signed_on, parties, note, unit_id, user_id, created_at) VALUES (?, "
    "?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kAgreements =
    "SELECT id, person_id, signed_on, parties, note, unit_id, user_id, created_at FROM help_agreements WHERE "
    "person_id = ? ORDER BY signed_on DESC, id DESC";
// A membership of person p current on the day bound last (?).
constexpr const char* kCurrentMember = "m.person_id = p.id AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)";
// The columns of a help list row; binds today four times (roles, count) and the period's task.
const std::string kListCols =
    std::string("p.id, p.name, p.release_date, p.household_unit_id, p.residence_unit_id, (SELECT "
                "COALESCE(group_concat(m.role), '') FROM help_members m WHERE ") +
    kCurrentMember + "), (SELECT COUNT(*) FROM help_members m WHERE " + kCurrentMember +
    "), (SELECT t.rule || ' ' || t.due FROM tasks t WHERE t.person_id = p.id AND t.state = 'open' AND " +
    kCurrentPeriodTask + " ORDER BY t.due, t.id LIMIT 1)";
constexpr const char* kActiveUsers =
    "SELECT u.id, u.unit_id, u.display_name, u.phone, r.code, r.scope FROM users u JOIN roles r ON r.id = "
    "u.role_id WHERE u.active = 1 ORDER BY u.unit_id, u.username";
}  // namespace sql

namespace {

HelpMember member_from(const Row& r) {
  HelpMember m;
  m.id = r.i64(0);
  m.person_id = r.i64(1);
  m.role = r.str(2);
  m.user_id = r.opt_i64(3);
  m.name = r.str(4);
  m.unit_or_relation = r.str(5);
  m.phone = r.str(6);
  m.is_contact = r.boolean(7);
  m.joined_on = r.str(8);
  m.left_on = r.opt_str(9);
  m.left_reason = r.str(10);
  m.unit_id = r.opt_i64(11);
  m.created_by = r.opt_i64(12);
  m.created_at = r.i64(13);
  m.ended_by = r.opt_i64(14);
  m.ended_at = r.opt_i64(15);
  return m;
}

HelpListRow list_row(const Row& r) {
  HelpListRow out;
  out.person_id = r.i64(0);
  out.name = r.str(1);
  out.release_date = r.str(2);
  out.household_unit_id = r.i64(3);
  out.residence_unit_id = r.i64(4);
  out.roles = r.str(5);
  out.members = r.i64(6);
  if (auto next = r.opt_str(7); next && next->size() > 11) {
    out.next_rule = next->substr(0, next->size() - 11);
    out.next_due = next->substr(next->size() - 10);
  }
  return out;
}

std::string ids_in(const std::vector<std::int64_t>& ids, Params& p) {
  std::string s = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    p.push_back(ids[i]);
  }
  return s + ")";
}

std::string like_text(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return "%" + out + "%";
}

void push_list_params(Params& p, const std::string& today) {
  for (int i = 0; i < 4; ++i) p.push_back(today);
}

}  // namespace

Result<std::int64_t> insert_help_member(Connection& c, const HelpMember& m) {
  return c.scalar(sql::kInsertMember, {m.person_id, m.role, opt(m.user_id), m.name, m.unit_or_relation, m.phone,
                                       std::int64_t{m.is_contact}, m.joined_on, opt(m.unit_id), opt(m.created_by),
                                       m.created_at});
}

Result<std::vector<HelpMember>> help_members_of(Connection& c, std::int64_t person_id) {
  auto rows = c.query(std::string("SELECT ") + sql::kMemberCols +
                          " FROM help_members WHERE person_id = ? ORDER BY left_on IS NOT NULL, joined_on, id",
                      {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<HelpMember> out;
  for (const auto& r : *rows) out.push_back(member_from(r));
  return out;
}

Status end_help_member(Connection& c, std::int64_t member_id, const std::string& left_on, const std::string& reason,
                       std::int64_t user_id, std::int64_t now) {
  auto n = c.exec(sql::kEndMember, {left_on, reason, user_id, now, member_id});
  if (!n.ok()) return n.error();
  return {};
}

Status set_help_contact(Connection& c, std::int64_t person_id, std::int64_t member_id) {
  auto n = c.exec(sql::kSetContact, {member_id, person_id});
  if (!n.ok()) return n.error();
  return {};
}

Status set_family_contact(Connection& c, std::int64_t person_id, const std::string& name,
                          const std::string& relation, const std::string& phone, std::int64_t now) {
  auto n = c.exec(sql::kSetFamilyContact, {name, relation, phone, now, person_id});
  if (!n.ok()) return n.error();
  return {};
}

Result<std::int64_t> insert_help_plan(Connection& c, const HelpPlan& p) {
  return c.scalar(sql::kInsertPlan, {p.person_id, std::int64_t{p.version}, p.made_on, p.review_on, p.needs,
                                     p.reason, opt(p.unit_id), opt(p.user_id), p.created_at});
}

Result<std::vector<HelpPlan>> help_plans_of(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPlans, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<HelpPlan> out;
  for (const auto& r : *rows) {
    HelpPlan h;
    h.id = r.i64(0);
    h.person_id = r.i64(1);
    h.version = static_cast<int>(r.i64(2));
    h.made_on = r.str(3);
    h.review_on = r.str(4);
    h.needs = r.str(5);
    h.reason = r.str(6);
    h.unit_id = r.opt_i64(7);
    h.user_id = r.opt_i64(8);
    h.created_at = r.i64(9);
    h.user_name = r.str(10);
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::int64_t> insert_help_agreement(Connection& c, const HelpAgreement& a) {
  return c.scalar(sql::kInsertAgreement,
                  {a.person_id, a.signed_on, a.parties, a.note, opt(a.unit_id), opt(a.user_id), a.created_at});
}

Result<std::vector<HelpAgreement>> help_agreements_of(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kAgreements, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<HelpAgreement> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.opt_i64(5), r.opt_i64(6), r.i64(7)});
  return out;
}

Result<std::pair<std::vector<HelpListRow>, std::int64_t>> incomplete_help_groups(Connection& c,
                                                                                 const domain::Scope& scope,
                                                                                 const HelpListFilter& f) {
  // WHERE: scope, filters, under assistance today, and the group's problem (R-ORG-3, R-ORG-1).
  Params w;
  std::string where = scope_predicate(scope, w);
  where += " AND p.release_date <= ? AND p.assistance_end_date > ?";
  w.push_back(f.today);
  w.push_back(f.today);
  if (!f.name_like.empty()) {
    where += " AND p.name LIKE ? ESCAPE '\\'";
    w.push_back(like_text(f.name_like));
  }
  if (!f.unit_ids.empty()) {
    where += " AND (p.household_unit_id IN " + ids_in(f.unit_ids, w) + " OR p.residence_unit_id IN " +
             ids_in(f.unit_ids, w) + ")";
  }
  auto has = [&](const char* role) {
    w.push_back(f.today);
    w.push_back(f.today);
    return std::string("EXISTS (SELECT 1 FROM help_members m WHERE ") + sql::kCurrentMember + " AND m.role = '" +
           role + "')";
  };
  auto count_current = [&]() {
    w.push_back(f.today);
    w.push_back(f.today);
    return std::string("(SELECT COUNT(*) FROM help_members m WHERE ") + sql::kCurrentMember + ")";
  };
  if (f.problem == "missing") {
    where += " AND NOT EXISTS (SELECT 1 FROM help_members m WHERE " + std::string(sql::kCurrentMember) + ")";
    w.push_back(f.today);
    w.push_back(f.today);
  } else {
    std::string bad = count_current() + " < 2";
    for (const char* role : {"police_officer", "judicial_assistant", "village_cadre", "family_member"})
      bad += " OR NOT " + has(role);
    where += " AND (" + bad + ")";
    if (f.problem == "incomplete") {
      where += " AND EXISTS (SELECT 1 FROM help_members m WHERE " + std::string(sql::kCurrentMember) + ")";
      w.push_back(f.today);
      w.push_back(f.today);
    }
  }
  auto total = c.scalar("SELECT COUNT(*) FROM persons p WHERE " + where, w);
  if (!total.ok()) return total.error();
  Params p;
  push_list_params(p, f.today);
  p.insert(p.end(), w.begin(), w.end());
  p.push_back(std::int64_t{f.page_size});
  p.push_back(std::int64_t{f.page - 1} * f.page_size);
  auto rows = c.query("SELECT " + sql::kListCols + " FROM persons p WHERE " + where + " ORDER BY p.id LIMIT ? OFFSET ?",
                      p);
  if (!rows.ok()) return rows.error();
  std::vector<HelpListRow> out;
  for (const auto& r : *rows) out.push_back(list_row(r));
  return std::make_pair(std::move(out), *total);
}

Result<std::pair<std::vector<HelpListRow>, std::int64_t>> persons_helped_by(Connection& c, const domain::Scope& scope,
                                                                            std::int64_t user_id,
                                                                            const std::string& today, int page,
                                                                            int page_size) {
  Params w;
  std::string where = scope_predicate(scope, w);
  where += std::string(" AND EXISTS (SELECT 1 FROM help_members m WHERE ") + sql::kCurrentMember +
           " AND m.user_id = ?)";
  w.push_back(today);
  w.push_back(today);
  w.push_back(user_id);
  auto total = c.scalar("SELECT COUNT(*) FROM persons p WHERE " + where, w);
  if (!total.ok()) return total.error();
  Params p;
  push_list_params(p, today);
  p.insert(p.end(), w.begin(), w.end());
  p.push_back(std::int64_t{page_size});
  p.push_back(std::int64_t{page - 1} * page_size);
  auto rows = c.query("SELECT " + sql::kListCols + " FROM persons p WHERE " + where +
                          " ORDER BY p.name, p.id LIMIT ? OFFSET ?",
                      p);
  if (!rows.ok()) return rows.error();
  std::vector<HelpListRow> out;
  for (const auto& r : *rows) out.push_back(list_row(r));
  return std::make_pair(std::move(out), *total);
}

Result<std::vector<UserCandidate>> active_users_with_roles(Connection& c) {
  auto rows = c.query(sql::kActiveUsers);
  if (!rows.ok()) return rows.error();
  std::vector<UserCandidate> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  return out;
}

}  // namespace anbang::store
