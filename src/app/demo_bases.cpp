#include "app/demo_bases.hpp"

#include <algorithm>
#include <map>

namespace anbang::app {

namespace {

constexpr const char* kEnterprises[] = {
    "重庆荣昌夏布织造有限公司", "荣昌区安陶陶瓷制品厂",     "重庆荣牧食品有限公司",   "荣昌区昌州建材有限公司",
    "重庆市荣昌区绿野农业合作社", "荣昌区兴旺物流有限公司",   "重庆荣达服装有限公司",   "荣昌区宏源机械加工厂",
    "重庆市荣昌区鑫源电子有限公司", "荣昌区海棠园林绿化公司", "重庆荣昌卤白鹅食品厂", "荣昌区万灵古镇文旅公司",
};
constexpr const char* kContacts[] = {"张德明", "李桂芳", "王志勇", "刘春华", "陈建国", "杨丽萍", "赵国庆", "周小平"};

std::string day(domain::CivilDate today, int offset) { return domain::to_string(domain::add_days(today, offset)); }

// Persons under assistance who live in `township`, released at least 100 days ago, not in custody
// and not lost, by id (a few per township).
Result<std::vector<std::int64_t>> residents(Services& app, std::int64_t township, domain::CivilDate today, int limit) {
  auto tree = app.core.units();
  std::vector<std::int64_t> villages = tree->area_subtree_ids(township);
  return transact_value<std::vector<std::int64_t>>(
      app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> out;
        for (std::int64_t v : villages) {
          auto rows = c.query(
              "SELECT p.id FROM persons p WHERE p.residence_unit_id = ? AND p.release_date <= ? AND "
              "p.assistance_end_date > ? AND p.whereabouts_unknown = 0 AND NOT EXISTS (SELECT 1 FROM "
              "custody_intervals ci WHERE ci.person_id = p.id) ORDER BY p.id LIMIT ?",
              {v, day(today, -100), day(today, 30), std::int64_t{limit}});
          if (!rows.ok()) return rows.error();
          for (const auto& r : *rows) out.push_back(r.i64(0));
          if (static_cast<int>(out.size()) >= limit) break;
        }
        if (static_cast<int>(out.size()) > limit) out.resize(limit);
        return out;
      });
}

}  // namespace

