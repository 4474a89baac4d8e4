#include "app/demo_needs.hpp"

#include <nlohmann/json.hpp>

#include "app/core/audit.hpp"
#include "store/needs_repo.hpp"
#include "store/user_repo.hpp"

namespace anbang::app {

namespace {

int mix(std::int64_t person, int salt) {
  std::uint64_t x = static_cast<std::uint64_t>(person) * 0xD6E8FEB86659FD93ull + static_cast<std::uint64_t>(salt);
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ull;
  x ^= x >> 32;
  return static_cast<int>(x % 100);
}

Result<AuthedCtx> user_ctx(Services& app, const std::string& username) {
  return transact_value<AuthedCtx>(app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<AuthedCtx> {
    auto u = store::find_user_by_name(c, username);
    if (!u.ok()) return u.error();
    if (!u->has_value()) return not_found("USER_NOT_FOUND", "演示用户不存在");
    auto actor = app.auth.actor_for(c, **u);
    if (!actor.ok()) return actor.error();
    return AuthedCtx(app.core.context(""), std::move(actor).value());
  });
}

}  // namespace

std::string demo_registration_needs(const std::function<int(int)>& draw) {
  nlohmann::json n = nlohmann::json::object();
  if (draw(90) < 55) n["work"] = true;
  if (draw(91) < 35) n["money"] = true;
  if (draw(92) < 20) n["housing"] = true;
  if (draw(93) < 15) n["health"] = true;
  if (draw(94) < 10) n["family"] = true;
  if (draw(95) < 12) n["documents"] = true;
  return n.dump();
}

Status seed_demo_needs(Services& app, const AuthedCtx& ctx) {
  const std::string today = domain::to_string(ctx.today);
  // The registrations' needs (system work, as the migration does for older databases), and R-INS-1
  // entries for about half the persons under assistance: the pension and medical schemes.
  Status s = app.core.db().transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    auto raised = store::backfill_registration_needs(c, std::nullopt);
    if (!raised.ok()) return raised.error();
    auto rows = c.query("SELECT p.id, p.release_date FROM persons p WHERE p.release_date <= ? AND "
                        "p.assistance_end_date > ? ORDER BY p.id",
                        {today, today});
    if (!rows.ok()) return rows.error();
    std::int64_t entries = 0;
    for (const auto& r : *rows) {
      const std::int64_t id = r.i64(0);
      const std::string release = r.str(1);
      if (mix(id, 1) >= 50) continue;
      auto add = [&](const char* scheme, const char* status, std::optional<std::string> step, const std::string& on,
                     const std::string& place, const std::string& note) -> Status {
        store::InsuranceEntryRow e;
        e.person_id = id;
        e.scheme = scheme;
        e.status = status;
        e.step = std::move(step);
        e.on_date = std::min(on, today);
        e.place = place;
        e.note = note;
        e.created_at = domain::shanghai_midnight_unix(*domain::parse_date(e.on_date)) + 10 * 3600;
        auto x = store::insert_insurance_entry(c, e);
        if (!x.ok()) return x.error();
        ++entries;
        return {};
      };
      auto after = [&](int days) {
        return domain::to_string(domain::add_days(*domain::parse_date(release), days));
      };
      const bool employee = mix(id, 2) < 30;
      if (employee) {
        if (auto st = add("pension_employee", "lapsed", std::nullopt, after(5), "", "服刑期间中断缴费"); !st.ok())
          return st;
        if (mix(id, 3) < 60) {
          if (auto st = add("pension_employee", "transferring", "transfer_applied", after(40), "荣昌区社保中心",
                            "申请将原参保地养老保险关系转入本区");
              !st.ok())
            return st;
          if (mix(id, 4) < 60)
            if (auto st = add("pension_employee", "transferred", "transfer_completed", after(85), "荣昌区社保中心", "");
                !st.ok())
              return st;
        }
      } else {
        const bool joined = mix(id, 5) < 70;
        if (auto st = add("pension_resident", joined ? "insured" : "not_insured", joined ? std::optional<std::string>("joined_local") : std::nullopt,
                          after(30), joined ? "户籍地镇街社保所" : "", joined ? "参加城乡居民养老保险" : "");
            !st.ok())
          return st;
      }
      const bool medical = mix(id, 6) < 80;
      if (auto st = add("medical", medical ? "insured" : "unknown", medical ? std::optional<std::string>("continued") : std::nullopt,
                        after(20), medical ? "户籍地镇街社保所" : "", medical ? "城乡居民医疗保险续保" : "");
          !st.ok())
        return st;
      if (employee && mix(id, 7) < 40)
        if (auto st = add("unemployment", "lapsed", std::nullopt, after(10), "", ""); !st.ok()) return st;
      if (mix(id, 8) < 3) {
        store::CivilServantRow cs{0, id, true, after(15), "原公职人员，参加当地城乡居民养老和医疗保险", std::nullopt,
                                  std::nullopt, domain::shanghai_midnight_unix(*domain::parse_date(after(15))) + 10 * 3600,
                                  ""};
        if (auto x = store::insert_civil_servant(c, cs); !x.ok()) return x.error();
      }
    }
    nlohmann::json d = {{"needs", *raised}, {"insurance_entries", entries}};
    return record_change(c, ctx, "seed_demo_needs", "database", std::nullopt, "", d.dump());
  });
  if (!s.ok()) return s;

  // Later assessments and actions through the service: persons of township 001 under assistance with
  // open needs (not the first ones, which other demos and tests take).
  auto sfs = user_ctx(app, "sfs_001");
  if (!sfs.ok()) return {};  // a demo without the township's office: nothing of this kind
  auto ids = transact_value<std::vector<std::int64_t>>(
      app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<std::int64_t>> {
        auto rows = c.query(
            "SELECT DISTINCT p.id FROM persons p JOIN units h ON h.id = p.household_unit_id JOIN needs n ON "
            "n.person_id = p.id WHERE h.code LIKE '500153001%' AND p.release_date <= ? AND p.assistance_end_date > ? "
            "AND p.whereabouts_unknown = 0 AND NOT EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = "
            "p.id) AND EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.registered_on <= ?) "
            "ORDER BY p.id LIMIT 16 OFFSET 6",
            {domain::to_string(domain::add_days(ctx.today, -60)), today,
             domain::to_string(domain::add_days(ctx.today, -45))});
        if (!rows.ok()) return rows.error();
        std::vector<std::int64_t> out;
        for (const auto& r : *rows) out.push_back(r.i64(0));
        return out;
      });
  if (!ids.ok()) return ids.error();
  auto day = [&](int back) { return domain::to_string(domain::add_days(ctx.today, -back)); };
  const char* actions[][2] = {
      {"work", "已推荐至区公共就业服务中心，参加招聘会两次"},
      {"money", "协助向户籍地镇街申请临时救助，材料已报送"},
      {"housing", "联系过渡性安置基地，可提供临时住宿"},
      {"health", "协助办理城乡居民医疗保险续保"},
      {"family", "帮教小组上门与家属沟通，家庭关系缓和"},
      {"documents", "协助补办居民身份证，已受理"},
  };
  const char* links[] = {"employment_service", "social_assistance", "base_placement", "", "help_plan_measure", ""};
  for (std::size_t k = 0; k < ids->size(); ++k) {
    const std::int64_t id = (*ids)[k];
    auto needs = app.needs.person_needs(*sfs, id);
    if (!needs.ok()) return needs.error();
    std::vector<store::NeedRow> list = needs->pending();
    int acted = 0;
    for (const auto& n : list) {
      if (n.status != "open") continue;
      for (std::size_t a = 0; a < 6; ++a) {
        if (n.category != actions[a][0]) continue;
        NeedUpdateInput u{std::max(day(30 - static_cast<int>(k)), n.raised_on), "in_progress", actions[a][1], links[a]};
        auto r = app.needs.update_need(*sfs, id, n.id, u);
        if (!r.ok()) return r.error();
        ++acted;
        if (k % 3 == 0) {
          NeedUpdateInput met{std::max(day(5), n.raised_on), "met", "经回访，该需求已解决", ""};
          if (auto m = app.needs.update_need(*sfs, id, n.id, met); !m.ok()) return m.error();
        }
      }
      if (acted >= 2) break;
    }
    // A later assessment at a standalone entry: a new need now and then.
    if (k % 4 == 1) {
      NeedAssessment as;
      as.source = "assessment";
      as.assessed_on = day(12);
      bool has_health = false;
      for (const auto& n : list) has_health = has_health || (n.category == "health" && (n.status == "open" || n.status == "in_progress"));
      if (has_health) continue;
      as.items.push_back({"health", "open", "本人反映腰伤复发，需要就医"});
      if (auto r = app.needs.assess(*sfs, id, as); !r.ok()) return r.error();
    }
  }
  return {};
}

}  // namespace anbang::app
