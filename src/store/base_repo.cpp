#include "store/base_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kInsertBase =
    "INSERT INTO resettlement_bases (kind, unit_id, name, enterprise, address, contact_name, contact_phone, note, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateBase =
    "UPDATE resettlement_bases SET name = ?, enterprise = ?, address = ?, contact_name = ?, contact_phone = ?, "
    "note = ? WHERE id = ?";
constexpr const char* kBaseColumns =
    "SELECT b.id, b.kind, b.unit_id, b.name, b.enterprise, b.address, b.contact_name, b.contact_phone, b.note, "
    "b.created_at, (SELECT COUNT(*) FROM base_placements p WHERE p.base_id = b.id AND p.ended_on IS NULL) "
    "FROM resettlement_bases b ";
constexpr const char* kFindBaseWhere = "WHERE b.id = ?";
constexpr const char* kAllBasesOrder = "ORDER BY b.kind = 'enterprise', b.unit_id, b.name, b.id";
constexpr const char* kInsertAgreement =
    "INSERT INTO base_agreements (base_id, signed_on, valid_from, valid_to, capacity, services, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kAgreementColumns =
    "SELECT id, base_id, signed_on, valid_from, valid_to, capacity, services, created_at FROM base_agreements ";
constexpr const char* kCountActive = "SELECT COUNT(*) FROM base_placements WHERE base_id = ? AND ended_on IS NULL";
constexpr const char* kInsertPlacement =
    "INSERT INTO base_placements (base_id, person_id, placed_on, note, unit_id, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kEndPlacement =
    "UPDATE base_placements SET ended_on = ?, end_reason = ?, ended_by = ? WHERE id = ? AND ended_on IS NULL";
constexpr const char* kPlacementColumns =
    "SELECT pl.id, pl.base_id, pl.person_id, pl.placed_on, pl.ended_on, pl.end_reason, pl.note, "
    "COALESCE(pl.unit_id, 0), pl.created_at, p.name, p.household_unit_id, p.residence_unit_id, b.name "
    "FROM base_placements pl JOIN persons p ON p.id = pl.person_id JOIN resettlement_bases b ON b.id = pl.base_id ";
constexpr const char* kInBaseOn =
    "SELECT DISTINCT person_id FROM base_placements WHERE placed_on <= ? AND (ended_on IS NULL OR ended_on > ?) "
    "AND person_id IN ";

constexpr const char* kInsertTraining =
    "INSERT INTO skills_trainings (unit_id, programme, provider, address, starts_on, ends_on, places, note, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateTraining =
    "UPDATE skills_trainings SET programme = ?, provider = ?, address = ?, starts_on = ?, ends_on = ?, places = ?, "
    "note = ? WHERE id = ?";
constexpr const char* kTrainingColumns =
    "SELECT t.id, t.unit_id, t.programme, t.provider, t.address, t.starts_on, t.ends_on, t.places, t.note, "
    "t.created_at, (SELECT COUNT(*) FROM training_enrolments e WHERE e.training_id = t.id) FROM skills_trainings t ";
constexpr const char* kTrainingDays = "SELECT starts_on FROM skills_trainings WHERE unit_id = ?";
constexpr const char* kCountEnrolments = "SELECT COUNT(*) FROM training_enrolments WHERE training_id = ?";
constexpr const char* kInsertEnrolment =
    "INSERT INTO training_enrolments (training_id, person_id, unit_id, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSetAttendance =
    "UPDATE training_enrolments SET attended = ?, certificate = ?, recorded_at = ? WHERE id = ?";
constexpr const char* kEnrolmentColumns =
    "SELECT e.id, e.training_id, e.person_id, COALESCE(e.unit_id, 0), e.attended, e.certificate, e.created_at, "
    "p.name, COALESCE(p.id_number, ''), p.household_unit_id, p.residence_unit_id, t.programme, t.provider, "
    "t.starts_on, t.ends_on FROM training_enrolments e JOIN persons p ON p.id = e.person_id "
    "JOIN skills_trainings t ON t.id = e.training_id ";
}  // namespace sql

namespace {
Value user_or_null(std::int64_t id) { return id ? Value(id) : Value(nullptr); }

BaseRow base_of(const Row& r) {
  BaseRow b;
  b.id = r.i64(0);
  b.kind = r.str(1);
  b.unit_id = r.i64(2);
  b.name = r.str(3);
  b.enterprise = r.str(4);
  b.address = r.str(5);
  b.contact_name = r.str(6);
  b.contact_phone = r.str(7);
  b.note = r.str(8);
  b.created_at = r.i64(9);
  b.occupied = r.i64(10);
  return b;
}

AgreementRow agreement_of(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.i64(5), r.str(6), r.i64(7)};
}

