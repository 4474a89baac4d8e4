// 安置情况 (issue 9 item 8): the derivation's case table. Each row: the facts, the status and the
// reason expected; the order when several facts hold is the one of domain/resettlement.hpp.
#include "domain/resettlement.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

using K = EmploymentKind;
using R = Resettlement;
using W = UnresettledReason;

// The facts of one row: the current status's kind, family support and reason recorded with it, an
// active base placement, active social assistance.
ResettlementFacts F(std::optional<K> employment = std::nullopt, bool family = false,
                    std::optional<W> reason = std::nullopt, bool in_base = false, bool assistance = false) {
  ResettlementFacts f;
  f.employment = employment;
  f.supported_by_family = family;
  f.recorded_reason = reason;
  f.in_base = in_base;
  f.on_social_assistance = assistance;
  return f;
}

struct Case {
  const char* name;
  ResettlementFacts facts;
  R status;
  std::optional<W> reason;
};

const Case kCases[] = {
    {"nothing recorded", F(), R::not_resettled, W::not_recorded},
    {"employed", F(K::employed), R::employed, std::nullopt},
    {"self-employed", F(K::self_employed), R::self_employed, std::nullopt},
    {"farming", F(K::farming), R::farming, std::nullopt},
    {"status in a base", F(K::in_base), R::in_base, std::nullopt},
    {"base placement without a status", F(std::nullopt, false, std::nullopt, true), R::in_base, std::nullopt},
    {"seeking work", F(K::seeking_work), R::not_resettled, W::seeking_work},
    {"unable to work", F(K::unable_to_work), R::not_resettled, W::unable_to_work},
    {"not willing", F(K::not_willing), R::not_resettled, W::unwilling},
    {"unknown: not reached", F(K::unknown), R::not_resettled, W::not_reached},
    {"recorded reason wins over the kind's", F(K::seeking_work, false, W::other), R::not_resettled, W::other},
    {"unable to work, supported by family", F(K::unable_to_work, true), R::family_support, std::nullopt},
    {"social assistance", F(K::unable_to_work, false, std::nullopt, false, true), R::social_assistance, std::nullopt},
    {"social assistance over family", F(K::unable_to_work, true, std::nullopt, false, true), R::social_assistance,
     std::nullopt},
    {"a base over social assistance", F(K::seeking_work, false, std::nullopt, true, true), R::in_base, std::nullopt},
    {"employed over a base placement", F(K::employed, false, std::nullopt, true, true), R::employed, std::nullopt},
    {"self-employed over social assistance", F(K::self_employed, false, std::nullopt, false, true), R::self_employed,
     std::nullopt},
    {"farming over a base", F(K::farming, false, std::nullopt, true), R::farming, std::nullopt},
    {"assistance without any status", F(std::nullopt, false, std::nullopt, false, true), R::social_assistance,
     std::nullopt},
};

}  // namespace

TEST(Resettlement, R_EMP_1_resettlement_case_table) {
  for (const auto& c : kCases) {
    auto r = derive_resettlement(c.facts);
    EXPECT_EQ(code(r.status), code(c.status)) << c.name;
    EXPECT_EQ(r.reason.has_value(), c.reason.has_value()) << c.name;
    if (r.reason && c.reason) {
      EXPECT_EQ(code(*r.reason), code(*c.reason)) << c.name;
    }
  }
}

TEST(Resettlement, R_EMP_1_resettlement_codes_round_trip) {
  EXPECT_EQ(parse<EmploymentKind>("in_base"), EmploymentKind::in_base);
  EXPECT_FALSE(parse<EmploymentKind>("retired").has_value());
  EXPECT_EQ(code(Resettlement::family_support), "family_support");
  EXPECT_EQ(parse<UnresettledReason>("unwilling"), UnresettledReason::unwilling);
  EXPECT_TRUE(is_working(EmploymentKind::farming));
  EXPECT_FALSE(is_working(EmploymentKind::seeking_work));
}

}  // namespace anbang::domain
