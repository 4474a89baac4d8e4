// Kinds and states as types. The database and the API carry them as the codes below; inside the
// program they are enums, so a misspelt kind is a compile error rather than a silent mismatch. Each
// enum has exactly one table of codes; `code()` and `parse<E>()` are the only conversions.
#pragma once
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace anbang::domain {

// Linkage documents (R-LNK-1..4): the registration form, the office's verification feedback, the
// custody unit's release notice, the office's reception arrangement, and R-LNK-3's family change
// report and the help given for it.
enum class DocumentKind {
  registration_form,
  verification_feedback,
  release_notice,
  reception_arrangement,
  family_change,
  family_help
};

// Custody after release (R-PER-1): a detention interrupts the period, a new sentence ends it.
enum class CustodyKind { detention, new_sentence };

// A kept task's state (the engine's "overdue" is an open task past its due date, computed on read).
enum class TaskState { open, done, not_applicable, missed };

// The built-in roles (an administrator may add others; those have no fixed kind of unit).
enum class BuiltInRole {
  admin,
  district_officer,
  judicial_officer,
  police_officer,
  township_officer,
  village_cadre,
  auditor,
  custody_clerk,
  department_officer,
  civil_affairs_leader  // issue 10: 镇街民政分管领导 (R-ALW-2's approval)
};

template <typename E>
struct CodeTable;  // specialised below: static constexpr std::array<std::pair<E, std::string_view>, N> codes

template <>
struct CodeTable<DocumentKind> {
  static constexpr std::array<std::pair<DocumentKind, std::string_view>, 6> codes{{
      {DocumentKind::registration_form, "registration_form"},
      {DocumentKind::verification_feedback, "verification_feedback"},
      {DocumentKind::release_notice, "release_notice"},
      {DocumentKind::reception_arrangement, "reception_arrangement"},
      {DocumentKind::family_change, "family_change"},
      {DocumentKind::family_help, "family_help"},
  }};
};

template <>
struct CodeTable<CustodyKind> {
  static constexpr std::array<std::pair<CustodyKind, std::string_view>, 2> codes{{
      {CustodyKind::detention, "detention"},
      {CustodyKind::new_sentence, "new_sentence"},
  }};
};

template <>
struct CodeTable<TaskState> {
  static constexpr std::array<std::pair<TaskState, std::string_view>, 4> codes{{
      {TaskState::open, "open"},
      {TaskState::done, "done"},
      {TaskState::not_applicable, "not_applicable"},
      {TaskState::missed, "missed"},
  }};
};

template <>
struct CodeTable<BuiltInRole> {
  static constexpr std::array<std::pair<BuiltInRole, std::string_view>, 10> codes{{
      {BuiltInRole::admin, "admin"},
      {BuiltInRole::district_officer, "district_officer"},
      {BuiltInRole::judicial_officer, "judicial_officer"},
      {BuiltInRole::police_officer, "police_officer"},
      {BuiltInRole::township_officer, "township_officer"},
      {BuiltInRole::village_cadre, "village_cadre"},
      {BuiltInRole::auditor, "auditor"},
      {BuiltInRole::custody_clerk, "custody_clerk"},
      {BuiltInRole::department_officer, "department_officer"},
      {BuiltInRole::civil_affairs_leader, "civil_affairs_leader"},
  }};
};

// The code of a value, as stored and sent.
template <typename E>
constexpr std::string_view code(E value) {
  for (const auto& [v, c] : CodeTable<E>::codes)
    if (v == value) return c;
  return {};
}

// The value of a code; nullopt for a code that is not in the table.
template <typename E>
constexpr std::optional<E> parse(std::string_view text) {
  for (const auto& [v, c] : CodeTable<E>::codes)
    if (c == text) return v;
  return std::nullopt;
}

// Every code of a kind, in table order (for checks and error messages).
template <typename E>
constexpr auto all_codes() {
  std::array<std::string_view, CodeTable<E>::codes.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = CodeTable<E>::codes[i].second;
  return out;
}

}  // namespace anbang::domain
