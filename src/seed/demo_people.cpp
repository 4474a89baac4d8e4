#include "seed/demo_people.hpp"

#include <fmt/format.h>

#include <span>
#include <string_view>
#include <unordered_set>

#include "domain/id_number.hpp"

namespace anbang::seed {
namespace {

using domain::CivilDate;

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, identical everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) without modulo bias. Precondition: n > 0.
  uint64_t below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x = next();
    while (x >= limit) x = next();
    return x % n;
  }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo + 1))); }
  bool percent(int p) { return below(100) < static_cast<uint64_t>(p); }
  bool per_mille(int p) { return below(1000) < static_cast<uint64_t>(p); }

 private:
  uint64_t state_;
};

struct Weighted {
  std::string_view value;
  int weight;
};

std::string_view pick(Rng& rng, std::span<const Weighted> items) {
  int total = 0;
  for (const auto& item : items) total += item.weight;
  int roll = static_cast<int>(rng.below(static_cast<uint64_t>(total)));
  for (const auto& item : items) {
    if (roll < item.weight) return item.value;
    roll -= item.weight;
  }
  return items.back().value;
}

// One UTF-8 character of `chars` (all three-byte CJK characters).
std::string_view pick_char(Rng& rng, std::string_view chars) {
  const size_t count = chars.size() / 3;
  return chars.substr(rng.below(count) * 3, 3);
}

// Rough national frequencies (per 10 000 people, rounded, at least 1).
constexpr Weighted kSurnames[] = {
    {"王", 71}, {"李", 70}, {"张", 67}, {"刘", 54}, {"陈", 46}, {"杨", 31}, {"黄", 22}, {"赵", 20},
    {"吴", 20}, {"周", 19}, {"徐", 13}, {"孙", 12}, {"马", 12}, {"朱", 11}, {"胡", 10}, {"郭", 10},
    {"何", 9},  {"高", 9},  {"林", 9},  {"罗", 8},  {"郑", 8},  {"梁", 7},  {"谢", 7},  {"宋", 6},
    {"唐", 6},  {"许", 6},  {"韩", 5},  {"冯", 5},  {"邓", 5},  {"曹", 5},  {"彭", 5},  {"曾", 5},
    {"萧", 4},  {"田", 4},  {"董", 4},  {"潘", 4},  {"袁", 4},  {"蔡", 3},  {"蒋", 3},  {"余", 3},
    {"于", 3},  {"杜", 3},  {"叶", 3},  {"程", 3},  {"魏", 3},  {"苏", 3},  {"吕", 3},  {"丁", 3},
    {"任", 3},  {"卢", 3},  {"姚", 3},  {"沈", 3},  {"钟", 3},  {"姜", 3},  {"崔", 2},  {"谭", 2},
    {"陆", 2},  {"范", 2},  {"汪", 2},  {"廖", 2},  {"石", 2},  {"金", 2},  {"韦", 2},  {"贾", 2},
    {"夏", 2},  {"付", 2},  {"方", 2},  {"邹", 2},  {"熊", 2},  {"白", 2},  {"孟", 2},  {"秦", 2},
    {"邱", 2},  {"侯", 2},  {"江", 2},  {"尹", 2},  {"薛", 2},  {"闫", 2},  {"段", 2},  {"雷", 2},
    {"龙", 2},  {"黎", 1},  {"史", 1},  {"陶", 1},  {"贺", 1},  {"毛", 1},  {"郝", 1},  {"顾", 1},
    {"龚", 1},  {"邵", 1},  {"万", 1},  {"覃", 1},  {"武", 1},  {"钱", 1},  {"戴", 1},  {"严", 1},
    {"欧", 1},  {"莫", 1},  {"孔", 1},  {"向", 1},  {"常", 1},  {"汤", 1},  {"康", 1},  {"易", 1},
    {"乔", 1},  {"赖", 1},  {"文", 1},
};

constexpr std::string_view kMaleGiven =
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建亮成峰海兵东文洪志国春江永祥福贵德"
    "兴发全川松荣清云山学忠义富友才金生良武豪毅坤昌远庆彬锋威晨剑锐康利长胜宏顺新光中安家洋航辰";
