#include "store/reference_repo.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kCountEthnic = "SELECT COUNT(*) FROM ethnic_groups";
constexpr const char* kInsertEthnic = "INSERT INTO ethnic_groups (code, name, letter_code) VALUES (?, ?, ?)";
constexpr const char* kInsertEducation = "INSERT INTO education_levels (code, name, parent_code) VALUES (?, ?, ?)";
constexpr const char* kInsertCharge =
    "INSERT INTO charges (name, chapter, chapter_name, section, section_name, article) VALUES (?, ?, ?, ?, ?, ?)";
}  // namespace sql

namespace {
Status done(const Result<std::int64_t>& r) {
  if (!r.ok()) return r.error();
  return {};
}
}  // namespace

Result<std::int64_t> count_ethnic_groups(Connection& c) { return c.scalar(sql::kCountEthnic); }

Status insert_ethnic_group(Connection& c, const std::string& code, const std::string& name,
                           const std::string& letter_code) {
  return done(c.exec(sql::kInsertEthnic, {code, name, letter_code}));
}

Status insert_education_level(Connection& c, const std::string& code, const std::string& name,
                              const std::optional<std::string>& parent_code) {
  return done(c.exec(sql::kInsertEducation, {code, name, parent_code ? Value(*parent_code) : Value(nullptr)}));
}

Status insert_charge(Connection& c, const ChargeInput& ch) {
  return done(c.exec(sql::kInsertCharge, {ch.name, ch.chapter, ch.chapter_name,
                                          ch.section ? Value(*ch.section) : Value(nullptr), ch.section_name,
                                          ch.article}));
}

}  // namespace anbang::store
