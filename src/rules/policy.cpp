#include "rules/policy.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace anbang::rules {
namespace {

// One parameter: its name, the allowed integers [min, max] or the allowed words, and where it
// lives in PolicyValues.
struct Param {
  std::string_view name;
  int min = 0, max = 0;
  int PolicyValues::*number = nullptr;
  std::string PolicyValues::*word = nullptr;
  std::array<std::string_view, 4> words{};
};

const std::array<Param, 25>& params() {
  static const std::array<Param, 25> kParams = {{
      {.name = "assistance_years_custody",
       .min = 1,
       .max = 20,
       .number = &PolicyValues::assistance_years_custody},
      {.name = "assistance_years_correction",
       .min = 1,
       .max = 20,
       .number = &PolicyValues::assistance_years_correction},
      {.name = "registration_days", .min = 1, .max = 365, .number = &PolicyValues::registration_days},
      {.name = "linkage_form_months", .min = 1, .max = 24, .number = &PolicyValues::linkage_form_months},
      {.name = "verification_feedback_months",
       .min = 1,
       .max = 24,
       .number = &PolicyValues::verification_feedback_months},
      {.name = "release_notice_months_before",
       .min = 1,
       .max = 24,
       .number = &PolicyValues::release_notice_months_before},
      {.name = "reception_feedback_days",
       .min = 1,
       .max = 365,
       .number = &PolicyValues::reception_feedback_days},
      {.name = "family_help_days", .min = 1, .max = 365, .number = &PolicyValues::family_help_days},
      {.name = "partial_period_min_days",
       .min = 1,
       .max = 366,
       .number = &PolicyValues::partial_period_min_days},
      {.name = "general_visit_period",
       .word = &PolicyValues::general_visit_period,
       .words = {"month", "quarter", "half_year"}},
      {.name = "key_visit_period",
       .word = &PolicyValues::key_visit_period,
       .words = {"none", "month", "quarter", "half_year"}},
      {.name = "lost_contact_days", .min = 0, .max = 3650, .number = &PolicyValues::lost_contact_days},
      {.name = "three_none_mode", .word = &PolicyValues::three_none_mode, .words = {"all", "any"}},
      {.name = "backdate_limit_days", .min = 0, .max = 3650, .number = &PolicyValues::backdate_limit_days},
      {.name = "help_group_days", .min = 1, .max = 365, .number = &PolicyValues::help_group_days},
      {.name = "help_plan_days", .min = 1, .max = 365, .number = &PolicyValues::help_plan_days},
      {.name = "help_plan_revision_days",
       .min = 1,
       .max = 365,
       .number = &PolicyValues::help_plan_revision_days},
      // R-EDU-1: targeted legal education in this many days before a calendar event.
      {.name = "targeted_education_days", .min = 1, .max = 365, .number = &PolicyValues::targeted_education_days},
      // R-EMP-2 (issue 9): human resources' skills trainings a calendar year.
      {.name = "skills_trainings_per_year", .min = 1, .max = 52, .number = &PolicyValues::skills_trainings_per_year},
      // Issue 9 (R-AID-1, R-ALW-1): the minimum living standard, fen a month per person; R-AID-1..6:
      // the first answer to a referral within this many days.
      {.name = "min_living_standard_urban_fen",
       .min = 1,
       .max = 999999,
       .number = &PolicyValues::min_living_standard_urban_fen},
      {.name = "min_living_standard_rural_fen",
       .min = 1,
       .max = 999999,
       .number = &PolicyValues::min_living_standard_rural_fen},
      {.name = "referral_answer_days", .min = 1, .max = 365, .number = &PolicyValues::referral_answer_days},
      // Issue 10 (R-ALW-1..3): the hardship allowance's months, the rounding of late months and the
      // days each step of the application chain has.
      {.name = "allowance_months", .min = 0, .max = 24, .number = &PolicyValues::allowance_months},
      {.name = "late_month_rounding", .word = &PolicyValues::late_month_rounding, .words = {"whole", "started"}},
      {.name = "allowance_step_days", .min = 1, .max = 365, .number = &PolicyValues::allowance_step_days},
  }};
  return kParams;
}

const Param* find_param(std::string_view name) {
  for (const Param& p : params()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Digits only, no sign or spaces, within [min, max].
std::optional<int> parse_number(std::string_view text, int min, int max) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text[0] == '-' || v < min || v > max) {
    return std::nullopt;
  }
  return v;
}

Status check_value(const Param& p, std::string_view value) {
  if (p.number) {
    if (parse_number(value, p.min, p.max)) return {};
    return invalid("POLICY_BAD_VALUE",
                   "参数值应为 " + std::to_string(p.min) + " 至 " + std::to_string(p.max) + " 之间的整数",
                   "value");
  }
  for (std::string_view w : p.words) {
    if (!w.empty() && w == value) return {};
  }
  return invalid("POLICY_BAD_VALUE", "参数值不在可选范围内，请从列表选择", "value");
}

void apply(PolicyValues& v, const PolicyEntry& e) {
  const Param* p = find_param(e.name);
  if (!p) return;  // set() admits only known names
  if (p->number) {
    v.*(p->number) = *parse_number(e.value, p->min, p->max);
  } else {
    v.*(p->word) = e.value;
  }
}

}  // namespace

