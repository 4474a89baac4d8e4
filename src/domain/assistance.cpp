// R-AID-1..6 (§2.4.1): the pre-check of a social assistance application. Advice only.
#include "domain/assistance.hpp"

namespace anbang::domain {

std::string_view aid_rule(AidKind kind) {
  switch (kind) {
    case AidKind::dibao: return "R-AID-1";
    case AidKind::tekun: return "R-AID-2";
    case AidKind::medical: return "R-AID-3";
    case AidKind::education: return "R-AID-4";
    case AidKind::housing: return "R-AID-5";
    case AidKind::temporary: return "R-AID-6";
  }
  return "R-AID-1";
}

std::string_view to_string(Tri t) {
  switch (t) {
    case Tri::met: return "met";
    case Tri::not_met: return "not_met";
    case Tri::unknown: return "unknown";
  }
  return "unknown";
}

Tri tri_and(std::initializer_list<Tri> all) {
  bool unknown = false;
  for (Tri t : all) {
    if (t == Tri::not_met) return Tri::not_met;
    if (t == Tri::unknown) unknown = true;
  }
  return unknown ? Tri::unknown : Tri::met;
}

Tri tri_or(std::initializer_list<Tri> any) {
  bool unknown = false;
  for (Tri t : any) {
    if (t == Tri::met) return Tri::met;
    if (t == Tri::unknown) unknown = true;
  }
  return unknown ? Tri::unknown : Tri::not_met;
}

namespace {

// A yes/no fact as a condition: met when it is `want`.
Tri is(const std::optional<bool>& fact, bool want = true) {
  if (!fact) return Tri::unknown;
  return *fact == want ? Tri::met : Tri::not_met;
}

}  // namespace

AidPrecheck precheck(AidKind kind, const AidFacts& f, std::optional<CivilDate> birth_date, CivilDate applied_on,
                     const LivingStandards& standards) {
  AidPrecheck out;
  out.rule = aid_rule(kind);
  if (birth_date && *birth_date <= applied_on) out.age = age_on(*birth_date, applied_on);
  auto add = [&](std::string_view code, Tri t) {
    out.conditions.push_back({code, t});
    return t;
  };
  const Tri dibao = is(f.dibao_member);
  const Tri tekun = is(f.tekun_person);
  switch (kind) {
    case AidKind::dibao: {
      // R-AID-1: income < standard × size, in fen (no rounding); equal is not below.
      Tri below = Tri::unknown;
      if (f.household_kind == "urban" || f.household_kind == "rural")
        out.standard_fen = *f.household_kind == "urban" ? standards.urban_fen : standards.rural_fen;
      if (f.family_size && *f.family_size >= 1 && f.family_income_fen && *f.family_income_fen >= 0) {
        out.per_capita_fen = *f.family_income_fen / *f.family_size;
        if (out.standard_fen)
          below = *f.family_income_fen < *out.standard_fen * *f.family_size ? Tri::met : Tri::not_met;
      }
      out.overall = add("income_below_standard", below);
      break;
    }
    case AidKind::tekun: {
      // R-AID-2: old, disabled or under 16, AND unable to work, AND no income, AND no (able) supporter.
      Tri aged = out.age ? (*out.age >= 60 ? Tri::met : Tri::not_met) : Tri::unknown;
      Tri minor = out.age ? (*out.age < 16 ? Tri::met : Tri::not_met) : Tri::unknown;
      add("aged_60", aged);
      add("under_16", minor);
      Tri disabled = add("disabled", is(f.disabled));
      Tri no_work = add("unable_to_work", is(f.able_to_work, false));
      Tri no_income = add("no_income", is(f.has_income, false));
      Tri no_supporter = add("no_supporter", tri_or({is(f.has_supporter, false), is(f.supporter_able, false)}));
      out.overall = tri_and({tri_or({aged, minor, disabled}), no_work, no_income, no_supporter});
      break;
    }
    case AidKind::medical:
      add("dibao_member", dibao);
      add("tekun_person", tekun);
      out.overall = tri_or({dibao, tekun, add("other_hardship", is(f.other_hardship))});
      break;
    case AidKind::education: {
      Tri school = add("in_education", is(f.in_education));
      add("dibao_member", dibao);
      add("tekun_person", tekun);
      out.overall = tri_and({school, tri_or({dibao, tekun})});
      break;
    }
    case AidKind::housing: {
      Tri hardship = add("housing_hardship", is(f.housing_hardship));
      add("dibao_member", dibao);
      Tri dispersed = add("tekun_dispersed", is(f.tekun_dispersed));
      out.overall = tri_and({hardship, tri_or({dibao, dispersed})});
      break;
    }
    case AidKind::temporary:
      out.overall = add("sudden_event", is(f.sudden_event));
      break;
  }
  return out;
}

}  // namespace anbang::domain
