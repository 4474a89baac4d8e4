// 安置情况 (issue 9 item 8): the derivation's case table. Each row: the facts, the status and the
// reason expected; the order when several facts hold is the one of domain/resettlement.hpp.
#include "domain/resettlement.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

using K = EmploymentKind;
using R = Resettlement;
using W = UnresettledReason;

struct Case {
  const char* name;
  ResettlementFacts facts;
  R status;
  std::optional<W> reason;
};

const Case kCases[] = {
    {"nothing recorded", {}, R::not_resettled, W::not_recorded},
    {"employed", {K::employed}, R::employed, std::nullopt},
    {"self-employed", {K::self_employed}, R::self_employed, std::nullopt},
    {"farming", {K::farming}, R::farming, std::nullopt},
    {"status in a base", {K::in_base}, R::in_base, std::nullopt},
    {"base placement without a status", {std::nullopt, false, std::nullopt, true}, R::in_base, std::nullopt},
    {"seeking work", {K::seeking_work}, R::not_resettled, W::seeking_work},
    {"unable to work", {K::unable_to_work}, R::not_resettled, W::unable_to_work},
    {"not willing", {K::not_willing}, R::not_resettled, W::unwilling},
    {"unknown: not reached", {K::unknown}, R::not_resettled, W::not_reached},
    {"recorded reason wins over the kind's", {K::seeking_work, false, W::other}, R::not_resettled, W::other},
    {"unable to work, supported by family", {K::unable_to_work, true}, R::family_support, std::nullopt},
    {"social assistance", {K::unable_to_work, false, std::nullopt, false, true}, R::social_assistance, std::nullopt},
    {"social assistance over family", {K::unable_to_work, true, std::nullopt, false, true}, R::social_assistance,
     std::nullopt},
    {"a base over social assistance", {K::seeking_work, false, std::nullopt, true, true}, R::in_base, std::nullopt},
    {"employed over a base placement", {K::employed, false, std::nullopt, true, true}, R::employed, std::nullopt},
    {"self-employed over social assistance", {K::self_employed, false, std::nullopt, false, true}, R::self_employed,
     std::nullopt},
    {"farming over a base", {K::farming, false, std::nullopt, true}, R::farming, std::nullopt},
    {"assistance without any status", {std::nullopt, false, std::nullopt, false, true}, R::social_assistance,
     std::nullopt},
};

}  // namespace

TEST(Resettlement, R_EMP_1_resettlement_case_table) {
  for (const auto& c : kCases) {
    auto r = derive_resettlement(c.facts);
    EXPECT_EQ(code(r.status), code(c.status)) << c.name;
    EXPECT_EQ(r.reason.has_value(), c.reason.has_value()) << c.name;
    if (r.reason && c.reason) EXPECT_EQ(code(*r.reason), code(*c.reason)) << c.name;
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