Status seed_demo_bases(Services& app, const AuthedCtx& ctx) {
  auto tree = app.core.units();
  const domain::CivilDate today = ctx.today;
  std::vector<const domain::Unit*> townships;
  std::int64_t hr = 0;
  for (const auto& u : tree->all()) {
    if (u.kind == "township") townships.push_back(&u);
    if (u.kind == "department" && u.subkind == "hr_social_security") hr = u.id;
  }
  std::sort(townships.begin(), townships.end(), [](const domain::Unit* a, const domain::Unit* b) { return a->code < b->code; });

  // R-BASE-1: the district base, run by the district judicial bureau.
  auto district = app.bases.create(ctx, {"district", std::nullopt, "荣昌区刑满释放人员过渡性安置基地", "荣昌区司法局",
                                         "荣昌区昌元街道宝城路88号", "吴敏", "023-46721234",
                                         "区司法局直接管理，提供食宿、技能培训和心理辅导"});
  if (!district.ok()) return district.error();
  if (auto a = app.bases.add_agreement(ctx, *district, {day(today, -420), day(today, -400), day(today, 700), 20,
                                                        {"lodging", "work", "training", "counselling"}});
      !a.ok())
    return a.error();

  // Enterprise bases: one for most townships, two for every fourth; every sixth has none valid
  // today (an expired agreement or none at all), so the R-BASE-1 flag shows.
  std::size_t n = 0;
  for (std::size_t i = 0; i < townships.size(); ++i) {
    const domain::Unit* t = townships[i];
    const bool flagged = i % 6 == 5;
    const int count = flagged ? (i % 12 == 5 ? 1 : 0) : (i % 4 == 0 ? 2 : 1);
    std::vector<std::int64_t> open_bases;
    for (int k = 0; k < count; ++k, ++n) {
      const std::string enterprise = kEnterprises[n % std::size(kEnterprises)];
      BaseInput in{"enterprise", t->id, t->name + (k ? "第二过渡性安置基地" : "过渡性安置基地"), enterprise,
                   t->name + "工业园区" + std::to_string(3 + k * 5) + "号", kContacts[n % std::size(kContacts)],
                   "1390246" + std::to_string(1000 + n * 37 % 9000), ""};
      auto id = app.bases.create(ctx, in);
      if (!id.ok()) return id.error();
      BaseAgreementInput ag{day(today, -380 - k * 30), day(today, -365), flagged ? day(today, -20) : day(today, 365 + k * 100),
                        static_cast<std::int64_t>(6 + (i + k) % 5), {"lodging", "work"}};
      if (k == 1) ag.services.push_back("training");
      if (auto a = app.bases.add_agreement(ctx, *id, ag); !a.ok()) return a.error();
      if (!flagged) open_bases.push_back(*id);
    }
    // Placements by the township's judicial office: for the first townships two or three persons,
    // one of them already left again.
    if (open_bases.empty() || i >= 14) continue;
    auto people = residents(app, t->id, today, 3);
    if (!people.ok()) return people.error();
    AuthedCtx office = ctx;
    office.actor.unit_id = tree->judicial_office_for(t->id);
    for (std::size_t j = 0; j < people->size(); ++j) {
      // The first person of every other township goes to the district base.
      const std::int64_t base = (j == 0 && i % 2 == 1) ? *district : open_bases[j % open_bases.size()];
      PlacementInput p{base, day(today, -(80 - static_cast<int>(j) * 15 - static_cast<int>(i % 5))), ""};
      auto id = app.bases.place(office, (*people)[j], p);
      if (!id.ok()) return id.error();
      if (j == 1) {
        EndPlacementInput e{day(today, -(20 + static_cast<int>(i % 5))), "找到稳定工作，离开基地"};
        if (auto s = app.bases.end(office, *id, e); !s.ok()) return s;
      }
    }
  }

  // R-EMP-2: human resources' trainings, two last year and three this year (the last one to come).
  if (!hr) return {};
  AuthedCtx hr_ctx = ctx;
  hr_ctx.actor.unit_id = hr;
  const int y = today.year;
  struct Def {
    const char* programme;
    const char* provider;
    std::string from, to;
    int places;
  };
  const Def defs[] = {
      {"中式面点制作", "荣昌区职业教育中心", std::to_string(y - 1) + "-04-13", std::to_string(y - 1) + "-04-24", 30},
      {"电工（低压）操作", "重庆荣昌技工学校", std::to_string(y - 1) + "-09-14", std::to_string(y - 1) + "-09-25", 25},
      {"挖掘机驾驶与维护", "荣昌区职业教育中心", std::to_string(y) + "-03-16", std::to_string(y) + "-03-27", 20},
      {"家政服务与养老护理", "荣昌区妇女儿童服务中心", std::to_string(y) + "-06-08", std::to_string(y) + "-06-19", 30},
      {"电子商务与直播带货", "重庆荣昌电商产业园", day(today, 20), day(today, 30), 40},
  };
  std::vector<std::pair<std::int64_t, std::int64_t>> enrollees;  // person, the township's judicial office
  for (std::size_t i = 0; i < 4 && i < townships.size(); ++i) {
    auto people = residents(app, townships[i]->id, today, 4);
    if (!people.ok()) return people.error();
    for (std::int64_t p : *people) enrollees.push_back({p, tree->judicial_office_for(townships[i]->id)});
  }
  for (std::size_t k = 0; k < std::size(defs); ++k) {
    const Def& d = defs[k];
    TrainingInput in{d.programme, d.provider, "荣昌区昌元街道职教路1号", d.from, d.to, "免费培训，结业考核合格颁发职业技能证书", d.places};
    auto id = app.trainings.create(hr_ctx, in);
    if (!id.ok()) return id.error();
    const bool started = d.from <= domain::to_string(today);
    for (std::size_t j = k % 3; j < enrollees.size(); j += 3) {
      AuthedCtx office = ctx;  // the person's township's judicial office enrols them
      office.actor.unit_id = enrollees[j].second;
      auto e = app.trainings.enrol(office, *id, enrollees[j].first);
      if (!e.ok()) return e.error();
      if (!started) continue;
      const bool attended = (j + k) % 4 != 0;
      AttendanceInput at{attended, attended && (j + k) % 2 == 0 ? "RC" + std::to_string(y) + "-" + std::to_string(1000 + *e) : ""};
      if (auto s = app.trainings.record_attendance(hr_ctx, *e, at); !s.ok()) return s;
    }
  }
  return {};
}

}  // namespace anbang::app
