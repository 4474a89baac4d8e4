#include "store/person_repo.hpp"

#include <nlohmann/json.hpp>

namespace anbang::store {

namespace sql {
constexpr const char* kPersonCols =
    "p.id, p.name, p.former_names, p.pinyin_keys, p.gender, p.ethnic_code, p.id_number, p.identity_verified, "
    "p.birth_date, p.education_code, p.household_unit_id, p.household_address, p.residence_unit_id, "
    "p.residence_address, p.charge_ids, p.sentence_type, p.sentence_months, p.release_date, p.release_kind, "
    "p.releasing_authority, p.assistance_end_date, p.family_contact_name, p.family_contact_relation, "
    "p.family_contact_phone, p.phone, p.version, p.created_by, p.created_at, p.updated_at";
constexpr const char* kListCols =
    "p.id, p.name, p.gender, p.id_number, p.birth_date, p.identity_verified, p.household_unit_id, "
    "p.residence_unit_id, p.release_date, p.release_kind, p.assistance_end_date, c.name, "
    "EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = p.id AND ci.kind = 'detention' AND "
    "ci.to_date IS NULL), p.key_subject, p.resettlement, p.resettlement_reason";
// A detention after release still open (its end not recorded): 羁押中. Detentions are recorded with
// dates up to today, so an open one is the one covering today.
constexpr const char* kOpenDetention =
    "EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = p.id AND ci.kind = 'detention' AND "
    "ci.to_date IS NULL)";
constexpr const char* kInsertPerson =
    "INSERT INTO persons (name, former_names, pinyin_keys, gender, ethnic_code, id_number, "
    "identity_verified, "
    "birth_date, education_code, household_unit_id, household_address, residence_unit_id, residence_address, "
    "charge_ids, main_charge_id, sentence_type, sentence_months, release_date, release_kind, "
    "releasing_authority, "
    "assistance_end_date, family_contact_name, family_contact_relation, family_contact_phone, phone, "
    "version, "
    "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, "
    "?, ?, ?, 1, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePerson =
    "UPDATE persons SET name = ?, former_names = ?, pinyin_keys = ?, gender = ?, ethnic_code = ?, id_number "
    "= ?, "
    "identity_verified = ?, birth_date = ?, education_code = ?, household_unit_id = ?, household_address = "
    "?, "
    "residence_unit_id = ?, residence_address = ?, charge_ids = ?, main_charge_id = ?, sentence_type = ?, "
    "sentence_months = ?, release_date = ?, release_kind = ?, releasing_authority = ?, assistance_end_date = "
    "?, "
    "family_contact_name = ?, family_contact_relation = ?, family_contact_phone = ?, phone = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
constexpr const char* kIdHolder =
    "SELECT id, household_unit_id, residence_unit_id FROM persons WHERE id_number = ?";
constexpr const char* kCharges =
    "SELECT id, name, chapter, chapter_name, section, section_name, article FROM charges ORDER BY id";
constexpr const char* kInsertEvent =
    "INSERT INTO person_events (person_id, at, kind, user_id, unit_id, summary, detail, code, params) VALUES "
    "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kChargeIds = "SELECT charge_ids FROM persons WHERE id = ?";
constexpr const char* kEvents =
    "SELECT e.id, e.person_id, e.at, e.kind, e.user_id, e.unit_id, COALESCE(u.display_name, ''), "
    "COALESCE(n.name, ''), e.summary, e.detail, e.code, e.params FROM person_events e LEFT JOIN users u ON u.id = e.user_id "
    "LEFT JOIN units n ON n.id = e.unit_id WHERE e.person_id = ? ORDER BY e.at DESC, e.id DESC";
}  // namespace sql

namespace {

std::string in_list(const std::vector<std::int64_t>& ids, Params& params) {
  std::string s = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    params.push_back(ids[i]);
  }
  return s + ")";
}

// `text` for a LIKE pattern with ESCAPE '\': %, _ and \ match themselves.
std::string like_escape(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

std::string charges_json(const std::vector<std::int64_t>& ids) { return nlohmann::json(ids).dump(); }

std::vector<std::int64_t> charges_from(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::int64_t> out;
  if (j.is_array()) {
    for (auto& v : j) {
      if (v.is_number_integer()) out.push_back(v.get<std::int64_t>());
    }
  }
  return out;
}

Value main_charge(const PersonRecord& p) {
  return p.charge_ids.empty() ? Value(nullptr) : Value(p.charge_ids.front());
}

PersonRecord person_from(const Row& r) {
  PersonRecord p;
  p.id = r.i64(0);
  p.name = r.str(1);
  p.former_names = r.str(2);
  p.pinyin_keys = r.str(3);
  p.gender = r.str(4);
  p.ethnic_code = r.opt_str(5);
  p.id_number = r.opt_str(6);
  p.identity_verified = r.boolean(7);
  p.birth_date = r.opt_str(8);
  p.education_code = r.opt_str(9);
  p.household_unit_id = r.i64(10);
  p.household_address = r.str(11);
  p.residence_unit_id = r.i64(12);
  p.residence_address = r.str(13);
  p.charge_ids = charges_from(r.str(14));
  p.sentence_type = r.str(15);
  p.sentence_months = r.opt_i64(16);
  p.release_date = r.str(17);
  p.release_kind = r.str(18);
  p.releasing_authority = r.str(19);
  p.assistance_end_date = r.str(20);
  p.family_contact_name = r.str(21);
  p.family_contact_relation = r.str(22);
  p.family_contact_phone = r.str(23);
  p.phone = r.str(24);
  p.version = r.i64(25);
  p.created_by = r.opt_i64(26);
  p.created_at = r.i64(27);
  p.updated_at = r.i64(28);
  return p;
}

PersonListItem item_from(const Row& r) {
  PersonListItem it;
  it.id = r.i64(0);
  it.name = r.str(1);
  it.gender = r.str(2);
  it.id_number = r.opt_str(3);
  it.birth_date = r.opt_str(4);
  it.identity_verified = r.boolean(5);
  it.household_unit_id = r.i64(6);
  it.residence_unit_id = r.i64(7);
  it.release_date = r.str(8);
  it.release_kind = r.str(9);
  it.assistance_end_date = r.str(10);
  it.main_charge = r.str(11);
  it.detained = r.boolean(12);
  it.key_subject = r.boolean(13);
  it.resettlement = r.str(14);
  it.resettlement_reason = r.str(15);
  return it;
}

// WHERE clause (without "WHERE") for scope + filter.
std::string where_clause(const domain::Scope& scope, const PersonFilter& f, Params& p) {
  std::string w = scope_predicate(scope, p);
  if (!f.name_like.empty()) {
    w += " AND (p.name LIKE ? ESCAPE '\\' OR p.former_names LIKE ? ESCAPE '\\')";
    p.push_back("%" + like_escape(f.name_like) + "%");
    p.push_back("%" + like_escape(f.name_like) + "%");
  }
  if (!f.pinyin_prefix.empty()) {
    w += " AND p.pinyin_keys LIKE ? ESCAPE '\\'";
    p.push_back("% " + like_escape(f.pinyin_prefix) + "%");
  }
  if (!f.id_prefix.empty()) {
    w += " AND p.id_number LIKE ? ESCAPE '\\'";
    p.push_back(like_escape(f.id_prefix) + "%");
  }
  if (!f.unit_ids.empty()) {
    w += " AND (p.household_unit_id IN " + in_list(f.unit_ids, p) + " OR p.residence_unit_id IN " +
         in_list(f.unit_ids, p) + ")";
  }
  if (f.status == "in_custody") {
    w += " AND p.release_date > ?";
    p.push_back(f.today);
  } else if (f.status == "under_assistance" || f.status == "detained") {
    w += " AND p.release_date <= ? AND p.assistance_end_date > ? AND ";
    w += f.status == "detained" ? sql::kOpenDetention : std::string("NOT ") + sql::kOpenDetention;
    p.push_back(f.today);
    p.push_back(f.today);
  } else if (f.status == "ended") {
    w += " AND p.assistance_end_date <= ?";
    p.push_back(f.today);
  }
  if (!f.released_from.empty()) {
    w += " AND p.release_date >= ?";
    p.push_back(f.released_from);
  }
  if (!f.released_to.empty()) {
    w += " AND p.release_date <= ?";
    p.push_back(f.released_to);
  }
  if (f.identity_verified) {
    w += " AND p.identity_verified = ?";
    p.push_back(std::int64_t{*f.identity_verified});
  }
  if (f.key_subject) {
    w += " AND p.key_subject = ?";
    p.push_back(std::int64_t{*f.key_subject});
  }
  if (f.resettlement == "resettled") {
    w += " AND p.resettlement <> 'not_resettled'";
  } else if (!f.resettlement.empty()) {
    w += " AND p.resettlement = ?";
    p.push_back(f.resettlement);
  }
  if (f.separated)
    w += *f.separated ? " AND p.household_unit_id <> p.residence_unit_id"
                      : " AND p.household_unit_id = p.residence_unit_id";
  return w;
}

std::string order_clause(const PersonFilter& f) {
  static const char* allowed[] = {"id", "name", "release_date", "birth_date", "created_at"};
  std::string col = "id";
  for (const char* a : allowed) {
    if (f.sort == a) col = a;
  }
  std::string dir = f.descending ? " DESC" : " ASC";
  return " ORDER BY p." + col + dir + (col == "id" ? "" : ", p.id" + dir);
}

constexpr const char* kFromList = " FROM persons p LEFT JOIN charges c ON c.id = p.main_charge_id WHERE ";

Params person_params(const PersonRecord& p) {
  return {p.name,
          p.former_names,
          p.pinyin_keys,
          p.gender,
          opt(p.ethnic_code),
          opt(p.id_number),
          std::int64_t{p.identity_verified},
          opt(p.birth_date),
          opt(p.education_code),
          p.household_unit_id,
          p.household_address,
          p.residence_unit_id,
          p.residence_address,
          charges_json(p.charge_ids),
          main_charge(p),
          p.sentence_type,
          opt(p.sentence_months),
          p.release_date,
          p.release_kind,
          p.releasing_authority,
          p.assistance_end_date,
          p.family_contact_name,
          p.family_contact_relation,
          p.family_contact_phone,
          p.phone};
}

}  // namespace

std::string scope_predicate(const domain::Scope& scope, Params& params) {
  switch (scope.kind) {
    case domain::ScopeKind::district:
      return "1=1";
    case domain::ScopeKind::none:
      return "1=0";
    default:
      break;
  }
  if (scope.unit_ids.empty()) return "1=0";
  return "(p.household_unit_id IN " + in_list(scope.unit_ids, params) + " OR p.residence_unit_id IN " +
         in_list(scope.unit_ids, params) + ")";
}

Result<std::optional<PersonRecord>> find_person(Connection& c, const domain::Scope& scope, std::int64_t id) {
  Params p;
  std::string w = scope_predicate(scope, p);
  p.insert(p.begin(), id);
  auto row =
      c.query_one(std::string("SELECT ") + sql::kPersonCols + " FROM persons p WHERE p.id = ? AND " + w, p);
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<PersonRecord>{};
  return std::optional<PersonRecord>(person_from(**row));
}

Result<std::pair<std::vector<PersonListItem>, std::int64_t>> search_persons(Connection& c,
                                                                            const domain::Scope& scope,
                                                                            const PersonFilter& f) {
  Params p;
  std::string w = where_clause(scope, f, p);
  // One pass over the (usually index-only) matches gives the page's ids and the total.
  Params paged = p;
  paged.push_back(std::int64_t{f.page_size});
  paged.push_back(std::int64_t{f.page - 1} * f.page_size);
  auto ids = c.query(
      "SELECT p.id, COUNT(*) OVER () FROM persons p WHERE " + w + order_clause(f) + " LIMIT ? OFFSET ?",
      paged);
  if (!ids.ok()) return ids.error();
  std::vector<PersonListItem> items;
  std::int64_t total = 0;
  if (ids->empty()) {
    if (f.page > 1) {  // past the last page: the total still has to be known
      auto n = c.scalar("SELECT COUNT(*) FROM persons p WHERE " + w, p);
      if (!n.ok()) return n.error();
      total = *n;
    }
    return std::make_pair(std::move(items), total);
  }
  total = ids->front().i64(1);
  Params id_params;
  std::vector<std::int64_t> page_ids;
  for (const auto& r : *ids) page_ids.push_back(r.i64(0));
  auto rows = c.query(std::string("SELECT ") + sql::kListCols + kFromList + "p.id IN " +
                          in_list(page_ids, id_params) + order_clause(f),
                      id_params);
  if (!rows.ok()) return rows.error();
  items.reserve(rows->size());
  for (const auto& r : *rows) items.push_back(item_from(r));
  return std::make_pair(std::move(items), total);
}

Status each_person(Connection& c, const domain::Scope& scope, const PersonFilter& f,
                   const std::function<void(const PersonListItem&)>& fn) {
  Params p;
  std::string w = where_clause(scope, f, p);
  auto rows = c.query(std::string("SELECT ") + sql::kListCols + kFromList + w + order_clause(f), p);
  if (!rows.ok()) return rows.error();
  for (const auto& r : *rows) fn(item_from(r));
  return {};
}

Result<std::int64_t> insert_person(Connection& c, const PersonRecord& p) {
  Params params = person_params(p);
  params.push_back(opt(p.created_by));
  params.push_back(p.created_at);
  params.push_back(p.updated_at);
  return c.scalar(sql::kInsertPerson, params);
}

Result<bool> update_person(Connection& c, const PersonRecord& p) {
  Params params = person_params(p);
  params.push_back(p.updated_at);
  params.push_back(p.id);
  params.push_back(p.version);
  auto n = c.exec(sql::kUpdatePerson, params);
  if (!n.ok()) return n.error();
  return *n == 1;
}

Result<std::optional<IdHolder>> find_id_holder(Connection& c, const std::string& id_number) {
  auto row = c.query_one(sql::kIdHolder, {id_number});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::optional<IdHolder>{};
  return std::optional<IdHolder>(IdHolder{(*row)->i64(0), (*row)->i64(1), (*row)->i64(2)});
}

Result<std::vector<ChargeRow>> list_charges(Connection& c) {
  auto rows = c.query(sql::kCharges);
  if (!rows.ok()) return rows.error();
  std::vector<ChargeRow> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    out.push_back(
        {r.i64(0), r.str(1), static_cast<int>(r.i64(2)), r.str(3), r.opt_i64(4), r.str(5), r.str(6)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> list_code_table(Connection& c,
                                                                         const std::string& table) {
  std::string q;
  if (table == "ethnic_groups")
    q = "SELECT code, name FROM ethnic_groups ORDER BY code";
  else if (table == "education_levels")
    q = "SELECT code, name FROM education_levels ORDER BY code";
  else
    return not_found("DICT_NOT_FOUND", "没有这个代码表");
  auto rows = c.query(q);
  if (!rows.ok()) return rows.error();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : *rows) out.emplace_back(r.str(0), r.str(1));
  return out;
}

Status insert_person_event(Connection& c, const PersonEvent& e) {
  auto r = c.exec(sql::kInsertEvent,
                  {e.person_id, e.at, e.kind, opt(e.user_id), opt(e.unit_id), e.summary, e.detail, e.code,
                   e.params.empty() ? std::string("{}") : e.params});
  if (!r.ok()) return r.error();
  return {};
}

Result<std::vector<PersonEvent>> list_person_events(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kEvents, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<PersonEvent> out;
  for (const auto& r : *rows) {
    PersonEvent e;
    e.id = r.i64(0);
    e.person_id = r.i64(1);
    e.at = r.i64(2);
    e.kind = r.str(3);
    e.user_id = r.opt_i64(4);
    e.unit_id = r.opt_i64(5);
    e.user_name = r.str(6);
    e.unit_name = r.str(7);
    e.summary = r.str(8);
    e.detail = r.str(9);
    e.code = r.str(10);
    e.params = r.str(11);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<std::int64_t>> person_charge_ids(Connection& c, std::int64_t person_id) {
  auto row = c.query_one(sql::kChargeIds, {person_id});
  if (!row.ok()) return row.error();
  if (!row->has_value()) return std::vector<std::int64_t>{};
  return charges_from((*row)->str(0));
}

}  // namespace anbang::store
