#include "app/demo_unitwork.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/core/audit.hpp"
#include "domain/civil_date.hpp"
#include "store/education_repo.hpp"
#include "store/org_repo.hpp"

namespace anbang::app {

namespace {

struct EventDef {
  const char* name;
  const char* kind;
  const char* from;
  const char* to;
};

// The district's calendar for 2026–2027 (holidays as the State Council announces them; the two
// sessions of the National People's Congress and the CPPCC in early March).
constexpr EventDef kCalendar[] = {
    {"元旦", "holiday", "2026-01-01", "2026-01-03"},
    {"春节", "holiday", "2026-02-15", "2026-02-23"},
    {"全国两会", "major_event", "2026-03-04", "2026-03-12"},
    {"清明节", "holiday", "2026-04-04", "2026-04-06"},
    {"劳动节", "holiday", "2026-05-01", "2026-05-05"},
    {"端午节", "holiday", "2026-06-19", "2026-06-21"},
    {"中秋节、国庆节", "holiday", "2026-10-01", "2026-10-08"},
    {"年末岁初重点时段", "sensitive_period", "2026-12-20", "2027-01-05"},
    {"元旦", "holiday", "2027-01-01", "2027-01-03"},
    {"春节", "holiday", "2027-02-06", "2027-02-13"},
    {"全国两会", "major_event", "2027-03-03", "2027-03-12"},
    {"清明节", "holiday", "2027-04-03", "2027-04-05"},
    {"劳动节", "holiday", "2027-05-01", "2027-05-05"},
    {"端午节", "holiday", "2027-06-09", "2027-06-11"},
    {"中秋节", "holiday", "2027-09-15", "2027-09-17"},
    {"国庆节", "holiday", "2027-10-01", "2027-10-07"},
};

constexpr const char* kNames[] = {"黄志刚", "杨秀英", "何建平", "罗文", "谢红梅", "韩立新", "唐晓东", "冯春燕",
                                  "邓永福", "曹丽娟", "彭光明", "曾德华", "萧玉兰", "田志强", "董海燕", "袁明亮"};
std::string member_name(std::size_t i) { return kNames[i % std::size(kNames)]; }

constexpr const char* kKinds[] = {"legal", "thought", "moral", "cultural"};
constexpr const char* kTopics[] = {"学习《中华人民共和国宪法》和民法典", "树立正确的人生观，重新融入社会",
                                   "孝老爱亲、邻里和睦", "农村实用技术和文化知识讲座"};

Status add_group(store::Connection& c, const AuthedCtx& ctx, std::int64_t unit, const char* kind, const std::string& name,
                 const std::string& established,
                 std::initializer_list<std::tuple<std::string, std::string, const char*>> members) {
  store::OrgGroupRow g{0, unit, kind, name, established, "", ctx.now};
  auto id = store::insert_org_group(c, g, 0);
  if (!id.ok()) return id.error();
  for (const auto& [who, position, role] : members) {
    store::OrgMemberRow m{0, *id, who, position, role, "", established, std::nullopt};
    if (auto r = store::insert_org_member(c, m, 0, ctx.now); !r.ok()) return r.error();
  }
  return {};
}

}  // namespace

Status seed_demo_unitwork(Services& app, const AuthedCtx& ctx, const std::vector<seed::DemoArea>& areas,
                          const std::vector<std::pair<std::int64_t, const seed::DemoPerson*>>& persons) {
  auto tree = app.core.units();
  const domain::CivilDate today = ctx.today;
  std::int64_t district = 0;
  std::vector<const domain::Unit*> townships;
  for (const auto& u : tree->all()) {
    if (u.kind == "district") district = u.id;
    if (u.kind == "township") townships.push_back(&u);
  }
  std::map<std::int64_t, std::vector<const seed::DemoArea*>> villages_of;
  for (const auto& a : areas) villages_of[a.township_unit_id].push_back(&a);

  // R-ORG-1: the groups, and the calendar, in one transaction (no person's records).
  Status s = app.core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto st = add_group(c, ctx, district, "leading_group", "荣昌区安置帮教工作领导小组", "2024-03-01",
                            {{"陈国强", "区委政法委副书记", "leader"},
                             {"刘明", "区司法局局长", "deputy"},
                             {"赵勇", "区公安分局副局长", "member"},
                             {"孙丽", "区民政局副局长", "member"},
                             {"周华", "区人力社保局副局长", "member"}});
        !st.ok())
      return st;
    if (auto st = add_group(c, ctx, district, "office", "荣昌区安置帮教工作领导小组办公室（区安帮办）", "2024-03-01",
                            {{"王建华", "区司法局副局长、区安帮办主任", "leader"},
                             {"吴敏", "区司法局社区矫正和安置帮教科科长", "deputy"},
                             {"郑杰", "区司法局科员", "member"}});
        !st.ok())
      return st;
    for (std::size_t i = 0; i < townships.size(); ++i) {
      const domain::Unit* t = townships[i];
      if (i % 7 != 6) {  // three townships have not reported their leading group yet
        if (auto st = add_group(c, ctx, t->id, "leading_group", t->name + "安置帮教工作领导小组", "2024-04-15",
                                {{member_name(i * 3), t->name + "党（工）委副书记", "leader"},
                                 {member_name(i * 3 + 1), t->name + "司法所所长", "deputy"},
                                 {member_name(i * 3 + 2), t->name + "派出所所长", "member"},
                                 {member_name(i * 3 + 5), t->name + "综治办主任", "member"}});
            !st.ok())
          return st;
      }
      int v = 0;
      for (const seed::DemoArea* a : villages_of[t->id]) {
        if ((v++ + static_cast<int>(i)) % 4 == 3) continue;  // about a quarter have no working group yet
        const domain::Unit* vu = tree->find(a->unit_id);
        std::string name = vu ? vu->name : a->name;
        if (auto st = add_group(c, ctx, a->unit_id, "working_group", name + "安置帮教工作小组", "2024-06-01",
                                {{member_name(i + v * 2), name + "村（居）委会主任", "leader"},
                                 {member_name(i + v * 2 + 7), name + "治保主任", "member"},
                                 {member_name(i + v * 2 + 11), name + "网格员", "member"}});
            !st.ok())
          return st;
      }
    }
    for (const auto& e : kCalendar) {
      store::EducationEventRow row{0, e.name, e.kind, e.from, e.to};
      if (auto id = store::insert_education_event(c, row, 0, ctx.now); !id.ok()) return id.error();
    }
    return record_change(c, ctx, "seed_demo_unitwork", "database", std::nullopt, "", "{}");
  });
  if (!s.ok()) return s;

  // R-EDU-1: sessions and talks through the services (each attendee's file gets its entry).
  auto events = transact_value<std::vector<store::EducationEventRow>>(app.core.db(), store::TxKind::read,
                                                                      store::all_education_events);
  if (!events.ok()) return events.error();
  std::optional<store::EducationEventRow> next;  // the next event whose window holds today
  for (const auto& e : *events) {
    auto from = domain::parse_date(e.starts_on);
    if (!from.ok() || *from <= today) continue;
    if (domain::add_days(*from, -app.core.policy()->values_at(*from).targeted_education_days) <= today) next = e;
    break;
  }
  std::map<std::int64_t, std::vector<std::int64_t>> released_of;  // township → persons released a month ago
  std::map<std::int64_t, const seed::DemoPerson*> person_of;
  for (const auto& [id, p] : persons) {
    if (p->release_date > domain::add_days(today, -30)) continue;
    auto t = tree->township_of(p->residence_unit_id);
    if (t) released_of[*t].push_back(id);
    person_of[id] = p;
  }
  int talks = 0;
  for (std::size_t i = 0; i < townships.size() && i < 12; ++i) {
    const auto& list = released_of[townships[i]->id];
    if (list.empty()) continue;
    AuthedCtx unit_ctx = ctx;
    unit_ctx.actor.unit_id = tree->judicial_office_for(townships[i]->id);
    // Each record is entered on the day it happened (not as a late entry, 补录, on the seeding day).
    auto on_day = [&](domain::CivilDate day) {
      AuthedCtx then = unit_ctx;
      then.today = day;
      then.now = std::min(ctx.now, domain::shanghai_midnight_unix(day) + 16 * 3600);
      return then;
    };
    for (int k = 0; k < 2; ++k) {
      EducationSessionInput in;
      const auto held = domain::add_days(today, -(20 + 17 * k + static_cast<int>(i)));
      in.held_on = domain::to_string(held);
      in.kind = kKinds[(i + k) % 4];
      in.topic = kTopics[(i + k) % 4];
      in.speaker = townships[i]->name + "司法所所长";
      for (std::size_t j = 0; j < list.size() && j < 6; ++j) in.attendees.push_back({list[j], j != 2});
      if (auto r = app.education.record_session(on_day(held), in); !r.ok()) return r.error();
    }
    // Half of these townships already held their targeted session before the next event.
    if (next && i % 2 == 0) {
      EducationSessionInput in;
      in.held_on = domain::to_string(today);
      in.kind = "legal";
      in.topic = next->name + "前针对性法治教育：遵纪守法、远离违法犯罪";
      in.speaker = townships[i]->name + "派出所民警";
      in.targeted = true;
      in.event_id = next->id;
      for (std::size_t j = 0; j < list.size() && j < 4; ++j) in.attendees.push_back({list[j], true});
      if (auto r = app.education.record_session(unit_ctx, in); !r.ok()) return r.error();
    }
    if (talks < 12) {
      const auto talked = domain::add_days(today, -(5 + static_cast<int>(i)));
      EducationTalkInput t{domain::to_string(talked), townships[i]->name + "司法所干部", "近期思想和就业情况",
                           "本人情绪稳定，希望学一门手艺，已介绍参加技能培训。"};
      if (auto r = app.education.record_talk(on_day(talked), list.front(), t); !r.ok()) return r.error();
      ++talks;
    }
  }

  // R-PUB-1: good practices of units, and two exemplary cases (one published with consent, one a
  // draft without consent).
  const std::pair<const char*, const char*> practices[] = {
      {"“村警联动”帮教走访机制", "司法所、派出所与村（居）委会每月联合走访重点帮教对象，做到情况互通、问题共商。"},
      {"“一人一档”动态管理", "为每名帮教对象建立电子档案，走访、考察、教育记录随时录入，任务到期自动提醒。"},
      {"技能培训助力稳就业", "联合人力社保部门开展面点、电工等技能培训，帮助刑满释放人员掌握一技之长。"},
  };
  for (std::size_t i = 0; i < std::size(practices) && i < townships.size(); ++i) {
    AuthedCtx unit_ctx = ctx;
    unit_ctx.actor.unit_id = townships[i]->id;
    PublicityInput in{"good_practice", std::nullopt, "", practices[i].first, practices[i].second,
                      domain::to_string(domain::add_days(today, -40 - static_cast<int>(i) * 9)), "public_media"};
    auto id = app.publicity.create(unit_ctx, in);
    if (!id.ok()) return id.error();
    if (i < 2) {
      if (auto r = app.publicity.publish(unit_ctx, *id); !r.ok()) return r.error();
    }
  }
  std::vector<std::int64_t> cases;
  for (const auto& [t, list] : released_of) {
    if (!list.empty()) cases.push_back(list.front());
    if (cases.size() == 2) break;
  }
  const std::pair<const char*, const char*> kinds[] = {{"hard_work_prosperity", "勤劳致富"}, {"serving_society", "服务社会"}};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const seed::DemoPerson* p = person_of[cases[i]];
    AuthedCtx unit_ctx = ctx;
    unit_ctx.actor.unit_id = tree->judicial_office_for(p->residence_unit_id);
    std::string body = p->name + "刑满释放后回到" + p->residence_address + "，在帮教小组帮助下" +
                       (i == 0 ? "承包鱼塘发展养殖，去年收入十余万元，还带动三户村民增收。"
                               : "参加社区志愿服务队，坚持为孤寡老人义务维修水电。") +
                       (p->phone.empty() ? "" : "联系电话" + p->phone + "。");
    PublicityInput in{"exemplary_case", cases[i], kinds[i].first, p->name + "的" + kinds[i].second + "故事", body,
                      domain::to_string(domain::add_days(today, -25)), i == 0 ? "public_media" : "internal"};
    auto id = app.publicity.create(unit_ctx, in);
    if (!id.ok()) return id.error();
    if (i == 0) {
      ConsentInput consent{domain::to_string(domain::add_days(today, -20)), "public_media", "", "本人书面同意，签字材料存档"};
      if (auto r = app.publicity.record_consent(unit_ctx, cases[i], consent); !r.ok()) return r.error();
      if (auto r = app.publicity.publish(unit_ctx, *id); !r.ok()) return r.error();
    }
  }
  return {};
}

}  // namespace anbang::app
