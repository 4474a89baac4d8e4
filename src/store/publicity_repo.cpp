#include "store/publicity_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertConsent =
    "INSERT INTO publicity_consents (person_id, given_on, scope, valid_until, note, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kPersonConsents =
    "SELECT id, person_id, given_on, scope, valid_until, note, created_at FROM publicity_consents WHERE person_id = ? "
    "ORDER BY given_on DESC, id DESC";
constexpr const char* kInsertPublicity =
    "INSERT INTO publicity_items (kind, unit_id, person_id, category, title, body, happened_on, channel, state, "
    "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) RETURNING id";
constexpr const char* kPublicityCols =
    "SELECT i.id, i.kind, i.unit_id, i.person_id, i.category, i.title, i.body, i.happened_on, i.channel, i.state, "
    "i.public_text, i.public_title, i.published_by, i.published_at, COALESCE(u.display_name, ''), COALESCE(i.user_id, 0), "
    "i.created_at, COALESCE(p.household_unit_id, 0), COALESCE(p.residence_unit_id, 0) FROM publicity_items i "
    "LEFT JOIN users u ON u.id = i.published_by LEFT JOIN persons p ON p.id = i.person_id";
constexpr const char* kFindPublicity = " WHERE i.id = ?";
constexpr const char* kAllPublicity = " ORDER BY i.happened_on DESC, i.id DESC";
constexpr const char* kPublish =
    "UPDATE publicity_items SET state = 'published', public_title = ?, public_text = ?, published_by = ?, published_at = ? WHERE id = ? "
    "AND state = 'draft'";
constexpr const char* kDeletePublicity = "DELETE FROM publicity_items WHERE id = ? AND state = 'draft'";
}  // namespace sql

namespace {
Value user_or_null(std::int64_t id) { return id ? Value(id) : Value(nullptr); }
PublicityRow item_of(const Row& r) {
  PublicityRow p;
  p.id = r.i64(0);
  p.kind = r.str(1);
  p.unit_id = r.i64(2);
  p.person_id = r.opt_i64(3);
  p.category = r.str(4);
  p.title = r.str(5);
  p.body = r.str(6);
  p.happened_on = r.str(7);
  p.channel = r.str(8);
  p.state = r.str(9);
  p.public_text = r.str(10);
  p.public_title = r.str(11);
  p.published_by = r.opt_i64(12);
  p.published_at = r.opt_i64(13);
  p.published_by_name = r.str(14);
  p.user_id = r.i64(15);
  p.created_at = r.i64(16);
  p.household_unit_id = r.i64(17);
  p.residence_unit_id = r.i64(18);
  return p;
}
}  // namespace

Result<std::int64_t> insert_consent(Connection& c, const ConsentRow& r, std::int64_t user_id) {
  return c.scalar(sql::kInsertConsent,
                  {r.person_id, r.given_on, r.scope, opt(r.valid_until), r.note, user_or_null(user_id), r.created_at});
}

Result<std::vector<ConsentRow>> person_consents(Connection& c, std::int64_t person_id) {
  auto rows = c.query(sql::kPersonConsents, {person_id});
  if (!rows.ok()) return rows.error();
  std::vector<ConsentRow> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.opt_str(4), r.str(5), r.i64(6)});
  return out;
}

Result<std::int64_t> insert_publicity(Connection& c, const PublicityRow& r) {
  return c.scalar(sql::kInsertPublicity, {r.kind, r.unit_id, opt(r.person_id), r.category, r.title, r.body,
                                          r.happened_on, r.channel, user_or_null(r.user_id), r.created_at});
}

Result<std::optional<PublicityRow>> find_publicity(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(sql::kPublicityCols) + sql::kFindPublicity, {id});
  if (!r.ok()) return r.error();
  if (!*r) return std::optional<PublicityRow>();
  return std::optional<PublicityRow>(item_of(**r));
}

Result<std::vector<PublicityRow>> all_publicity(Connection& c) {
  auto rows = c.query(std::string(sql::kPublicityCols) + sql::kAllPublicity);
  if (!rows.ok()) return rows.error();
  std::vector<PublicityRow> out;
  for (const auto& r : *rows) out.push_back(item_of(r));
  return out;
}

Status publish_item(Connection& c, std::int64_t id, const std::string& public_title, const std::string& public_text,
                    std::int64_t user_id, std::int64_t now) {
  auto r = c.exec(sql::kPublish, {public_title, public_text, user_or_null(user_id), now, id});
  if (!r.ok()) return r.error();
  return {};
}

Status delete_publicity(Connection& c, std::int64_t id) {
  auto r = c.exec(sql::kDeletePublicity, {id});
  if (!r.ok()) return r.error();
  return {};
}

}  // namespace anbang::store
