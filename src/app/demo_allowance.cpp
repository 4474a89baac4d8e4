#include "app/demo_allowance.hpp"

#include "app/demo_users.hpp"
#include "rules/allowance.hpp"

namespace anbang::app {

namespace {

struct Demo {
  const char* township;  // the last three digits of its code (sfs_<x>, zj_<x>, mzld_<x>)
  const char* kind;      // urban | rural
  int applied_days_ago;
  // how far it went: applied, certified, verified, approved, rejected (by the judicial office),
  // returned (the village asked for documents)
  const char* reached;
  const char* hardship;
};

// A registered person of the township (household place a village) under assistance, released at
// least two months before `on`, with no allowance application yet; the n-th such.
Result<std::optional<std::int64_t>> pick_person(Services& app, const std::string& township, const std::string& on,
                                                int n) {
  return transact_value<std::optional<std::int64_t>>(
      app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::optional<std::int64_t>> {
        auto rows = c.query(
            "SELECT p.id FROM persons p JOIN units h ON h.id = p.household_unit_id AND h.kind = 'village' WHERE "
            "h.code LIKE ? AND p.release_date <= ? AND p.assistance_end_date > ? AND EXISTS (SELECT 1 FROM "
            "registrations r WHERE r.person_id = p.id AND r.registered_on >= p.release_date AND r.registered_on <= ?) "
            "AND NOT EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = p.id) AND NOT EXISTS (SELECT 1 "
            "FROM allowance_applications a WHERE a.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM "
            "assistance_applications d WHERE d.person_id = p.id AND d.kind = 'dibao') ORDER BY p.id DESC LIMIT 1 "
            "OFFSET ?",
            {"500153" + township + "%", domain::to_string(domain::add_days(*domain::parse_date(on), -60)), on, on,
             static_cast<std::int64_t>(n)});
        if (!rows.ok()) return rows.error();
        if (rows->empty()) return std::optional<std::int64_t>{};
        return std::optional<std::int64_t>(rows->front().i64(0));
      });
}

// The village cadre of the application's village.
Result<std::string> village_user(Services& app, std::int64_t application_id) {
  return transact_value<std::string>(app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::string> {
    auto r = c.query_one(
        "SELECT u.username FROM users u JOIN allowance_applications a ON a.village_unit_id = u.unit_id WHERE a.id = ? "
        "ORDER BY u.id LIMIT 1",
        {application_id});
    if (!r.ok()) return r.error();
    if (!r->has_value()) return not_found("USER_NOT_FOUND", "演示村居用户不存在");
    return (*r)->str(0);
  });
}

Status take(Services& app, const std::string& user, int days_ago, std::int64_t id, const char* step,
            const std::string& note) {
  auto who = as_demo_user(app, user, days_ago);
  if (!who.ok()) return who.error();
  AllowanceStepInput in{step, domain::to_string(who->today), note, std::nullopt};
  auto s = app.allowance.step(*who, id, in);
  if (!s.ok()) return s.error();
  return {};
}

// Every month of the township from `from_month` to the month before today: the run confirmed on the
// month's 5th and paid on its 10th (not after yesterday).
Status pay_months(Services& app, const std::string& township, std::int64_t township_unit_id, domain::CivilDate from,
                  domain::CivilDate today) {
  const domain::CivilDate this_month = rules::month_start(today);
  for (domain::CivilDate m = rules::month_start(from); m < this_month; m = rules::next_month(m)) {
    const std::string month = domain::to_string(m).substr(0, 7);
    const auto confirm_day = domain::add_days(m, 4), pay_day = domain::add_days(m, 9);
    auto clerk = as_demo_user(app, "zj_" + township, static_cast<int>(domain::days_between(confirm_day, today)));
    if (!clerk.ok()) return clerk.error();
    auto run = app.allowance.confirm_run(*clerk, township_unit_id, month, std::nullopt);
    if (!run.ok()) {
      if (run.error().code == "ALLOWANCE_NOTHING_DUE") continue;
      return run.error();
    }
    auto payer = as_demo_user(app, "zj_" + township, static_cast<int>(domain::days_between(pay_day, today)));
    if (!payer.ok()) return payer.error();
    if (auto s = app.allowance.pay_run(*payer, *run, domain::to_string(pay_day)); !s.ok()) return s;
  }
  return {};
}

}  // namespace

Status seed_demo_allowance(Services& app) {
  const Demo demos[] = {
      {"001", "urban", 95, "approved", "失业在家，无生活来源，租住房屋"},
      {"001", "urban", 40, "approved", "刚释放，暂无工作，靠亲属接济"},
      {"001", "rural", 15, "applied", "家中老人患病，生活困难"},
      {"001", "urban", 8, "certified", "无固定收入，申请过渡性补助"},
      {"001", "rural", 12, "verified", "独居，务农收入低"},
      {"002", "urban", 70, "approved", "无业，暂住亲戚家"},
      {"002", "urban", 20, "rejected", "称生活困难"},
      {"003", "rural", 10, "returned", "务农收入不稳定"},
  };
  const domain::CivilDate today = app.core.context("").today;
  int used[1000] = {};
  for (const auto& d : demos) {
    const std::string town = d.township;
    auto applicant = as_demo_user(app, "sfs_" + town, d.applied_days_ago);
    if (!applicant.ok()) return {};  // a demo without these users: nothing of this kind
    const std::string on = domain::to_string(applicant->today);
    auto person = pick_person(app, town, on, used[std::stoi(town)]++);
    if (!person.ok()) return person.error();
    if (!*person) continue;
    AllowanceApplyInput in{on, d.kind, d.hardship, true, true, true};
    auto id = app.allowance.apply(*applicant, **person, in);
    if (!id.ok()) return id.error();
    const std::string reached = d.reached;
    if (reached == "applied") continue;
    auto cadre = village_user(app, *id);
    if (!cadre.ok()) return cadre.error();
    const int a = d.applied_days_ago;
    if (reached == "returned") {
      if (auto s = take(app, *cadre, a - 3, *id, "returned", "请补充户口本复印件和家庭收入情况说明"); !s.ok()) return s;
      continue;
    }
    if (auto s = take(app, *cadre, a - 2, *id, "certified", "经村（居）委会核实，该人员家庭生活确有困难"); !s.ok())
      return s;
    if (reached == "certified") continue;
    if (reached == "rejected") {
      if (auto s = take(app, "sfs_" + town, a - 5, *id, "rejected", "经核实，该人员已在企业稳定就业，月收入高于低保标准");
          !s.ok())
        return s;
      continue;
    }
    if (auto s = take(app, "sfs_" + town, a - 4, *id, "verified", "经入户核实，情况属实，同意上报审批"); !s.ok())
      return s;
    if (reached == "verified") continue;
    if (auto s = take(app, "mzld_" + town, a - 6, *id, "approved", "同意"); !s.ok()) return s;
  }
  // The approved ones paid month by month up to last month; this month's list stays due (001) to be
  // confirmed by zj_001.
  auto tree = app.core.units();
  for (const char* town : {"001", "002"}) {
    std::optional<std::int64_t> unit;
    for (const auto& u : tree->all())
      if (u.kind == "township" && u.code.size() >= 3 && u.code.substr(u.code.size() - 3) == town) unit = u.id;
    if (!unit) continue;
    if (auto s = pay_months(app, town, *unit, domain::add_days(today, -100), today); !s.ok()) return s;
  }
  // A correction: one payment of 002 reversed (paid to the wrong account), due again.
  auto entry = transact_value<std::optional<std::int64_t>>(
      app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::optional<std::int64_t>> {
        auto r = c.query_one(
            "SELECT l.id FROM allowance_ledger l JOIN units t ON t.id = l.township_unit_id WHERE t.code LIKE '%002' AND "
            "l.kind = 'payment' ORDER BY l.id LIMIT 1");
        if (!r.ok()) return r.error();
        if (!r->has_value()) return std::optional<std::int64_t>{};
        return std::optional<std::int64_t>((*r)->i64(0));
      });
  if (!entry.ok()) return entry.error();
  if (*entry) {
    auto clerk = as_demo_user(app, "zj_002", 2);
    if (!clerk.ok()) return clerk.error();
    auto r = app.allowance.reverse(*clerk, **entry, domain::to_string(clerk->today), "银行退回：收款账号有误，待核对后重新发放");
    if (!r.ok()) return r.error();
  }
  return {};
}

}  // namespace anbang::app
