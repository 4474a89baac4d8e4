#include "app/demo_assistance.hpp"

#include "app/demo_users.hpp"

namespace anbang::app {

namespace {

struct Demo {
  const char* township;  // the last three digits of its code (sfs_<x>, zj_<x>)
  const char* kind;
  const char* addressee;
  const char* department;
  int applied_days_ago;
  nlohmann::json facts;
  const char* request;
  // what the deciding unit did: "" (nothing yet), accept, documents, grant, refuse
  const char* answer;
  int answered_days_ago;
};

}  // namespace

Status seed_demo_assistance(Services& app) {
  const Demo demos[] = {
      {"001", "dibao", "department", "civil_affairs", 40,
       {{"household_kind", "urban"}, {"family_size", 3}, {"family_income_fen", 150000}}, "家庭收入低，申请城镇低保",
       "grant", 20},
      {"001", "medical", "department", "civil_affairs", 10, {{"dibao_member", true}}, "住院费用负担重，申请医疗救助", "accept", 3},
      {"002", "dibao", "department", "civil_affairs", 30,
       {{"household_kind", "urban"}, {"family_size", 2}, {"family_income_fen", 200000}}, "申请城镇低保", "refuse", 12},
      {"002", "temporary", "department", "civil_affairs", 25,
       {{"sudden_event", true}, {"event_kind", "fire"}, {"family_size", 4}}, "住房失火，申请临时救助", "", 0},
      {"003", "tekun", "township", "", 20,
       {{"disabled", true}, {"able_to_work", false}, {"has_income", false}, {"has_supporter", false}},
       "无劳动能力、无收入、无赡养人，申请特困供养", "documents", 8},
      {"003", "dibao", "department", "civil_affairs", 4,
       {{"household_kind", "rural"}, {"family_size", 2}, {"family_income_fen", 90000}}, "申请农村低保", "", 0},
      {"004", "housing", "township", "", 35, {{"housing_hardship", true}, {"dibao_member", true}}, "住房困难，申请住房救助",
       "grant", 10},
      {"005", "education", "school", "", 6, {{"in_education", true}, {"dibao_member", true}}, "子女就读，申请教育救助",
       "", 0},
  };
  int used[1000] = {};
  for (const auto& d : demos) {
    // A person of the township (household place) under assistance, released long enough before.
    const std::string code = std::string("500153") + d.township;
    const int n = used[std::stoi(d.township)]++;
    auto applicant = as_demo_user(app, std::string("sfs_") + d.township, d.applied_days_ago);
    if (!applicant.ok()) return {};  // a demo without these users: nothing of this kind
    const std::string on = domain::to_string(applicant->today);
    auto person = transact_value<std::optional<std::int64_t>>(
        app.core.db(), store::TxKind::read, [&](store::Connection& c) -> Result<std::optional<std::int64_t>> {
          auto rows = c.query(
              "SELECT p.id FROM persons p JOIN units h ON h.id = p.household_unit_id WHERE h.code LIKE ? AND "
              "p.release_date <= ? AND p.assistance_end_date > ? AND NOT EXISTS (SELECT 1 FROM custody_intervals ci "
              "WHERE ci.person_id = p.id) ORDER BY p.id LIMIT 1 OFFSET ?",
              {code + "%", domain::to_string(domain::add_days(applicant->today, -30)), on,
               static_cast<std::int64_t>(n)});
          if (!rows.ok()) return rows.error();
          if (rows->empty()) return std::optional<std::int64_t>{};
          return std::optional<std::int64_t>(rows->front().i64(0));
        });
    if (!person.ok()) return person.error();
    if (!*person) continue;
    AidApplicationInput in{d.kind, on, d.addressee, d.department, "", d.request, d.facts};
    if (std::string(d.addressee) == "school") in.school_name = "荣昌区职业教育中心";
    auto id = app.assistance.apply(*applicant, **person, in);
    if (!id.ok()) return id.error();
    const std::string answer = d.answer;
    if (answer.empty()) continue;
    // Township referrals are answered by the township (as its civil-affairs office), civil affairs'
    // by mz; the other departments have no demo user.
    std::string decider;
    if (std::string(d.addressee) == "township") decider = std::string("zj_") + d.township;
    if (std::string(d.addressee) == "department" && std::string(d.department) == "civil_affairs") decider = "mz";
    if (decider.empty()) continue;  // departments without a demo user answer nothing
    auto who = as_demo_user(app, decider, d.answered_days_ago);
    if (!who.ok()) return who.error();
    const std::string when = domain::to_string(who->today);
    Status s;
    if (answer == "accept") s = app.assistance.accept(*who, *id, when);
    if (answer == "documents") s = app.assistance.request_documents(*who, *id, when, "残疾证复印件、村（居）委会出具的家庭情况证明");
    if (answer == "grant" || answer == "refuse") {
      if (auto a = app.assistance.accept(*who, *id, domain::to_string(domain::add_days(who->today, -3))); !a.ok()) return a;
      AidDecisionInput dec;
      dec.on = when;
      dec.outcome = answer == "grant" ? "granted" : "refused";
      if (answer == "grant") {
        dec.amount_fen = std::string(d.kind) == "dibao" ? 45000 : 300000;
        dec.from = when;
        dec.to = domain::to_string(domain::add_days(domain::add_months_clamped(who->today, 12), -1));
      } else {
        dec.reason = "经核查，家庭人均月收入高于本区城镇最低生活保障标准";
      }
      s = app.assistance.decide(*who, *id, dec);
    }
    if (!s.ok()) return s;
  }
  return {};
}

}  // namespace anbang::app
