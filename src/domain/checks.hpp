// The common checks every use case applies to its input, in one place: text (required, length,
// control and bidirectional-override characters, spaces only), dates (format, not in the future,
// order), phone numbers, enumerations and paging. Each error names its field and says in Chinese
// what to do; codes are stable (FIELD_REQUIRED, FIELD_TOO_LONG, FIELD_FORMAT, FIELD_VALUE,
// DATE_IN_FUTURE, DATE_TOO_FAR_BACK, DATE_ORDER, PHONE_FORMAT, FIELD_RANGE).
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "domain/civil_date.hpp"

namespace anbang::domain::check {

// Trimmed text of at most `max_chars` characters. Refuses control characters (but tab) and the
// bidirectional-override characters U+202A–U+202E and U+2066–U+2069 (they make a name read
// differently than it is stored). A required text of spaces only counts as missing.
Result<std::string> text(std::string_view value, std::string_view field, std::string_view label,
                         std::size_t max_chars, bool required);

// A date YYYY-MM-DD; `label` names it in the message.
Result<CivilDate> date(std::string_view value, std::string_view field, std::string_view label);
// A date that is not after `today`.
Result<CivilDate> past_date(std::string_view value, std::string_view field, std::string_view label,
                            CivilDate today);
// The date a record carries (a pick-up, registration, visit, review, custody record, help, meeting,
// a document's feedback or arrival): not after `today`, and not more than `limit_days` before it —
// the dated policy parameter backdate_limit_days in force on the day of entry. Exactly `limit_days`
// back is allowed; one day more is refused with DATE_TOO_FAR_BACK.
Result<CivilDate> record_date(std::string_view value, std::string_view field, std::string_view label,
                              CivilDate today, int limit_days);
// The limit alone, for a date already parsed (record_date applies it).
Status backdate_limit(CivilDate d, std::string_view field, std::string_view label, CivilDate today, int limit_days);
// A late entry (补录): a record entered on a day (China Standard Time) at least one day after the
// date it carries. Entered the same day is not late.
inline bool is_late_entry(CivilDate carried, CivilDate entered) { return carried < entered; }

// `later` on or after `earlier` (strictly after when `strict`).
Status order(CivilDate earlier, CivilDate later, std::string_view field, std::string_view message,
             bool strict = false);

// A phone number: digits, '+' and '-', 5–20 characters; empty is allowed.
Status phone(std::string_view value, std::string_view field, std::string_view label);

// `value` is one of `allowed`; `message` lists them for the user.
Status one_of(std::string_view value, std::initializer_list<std::string_view> allowed, std::string_view field,
              std::string_view message);

// page 1–100000, page_size 1–100.
Status paging(int page, int page_size);

// True if `text` holds a bidirectional-override or isolate character.
bool has_bidi_override(std::string_view text);

}  // namespace anbang::domain::check