PlacementRow placement_of(const Row& r) {
  PlacementRow p;
  p.id = r.i64(0);
  p.base_id = r.i64(1);
  p.person_id = r.i64(2);
  p.placed_on = r.str(3);
  p.ended_on = r.opt_str(4);
  p.end_reason = r.str(5);
  p.note = r.str(6);
  p.unit_id = r.i64(7);
  p.created_at = r.i64(8);
  p.person_name = r.str(9);
  p.household_unit_id = r.i64(10);
  p.residence_unit_id = r.i64(11);
  p.base_name = r.str(12);
  return p;
}

TrainingRow training_of(const Row& r) {
  TrainingRow t;
  t.id = r.i64(0);
  t.unit_id = r.i64(1);
  t.programme = r.str(2);
  t.provider = r.str(3);
  t.address = r.str(4);
  t.starts_on = r.str(5);
  t.ends_on = r.str(6);
  t.places = r.i64(7);
  t.note = r.str(8);
  t.created_at = r.i64(9);
  t.enrolled = r.i64(10);
  return t;
}

EnrolmentRow enrolment_of(const Row& r) {
  EnrolmentRow e;
  e.id = r.i64(0);
  e.training_id = r.i64(1);
  e.person_id = r.i64(2);
  e.unit_id = r.i64(3);
  if (!r.is_null(4)) e.attended = r.boolean(4);
  e.certificate = r.str(5);
  e.created_at = r.i64(6);
  e.person_name = r.str(7);
  e.id_number = r.str(8);
  e.household_unit_id = r.i64(9);
  e.residence_unit_id = r.i64(10);
  e.programme = r.str(11);
  e.provider = r.str(12);
  e.starts_on = r.str(13);
  e.ends_on = r.str(14);
  return e;
}

template <class T, class Of>
Result<std::vector<T>> rows_of(Connection& c, const std::string& sql, const Params& params, Of of) {
  auto rows = c.query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<T> out;
  for (const auto& r : *rows) out.push_back(of(r));
  return out;
}

template <class T, class Of>
Result<std::optional<T>> one_of(Connection& c, const std::string& sql, const Params& params, Of of) {
  auto r = c.query_one(sql, params);
  if (!r.ok()) return r.error();
  if (!*r) return std::optional<T>();
  return std::optional<T>(of(**r));
}

Status done(const Result<std::int64_t>& r) {
  if (!r.ok()) return r.error();
  return {};
}
}  // namespace

Result<std::int64_t> insert_base(Connection& c, const BaseRow& b, std::int64_t user_id) {
  return c.scalar(sql::kInsertBase, {b.kind, b.unit_id, b.name, b.enterprise, b.address, b.contact_name,
                                     b.contact_phone, b.note, user_or_null(user_id), b.created_at});
}

Status update_base(Connection& c, const BaseRow& b) {
  return done(c.exec(sql::kUpdateBase, {b.name, b.enterprise, b.address, b.contact_name, b.contact_phone, b.note, b.id}));
}

Result<std::optional<BaseRow>> find_base(Connection& c, std::int64_t id) {
  return one_of<BaseRow>(c, std::string(sql::kBaseColumns) + sql::kFindBaseWhere, {id}, base_of);
}

Result<std::vector<BaseRow>> all_bases(Connection& c) {
  return rows_of<BaseRow>(c, std::string(sql::kBaseColumns) + sql::kAllBasesOrder, {}, base_of);
}

Result<std::int64_t> insert_agreement(Connection& c, const AgreementRow& a, std::int64_t user_id) {
  return c.scalar(sql::kInsertAgreement, {a.base_id, a.signed_on, a.valid_from, a.valid_to, a.capacity, a.services,
                                          user_or_null(user_id), a.created_at});
}

Result<std::vector<AgreementRow>> base_agreements(Connection& c, std::int64_t base_id) {
  return rows_of<AgreementRow>(c, std::string(sql::kAgreementColumns) + "WHERE base_id = ? ORDER BY valid_from, id",
                               {base_id}, agreement_of);
}

Result<std::vector<AgreementRow>> all_agreements(Connection& c) {
  return rows_of<AgreementRow>(c, std::string(sql::kAgreementColumns) + "ORDER BY base_id, valid_from, id", {},
                               agreement_of);
}

Result<std::int64_t> count_active_placements(Connection& c, std::int64_t base_id) {
  return c.scalar(sql::kCountActive, {base_id});
}

Result<std::int64_t> insert_placement(Connection& c, const PlacementRow& p, std::int64_t user_id) {
  return c.scalar(sql::kInsertPlacement, {p.base_id, p.person_id, p.placed_on, p.note, user_or_null(p.unit_id),
                                          user_or_null(user_id), p.created_at});
}

Status end_placement(Connection& c, std::int64_t id, const std::string& ended_on, const std::string& reason,
                     std::int64_t user_id) {
  return done(c.exec(sql::kEndPlacement, {ended_on, reason, user_or_null(user_id), id}));
}

