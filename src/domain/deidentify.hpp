// R-PUB-1: the de-identified text of an exemplary case. A person's case is published only without
// identifying data: no name, no ID number, no phone number, no address below the township (and no
// photo: a publicity item carries text only). Pure: text and the person's data in, text out.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace anbang::domain {

// What identifies the person in a text. Empty entries are ignored.
struct IdentifyingData {
  std::string name;                        // 张三
  std::vector<std::string> former_names;   // 曾用名
  std::string id_number;                   // GB 11643
  std::vector<std::string> phones;         // the person's and the family contact's
  std::vector<std::string> addresses;      // household and residence address as recorded
  std::vector<std::string> township_names; // the person's townships: an address is cut after them
  std::vector<std::string> village_names;  // the person's villages/communities (below the township)
};

// The placeholders the text gets (stable: tests and the web app's preview compare them).
inline constexpr std::string_view kNamePlaceholder = "某某";
inline constexpr std::string_view kIdPlaceholder = "（身份证号码已隐去）";
inline constexpr std::string_view kPhonePlaceholder = "（电话号码已隐去）";
inline constexpr std::string_view kAddressPlaceholder = "（详细地址已隐去）";

// `text` with, in this order:
//  - each recorded address: the part after the township name (or all of it when no township name
//    is in it) → kAddressPlaceholder, wherever the whole address or that part appears;
//  - each village/community name → 某村 / 某社区 (某地 for other names);
//  - the name and former names, also written with a space or a middle dot between characters, and
//    the given name alone when it has two characters or more → kNamePlaceholder; the surname with a
//    form of address (先生, 女士, 师傅, 同志) or after 老/小/阿 → 某 with the same form;
//  - the recorded ID number, and any run of exactly 18 digits (or 17 digits and X) or exactly 15
//    digits → kIdPlaceholder;
//  - the recorded phone numbers, any run of exactly 11 digits starting with 1 (a mobile number),
//    and an area code 0xx(x) followed by '-' or a space and 7–8 digits → kPhonePlaceholder.
std::string deidentify(std::string_view text, const IdentifyingData& who);

// The surname of a Chinese name: a compound surname (欧阳, 司马, …) or the first character.
std::string surname_of(std::string_view name);

}  // namespace anbang::domain
