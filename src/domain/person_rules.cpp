#include "domain/person_rules.hpp"

#include <algorithm>
#include <set>

#include "domain/checks.hpp"
#include "domain/id_number.hpp"
#include "domain/text.hpp"

namespace anbang::domain {

namespace {

Error required(const std::string& field, const std::string& label) {
  return invalid("FIELD_REQUIRED", "请填写" + label, field);
}

// Trimmed text of an optional field, through the common checks (length, control and
// bidirectional-override characters, spaces only = missing).
Result<std::string> text(const std::optional<std::string>& v, const std::string& field,
                         const std::string& label, std::size_t max_chars, bool needed) {
  return check::text(v ? std::string_view(*v) : std::string_view(), field, label, max_chars, needed);
}

Status one_of(const std::string& v, std::initializer_list<const char*> allowed, const std::string& field,
              const std::string& message) {
  for (const char* a : allowed) {
    if (v == a) return {};
  }
  return invalid("FIELD_VALUE", message, field);
}

Status area_unit(const UnitTree& units, std::optional<std::int64_t> id, const std::string& field,
                 const std::string& label) {
  if (!id) return required(field, label);
  const Unit* u = units.find(*id);
  if (!u || !u->active) return invalid("UNIT_UNKNOWN", label + "不存在或已停用，请从单位树中重新选择", field);
  if (u->kind != "township" && u->kind != "village") {
    return invalid("UNIT_NOT_AREA", label + "须为镇街或村（社区），请从单位树中选择", field);
  }
  return {};
}

Status phone_ok(const std::string& v, const std::string& field, const std::string& label) {
  if (v.empty()) return {};
  bool ok =
      std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+'; });
  if (!ok || v.size() < 5)
    return invalid("PHONE_FORMAT", label + "只能包含数字、+ 和 -，如 13800000000 或 023-46712345", field);
  return {};
}

}  // namespace

std::string person_status(const std::string& release_date, const std::string& assistance_end_date,
                          const std::string& today, bool detained) {
  if (release_date > today) return "in_custody";
  if (assistance_end_date <= today) return "ended";
  return detained ? "detained" : "under_assistance";
}

Result<ValidPerson> validate_person(const PersonInput& in, CivilDate today, const UnitTree& units,
                                    const CodeLookups& codes) {
  ValidPerson p;
#define TAKE(dst, field, label, max, needed)             \
  {                                                      \
    auto r = text(in.field, #field, label, max, needed); \
    if (!r.ok()) return r.error();                       \
    dst = std::move(r).value();                          \
  }
  TAKE(p.name, name, "姓名", 50, true)
  TAKE(p.former_names, former_names, "曾用名", 100, false)
  TAKE(p.household_address, household_address, "户籍地址", 200, false)
  TAKE(p.residence_address, residence_address, "居住地址", 200, false)
  TAKE(p.releasing_authority, releasing_authority, "释放机关", 100, false)
  TAKE(p.family_contact_name, family_contact_name, "家庭联系人", 50, false)
  TAKE(p.family_contact_relation, family_contact_relation, "与本人关系", 20, false)
  TAKE(p.family_contact_phone, family_contact_phone, "家庭联系人电话", 20, false)
  TAKE(p.phone, phone, "本人电话", 20, false)
  std::string gender, id_number, birth, ethnic, education, sentence_type, release_date, release_kind;
  TAKE(gender, gender, "性别", 1, false)
  TAKE(id_number, id_number, "身份证号码", 40, false)  // 18 after normalising (below)
  TAKE(birth, birth_date, "出生日期", 10, false)
  TAKE(ethnic, ethnic_code, "民族", 2, false)
  TAKE(education, education_code, "文化程度", 2, false)
  TAKE(sentence_type, sentence_type, "刑种", 30, false)
  TAKE(release_date, release_date, "释放日期", 10, true)
  TAKE(release_kind, release_kind, "释放类型", 30, true)
#undef TAKE
  if (auto s = phone_ok(p.phone, "phone", "本人电话"); !s.ok()) return s.error();
  if (auto s = phone_ok(p.family_contact_phone, "family_contact_phone", "家庭联系人电话"); !s.ok())
    return s.error();

  // Identity (GB 11643). A verified identity needs a valid number; an unverified one may lack it.
  p.identity_verified = in.identity_verified.value_or(true);
  id_number = normalize_id_input(id_number);  // full-width digits, spaces inside
  if (!id_number.empty()) {
    auto info = parse_id_number(id_number, today);
    if (!info.ok()) return info.error();
    p.id_number = info->number;
    if (!gender.empty() && gender != info->gender) {
      return invalid("GENDER_MISMATCH", "性别与身份证号码不符（第17位奇数为男、偶数为女），请核对", "gender");
    }
    if (!birth.empty() && birth != to_string(info->birth_date)) {
      return invalid("BIRTH_DATE_MISMATCH", "出生日期与身份证号码不符，请核对", "birth_date");
    }
    gender = info->gender;
    p.birth_date = to_string(info->birth_date);
  } else {
    if (p.identity_verified) {
      return invalid("ID_NUMBER_REQUIRED", "请填写身份证号码；身份未查清的，请勾选“身份未核实”", "id_number");
    }
    if (birth.empty()) return required("birth_date", "出生日期");
    auto d = parse_date(birth, "birth_date");
    if (!d.ok()) return d.error();
    if (*d > today) return invalid("DATE_INVALID", "出生日期不能晚于今天", "birth_date");
    p.birth_date = to_string(*d);
    if (gender.empty()) return required("gender", "性别");
  }
  if (auto s = one_of(gender, {"1", "2", "0", "9"}, "gender",
                      "性别取值无效，应为 1（男）、2（女）、0（未知）或 9（未说明）");
      !s.ok())
    return s.error();
  p.gender = gender;

  if (!ethnic.empty()) {
    if (!codes.ethnic_exists(ethnic))
      return invalid("ETHNIC_UNKNOWN", "民族代码不在 GB/T 3304 代码表中，请从列表选择", "ethnic_code");
    p.ethnic_code = ethnic;
  }
  if (!education.empty()) {
    if (!codes.education_exists(education)) {
      return invalid("EDUCATION_UNKNOWN", "文化程度代码不在 GB/T 4658 代码表中，请从列表选择",
                     "education_code");
    }
    p.education_code = education;
  }

  if (auto s = area_unit(units, in.household_unit_id, "household_unit_id", "户籍地单位"); !s.ok())
    return s.error();
  if (auto s = area_unit(units, in.residence_unit_id, "residence_unit_id", "居住地单位"); !s.ok())
    return s.error();
  p.household_unit_id = *in.household_unit_id;
  p.residence_unit_id = *in.residence_unit_id;

  if (!in.charge_ids || in.charge_ids->empty()) return required("charge_ids", "罪名（至少一项）");
  if (in.charge_ids->size() > 20) return invalid("FIELD_TOO_LONG", "罪名最多选择20项", "charge_ids");
  std::set<std::int64_t> seen;
  for (auto id : *in.charge_ids) {
    if (!codes.charge_exists(id))
      return invalid("CHARGE_UNKNOWN", "罪名不在罪名表中，请从列表选择", "charge_ids");
    if (seen.insert(id).second) p.charge_ids.push_back(id);
  }

  if (!sentence_type.empty()) {
    if (auto s = one_of(sentence_type,
                        {"fixed_term", "life", "death_suspended", "criminal_detention", "public_surveillance",
                         "fine_only", "exempted"},
                        "sentence_type", "刑种取值无效，请从列表选择");
        !s.ok())
      return s.error();
  }
  p.sentence_type = sentence_type;
  if (in.sentence_months) {
    if (*in.sentence_months < 0 || *in.sentence_months > 600) {
      return invalid("FIELD_RANGE", "刑期月数应在 0 到 600 之间", "sentence_months");
    }
    p.sentence_months = in.sentence_months;
  }

  if (auto s = one_of(release_kind, {"prison", "detention_centre", "community_correction"}, "release_kind",
                      "释放类型取值无效，应为监狱释放、看守所释放或社区矫正期满");
      !s.ok())
    return s.error();
  p.release_kind = release_kind;
  auto released = parse_date(release_date, "release_date");
  if (!released.ok()) return released.error();
  if (p.birth_date && release_date <= *p.birth_date) {
    return invalid("RELEASE_BEFORE_BIRTH", "释放日期不能早于出生日期，请核对", "release_date");
  }
  if (*released > add_years_clamped(today, 30)) {
    return invalid("DATE_INVALID", "释放日期过远，请核对", "release_date");
  }
  p.release_date = to_string(*released);
  p.assistance_end_date = to_string(codes.assistance_end(*released, p.release_kind));  // R-PER-1
  return p;
}

}  // namespace anbang::domain