constexpr std::string_view kFemaleGiven =
    "丽芳敏静燕艳娟霞玲萍婷雪琳慧莉梅兰英秀琴洁倩颖晶丹蓉薇琼凤桂娜玉珍菊红佳露莎悦月花娇莹琪瑶璐彩翠秋巧芬"
    "淑";

// GB 3304 codes; Tujia and Miao live in south-east Chongqing.
constexpr Weighted kEthnicGroups[] = {{"01", 960}, {"15", 20}, {"06", 10}, {"03", 5}, {"07", 5}};

// GB/T 4658 codes present in data/reference/education-levels.csv.
constexpr Weighted kEducation[] = {{"71", 35}, {"73", 8}, {"81", 18}, {"83", 5}, {"61", 10}, {"44", 4},
                                   {"47", 3},  {"41", 3}, {"31", 5},  {"21", 3}, {"90", 6}};

// Division codes: Rongchang District, former Rongchang County (before 2015), Qijiang, Tongliang.
constexpr Weighted kDivisions[] = {{"500153", 50}, {"500226", 35}, {"500110", 7}, {"500151", 8}};

struct Charge {
  std::string_view name;  // verbatim from data/reference/charges.csv
  int weight;
  int min_months;
  int max_months;
  bool detention_possible;  // 拘役 is a possible sentence
  bool detention_only;      // only 拘役 (危险驾驶罪)
  bool serious;             // never probation, never served in the detention centre
};

constexpr Charge kCharges[] = {
    {"盗窃罪", 22, 6, 60, true, false, false},
    {"诈骗罪", 10, 6, 72, true, false, false},
    {"故意伤害罪", 8, 6, 120, true, false, false},
    {"抢劫罪", 4, 36, 156, false, false, true},
    {"走私、贩卖、运输、制造毒品罪", 8, 8, 180, true, false, false},
    {"容留他人吸毒罪", 4, 6, 36, true, false, false},
    {"危险驾驶罪", 8, 1, 6, true, true, false},
    {"交通肇事罪", 4, 6, 36, true, false, false},
    {"寻衅滋事罪", 5, 6, 60, true, false, false},
    {"聚众斗殴罪", 3, 12, 72, true, false, false},
    {"开设赌场罪", 4, 6, 60, true, false, false},
    {"强奸罪", 2, 36, 144, false, false, true},
    {"非法吸收公众存款罪", 2, 12, 96, true, false, false},
    {"信用卡诈骗罪", 2, 6, 60, true, false, false},
    {"掩饰、隐瞒犯罪所得、犯罪所得收益罪", 3, 6, 36, true, false, false},
    {"帮助信息网络犯罪活动罪", 5, 6, 30, true, false, false},
    {"故意杀人罪", 1, 96, 180, false, false, true},
    {"非法持有毒品罪", 3, 6, 60, true, false, false},
    {"拒不支付劳动报酬罪", 1, 6, 36, true, false, false},
    {"妨害公务罪", 2, 6, 36, true, false, false},
};

constexpr Weighted kReleaseKinds[] = {{"prison", 70}, {"detention_centre", 20}, {"community_correction", 10}};
constexpr Weighted kMalePrisons[] = {{"重庆市永川监狱", 30},
                                     {"重庆市渝州监狱", 25},
                                     {"重庆市三合监狱", 20},
                                     {"重庆市北碚监狱", 15},
                                     {"重庆市川东监狱", 10}};
constexpr std::string_view kFemalePrison = "重庆市女子监狱";
constexpr std::string_view kDetentionCentre = "重庆市荣昌区看守所";
constexpr std::string_view kCommunityCorrection = "荣昌区社区矫正管理局";

constexpr std::string_view kRoads[] = {"昌州大道", "海棠大道", "昌元路", "玉屏路",   "宝城路",
                                       "南门路",   "学院路",   "滨河路", "迎宾大道", "北大街"};

constexpr std::string_view kMobilePrefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
    "156", "157", "158", "159", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189"};

template <class T, size_t N>
const T& pick_uniform(Rng& rng, const T (&items)[N]) {
  return items[rng.below(N)];
}

