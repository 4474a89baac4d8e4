// Case table of R-PUB-1's de-identification: no name, ID number, phone or address below the
// township in the published text of a person's case.
#include "domain/deidentify.hpp"

#include <gtest/gtest.h>

namespace anbang::domain {
namespace {

IdentifyingData zhang() {
  IdentifyingData d;
  d.name = "张建国";
  d.former_names = {"张小龙"};
  d.id_number = "50022619800101123X";
  d.phones = {"13800138000", "023-46712345"};
  d.addresses = {"重庆市荣昌区仁义镇玉龙村3组12号"};
  d.township_names = {"仁义镇"};
  d.village_names = {"玉龙村"};
  return d;
}

IdentifyingData ouyang() {
  IdentifyingData d;
  d.name = "欧阳修文";
  return d;
}

struct Case {
  const char* what;
  IdentifyingData who;
  const char* in;
  const char* out;
};

}  // namespace

TEST(Deidentify, R_PUB_1_CaseTable) {
  const std::vector<Case> cases = {
      {"the name", zhang(), "张建国刑满释放后开办养殖场。", "某某刑满释放后开办养殖场。"},
      {"a former name", zhang(), "曾用名张小龙。", "曾用名某某。"},
      {"the name with a space", zhang(), "张 建国说", "某某说"},
      {"the name with a middle dot", zhang(), "张·建·国说", "某某说"},
      {"the given name alone", zhang(), "建国说：要好好干。", "某某说：要好好干。"},
      {"surname with a form of address", zhang(), "张师傅和老张都来了，小张也来了。",
       "某师傅和老某都来了，小某也来了。"},
      {"a compound surname", ouyang(), "欧阳先生与欧阳 修文", "某先生与某某"},
      {"the recorded ID number", zhang(), "身份证50022619800101123X。", "身份证（身份证号码已隐去）。"},
      {"the ID number with a small x", zhang(), "号码50022619800101123x", "号码（身份证号码已隐去）"},
      {"any 18-digit ID-like number", zhang(), "另一人110101199003074518", "另一人（身份证号码已隐去）"},
      {"any 15-digit ID-like number", zhang(), "旧证号110101900307451。", "旧证号（身份证号码已隐去）。"},
      {"16 digits are not an ID number", zhang(), "编号1101019003074512", "编号1101019003074512"},
      {"a mobile number", zhang(), "电话13912345678", "电话（电话号码已隐去）"},
      {"the recorded landline", zhang(), "座机023-46712345", "座机（电话号码已隐去）"},
      {"another landline with a space", zhang(), "座机0831 1234567", "座机（电话号码已隐去）"},
      {"a 12-digit number is no phone", zhang(), "139123456789", "139123456789"},
      {"the address below the township", zhang(), "住重庆市荣昌区仁义镇玉龙村3组12号。",
       "住重庆市荣昌区仁义镇（详细地址已隐去）。"},
      {"the part below the township alone", zhang(), "家在玉龙村3组12号", "家在（详细地址已隐去）"},
      {"the village name", zhang(), "在玉龙村种植柑橘", "在某村种植柑橘"},
      {"the township stays", zhang(), "仁义镇司法所", "仁义镇司法所"},
      {"dates and amounts stay", zhang(), "2026年3月收入5000元", "2026年3月收入5000元"},
      {"nothing to hide", IdentifyingData{}, "勤劳致富的典型", "勤劳致富的典型"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(deidentify(c.in, c.who), c.out);
  }
}

TEST(Deidentify, R_PUB_1_SurnameOf) {
  EXPECT_EQ(surname_of("张建国"), "张");
  EXPECT_EQ(surname_of("欧阳修"), "欧阳");
  EXPECT_EQ(surname_of("司马"), "司");  // a two-character name is surname + given name
}

}  // namespace anbang::domain
