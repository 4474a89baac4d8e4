// The demo district (`anbang seed --demo`): villages for every township, staff users for every
// unit and role (docs/demo-accounts.md), and generated released persons. Deterministic.
#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "app/demo_unitwork.hpp"
#include "app/demo_needs.hpp"
#include "app/demo_employment.hpp"
#include "app/demo_bases.hpp"  // issue 9, helper C
#include "app/demo_allowance.hpp"
#include "app/demo_assistance.hpp"
#include "app/services.hpp"
#include "store/maintenance.hpp"
#include "store/supervision_repo.hpp"
#include "store/transfer_repo.hpp"
#include "store/user_repo.hpp"
#include "domain/pinyin.hpp"
#include "platform/crypto.hpp"
#include "seed/demo_people.hpp"
#include "store/document_repo.hpp"
#include "store/follow_up_repo.hpp"
#include "store/help_repo.hpp"
#include "store/obligation_repo.hpp"
#include "store/unit_repo.hpp"

namespace anbang::app {

namespace {

constexpr const char* kDemoPassword = "anbang@2026";
constexpr int kVillagesPerTownship = 10;
constexpr const char* kVillageStems[] = {
    "玉屏", "双河", "石桥", "金龙", "新华", "白塔", "高峰", "永兴", "长岭", "龙井", "黄桷", "大石",
    "三奇", "凤凰", "安和", "古佛", "清河", "青龙", "柏林", "桂花", "莲花", "河坝", "灯塔", "复兴",
    "太平", "万寿", "天府", "胜利", "和平", "光明", "幸福", "团结", "鸭子", "狮子", "宝城", "广福"};

std::string suffix3(const std::string& code) { return code.substr(code.size() - 3); }

// A deterministic 0–99 draw for (person, salt).
int draw(std::int64_t person, int salt) {
  std::uint64_t x = static_cast<std::uint64_t>(person) * 0x9E3779B97F4A7C15ull +
                    static_cast<std::uint64_t>(salt) * 0xBF58476D1CE4E5B9ull;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 29;
  return static_cast<int>(x % 100);
}

// When a demo record dated `on` was entered: that day at 10:00 China Standard Time, and now and then
// (about 6 in 100) one to two weeks later — a late entry (补录); never after now.
std::int64_t entered_at(domain::CivilDate on, std::int64_t now, std::int64_t person, int salt) {
  std::int64_t at = domain::shanghai_midnight_unix(on) + 10 * 3600;
  if (draw(person, salt) < 6) at += 86400 * (1 + draw(person, salt + 1) % 14);
  return std::min(at, now);
}

// Demo history of one released person: pick-up, registration (most within 30 days, some late,
// some missing) and half-yearly visits (most done, some missed), so that the workbench shows
// overdue and due work as in a real district (JOURNEYS.md 2).
Status demo_history(store::Connection& c, std::int64_t id, const seed::DemoPerson& p, domain::CivilDate today,
                    std::int64_t now) {
  if (p.release_date > today) return {};
  std::string release = domain::to_string(p.release_date);
  if (p.release_kind != "community_correction" && draw(id, 1) < 95) {
    store::Pickup pickup{id, release, p.releasing_authority, "家属及村（社区）代表", "family", std::nullopt,
                         std::nullopt, entered_at(p.release_date, now, id, 70)};
    // Issue 8 (R-PCK-2 details): the family and a village representative, the handover signed; now and
    // then (5 in 100) a first attempt that did not meet the person, and the pick-up the next day.
    pickup.party = nlohmann::json::array({{{"name", p.family_contact_name}, {"unit", p.family_contact_relation},
                                           {"role", "family_member"}},
                                          {{"name", "村（社区）干部"}, {"unit", "村（居）委会"}, {"role", "village_representative"}}})
                       .dump();
    pickup.headcount = 2;
    pickup.vehicle = draw(id, 3) < 50 ? "自驾车" : "公共交通";
    pickup.picked_at = "09:00";
    pickup.handover_signed = true;
    pickup.handover_by = p.releasing_authority + "狱政科";
    if (draw(id, 1) >= 90) {
      store::Pickup failed = pickup;
      failed.outcome = "not_met";
      failed.handover_signed = std::nullopt;
      failed.handover_by.clear();
      failed.next_steps = "释放时间调整，未接到本人；已与监所核实，次日再次前往接回";
      if (auto r = store::insert_pickup(c, failed); !r.ok()) return r.error();
      pickup.picked_on = domain::to_string(domain::add_days(p.release_date, 1));
    }
    if (auto r = store::insert_pickup(c, pickup); !r.ok()) return r.error();
  }
  int reg = draw(id, 2);
  if (reg < 93) {
    int days = reg < 85 ? reg % 25 : 31 + reg % 40;  // 85 % in time, 8 % late
    auto on = domain::add_days(p.release_date, days);
    if (on <= today) {
      store::Registration r{id,
                            domain::to_string(on),
                            "SF" + std::to_string(100000 + id),
                            demo_registration_needs([&](int salt) { return draw(id, salt); }),  // issue 9
                            true,
                            std::nullopt,
                            std::nullopt,
                            entered_at(on, now, id, 72)};
      if (auto x = store::insert_registration(c, r); !x.ok()) return x.error();
    }
  }
  // One visit in most half-years since release; the current half-year about half the time.
  domain::CivilDate start{p.release_date.year, p.release_date.month <= 6 ? 1 : 7, 1};
  for (int k = 0; k < 20; ++k) {
    domain::CivilDate from = domain::add_months_clamped(start, 6 * k);
    if (from > today) break;
    domain::CivilDate last = domain::add_days(domain::add_months_clamped(from, 6), -1);
    bool current = today <= last;
    if (draw(id, 10 + k) >= (current ? 50 : 90)) continue;
    domain::CivilDate lo = std::max(from, p.release_date);
    domain::CivilDate hi = std::min(last, today);
    if (hi < lo) continue;
    auto span = domain::days_between(lo, hi);
    auto on = domain::add_days(lo, span > 0 ? draw(id, 40 + k) % (span + 1) : 0);
    store::FollowUp f{id, "visit",      domain::to_string(on), "home_visit", "情况稳定",
                      "", std::nullopt, std::nullopt,          entered_at(on, now, id, 74 + 2 * k)};
    if (auto x = store::insert_follow_up(c, f); !x.ok()) return x.error();
  }
  return {};
}

// R-PCK-1 in the demo: a person released in the coming five weeks whose release notice is in, in
// seven cases of ten (and always in township 001, the demo's 昌元街道), is assessed at high risk.
bool key_soon(std::int64_t id, const seed::DemoPerson& p, domain::CivilDate today) {
  if (p.release_date <= today || p.release_date > domain::add_days(today, 35)) return false;
  if (p.release_kind == "community_correction") return false;
  return draw(id, 67) < 70 || p.household_address.find("昌元街道") != std::string::npos;
}

// Demo linkage of a person still in custody (R-LNK-1, R-LNK-2, R-LNK-4): the registration form —
// sent through the system by the district detention centre, or from a prison outside the system by
// mail and entered by the judicial office — most verified long ago, about a third received in the
// last weeks and waiting for verification; the release notice a month before release, answered
// about half the time.
Status demo_linkage(store::Connection& c, std::int64_t id, const seed::DemoPerson& p, domain::CivilDate today,
                    std::int64_t now, std::int64_t detention_centre, std::int64_t judicial_office) {
  if (p.release_date <= today) return {};
  const bool ours = p.release_kind == "detention_centre";
  auto custody = domain::add_months_clamped(p.release_date, -std::max(p.sentence_months, 1));
  if (custody > today) custody = domain::add_days(today, -1);
  const bool recent = draw(id, 60) < 35;
  auto received = recent ? domain::add_days(today, -(draw(id, 61) % 25)) : domain::add_days(custody, 10);
  if (received > today) received = today;
  if (received < custody) received = custody;
  auto file = [&](store::Document d) -> Result<std::int64_t> {
    d.person_id = id;
    auto on = domain::parse_date(d.received_on.value_or(""));
    d.created_at = on.ok() ? entered_at(*on, now, id, 90 + static_cast<int>(d.kind.size())) : now;
    return store::insert_document(c, d);
  };
  store::Document form;
  form.kind = "registration_form";
  form.sender_unit_id = ours ? std::optional(detention_centre) : std::nullopt;
  form.receiver_unit_id = judicial_office;
  form.channel = ours ? "electronic" : "mail";
  form.event_date = domain::to_string(custody);
  form.sent_on = form.received_on = domain::to_string(received);
  form.data = ours ? "{}" : nlohmann::json{{"sender_name", p.releasing_authority}}.dump();
  auto form_id = file(form);
  if (!form_id.ok()) return form_id.error();
  auto verified = domain::add_days(received, 12);
  if (!recent && verified <= today) {
    store::Document v;
    v.kind = "verification_feedback";
    v.sender_unit_id = judicial_office;
    v.receiver_unit_id = form.sender_unit_id;
    v.replies_to = *form_id;
    v.sent_on = v.received_on = domain::to_string(verified);
    v.data = R"({"false_name":"cleared","false_identity":"cleared","false_address":"cleared"})";
    if (auto r = file(v); !r.ok()) return r.error();
  }
  // R-LNK-3: now and then a major family change, reported by the detention centre (or, for a
  // prison outside the system, by the judicial office to the file); half ask for the township's help,
  // half of those already helped.
  if (draw(id, 63) < 25) {
    store::Document change;
    change.kind = "family_change";
    change.sender_unit_id = ours ? detention_centre : judicial_office;
    change.receiver_unit_id = ours ? std::optional(judicial_office) : std::nullopt;
    change.event_date = change.sent_on = change.received_on =
        domain::to_string(std::max(received, domain::add_days(today, -(draw(id, 64) % 20))));
    const bool help = draw(id, 65) < 50;
    change.data = nlohmann::json{
        {"summary",
         help ? "其配偶病故，两名未成年子女由年迈祖母照料，生活困难" : "其父因病住院，家属已告知服刑人员"},
        {"needs", help ? "子女临时监护、临时救助" : ""},
        {"family_in_difficulty", help},
        {"children_in_difficulty", help},
        {"needs_help",
         help}}.dump();
    auto change_id = file(change);
    if (!change_id.ok()) return change_id.error();
    if (help && draw(id, 66) < 50) {
      store::Document given;
      given.kind = "family_help";
      given.sender_unit_id = judicial_office;
      given.receiver_unit_id = change.sender_unit_id;
      given.replies_to = *change_id;
      given.event_date = given.sent_on = given.received_on = change.received_on;
      given.data = R"({"help":"协调村委会落实临时监护，申请临时救助","helpers":"镇民政办、村委会"})";
      if (auto r = file(given); !r.ok()) return r.error();
    }
  }
  auto notice_on = domain::add_months_clamped(p.release_date, -1);
  if (notice_on > today || notice_on < received) return {};
  // R-LNK-4: now and then the detention centre is a few days late with its notice, so the clerk's
  // workbench shows what it owes (JOURNEYS.md 1).
  if (ours && domain::days_between(notice_on, today) < 6 && draw(id, 69) < 40) return {};
  store::Document n;
  n.kind = "release_notice";
  n.sender_unit_id = form.sender_unit_id;
  n.receiver_unit_id = judicial_office;
  n.channel = form.channel;
  n.event_date = domain::to_string(p.release_date);
  n.sent_on = n.received_on = domain::to_string(notice_on);
  // R-CLS-1, R-PCK-1: most of those released in the coming weeks are assessed at high risk of
  // re-offending, so the demo has key subjects whose release the judicial office must notify.
  const bool high = key_soon(id, p, today);
  nlohmann::json nd = {
      {"release_date", *n.event_date}, {"place", p.releasing_authority}, {"risk_level", high ? "high" : "low"}};
  if (!ours) nd["sender_name"] = p.releasing_authority;
  n.data = nd.dump();
  // Now and then the detention centre corrected its notice (R-LNK-4): the first, with a release date
  // a week later, is kept as superseded; the correction carries its reason.
  if (ours && draw(id, 67) < 4) {
    store::Document wrong = n;
    auto wrong_release = domain::to_string(domain::add_days(p.release_date, 7));
    nlohmann::json wd = nd;
    wd["release_date"] = wrong_release;
    wrong.event_date = wrong_release;
    wrong.data = wd.dump();
    auto wrong_id = file(wrong);
    if (!wrong_id.ok()) return wrong_id.error();
    n.supersedes = *wrong_id;
    n.correction_reason = "释放日期有误，按减刑裁定书更正";
  }
  auto notice_id = file(n);
  if (!notice_id.ok()) return notice_id.error();
  if (n.supersedes) {
    if (auto st = store::set_superseded(c, *n.supersedes, *notice_id); !st.ok()) return st.error();
  }
  auto answered = domain::add_days(notice_on, 3);
  if (draw(id, 62) >= 50 || answered > today) return {};
  store::Document a;
  a.kind = "reception_arrangement";
  a.sender_unit_id = judicial_office;
  a.receiver_unit_id = n.sender_unit_id;
  a.replies_to = *notice_id;
  a.event_date = *n.event_date;
  a.sent_on = a.received_on = domain::to_string(answered);
  a.data = R"({"pickup_by":"family"})";
  auto answer = file(a);
  if (!answer.ok()) return answer.error();
  return {};
}

// After the persons: the key subjects released soon are classified (R-CLS-1) and about half of
// them already notified to the township and the police station (R-PCK-1: both, or only the
// township); and three transfers (R-JUR-1): one from another township to a village of 001 awaiting
// 昌元街道's decision, one from 001 to 仁义镇 (101) pending, one from 001 withdrawn.
Status demo_key_subjects_and_transfers(Services& app, store::Connection& c, const AuthedCtx& ctx,
                                       const std::vector<std::pair<std::int64_t, const seed::DemoPerson*>>& seeded,
                                       const std::vector<seed::DemoArea>& areas,
                                       const std::map<std::int64_t, std::int64_t>& police_station) {
  auto tree = app.core.units();
  std::map<std::int64_t, std::int64_t> town_of;  // village → township
  for (const auto& a : areas) town_of[a.unit_id] = a.township_unit_id;
  auto township = [&](std::int64_t unit) { return town_of.count(unit) ? town_of[unit] : unit; };
  for (const auto& [id, p] : seeded) {
    if (!key_soon(id, *p, ctx.today)) continue;
    if (domain::add_months_clamped(p->release_date, -1) > ctx.today) continue;  // no notice yet
    if (auto st = app.classification.reclassify(c, ctx, id); !st.ok()) return st;
    const int d = draw(id, 68);
    if (d >= 60) continue;  // not notified yet
    const std::int64_t town = township(p->household_unit_id);
    auto police = police_station.find(town);
    const auto notice_on = domain::add_months_clamped(p->release_date, -1);
    for (const char* recipient : {"township", "police_station"}) {
      const bool is_town = std::string(recipient) == "township";
      if (!is_town && (d >= 45 || police == police_station.end())) continue;  // 45–59: only the township
      auto on = domain::add_days(notice_on, is_town ? 2 : 3);
      if (on > ctx.today) on = ctx.today;
      store::ReleaseNotification n;
      n.person_id = id;
      n.release_date = domain::to_string(p->release_date);
      n.recipient = recipient;
      n.recipient_unit_id = is_town ? town : police->second;
      n.contact = is_town ? "镇综治办张主任" : "派出所社区民警";
      n.method = is_town ? "phone" : "document";
      n.notified_on = domain::to_string(on);
      n.unit_id = tree->judicial_office_for(town);
      n.created_at = ctx.now;
      if (auto r = store::insert_release_notification(c, n); !r.ok()) return r.error();
    }
  }
  // Transfers: persons under assistance today.
  std::int64_t t001 = 0, t002 = 0, t101 = 0;
  for (const auto& u : tree->all()) {
    if (u.kind != "township") continue;
    if (u.code.ends_with("001")) t001 = u.id;
    if (u.code.ends_with("002")) t002 = u.id;
    if (u.code.ends_with("101")) t101 = u.id;
  }
  auto first_village = [&](std::int64_t town) -> const seed::DemoArea* {
    for (const auto& a : areas) {
      if (a.township_unit_id == town) return &a;
    }
    return nullptr;
  };
  const seed::DemoArea *v001 = first_village(t001), *v002 = first_village(t002), *v101 = first_village(t101);
  if (!v001 || !v002 || !v101) return {};
  std::vector<std::int64_t> of001, of002;
  for (const auto& [id, p] : seeded) {
    if (p->release_date > ctx.today || p->household_unit_id != p->residence_unit_id) continue;
    if (rules::assistance_end(*app.core.policy(), p->release_date, p->release_kind) <= ctx.today) continue;
    std::int64_t town = township(p->residence_unit_id);
    if (town == t001) of001.push_back(id);
    if (town == t002) of002.push_back(id);
  }
  struct Demo {
    std::vector<std::int64_t>& from;
    std::size_t index;
    const seed::DemoArea* to;
    const char* reason;
    bool withdrawn;
  };
  const Demo demos[] = {{of002, 0, v001, "本人在昌元街道购房定居，申请转移居住地", false},
                        {of001, 0, v101, "随子女迁往仁义镇居住", false},
                        {of001, 1, v002, "拟随配偶迁居，后决定留在原居住地", true}};
  for (const Demo& dm : demos) {
    if (dm.index >= dm.from.size()) continue;
    const std::int64_t id = dm.from[dm.from.size() - 1 - dm.index];  // the last ones (tests take the first)
    const seed::DemoPerson* p = nullptr;
    for (const auto& [sid, sp] : seeded) {
      if (sid == id) p = sp;
    }
    store::Transfer t;
    t.person_id = id;
    t.kind = "residence";
    t.from_unit_id = p->residence_unit_id;
    t.to_unit_id = dm.to->unit_id;
    t.reason = dm.reason;
    t.new_address = "重庆市荣昌区" + dm.to->name + "8号";
    t.requested_at = ctx.now - 3 * 86400;
    auto tid = store::insert_transfer(c, t);
    if (!tid.ok()) return tid.error();
    const std::string to_name = dm.to->name;
    store::PersonEvent e;
    e.person_id = id;
    e.at = t.requested_at;
    e.kind = "transfer";
    e.code = "transfer.requested";
    e.params = nlohmann::json{{"kind", "residence"}, {"to", to_name}}.dump();
    if (auto st = store::insert_person_event(c, e); !st.ok()) return st;
    if (!dm.withdrawn) continue;
    if (auto st = store::decide_transfer(c, *tid, "withdrawn", std::nullopt, ctx.now - 86400, "本人决定不再迁居"); !st.ok()) {
      return st;
    }
    e.at = ctx.now - 86400;
    e.code = "transfer.withdrawn";
    e.params = nlohmann::json{{"kind", "residence"}, {"to", to_name}, {"note", "本人决定不再迁居"}}.dump();
    if (auto st = store::insert_person_event(c, e); !st.ok()) return st;
  }
  return {};
}

// --- Issue 8, helper D: warnings, re-offences, outings and detailed pick-ups in the demo district,
// recorded through the services as the demo users would (after the persons and their tasks exist).
Result<AuthedCtx> demo_user(Services& app, const std::string& username) {
  return transact_value<AuthedCtx>(app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<AuthedCtx> {
    auto u = store::find_user_by_name(c, username);
    if (!u.ok()) return u.error();
    if (!u->has_value()) return not_found("USER_NOT_FOUND", "演示用户不存在");
    auto actor = app.auth.actor_for(c, **u);
    if (!actor.ok()) return actor.error();
    return AuthedCtx(app.core.context(""), std::move(actor).value());
  });
}

Status demo_warnings_and_outings(Services& app) {
  auto sfs = demo_user(app, "sfs_001"), zj = demo_user(app, "zj_001"), pcs = demo_user(app, "pcs_001"),
       sfs2 = demo_user(app, "sfs_002");
  if (!sfs.ok()) return sfs.error();
  if (!zj.ok()) return zj.error();
  if (!pcs.ok()) return pcs.error();
  if (!sfs2.ok()) return sfs2.error();
  const domain::CivilDate today = sfs->today;
  auto day = [&](int back) { return domain::to_string(domain::add_days(today, -back)); };
  // Persons of township 001 (household and residence) under assistance and not in custody, released at
  // least four months ago, by id from the end (tests take the first ones).
  auto ids = transact_value<std::vector<std::int64_t>>(app.core.db(), store::TxKind::read, [&](store::Connection& c)
                                                           -> Result<std::vector<std::int64_t>> {
    auto rows = c.query(
        "SELECT p.id FROM persons p JOIN units h ON h.id = p.household_unit_id JOIN units r ON r.id = "
        "p.residence_unit_id WHERE h.code LIKE '500153001%' AND r.code LIKE '500153001%' AND p.release_kind <> "
        "'community_correction' AND p.release_date <= ? AND p.assistance_end_date > ? AND p.whereabouts_unknown = 0 "
        "AND NOT EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = p.id) ORDER BY p.id DESC LIMIT 12",
        {day(120), day(-400)});
    if (!rows.ok()) return rows.error();
    std::vector<std::int64_t> out;
    for (const auto& r : *rows) out.push_back(r.i64(0));
    return out;
  });
  if (!ids.ok()) return ids.error();
  const auto& p = *ids;
  if (p.size() < 9) return {};  // a small demo: nothing of this kind
  // Warnings: two notified to the police station (on its workbench either way), one open, one lifted.
  const char* signs[] = {"近期多次酒后与邻居争吵，扬言报复", "与原同案人员频繁联系，夜不归宿", "失业后情绪低落，流露不满"};
  const char* kinds[] = {"threat", "bad_company", "unstable"};
  for (int i = 0; i < 3; ++i) {
    WarningInput w{kinds[i], signs[i], day(20 - 5 * i), "村干部和家属上门谈心，落实专人每周联系", "", ""};
    if (i < 2) {
      w.notified_on = day(19 - 5 * i);
      w.notified_officer = i == 0 ? "张警官" : "刘警官";
    }
    auto id = app.warnings.record_warning(*zj, p[i], w);
    if (!id.ok()) return id.error();
    if (i == 2) {
      if (auto s = app.warnings.lift_warning(*sfs, p[i], *id, {day(1), "全面考察未发现重新犯罪倾向，解除预警"}); !s.ok())
        return s;
    }
  }
  // Two re-offences (the period ends through the new sentence).
  std::int64_t charge = app.core.charges().empty() ? 0 : app.core.charges().front().id;
  for (const auto& ch : app.core.charges())
    if (ch.name == "盗窃罪") charge = ch.id;
  for (int i = 0; i < 2; ++i) {
    ReoffenceInput r;
    r.offence_on = day(40 + 10 * i);
    r.custody_on = day(35 + 10 * i);
    r.charge_id = charge;
    r.authority = "荣昌区公安局";
    r.expected_release_date = domain::to_string(domain::add_days(today, 300 + 100 * i));
    r.note = "涉嫌盗窃被刑事拘留，后被判处有期徒刑";
    if (auto id = app.warnings.record_reoffence(*pcs, p[3 + i], r); !id.ok()) return id.error();
  }
  // Outings: to another township (its office sees it and visited), elsewhere with a division code,
  // one overdue (on the 脱管 list), one returned.
  std::int64_t town2 = 0;
  for (const auto& u : app.core.units()->all())
    if (u.code == "500153002") town2 = u.id;
  OutingInput a;
  a.destination_unit_id = town2;
  a.employer = "昌州工业园某机械厂";
  a.contact = "车间主任周某";
  a.phone = "13983000001";
  a.left_on = day(30);
  a.expected_return = domain::to_string(domain::add_days(today, 150));
  if (auto id = app.outings.record_outing(*sfs, p[5], a); !id.ok()) return id.error();
  VisitInput v;  // R-OUT-1: the destination's judicial office visits
  v.held_on = day(10);
  v.form = "via_destination_office";
  v.outcome = "met";
  v.place = "昌州工业园某机械厂";
  v.situation = "在厂内务工，表现正常";
  v.findings = "无异常";
  if (auto r = app.follow_ups.record_visit(*sfs2, p[5], v); !r.ok()) return r.error();
  OutingInput b;
  b.division_code = "440306";
  b.address = "广东省深圳市宝安区某电子厂";
  b.employer = "某电子厂";
  b.phone = "13983000002";
  b.left_on = day(60);
  b.expected_return = domain::to_string(domain::add_days(today, 90));
  if (auto id = app.outings.record_outing(*sfs, p[6], b); !id.ok()) return id.error();
  OutingInput c = b;
  c.division_code = "510107";
  c.address = "四川省成都市武侯区某建筑工地";
  c.employer = "某建筑公司";
  c.left_on = day(85);
  c.expected_return = day(45);  // overdue without news: 脱管 risk
  if (auto id = app.outings.record_outing(*sfs, p[7], c); !id.ok()) return id.error();
  OutingInput d = b;
  d.left_on = day(80);
  d.expected_return = day(20);
  auto back = app.outings.record_outing(*sfs, p[8], d);
  if (!back.ok()) return back.error();
  if (auto s = app.outings.record_return(*sfs, p[8], *back, day(18)); !s.ok()) return s;
  return {};
}

// Issue 8 (helper C): the visit log and full reviews in township 001 (昌元街道), through the
// services so that timeline, class and tasks follow as in use. Each record is entered on its own day
// by the user who made it (a system actor bearing that user's name and unit). Visits of four persons
// under assistance (the full form, several forms and outcomes; one person not found twice in a row,
// so listed 脱管); three persons assessed at high risk in their release notice are key subjects, and
// the township reviewed them: one review that changed the class, confirmed by the judicial office,
// one awaiting confirmation and one that keeps the class.
Status demo_follow_ups(Services& app, const std::vector<std::int64_t>& general, const std::vector<std::int64_t>& key) {
  if (general.size() < 4 || key.size() < 3) return {};
  const AuthedCtx base = system_context(app.core, "seed_demo");
  auto as_user = [&](const char* username, int days_ago) -> Result<AuthedCtx> {
    AuthedCtx ctx = base;
    auto user = store::transact_value<std::optional<store::UserRow>>(
        app.core.db(), store::TxKind::read, [&](store::Connection& c) { return store::find_user_by_name(c, username); });
    if (!user.ok()) return user.error();
    if (*user) {
      ctx.actor.user_id = (*user)->id;
      ctx.actor.unit_id = (*user)->unit_id;
      ctx.actor.display_name = (*user)->display_name;
    }
    ctx.today = domain::add_days(base.today, -days_ago);
    ctx.now = std::min(base.now, domain::shanghai_midnight_unix(ctx.today) + 10 * 3600 + 600 * days_ago);
    return ctx;
  };
  struct V {
    std::size_t who;
    int days_ago;
    const char* user;
    const char* form;
    const char* outcome;
    const char* place;
  };
  const V visits[] = {
      {0, 40, "cj_001_001", "home_visit", "met", "本人家中"},
      {1, 30, "cj_001_001", "phone", "refused", ""},
      {1, 12, "sfs_001", "talk", "met", "司法所"},
      {2, 20, "cj_001_001", "home_visit", "not_found", "本人家中"},
      {2, 9, "cj_001_001", "at_work", "not_found", "原务工的砖厂"},
      {3, 25, "cj_001_001", "video", "met", ""},
      {3, 6, "sfs_001", "via_destination_office", "met", "外出务工地司法所"},
  };
  for (const V& v : visits) {
    auto ctx = as_user(v.user, v.days_ago);
    if (!ctx.ok()) return ctx.error();
    VisitInput in;
    in.held_on = domain::to_string(ctx->today);
    in.form = v.form;
    in.outcome = v.outcome;
    in.place = v.place;
    const bool met = std::string(v.outcome) == "met";
    in.members = {{ctx->actor.display_name, ctx->actor.user_id ? std::optional(ctx->actor.user_id) : std::nullopt},
                  {"村民小组长刘德兵", std::nullopt}};
    if (met) {
      in.members.push_back({"家属（母亲）", std::nullopt});
      in.aspects = {{"work", "在附近养殖场务工，收入尚可"},
                    {"family", "与母亲同住，家庭和睦"},
                    {"living", "住房为自有砖房"},
                    {"health", "身体健康"},
                    {"thinking", "思想稳定，对今后生活有规划"}};
      in.situation = "情况稳定";
      in.findings = "无异常";
      in.help_given = "讲解就业扶持政策，推荐参加养殖技术培训";
      in.next_steps = "下月再次走访，了解培训报名情况";
    } else if (std::string(v.outcome) == "refused") {
      in.findings = "本人接听电话后拒绝交谈";
      in.next_steps = "改为约谈，请家属配合";
    } else {
      in.findings = "家中无人，邻居称已有一段时间未见本人";
      in.next_steps = "联系家属了解去向，必要时通报派出所";
    }
    auto r = app.follow_ups.record_visit(*ctx, general[v.who], in);
    if (!r.ok()) return r.error();
  }
  // Reviews: all four criteria concluded. key[0]: the tendency no longer holds → change, confirmed by
  // the judicial office (general since); key[1]: the same, awaiting confirmation; key[2]: keep.
  auto review = [&](std::int64_t person, int days_ago, bool tendency, const char* rec, const char* findings)
      -> Result<std::int64_t> {
    auto ctx = as_user("zj_001", days_ago);
    if (!ctx.ok()) return ctx.error();
    ReviewInput in;
    in.held_on = domain::to_string(ctx->today);
    in.recommendation = rec;
    in.findings = findings;
    in.conclusions = {
        {"reoffending_tendency", tendency ? "holds" : "does_not_hold",
         tendency ? "仍与原同案人员有来往" : "出狱后遵纪守法，与原同案人员断绝来往"},
        {"three_false", "does_not_hold", "身份、住址已核实"},
        {"three_none", "does_not_hold", "有住房，有亲属，已就业"},
        {"national_security", "does_not_hold", ""},
    };
    return app.follow_ups.record_review(*ctx, person, in);
  };
  auto first = review(key[0], 10, false, "change", "经全面考察，该人员表现良好，建议转为一般帮教对象");
  if (!first.ok()) return first.error();
  {
    auto ctx = as_user("sfs_001", 8);
    if (!ctx.ok()) return ctx.error();
    if (auto s = app.follow_ups.confirm_review(*ctx, key[0], *first); !s.ok()) return s;
  }
  if (auto r = review(key[1], 3, false, "change", "本季度表现稳定，建议转为一般帮教对象"); !r.ok()) return r.error();
  if (auto r = review(key[2], 5, true, "keep", "仍有重新犯罪倾向，维持重点帮教对象"); !r.ok()) return r.error();
  return {};
}

}  // namespace

// Demo help groups and plans (R-ORG-3, R-ORG-4, R-ORG-5, issue 8): most registered persons get a
// group a few days after registering — the township's judicial officer, mostly the police officer
// and the residence village's cadre (demo users, so 我帮教的对象 is not empty for pcs_/cj_ accounts),
// the family contact as the family member (some groups lack one or two of the four); most groups
// make a plan, some revise it after a quarter, a few sign an agreement.
struct DemoHelpers {
  std::map<std::int64_t, std::int64_t> judicial, police, cadre;  // township / village unit → user id
  std::map<std::int64_t, std::string> names;                      // user id → display name
  std::map<std::int64_t, const seed::DemoArea*> areas;            // village unit → its area (made in this run)
};

Status demo_help(store::Connection& c, std::int64_t id, const seed::DemoPerson& p, const domain::UnitTree& tree,
                 const DemoHelpers& who, domain::CivilDate today, std::int64_t now) {
  if (p.release_date > today || draw(id, 80) >= 88) return {};
  auto reg = store::current_registration(c, id, domain::to_string(p.release_date));
  if (!reg.ok()) return reg.error();
  if (!reg->has_value()) return {};
  auto registered = domain::parse_date((*reg)->registered_on);
  if (!registered.ok()) return {};
  const domain::CivilDate joined = std::min(domain::add_days(*registered, 1 + draw(id, 81) % 9), today);
  const std::string on = domain::to_string(joined);
  auto area = who.areas.find(p.household_unit_id);
  if (area == who.areas.end()) return {};
  const std::int64_t township = area->second->township_unit_id;
  const std::string village_name = area->second->name;
  std::vector<std::int64_t> member_ids;
  auto add = [&](const std::string& role, std::optional<std::int64_t> user, std::string name, std::string unit,
                 std::string phone, bool contact) -> Status {
    store::HelpMember m;
    m.person_id = id;
    m.role = role;
    m.user_id = user;
    m.name = std::move(name);
    m.unit_or_relation = std::move(unit);
    m.phone = std::move(phone);
    m.is_contact = contact;
    m.joined_on = on;
    m.created_at = entered_at(joined, now, id, 82);
    auto mid = store::insert_help_member(c, m);
    if (!mid.ok()) return mid.error();
    member_ids.push_back(*mid);
    return {};
  };
  auto user_member = [&](const std::map<std::int64_t, std::int64_t>& of, std::int64_t unit, const char* role,
                         const std::string& unit_name) -> Status {
    auto it = of.find(unit);
    if (it == of.end()) return {};
    return add(role, it->second, who.names.at(it->second), unit_name, "", false);
  };
  const domain::Unit* office = tree.find(tree.judicial_office_for(township));
  if (auto st = user_member(who.judicial, township, "judicial_assistant", office ? office->name : "司法所"); !st.ok())
    return st;
  const int shape = draw(id, 83);
  if (shape < 85) {
    auto station = who.police.find(township);
    if (station != who.police.end()) {
      if (auto st = add("police_officer", station->second, who.names.at(station->second), "派出所", "", false); !st.ok())
        return st;
    }
  }
  if (shape < 92) {
    auto home = who.areas.find(p.residence_unit_id);
    if (auto st = user_member(who.cadre, p.residence_unit_id, "village_cadre",
                              home != who.areas.end() ? home->second->name : village_name);
        !st.ok())
      return st;
  }
  if (!p.family_contact_name.empty() && (shape < 70 || shape >= 92))
    if (auto st = add("family_member", std::nullopt, p.family_contact_name, p.family_contact_relation,
                      p.family_contact_phone, true);
        !st.ok())
      return st;
  if (draw(id, 84) < 12)
    if (auto st = add("social_worker", std::nullopt, "社工" + std::string(kVillageStems[id % std::size(kVillageStems)]),
                      "区社会工作服务中心", "", false);
        !st.ok())
      return st;
  if (draw(id, 85) < 8)
    if (auto st = add("volunteer", std::nullopt, "志愿者" + std::string(kVillageStems[(id + 7) % std::size(kVillageStems)]),
                      "青年志愿者协会", "", false);
        !st.ok())
      return st;
  if (member_ids.size() < 2 || draw(id, 86) >= 80) return {};
  // R-ORG-4: a first plan some days after the group, reviewed after three months.
  const domain::CivilDate made = std::min(domain::add_days(joined, 5 + draw(id, 87) % 15), today);
  static const char* kNeeds[][3] = {
      {"work", "三个月内实现稳定就业", "推荐参加职业技能培训，联系辖区企业提供岗位"},
      {"family", "修复家庭关系", "每月与家属沟通一次，协调家庭矛盾"},
      {"thinking", "思想稳定，遵纪守法", "每月谈心谈话一次，开展法治教育"},
      {"housing", "解决临时住所", "协调村（社区）提供临时住房"},
  };
  auto plan = [&](int version, domain::CivilDate day, const char* reason, int first_need) -> Status {
    nlohmann::json needs = nlohmann::json::array();
    for (int k = 0; k < 2; ++k) {
      const auto& n = kNeeds[(first_need + k) % 4];
      needs.push_back({{"need", n[0]}, {"goal", n[1]}, {"measures", n[2]}, {"member_id", member_ids[k % member_ids.size()]}});
    }
    store::HelpPlan h{0, id, version, domain::to_string(day), domain::to_string(domain::add_months_clamped(day, 3)),
                      needs.dump(), reason, std::nullopt, std::nullopt, entered_at(day, now, id, 88 + version), ""};
    auto x = store::insert_help_plan(c, h);
    if (!x.ok()) return x.error();
    return {};
  };
  if (auto st = plan(1, made, "", draw(id, 89) % 4); !st.ok()) return st;
  const domain::CivilDate revised = domain::add_months_clamped(made, 3 + draw(id, 90) % 3);
  if (draw(id, 91) < 45 && revised <= today)
    if (auto st = plan(2, revised, "季度考察后根据就业和家庭情况修订", draw(id, 89) % 4 + 1); !st.ok()) return st;
  if (draw(id, 92) < 30) {
    nlohmann::json parties = {village_name,
                              "家属" + p.family_contact_name, "司法所"};
    store::HelpAgreement a{0, id, domain::to_string(made), parties.dump(), "", std::nullopt, std::nullopt,
                           entered_at(made, now, id, 93)};
    if (auto x = store::insert_help_agreement(c, a); !x.ok()) return x.error();
  }
  return {};
}

Result<DemoSummary> seed_demo(Services& app, int persons, std::uint64_t seed) {
  // Seeding is system work: it writes for the whole district (guard.hpp).
  AuthedCtx ctx = system_context(app.core, "seed_demo");
  DemoSummary summary;
  std::string hash = platform::hash_password(kDemoPassword);  // one hash for every demo account
  auto tree = app.core.units();
  std::vector<seed::DemoArea> areas;
  std::vector<std::int64_t> follow_up_general, follow_up_key;  // issue 8 (helper C), see demo_follow_ups
  std::vector<seed::DemoPerson> people;  // kept for seed_demo_unitwork after the transaction
  std::vector<std::pair<std::int64_t, const seed::DemoPerson*>> seeded;
  Status s = app.core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto users = store::count_users(c);
    if (!users.ok()) return users.error();
    if (*users > 0) return conflict("DEMO_EXISTS", "数据库中已有用户，演示数据只能装入新数据库");
    std::map<std::string, std::int64_t> roles;
    DemoHelpers helpers;
    auto role_rows = store::list_roles(c);
    if (!role_rows.ok()) return role_rows.error();
    for (const auto& r : *role_rows) roles[r.code] = r.id;
    auto add_user = [&](const std::string& username, const std::string& name, std::int64_t unit,
                        const std::string& role) -> Status {
      store::UserRow u;
      u.username = username;
      u.display_name = name;
      u.unit_id = unit;
      u.role_id = roles.at(role);
      u.password_hash = hash;
      u.must_change_password = false;
      auto id = store::insert_user(c, u, ctx.now);
      if (!id.ok()) return id.error();
      ++summary.users;
      helpers.names[*id] = name;
      if (role == "judicial_officer") helpers.judicial[*tree->find(unit)->parent_id] = *id;
      if (role == "police_officer") helpers.police[*tree->find(unit)->parent_id] = *id;
      if (role == "village_cadre") helpers.cadre[unit] = *id;
      return {};
    };
    std::int64_t district = 0, kss = 0, mz = 0, rs = 0;
    std::map<std::int64_t, std::int64_t> judicial_office, police_station;
    for (const auto& u : tree->all()) {
      if (u.kind == "district") district = u.id;
      if (u.kind == "detention_centre") kss = u.id;
      if (u.subkind == "civil_affairs") mz = u.id;
      if (u.subkind == "hr_social_security") rs = u.id;
      if (u.kind == "judicial_office" && u.parent_id) judicial_office[*u.parent_id] = u.id;
      if (u.kind == "police_station" && u.parent_id) police_station[*u.parent_id] = u.id;
    }
    for (auto [name, display, unit, role] :
         {std::tuple{"admin", "系统管理员", district, "admin"},
          std::tuple{"qu_abb", "区安帮办王主任", district, "district_officer"},
          std::tuple{"auditor", "审计员李审", district, "auditor"},
          std::tuple{"kss", "看守所刘警官", kss, "custody_clerk"},
          std::tuple{"mz", "民政局陈科员", mz, "department_officer"},
          std::tuple{"rs", "人力社保局赵科员", rs, "department_officer"}}) {
      if (auto st = add_user(name, display, unit, role); !st.ok()) return st;
    }
    int stem = 0;
    for (const auto& t : tree->all()) {
      if (t.kind != "township") continue;
      std::string sfx = suffix3(t.code);
      if (auto st = add_user("sfs_" + sfx, t.name + "司法所干部", judicial_office[t.id], "judicial_officer");
          !st.ok())
        return st;
      if (auto st = add_user("pcs_" + sfx, t.name + "派出所民警", police_station[t.id], "police_officer");
          !st.ok())
        return st;
      if (auto st = add_user("zj_" + sfx, t.name + "镇街干部", t.id, "township_officer"); !st.ok()) return st;
      // Issue 10 (R-ALW-2): the township's leader in charge of civil affairs approves the allowance.
      if (auto st = add_user("mzld_" + sfx, t.name + "民政分管领导", t.id, "civil_affairs_leader"); !st.ok())
        return st;
      bool street = t.subkind == "street";
      for (int v = 1; v <= kVillagesPerTownship; ++v) {
        char seq[8];
        std::snprintf(seq, sizeof seq, "%03d", v);
        std::string name =
            std::string(kVillageStems[(stem++) % std::size(kVillageStems)]) + (street ? "社区" : "村");
        domain::Unit village{
            0, t.id, t.code + seq, name, "village", street ? "community" : "village", std::nullopt, true};
        auto id = store::insert_unit(c, village, true, ctx.now);
        if (!id.ok()) return id.error();
        ++summary.villages;
        areas.push_back({*id, village.code, t.name + name, t.id});
        if (auto st = add_user("cj_" + sfx + "_" + seq, t.name + name + "村居干部", *id, "village_cadre");
            !st.ok())
          return st;
      }
    }
    // Persons, in the same transaction: the demo is loaded completely or not at all.

    std::map<std::string, std::int64_t> charge_ids;
    for (const auto& ch : app.core.charges()) charge_ids[ch.name] = ch.id;
    people = seed::generate_demo_people(areas, persons, ctx.today, seed);
    std::map<std::int64_t, std::int64_t> office_of_area;  // village → its township's judicial office
    for (const auto& a : areas) office_of_area[a.unit_id] = tree->judicial_office_for(a.township_unit_id);
    for (const auto& a : areas) helpers.areas[a.unit_id] = &a;
    std::int64_t detention_centre = 0;
    for (const auto& u : tree->all()) {
      if (u.kind == "detention_centre") detention_centre = u.id;
    }
    for (const auto& p : people) {
      store::PersonRecord r;
      r.name = p.name;
      for (const auto& f : p.former_names) r.former_names += (r.former_names.empty() ? "" : ",") + f;
      r.pinyin_keys =
          domain::pinyin_search_keys(p.name + (r.former_names.empty() ? "" : " " + r.former_names));
      r.gender = p.gender;
      r.ethnic_code = p.ethnic_code;
      if (!p.id_number.empty()) r.id_number = p.id_number;
      r.identity_verified = p.identity_verified;
      r.birth_date = domain::to_string(p.birth_date);
      r.education_code = p.education_code;
      r.household_unit_id = p.household_unit_id;
      r.household_address = p.household_address;
      r.residence_unit_id = p.residence_unit_id;
      r.residence_address = p.residence_address;
      auto charge = charge_ids.find(p.charge_name);
      if (charge != charge_ids.end()) r.charge_ids = {charge->second};
      r.sentence_type = p.sentence_type;
      r.sentence_months = p.sentence_months;
      r.release_date = domain::to_string(p.release_date);
      r.release_kind = p.release_kind;
      r.releasing_authority = p.releasing_authority;
      r.assistance_end_date =
          domain::to_string(rules::assistance_end(*app.core.policy(), p.release_date, p.release_kind));
      r.family_contact_name = p.family_contact_name;
      r.family_contact_relation = p.family_contact_relation;
      r.family_contact_phone = p.family_contact_phone;
      r.phone = p.phone;
      // The file was opened about a month before release (the registration form), so the duties
      // since then are pursued; the demo history below fulfils most of them.
      std::int64_t opened = domain::shanghai_midnight_unix(domain::add_days(p.release_date, -30)) + 10 * 3600;
      r.created_at = r.updated_at = std::min(opened, ctx.now);
      auto id = store::insert_person(c, r);
      if (!id.ok()) return id.error();
      store::PersonEvent e;
      e.person_id = *id;
      e.at = r.created_at;
      e.kind = "created";
      e.code = "person.created_demo";
      if (auto st = store::insert_person_event(c, e); !st.ok()) return st;
      if (auto st = demo_history(c, *id, p, ctx.today, ctx.now); !st.ok()) return st;
      if (auto st = demo_help(c, *id, p, *tree, helpers, ctx.today, ctx.now); !st.ok()) return st;
      if (auto st = demo_linkage(c, *id, p, ctx.today, ctx.now, detention_centre,
                                 office_of_area[p.household_unit_id]);
          !st.ok())
        return st;
      ++summary.persons;
      seeded.push_back({*id, &p});
    }
    if (auto st = demo_key_subjects_and_transfers(app, c, ctx, seeded, areas, police_station); !st.ok()) return st;
    // Issue 8 (helper C): persons of township 001 under assistance for more than 45 days and not
    // touched by the demo transfers (those take the last ones): four for visits, three made key
    // subjects by a high-risk assessment in their release notice (the demo's transfers take the last two).
    {
      std::int64_t t001 = 0;
      for (const auto& u : tree->all())
        if (u.kind == "township" && u.code.ends_with("001")) t001 = u.id;
      std::vector<std::int64_t> of001;
      for (const auto& [id, p] : seeded) {
        bool in001 = false;
        for (const auto& a : areas) in001 = in001 || (a.unit_id == p->residence_unit_id && a.township_unit_id == t001);
        if (!in001 || p->household_unit_id != p->residence_unit_id) continue;
        if (p->release_date > domain::add_days(ctx.today, -45)) continue;
        if (rules::assistance_end(*app.core.policy(), p->release_date, p->release_kind) <= domain::add_days(ctx.today, 90)) continue;
        of001.push_back(id);
      }
      for (std::size_t k = 0; k < 7 && of001.size() >= 9; ++k) {
        const std::int64_t id = of001[of001.size() - 3 - k];
        if (k < 4) {
          follow_up_general.push_back(id);
          continue;
        }
        store::Document n;
        n.kind = "release_notice";
        n.person_id = id;
        const seed::DemoPerson* p = nullptr;
        for (const auto& [sid, sp] : seeded)
          if (sid == id) p = sp;
        n.event_date = domain::to_string(p->release_date);
        n.sent_on = n.received_on = domain::to_string(domain::add_months_clamped(p->release_date, -1));
        n.receiver_unit_id = office_of_area[p->household_unit_id];
        n.data = nlohmann::json{{"release_date", *n.event_date}, {"place", p->releasing_authority}, {"risk_level", "high"},
                                {"reoffending_tendency", true}}
                     .dump();
        n.created_at = domain::shanghai_midnight_unix(domain::add_months_clamped(p->release_date, -1)) + 10 * 3600;
        if (auto r = store::insert_document(c, n); !r.ok()) return r.error();
        AuthedCtx then = ctx;
        then.today = domain::add_days(ctx.today, -30);
        then.now = std::min(ctx.now, domain::shanghai_midnight_unix(then.today) + 10 * 3600);
        if (auto st = app.classification.reclassify(c, then, id); !st.ok()) return st;
        follow_up_key.push_back(id);
      }
    }
    nlohmann::json d = {{"villages", summary.villages}, {"users", summary.users}, {"persons", summary.persons}};
    return record_change(c, ctx, "seed_demo", "database", std::nullopt, "", d.dump());
  });
  if (!s.ok()) return s.error();
  (void)app.core.db().transact(store::TxKind::write, store::analyze_full);
  if (auto st = app.core.load_caches(); !st.ok()) return st.error();
  if (auto st = demo_follow_ups(app, follow_up_general, follow_up_key); !st.ok()) return st.error();
  // Issue 8 (helper B): unit groups, calendar, education, publicity.
  if (auto st = seed_demo_unitwork(app, ctx, areas, seeded); !st.ok()) return st.error();
  if (auto n = app.obligations.refresh_all_tasks(ctx.today); !n.ok()) return n.error();
  if (auto st = demo_warnings_and_outings(app); !st.ok()) return st.error();  // issue 8, helper D
  if (auto st = seed_demo_needs(app, ctx); !st.ok()) return st.error();  // issue 9, helper D
  if (auto st = seed_demo_employment(app); !st.ok()) return st.error();       // issue 9: employment
  if (auto st = seed_demo_bases(app, ctx); !st.ok()) return st.error();  // issue 9, helper C: R-BASE-1, R-EMP-2
  if (auto st = seed_demo_assistance(app); !st.ok()) return st.error();  // issue 9: social assistance
  if (auto st = seed_demo_allowance(app); !st.ok()) return st.error();  // issue 10: the hardship allowance
  return summary;
}

}  // namespace anbang::app