std::string given_name(Rng& rng, bool male) {
  const std::string_view chars = male ? kMaleGiven : kFemaleGiven;
  std::string given(pick_char(rng, chars));
  if (rng.percent(70)) {
    std::string_view second = pick_char(rng, chars);
    while (given == second) second = pick_char(rng, chars);
    given += second;
  }
  return given;
}

std::string mobile(Rng& rng) {
  return fmt::format("{}{:08d}", pick_uniform(rng, kMobilePrefixes), rng.below(100000000));
}

const Charge& pick_charge(Rng& rng, bool (*allowed)(const Charge&)) {
  int total = 0;
  for (const Charge& c : kCharges) total += allowed(c) ? c.weight : 0;
  int roll = static_cast<int>(rng.below(static_cast<uint64_t>(total)));
  for (const Charge& c : kCharges) {
    if (!allowed(c)) continue;
    if (roll < c.weight) return c;
    roll -= c.weight;
  }
  return kCharges[0];
}

// Charge and sentence consistent with how the person was released.
void add_sentence(Rng& rng, DemoPerson& p) {
  if (p.release_kind == "prison") {
    const Charge& c = pick_charge(rng, [](const Charge& x) { return !x.detention_only; });
    p.charge_name = c.name;
    p.sentence_type = "fixed_term";
    p.sentence_months = rng.between(c.min_months < 6 ? 6 : c.min_months, c.max_months);
  } else if (p.release_kind == "detention_centre") {
    // 拘役, or a short fixed term whose remainder (≤ 3 months) was served in the detention centre.
    const Charge& c = pick_charge(rng, [](const Charge& x) { return x.detention_possible; });
    p.charge_name = c.name;
    const bool detention = c.detention_only || rng.percent(60);
    p.sentence_type = detention ? "criminal_detention" : "fixed_term";
    p.sentence_months = detention ? rng.between(1, 6) : rng.between(6, 12);
  } else {
    // Community correction (probation, mostly): release_date is the end of correction.
    const Charge& c = pick_charge(rng, [](const Charge& x) { return !x.serious; });
    p.charge_name = c.name;
    p.sentence_type = c.detention_only ? "criminal_detention" : "fixed_term";
    p.sentence_months = c.detention_only ? rng.between(1, 6)
                                         : rng.between(c.min_months, c.max_months < 36 ? c.max_months : 36);
  }
}

std::string address(Rng& rng, const DemoArea& area, bool flat) {
  if (std::string_view(area.name).ends_with("村"))
    return fmt::format("{}{}组{}号", area.name, rng.between(1, 12), rng.between(1, 120));
  const std::string street =
      fmt::format("{}{}{}号", area.name, pick_uniform(rng, kRoads), rng.between(1, 300));
  if (!flat) return street;
  const int floor = rng.between(1, 18);
  return fmt::format("{}{}单元{}-{}", street, rng.between(1, 4), floor, rng.between(1, 4));
}

// Another area than `home`, in another township 70 % of the time when one exists.
const DemoArea* other_area(Rng& rng, const std::vector<DemoArea>& areas, const DemoArea& home) {
  std::vector<const DemoArea*> same_township, other_township;
  for (const DemoArea& a : areas) {
    if (a.unit_id == home.unit_id) continue;
    (a.township_unit_id == home.township_unit_id ? same_township : other_township).push_back(&a);
  }
  const bool far = !other_township.empty() && (same_township.empty() || rng.percent(70));
  const auto& pool = far ? other_township : same_township;
  if (pool.empty()) return nullptr;
  return pool[rng.below(pool.size())];
}

void add_family_contact(Rng& rng, DemoPerson& p, std::string_view surname, int age) {
  struct Relation {
    std::string_view name;
    bool same_surname;
    bool male;
  };
  static constexpr Relation kParents[] = {
      {"父亲", true, true}, {"母亲", false, false}, {"哥哥", true, true}, {"姐姐", true, false}};
  static constexpr Relation kSpouseOrSibling[] = {
      {"配偶", false, true}, {"母亲", false, false}, {"弟弟", true, true}, {"妹妹", true, false}};
  static constexpr Relation kChildren[] = {
      {"配偶", false, true}, {"儿子", true, true}, {"女儿", true, false}};
  const Relation* r = nullptr;
  if (age < 35) {
    r = &pick_uniform(rng, kParents);
  } else if (age < 55) {
    r = &pick_uniform(rng, kSpouseOrSibling);
  } else {
    r = &pick_uniform(rng, kChildren);
  }
  bool male = r->male;
  if (r->name == "配偶") male = p.gender == "2";
  const std::string family_surname =
      r->same_surname ? std::string(surname) : std::string(pick(rng, kSurnames));
  p.family_contact_name = family_surname + given_name(rng, male);
  p.family_contact_relation = r->name;
  p.family_contact_phone = mobile(rng);
}

