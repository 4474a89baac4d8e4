// Case tables of the visit log's rules: which visits fulfil R-VIS-1/2, and when R-LOST-1's
// whereabouts become unknown or known again.
#include <gtest/gtest.h>

#include "rules/engine.hpp"
#include "rules/lost.hpp"
#include "rules/rules_test_util.hpp"
#include "rules/visits.hpp"

namespace anbang::rules {
namespace {

using domain::VisitOutcome;
using testing::D;
using testing::P;
using testing::Want;
constexpr auto met = VisitOutcome::met, nf = VisitOutcome::not_found, refused = VisitOutcome::refused;

std::vector<LoggedVisit> log_of(std::initializer_list<std::pair<const char*, VisitOutcome>> rows) {
  std::vector<LoggedVisit> out;
  std::int64_t order = 0;
  for (const auto& [on, outcome] : rows) out.push_back({D(on), ++order, outcome});
  return out;
}

PersonFacts with_log(P p, const std::vector<LoggedVisit>& log) {
  PersonFacts f = p;
  f.visits = fulfilling_visits(log);
  return f;
}

// R-VIS-1: a visit fulfils the half-year only if it reached the person (met or refused).
TEST(Rules, R_VIS_1_OnlyAVisitThatReachedThePersonFulfils) {
  struct Case {
    VisitOutcome outcome;
    bool fulfils;
  } cases[] = {{met, true}, {refused, true}, {nf, false}};
  for (const auto& c : cases) EXPECT_EQ(visit_fulfils(c.outcome), c.fulfils) << domain::code(c.outcome);
  testing::check_table({
      {"met closes the half-year", with_log(P("2026-01-01"), log_of({{"2026-03-02", met}})), "2026-03-02",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::done},
      {"refused closes it too (the person was reached)", with_log(P("2026-01-01"), log_of({{"2026-03-02", refused}})),
       "2026-03-02", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::done},
      {"not found leaves it open", with_log(P("2026-01-01"), log_of({{"2026-03-02", nf}})), "2026-03-02",
       "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::open},
      {"not found twice: still open", with_log(P("2026-01-01"), log_of({{"2026-03-02", nf}, {"2026-04-02", nf}})),
       "2026-04-02", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::open},
      {"not found, then met: done", with_log(P("2026-01-01"), log_of({{"2026-03-02", nf}, {"2026-04-02", met}})),
       "2026-04-02", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::done},
      {"only not found in H1: missed after the half-year", with_log(P("2026-01-01"), log_of({{"2026-03-02", nf}})),
       "2026-07-01", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::missed},
  });
}

// R-VIS-2: the same for a key subject's half-year visit (the R-VIS-1 task, which key subjects owe too).
TEST(Rules, R_VIS_2_KeySubjectNotFoundDoesNotFulfil) {
  testing::check_table({
      {"key, not found: open", with_log(P("2026-01-01").key("2026-01-01"), log_of({{"2026-02-10", nf}})),
       "2026-02-10", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::open},
      {"key, refused: done", with_log(P("2026-01-01").key("2026-01-01"), log_of({{"2026-02-10", refused}})),
       "2026-02-10", "R-VIS-1", "R-VIS-1/2026H1", "2026-06-30", Want::done},
  });
}

// R-LOST-1: two not-found visits in a row (no visit that reached the person between) make the
// whereabouts unknown; a later visit that reached the person makes them known again.
TEST(Rules, R_LOST_1_TwoNotFoundVisitsInARowMakeTheWhereaboutsUnknown) {
  struct Case {
    const char* what;
    std::vector<LoggedVisit> log;
    Whereabouts want;
  } cases[] = {
      {"no visit", {}, Whereabouts::none},
      {"one not found", log_of({{"2026-03-01", nf}}), Whereabouts::none},
      {"two not found in a row", log_of({{"2026-03-01", nf}, {"2026-03-08", nf}}), Whereabouts::unknown},
      {"three not found", log_of({{"2026-03-01", nf}, {"2026-03-08", nf}, {"2026-03-15", nf}}), Whereabouts::unknown},
      {"met between them", log_of({{"2026-03-01", nf}, {"2026-03-05", met}, {"2026-03-08", nf}}), Whereabouts::none},
      {"refused between them", log_of({{"2026-03-01", nf}, {"2026-03-05", refused}, {"2026-03-08", nf}}),
       Whereabouts::none},
      {"met after two not found", log_of({{"2026-03-01", nf}, {"2026-03-08", nf}, {"2026-03-15", met}}),
       Whereabouts::found},
      {"refused after two not found", log_of({{"2026-03-01", nf}, {"2026-03-08", nf}, {"2026-03-15", refused}}),
       Whereabouts::found},
      {"entered out of order: dates decide", log_of({{"2026-03-08", nf}, {"2026-03-15", met}, {"2026-03-01", nf}}),
       Whereabouts::found},
      {"a back-dated met between two not found", log_of({{"2026-03-01", nf}, {"2026-03-15", nf}, {"2026-03-08", met}}),
       Whereabouts::none},
      {"same day: entry order decides", log_of({{"2026-03-08", met}, {"2026-03-08", nf}, {"2026-03-08", nf}}),
       Whereabouts::unknown},
  };
  for (const auto& c : cases) EXPECT_EQ(whereabouts_from_visits(c.log), c.want) << c.what;
}

// R-LOST-1: the flag changes only on the visit log's transitions.
TEST(Rules, R_LOST_1_TwoNotFoundVisitsSetTheFlagAndAFoundVisitClearsIt) {
  auto two = log_of({{"2026-03-01", nf}, {"2026-03-08", nf}});
  auto found = log_of({{"2026-03-01", nf}, {"2026-03-08", nf}, {"2026-03-15", met}});
  auto one = log_of({{"2026-03-01", nf}});
  EXPECT_EQ(whereabouts_flag_after(false, two), std::optional<bool>(true));
  EXPECT_EQ(whereabouts_flag_after(true, two), std::nullopt);  // already unknown
  EXPECT_EQ(whereabouts_flag_after(true, found), std::optional<bool>(false));
  EXPECT_EQ(whereabouts_flag_after(false, found), std::nullopt);
  EXPECT_EQ(whereabouts_flag_after(true, one), std::nullopt);  // set for another reason: one not-found keeps it
  EXPECT_EQ(whereabouts_flag_after(false, one), std::nullopt);
  // The flag puts the person on the 脱管 list (lost_status reads the facts flag).
  PersonFacts f = P("2026-01-01");
  f.whereabouts_unknown = true;
  PolicyTable policy;
  EXPECT_TRUE(lost_status(person_tasks(f, policy, D("2026-03-08")), f, policy, D("2026-03-08")).whereabouts_unknown);
}

}  // namespace
}  // namespace anbang::rules