const PolicyValues& PolicyTable::values_at(CivilDate date) const {
  // snapshots_ is sorted by date; take the last one that has started.
  auto it = std::upper_bound(snapshots_.begin(), snapshots_.end(), date,
                             [](CivilDate d, const auto& s) { return d < s.first; });
  if (it == snapshots_.begin()) return defaults_;
  return std::prev(it)->second;
}

Status PolicyTable::set(std::string_view name, std::string_view value, CivilDate from) {
  const Param* p = find_param(name);
  if (!p) return invalid("POLICY_UNKNOWN_PARAMETER", "未知的政策参数，请从列表选择", "name");
  if (Status s = check_value(*p, value); !s.ok()) return s;
  if (!domain::is_valid(from))
    return invalid("POLICY_BAD_DATE", "生效日期无效，请按 YYYY-MM-DD 填写", "effective_from");
  auto same = std::find_if(entries_.begin(), entries_.end(),
                           [&](const PolicyEntry& e) { return e.effective_from == from && e.name == name; });
  if (same != entries_.end()) {
    same->value = std::string(value);
  } else {
    entries_.push_back({from, std::string(name), std::string(value)});
  }
  rebuild();
  return {};
}

std::optional<CivilDate> PolicyTable::next_change_after(CivilDate date) const {
  auto it = std::upper_bound(snapshots_.begin(), snapshots_.end(), date,
                             [](CivilDate d, const auto& s) { return d < s.first; });
  if (it == snapshots_.end()) return std::nullopt;
  return it->first;
}

const std::vector<std::string_view>& PolicyTable::parameter_names() {
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names;
    for (const Param& p : params()) names.push_back(p.name);
    return names;
  }();
  return kNames;
}

void PolicyTable::rebuild() {
  std::sort(entries_.begin(), entries_.end(), [](const PolicyEntry& a, const PolicyEntry& b) {
    return a.effective_from != b.effective_from ? a.effective_from < b.effective_from : a.name < b.name;
  });
  snapshots_.clear();
  PolicyValues current = defaults_;
  for (const PolicyEntry& e : entries_) {
    apply(current, e);
    if (!snapshots_.empty() && snapshots_.back().first == e.effective_from) {
      snapshots_.back().second = current;
    } else {
      snapshots_.emplace_back(e.effective_from, current);
    }
  }
}

PeriodKind period_kind(std::string_view text) {
  if (text == "half_year") return PeriodKind::half_year;
  if (text == "quarter") return PeriodKind::quarter;
  if (text == "month") return PeriodKind::month;
  if (text == "year") return PeriodKind::year;
  return PeriodKind::none;
}

std::string_view to_string(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::month:
      return "month";
    case PeriodKind::quarter:
      return "quarter";
    case PeriodKind::half_year:
      return "half_year";
    case PeriodKind::year:
      return "year";
    case PeriodKind::none:
      break;
  }
  return "none";
}

}  // namespace anbang::rules
