// The kinds of the visit log (R-VIS-1/2, R-LOST-1) and of full reviews (R-REV-1, R-CLS-3), with
// their code tables (as domain/kinds.hpp: `code()` and `parse<E>()` are the only conversions).
#pragma once
#include "domain/kinds.hpp"

namespace anbang::domain {

// How a visit was made: at home, a talk (约谈), by phone, by video, at the person's work, or through
// the judicial office of the place the person went to for work (R-OUT-1).
enum class VisitForm { home_visit, talk, phone, video, at_work, via_destination_office };

// What came of a visit: the person was met, not found, or found and refused to talk.
enum class VisitOutcome { met, not_found, refused };

// A review's conclusion on one criterion of R-CLS-1.
enum class Conclusion { holds, does_not_hold, unknown };

// The criteria of R-CLS-1 a full review concludes on.
enum class ReviewCriterion { reoffending_tendency, three_false, three_none, national_security };

// What a review recommends: keep the class, or change it (to the other class).
enum class Recommendation { keep, change };

template <>
struct CodeTable<VisitForm> {
  static constexpr std::array<std::pair<VisitForm, std::string_view>, 6> codes{{
      {VisitForm::home_visit, "home_visit"},
      {VisitForm::talk, "talk"},
      {VisitForm::phone, "phone"},
      {VisitForm::video, "video"},
      {VisitForm::at_work, "at_work"},
      {VisitForm::via_destination_office, "via_destination_office"},
  }};
};

template <>
struct CodeTable<VisitOutcome> {
  static constexpr std::array<std::pair<VisitOutcome, std::string_view>, 3> codes{{
      {VisitOutcome::met, "met"},
      {VisitOutcome::not_found, "not_found"},
      {VisitOutcome::refused, "refused"},
  }};
};

template <>
struct CodeTable<Conclusion> {
  static constexpr std::array<std::pair<Conclusion, std::string_view>, 3> codes{{
      {Conclusion::holds, "holds"},
      {Conclusion::does_not_hold, "does_not_hold"},
      {Conclusion::unknown, "unknown"},
  }};
};

template <>
struct CodeTable<ReviewCriterion> {
  static constexpr std::array<std::pair<ReviewCriterion, std::string_view>, 4> codes{{
      {ReviewCriterion::reoffending_tendency, "reoffending_tendency"},
      {ReviewCriterion::three_false, "three_false"},
      {ReviewCriterion::three_none, "three_none"},
      {ReviewCriterion::national_security, "national_security"},
  }};
};

template <>
struct CodeTable<Recommendation> {
  static constexpr std::array<std::pair<Recommendation, std::string_view>, 2> codes{{
      {Recommendation::keep, "keep"},
      {Recommendation::change, "change"},
  }};
};

// The aspects of the person's situation a visit notes (short texts each).
inline constexpr std::array<std::string_view, 5> kSituationAspects{"work", "family", "living", "health", "thinking"};

}  // namespace anbang::domain
