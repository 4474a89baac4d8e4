#include "domain/classification.hpp"

namespace anbang::domain {

namespace {
bool unresolved(Finding f) { return f == Finding::confirmed || f == Finding::suspected; }
}  // namespace

std::string_view to_string(Finding f) {
  switch (f) {
    case Finding::cleared:
      return "cleared";
    case Finding::suspected:
      return "suspected";
    case Finding::confirmed:
      return "confirmed";
    case Finding::none:
      break;
  }
  return "none";
}

Classification classify(const ClassificationInput& in) {
  Classification c;
  // R-REV-1: a confirmed review's conclusion replaces the other inputs of its criterion.
  if (in.review_reoffending_tendency) {
    if (*in.review_reoffending_tendency) c.reasons.push_back({"reoffending_tendency", {}, {}, in.review_source});
  } else if (in.reoffending_tendency) {
    c.reasons.push_back({"reoffending_tendency", {}, {}, in.reoffending_source});
  }
  if (in.review_three_false) {
    if (*in.review_three_false) c.reasons.push_back({"three_false", {}, {}, in.review_source});
  }
  struct F {
    Finding f;
    const char* criterion;
  } fakes[] = {{in.false_name, "false_name"}, {in.false_identity, "false_identity"}, {in.false_address, "false_address"}};
  for (const auto& x : fakes) {
    if (!in.review_three_false && unresolved(x.f)) c.reasons.push_back({x.criterion, x.f, {}, in.verification_source});
  }
  int held = 0;
  struct N {
    const std::optional<bool>& v;
    std::string_view code;
  } nones[] = {{in.no_home, kNoHome}, {in.no_job, kNoJob}, {in.no_relatives, kNoRelatives}};
  for (const auto& n : nones) {
    if (n.v.value_or(false)) {
      ++held;
      c.three_none_factors.emplace_back(n.code);
    }
  }
  bool three_none = in.three_none_mode == "any" ? held > 0 : held == 3;  // R-CLS-2
  if (in.review_three_none) {
    if (*in.review_three_none) c.reasons.push_back({"three_none", {}, c.three_none_factors, in.review_source});
  } else if (three_none) {
    c.reasons.push_back({"three_none", {}, c.three_none_factors, in.three_none_source});
  }
  if (in.review_national_security) {
    if (*in.review_national_security) c.reasons.push_back({"national_security", {}, {}, in.review_source});
  } else if (in.national_security) {
    c.reasons.push_back({"national_security", {}, {}, in.charge_source});
  }
  c.key = !c.reasons.empty();
  return c;
}

bool review_decides(const ClassificationInput& in) {
  if (in.review_source.empty()) return false;
  ClassificationInput without = in;
  without.review_reoffending_tendency = without.review_three_false = without.review_three_none =
      without.review_national_security = std::nullopt;
  return classify(without).key != classify(in).key;
}

ClassChange class_change(const Classification& before, const Classification& after) {
  if (before.key == after.key) return {};
  if (after.key) return {"class.key", after.reasons};
  return {"class.general", before.reasons};
}

}  // namespace anbang::domain
