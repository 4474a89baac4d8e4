// Helpers for the rule case tables: dates as "YYYY-MM-DD" text, a facts builder, and one runner
// that checks a row's expected (rule, key, due, state) against person_tasks().
#pragma once
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "rules/engine.hpp"

namespace anbang::rules::testing {

inline CivilDate D(const char* text) {
  auto r = domain::parse_date(text);
  if (!r.ok()) std::abort();  // a typo in a table
  return *r;
}

// PersonFacts built in one expression: P("2026-01-01").key("2026-02-15").visit("2026-03-02").
struct P {
  PersonFacts f;
  explicit P(const char* release, const char* kind = "prison") {
    f.id = 1;
    f.household_unit_id = 10;
    f.residence_unit_id = 11;
    f.release_date = D(release);
    f.release_kind = kind;
  }
  P& key(const char* from, const char* to = nullptr) {
    f.key_intervals.push_back({D(from), to ? std::optional(D(to)) : std::nullopt});
    return *this;
  }
  P& custody(const char* from, const char* to = nullptr) {
    f.custody_intervals.push_back({D(from), to ? std::optional(D(to)) : std::nullopt});
    return *this;
  }
  P& visit(const char* d) {
    f.visits.push_back(D(d));
    return *this;
  }
  P& review(const char* d) {
    f.reviews.push_back(D(d));
    return *this;
  }
  P& end(const char* d) {
    f.assistance_end_override = D(d);
    return *this;
  }
  P& set(std::optional<CivilDate> PersonFacts::*field, const char* d) {
    f.*field = D(d);
    return *this;
  }
  P& registered(const char* d) { return set(&PersonFacts::registration_date, d); }
  P& notice(const char* d) { return set(&PersonFacts::release_notice_received, d); }
  P& opened(const char* d) { return set(&PersonFacts::file_opened, d); }
  P& picked_up(const char* d) { return set(&PersonFacts::picked_up, d); }
  P& family_report(const char* received, const char* helped = nullptr) {
    f.family_reports.push_back({D(received), helped ? std::optional(D(helped)) : std::nullopt});
    return *this;
  }
  operator PersonFacts() const { return f; }  // NOLINT(google-explicit-constructor)
};

// Expected outcome of one row; `absent` = no task with that key.
enum class Want { open, done, overdue, not_applicable, missed, absent };

struct Row {
  const char* what;  // the case in words, printed on failure
  PersonFacts facts;
  const char* today;
  const char* rule;
  const char* key;
  const char* due;  // ignored for absent
  Want want;
};

inline const Task* find_task(const std::vector<Task>& tasks, std::string_view key) {
  for (const Task& t : tasks) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

inline std::string keys_of(const std::vector<Task>& tasks) {
  std::string s;
  for (const Task& t : tasks)
    s += std::string(t.key) + "(" + domain::to_string(t.due) + "," + std::string(to_string(t.state)) + ") ";
  return s;
}

inline void check_row(const Row& row, const PolicyTable& policy = PolicyTable()) {
  std::vector<Task> tasks = person_tasks(row.facts, policy, D(row.today));
  const Task* t = find_task(tasks, row.key);
  SCOPED_TRACE(std::string(row.what) + " | today " + row.today + " | tasks: " + keys_of(tasks));
  if (row.want == Want::absent) {
    EXPECT_EQ(t, nullptr) << row.key;
    return;
  }
  ASSERT_NE(t, nullptr) << row.key;
  EXPECT_EQ(t->rule, row.rule);
  EXPECT_EQ(domain::to_string(t->due), row.due);
  static constexpr State kStates[] = {State::open, State::done, State::overdue, State::not_applicable,
                                      State::missed};
  EXPECT_EQ(to_string(t->state), to_string(kStates[static_cast<int>(row.want)]));
  EXPECT_LE(t->window_from, t->due);
}

inline void check_table(const std::vector<Row>& rows, const PolicyTable& policy = PolicyTable()) {
  for (const Row& row : rows) check_row(row, policy);
}

}  // namespace anbang::rules::testing