Result<std::optional<PlacementRow>> find_placement(Connection& c, std::int64_t id) {
  return one_of<PlacementRow>(c, std::string(sql::kPlacementColumns) + "WHERE pl.id = ?", {id}, placement_of);
}

Result<std::optional<PlacementRow>> active_placement_of(Connection& c, std::int64_t person_id) {
  return one_of<PlacementRow>(c, std::string(sql::kPlacementColumns) + "WHERE pl.person_id = ? AND pl.ended_on IS NULL",
                              {person_id}, placement_of);
}

Result<std::vector<PlacementRow>> base_placements(Connection& c, std::int64_t base_id) {
  return rows_of<PlacementRow>(
      c, std::string(sql::kPlacementColumns) + "WHERE pl.base_id = ? ORDER BY pl.ended_on IS NOT NULL, pl.placed_on DESC, pl.id DESC",
      {base_id}, placement_of);
}

Result<std::vector<PlacementRow>> person_placements(Connection& c, std::int64_t person_id) {
  return rows_of<PlacementRow>(
      c, std::string(sql::kPlacementColumns) + "WHERE pl.person_id = ? ORDER BY pl.placed_on DESC, pl.id DESC",
      {person_id}, placement_of);
}

Result<std::set<std::int64_t>> persons_in_base_on(Connection& c, const std::vector<std::int64_t>& person_ids,
                                                  const std::string& day) {
  std::set<std::int64_t> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t i = 0; i < person_ids.size(); i += kChunk) {
    const std::size_t n = std::min(kChunk, person_ids.size() - i);
    std::string q = sql::kInBaseOn;
    q += "(";
    Params params = {day, day};
    for (std::size_t k = 0; k < n; ++k) {
      q += k ? ",?" : "?";
      params.emplace_back(person_ids[i + k]);
    }
    q += ")";
    auto rows = c.query(q, params);
    if (!rows.ok()) return rows.error();
    for (const auto& r : *rows) out.insert(r.i64(0));
  }
  return out;
}

Result<std::int64_t> insert_training(Connection& c, const TrainingRow& t, std::int64_t user_id) {
  return c.scalar(sql::kInsertTraining, {t.unit_id, t.programme, t.provider, t.address, t.starts_on, t.ends_on,
                                         t.places, t.note, user_or_null(user_id), t.created_at});
}

Status update_training(Connection& c, const TrainingRow& t) {
  return done(c.exec(sql::kUpdateTraining,
                     {t.programme, t.provider, t.address, t.starts_on, t.ends_on, t.places, t.note, t.id}));
}

Result<std::optional<TrainingRow>> find_training(Connection& c, std::int64_t id) {
  return one_of<TrainingRow>(c, std::string(sql::kTrainingColumns) + "WHERE t.id = ?", {id}, training_of);
}

Result<std::vector<TrainingRow>> all_trainings(Connection& c) {
  return rows_of<TrainingRow>(c, std::string(sql::kTrainingColumns) + "ORDER BY t.starts_on DESC, t.id DESC", {},
                              training_of);
}

Result<std::vector<std::string>> training_days(Connection& c, std::int64_t unit_id) {
  return rows_of<std::string>(c, sql::kTrainingDays, {unit_id}, [](const Row& r) { return r.str(0); });
}

Result<std::int64_t> count_enrolments(Connection& c, std::int64_t training_id) {
  return c.scalar(sql::kCountEnrolments, {training_id});
}

Result<std::int64_t> insert_enrolment(Connection& c, const EnrolmentRow& e, std::int64_t user_id) {
  return c.scalar(sql::kInsertEnrolment,
                  {e.training_id, e.person_id, user_or_null(e.unit_id), user_or_null(user_id), e.created_at});
}

Result<std::optional<EnrolmentRow>> find_enrolment(Connection& c, std::int64_t id) {
  return one_of<EnrolmentRow>(c, std::string(sql::kEnrolmentColumns) + "WHERE e.id = ?", {id}, enrolment_of);
}

Status set_attendance(Connection& c, std::int64_t id, bool attended, const std::string& certificate, std::int64_t now) {
  return done(c.exec(sql::kSetAttendance, {std::int64_t{attended ? 1 : 0}, certificate, now, id}));
}

Result<std::vector<EnrolmentRow>> training_enrolments(Connection& c, std::int64_t training_id) {
  return rows_of<EnrolmentRow>(c, std::string(sql::kEnrolmentColumns) + "WHERE e.training_id = ? ORDER BY p.name, e.id",
                               {training_id}, enrolment_of);
}

Result<std::vector<EnrolmentRow>> person_enrolments(Connection& c, std::int64_t person_id) {
  return rows_of<EnrolmentRow>(
      c, std::string(sql::kEnrolmentColumns) + "WHERE e.person_id = ? ORDER BY t.starts_on DESC, e.id DESC", {person_id},
      enrolment_of);
}

}  // namespace anbang::store