DemoPerson make_person(Rng& rng, const std::vector<DemoArea>& areas, CivilDate today,
                       std::unordered_set<std::string>& used_ids) {
  DemoPerson p;
  const bool male = rng.percent(85);
  p.gender = male ? "1" : "2";
  const std::string surname(pick(rng, kSurnames));
  p.name = surname + given_name(rng, male);
  if (rng.percent(3)) p.former_names.push_back(surname + given_name(rng, male));
  p.ethnic_code = pick(rng, kEthnicGroups);

  p.release_kind = pick(rng, kReleaseKinds);
  add_sentence(rng, p);
  if (p.release_kind == "prison") {
    p.releasing_authority = male ? pick(rng, kMalePrisons) : kFemalePrison;
  } else {
    p.releasing_authority = p.release_kind == "detention_centre" ? kDetentionCentre : kCommunityCorrection;
  }
  if (rng.percent(3)) {
    p.release_date = domain::add_days(today, rng.between(1, 60));  // still in custody
  } else {
    const int span = static_cast<int>(domain::days_between(domain::add_years_clamped(today, -6), today));
    p.release_date = domain::add_days(today, -rng.between(1, span));
  }

  // Age at release 18–70, most around 40; birth = release − age years − up to 364 days.
  const int age = 18 + rng.between(0, 26) + rng.between(0, 26);
  p.birth_date = domain::add_days(domain::add_years_clamped(p.release_date, -age), -rng.between(0, 364));
  if (rng.percent(4)) {
    p.identity_verified = false;  // R-JUR-2: identity as declared, not yet established
  } else {
    const std::string_view division = pick(rng, kDivisions);
    for (int attempt = 0;; ++attempt) {
      if (attempt > 0 && attempt % 64 == 0) p.birth_date = domain::add_days(p.birth_date, -1);
      const int sequence = male ? 2 * rng.between(0, 499) + 1 : 2 * rng.between(1, 499);
      std::string id = domain::make_id_number(division, p.birth_date, sequence);
      if (used_ids.insert(id).second) {
        p.id_number = std::move(id);
        break;
      }
    }
  }
  p.education_code = pick(rng, kEducation);

  const DemoArea& home = areas[rng.below(areas.size())];
  p.household_unit_id = home.unit_id;
  p.household_address = address(rng, home, rng.percent(40));
  p.residence_unit_id = home.unit_id;
  p.residence_address = p.household_address;
  if (rng.percent(12)) {  // 人户分离 (R-JUR-1)
    if (const DemoArea* away = other_area(rng, areas, home)) {
      p.residence_unit_id = away->unit_id;
      p.residence_address = address(rng, *away, rng.percent(70));
    }
  }

  if (p.identity_verified) add_family_contact(rng, p, surname, age);
  if (p.identity_verified ? rng.percent(92) : rng.percent(50)) p.phone = mobile(rng);
  return p;
}

}  // namespace

std::vector<DemoPerson> generate_demo_people(const std::vector<DemoArea>& areas, int count, CivilDate today,
                                             uint64_t seed) {
  std::vector<DemoPerson> people;
  if (areas.empty() || count <= 0) return people;
  people.reserve(static_cast<size_t>(count));
  std::unordered_set<std::string> used_ids;
  for (int i = 0; i < count; ++i) {
    // Each person has its own stream, so person i does not depend on how many draws others used.
    Rng rng(Rng(seed ^ (0xA0761D6478BD642FULL * static_cast<uint64_t>(i + 1))).next());
    people.push_back(make_person(rng, areas, today, used_ids));
  }
  return people;
}

}  // namespace anbang::seed
