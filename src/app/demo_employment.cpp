#include "app/demo_employment.hpp"

#include <algorithm>

#include "app/core/guard.hpp"

namespace anbang::app {

namespace {

constexpr const char* kEmployers[] = {"荣昌区鸿运陶瓷有限公司", "重庆荣昌夏布制品厂",   "荣昌区昌州物流有限公司",
                                      "荣昌区安富建材有限公司", "重庆市荣昌区食品加工厂", "荣昌区畜牧养殖合作社"};
constexpr const char* kJobs[] = {"包装工", "仓库管理员", "驾驶员", "车间操作工", "保洁员", "养殖员"};
constexpr const char* kBusinesses[] = {"个体小吃店", "摩托车修理铺", "夏布编织作坊", "农家乐"};

// What the demo records for the i-th person (of 20): a share of the kinds of R-EMP-1.
const char* kind_for(int i) {
  static const char* kinds[20] = {"employed",       "employed",     "employed",      "employed",     "employed",
                                  "employed",       "employed",     "self_employed", "self_employed", "farming",
                                  "farming",        "in_base",      "in_base",       "unable_to_work",
                                  "unable_to_work", "seeking_work", "seeking_work",  "not_willing",  "unknown",
                                  ""};
  return kinds[i % 20];
}

}  // namespace

Status seed_demo_employment(Services& app) {
  AuthedCtx ctx = system_context(app.core, "seed_demo");
  const domain::CivilDate today = ctx.today;
  auto day = [&](int back) { return domain::to_string(domain::add_days(today, -back)); };
  struct Target {
    std::int64_t id, household_unit_id;
    std::string release_date;
  };
  // Persons under assistance, released at least 40 days ago, without custody since the release.
  auto targets = transact_value<std::vector<Target>>(
      app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::vector<Target>> {
        auto rows = c.query(
            "SELECT p.id, p.household_unit_id, p.release_date FROM persons p WHERE p.release_date <= ? AND "
            "p.assistance_end_date > ? AND NOT EXISTS (SELECT 1 FROM custody_intervals ci WHERE ci.person_id = p.id "
            "AND ci.from_date >= p.release_date) ORDER BY p.id LIMIT 900",
            {day(40), day(0)});
        if (!rows.ok()) return rows.error();
        std::vector<Target> out;
        for (const auto& r : *rows) out.push_back({r.i64(0), r.i64(1), r.str(2)});
        return out;
      });
  if (!targets.ok()) return targets.error();
  auto tree = app.core.units();
  std::int64_t hr = 0, finance = 0, tax = 0;
  for (const auto& u : tree->all()) {
    if (u.code == "DEPT-hr_social_security") hr = u.id;
    if (u.code == "DEPT-finance") finance = u.id;
    if (u.code == "DEPT-tax") tax = u.id;
  }
  if (!hr || !finance || !tax) return {};
  int i = 0;
  for (const Target& t : *targets) {
    const int n = i++;
    const std::string kind = kind_for(n);
    if (kind.empty()) continue;  // nothing recorded: 未安置, 就业情况未登记
    AuthedCtx office = ctx;
    office.actor.unit_id = tree->judicial_office_for(t.household_unit_id);
    // The first entry 85 days back (or after the release), a later one half-way to today.
    const std::string first = std::max(day(85), t.release_date);
    auto first_day = domain::parse_date(first);
    if (!first_day.ok()) continue;
    const int span = static_cast<int>(domain::days_between(*first_day, today));
    const std::string later = domain::to_string(domain::add_days(*first_day, std::max(1, span / 2)));
    const bool history = n % 3 == 0 && span > 10;
    if (history) {
      EmploymentStatusInput s{"seeking_work", first, "", "", "", "释放后登记求职意向"};
      if (auto r = app.employment.record_status(office, t.id, s); !r.ok() && r.error().kind != ErrorKind::invalid)
        return r.error();
      EmploymentServiceInput adv{"advice", first, "", "", "就业政策咨询，介绍公益性岗位和技能培训", office.actor.unit_id};
      (void)app.employment.record_service(office, t.id, adv);
    }
    EmploymentStatusInput s;
    s.kind = kind;
    s.since = history ? later : first;
    if (kind == "employed") {
      s.employer = kEmployers[n % 6];
      s.job = kJobs[(n / 6) % 6];
    } else if (kind == "self_employed") {
      s.employer = kBusinesses[n % 4];
    } else if (kind == "in_base") {
      s.employer = "荣昌区过渡性安置基地";
    } else if (kind == "unable_to_work") {
      s.supported_by_family = n % 2 == 1;
      s.note = "患慢性病，无法从事体力劳动";
    } else if (kind == "not_willing") {
      s.note = "暂无就业意愿，继续做思想工作";
    } else if (kind == "unknown") {
      s.note = "多次电话未接通";
    }
    auto r = app.employment.record_status(office, t.id, s);
    if (!r.ok()) {
      if (r.error().kind != ErrorKind::invalid) return r.error();
      continue;
    }
    if (kind == "employed" && history) {
      EmploymentServiceInput intro{"job_introduction", later, s.employer, "hired", "", hr};
      (void)app.employment.record_service(office, t.id, intro);
    }
    if (kind == "seeking_work") {
      EmploymentServiceInput intro{"job_introduction", later, kEmployers[(n + 1) % 6], "pending", "", hr};
      (void)app.employment.record_service(office, t.id, intro);
    }
    // R-EMP-3: benefits for a share of them.
    if (kind == "self_employed") {
      EmploymentBenefitInput b;
      b.kind = "micro_loan";
      b.department_unit_id = hr;
      b.amount_fen = 10000000;  // 10 万元
      b.from_on = s.since;
      b.to_on = domain::to_string(domain::add_days(today, 700));
      b.lender = "重庆农村商业银行荣昌支行";
      b.note = "创业担保贷款，财政贴息";
      if (auto br = app.employment.record_benefit(office, t.id, b); !br.ok() && br.error().kind != ErrorKind::invalid)
        return br.error();
      EmploymentBenefitInput tr;
      tr.kind = "entrepreneurship_training";
      tr.department_unit_id = hr;
      tr.amount_fen = 0;
      tr.from_on = s.since;
      tr.to_on = domain::to_string(domain::add_days(*domain::parse_date(s.since), 5));
      tr.note = "免费创业培训一期";
      (void)app.employment.record_benefit(office, t.id, tr);
    } else if (kind == "employed" && n % 4 == 1) {
      EmploymentBenefitInput b;
      b.kind = n % 8 == 1 ? "social_insurance_subsidy" : "hiring_subsidy";
      b.department_unit_id = n % 8 == 1 ? hr : finance;
      b.amount_fen = n % 8 == 1 ? 180000 : 100000;
      b.from_on = s.since;
      b.to_on = domain::to_string(domain::add_days(today, 300));
      if (b.kind == "hiring_subsidy") b.enterprise = s.employer;
      (void)app.employment.record_benefit(office, t.id, b);
    } else if (kind == "employed" && n % 4 == 3) {
      EmploymentBenefitInput b{"tax_incentive", s.since, "", "", s.employer, "吸纳就业税收减免", tax, 360000};
      (void)app.employment.record_benefit(office, t.id, b);
    }
  }
  return {};
}

}  // namespace anbang::app
