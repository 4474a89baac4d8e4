// Resident ID numbers (居民身份证号码) per GB 11643: 6-digit division code (GB/T 2260), 8-digit birth
// date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character (0–9 or X).
// DOMAIN.md "Identity data". Pure: `today` is a parameter.
#pragma once
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "domain/civil_date.hpp"

namespace anbang::domain {

struct IdNumberInfo {
  std::string number;    // 18 characters, check character upper-case X
  std::string division;  // first 6 digits
  CivilDate birth_date;
  std::string gender;  // GB/T 2261.1: "1" male (odd sequence), "2" female (even sequence)
};

// ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') for the first 17 digits.
// Precondition: first17 is exactly 17 ASCII digits; returns '?' otherwise.
char id_check_char(std::string_view first17);

// Validates and decodes an ID number. Surrounding ASCII whitespace is ignored and a lower-case x
// is accepted. Checks, in order, each failing with field "id_number":
//   ID_NUMBER_LENGTH      not 18 characters (the message gives the count found)
//   ID_NUMBER_FORMAT      a non-digit in the first 17, or a last character other than 0–9/X
//   ID_NUMBER_DIVISION    first two digits are not a GB/T 2260 province code
//   ID_NUMBER_BIRTH_DATE  digits 7–14 are not a real date, or before 1900-01-01, or after `today`
//   ID_NUMBER_CHECK_DIGIT wrong check character (the message gives the expected one)
Result<IdNumberInfo> parse_id_number(std::string_view input, CivilDate today);
// An ID number as typed, made comparable: full-width digits and letters (０–９, Ｘ/ｘ) become ASCII,
// spaces (ASCII and ideographic) inside it are dropped, x becomes X. Other characters stay, so that
// parse_id_number still names what is wrong.
std::string normalize_id_input(std::string_view input);

// Display form: first 4 + one '*' per hidden character + last 4 ("5002**********123X").
// Inputs of 8 characters or fewer are fully masked; length is counted in code points.
std::string mask_id_number(std::string_view id_number);

// A 6-digit GB/T 2260 division code whose first two digits are a province-level code (R-OUT-1: the
// destination of an outing outside the district).
bool is_division_code(std::string_view code6);

// Builds a valid number from a 6-digit division code, a birth date and a sequence 0–999, appending
// the check character. Returns an empty string when an argument is out of range.
std::string make_id_number(std::string_view division6, CivilDate birth, int sequence3);

}  // namespace anbang::domain
