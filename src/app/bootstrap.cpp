// Reference data and the organisation of district 500153 (R-ORG-2).
#include <map>
#include <set>

#include "app/services.hpp"
#include "store/reference_repo.hpp"
#include "store/user_repo.hpp"
#include "common/csv.hpp"
#include "store/embedded.hpp"
#include "store/unit_repo.hpp"

namespace anbang::app {

namespace {

std::string_view embedded_file(std::string_view name) {
  for (const auto& [n, content] : embedded::reference_data()) {
    if (n == name) return content;
  }
  return {};
}

struct PermissionDef {
  const char* code;
  const char* name;
};
constexpr PermissionDef kPermissions[] = {
    {"person:read", "查看人员档案"},
    {"person:create", "新增人员"},
    {"person:update", "修改人员档案"},
    {"person:export", "导出人员名册"},
    {"person:id_full", "查看完整身份证号"},
    {"user:manage", "用户管理"},
    {"unit:manage", "单位管理"},
    {"role:manage", "角色权限管理"},
    {"audit:read", "查看审计日志"},
    // Issue 3: the obligation engine's tasks and the records that close them.
    {"task:read", "查看任务"},
    {"visit:record", "记录走访"},
    {"review:record", "记录全面考察"},
    {"pickup:record", "记录接回"},
    {"family:help", "记录家庭帮扶"},
    {"person:register", "办理报到登记"},
    {"document:send", "发送衔接文书"},
    {"document:read", "查看衔接文书"},
    {"document:verify", "核查反馈"},
    {"meeting:record", "记录联席会议"},
    {"policy:manage", "政策参数管理"},
    {"custody:record", "记录羁押、再次收监"},
    // Issue 8: help groups (R-ORG-3, R-ORG-5) and help plans with agreements (R-ORG-4); warnings
    // (R-WRN-1), re-offending and going out for work (R-OUT-1).
    {"help_group:manage", "管理帮教小组"},
    {"help_plan:record", "记录帮教方案"},
    {"warning:record", "记录预警"},
    {"reoffence:record", "记录重新犯罪"},
    {"outing:record", "记录外出务工"},
    // R-REV-1, R-CLS-3: the judicial office confirms a review's recommended change of class.
    {"review:confirm", "确认全面考察变更类别"},
    // The "1112" unit groups (R-ORG-1), education (R-EDU-1), publicity (R-PUB-1).
    {"org_group:manage", "维护工作机构"},
    {"education:record", "记录教育活动"},
    {"publicity:record", "记录宣传材料"},
    // Issue 9: the needs list (item 1) and social insurance (R-INS-1).
    {"needs:record", "记录需求清单"},
    {"insurance:record", "记录社会保险"},
    // Issue 9: employment status, services and benefits (R-EMP-1, R-EMP-3).
    {"employment:record", "记录就业与扶持"},
    // Issue 9 (helper C): transitional bases (R-BASE-1), skills trainings (R-EMP-2).
    {"base:manage", "管理过渡性安置基地"},
    {"training:manage", "管理技能培训"},
    {"training:enrol", "报名技能培训"},
    // Issue 9: social assistance applications (R-AID-1..6).
    {"assistance:apply", "提交社会救助申请"},
    {"assistance:decide", "办理社会救助申请"},
    // Issue 10: the hardship allowance (R-ALW-1..6).
    {"allowance:apply", "受理补助金申请"},
    {"allowance:certify", "出具困难证明"},
    {"allowance:verify", "核实补助金申请"},
    {"allowance:approve", "审批补助金"},
    {"allowance:pay", "发放补助金"},
    {"allowance:report", "查看补助金发放统计"},
};

struct RoleDef {
  const char* code;
  const char* name;
  const char* scope;
  std::set<std::string> permissions;
};
const std::vector<RoleDef>& role_defs() {
  // What each kind of user writes (issue 7): the judicial office and the district everything of the
  // assistance; the township pick-ups, full reviews, help for families and its meetings; the village
  // visits; the police station custody records of its township. docs/demo-accounts.md shows the
  // same matrix (tests/api/role_matrix.test.mjs compares them).
  static const std::vector<RoleDef> defs = {
      {"admin", "系统管理员", "district", {"user:manage", "unit:manage", "role:manage", "policy:manage"}},
      {"district_officer",
       "区安帮办干部",
       "district",
       {"person:read", "person:create", "person:update", "person:export", "task:read", "visit:record",
        "review:record", "pickup:record", "family:help", "person:register", "document:read",
        "document:verify", "meeting:record", "custody:record",
        "person:id_full", "help_group:manage", "help_plan:record", "warning:record", "reoffence:record",
        "outing:record", "review:confirm", "org_group:manage", "education:record", "publicity:record",
        "needs:record", "insurance:record", "employment:record",
        "base:manage", "training:enrol", "assistance:apply", "allowance:report"}},
      {"judicial_officer",
       "司法所干部",
       "subtree",
       {"person:read", "person:create", "person:update", "person:export", "task:read", "visit:record",
        "review:record", "pickup:record", "family:help", "person:register", "document:read",
        "document:verify", "meeting:record", "custody:record",
        "person:id_full", "help_group:manage", "help_plan:record", "warning:record", "reoffence:record",
        "outing:record", "review:confirm", "org_group:manage", "education:record", "publicity:record",
        "needs:record", "insurance:record", "employment:record",
        "base:manage", "training:enrol", "assistance:apply", "allowance:apply", "allowance:verify"}},
      {"police_officer", "派出所民警", "subtree",
       {"person:read", "task:read", "custody:record", "warning:record", "reoffence:record"}},
      {"township_officer",
       "镇街干部",
       "subtree",
       {"person:read", "task:read", "review:record", "pickup:record", "family:help", "meeting:record",
        "help_group:manage", "help_plan:record", "warning:record", "outing:record", "org_group:manage",
        "education:record", "publicity:record", "needs:record", "employment:record", "base:manage",
        "assistance:decide", "allowance:pay", "allowance:report"}},
      // Issue 10 (R-ALW-2): the township's leader in charge of civil affairs approves the allowance.
      {"civil_affairs_leader", "镇街民政分管领导", "subtree",
       {"person:read", "task:read", "allowance:approve", "allowance:report"}},
      {"village_cadre", "村居干部", "own",
       {"person:read", "task:read", "visit:record", "warning:record", "outing:record", "education:record",
        "allowance:apply", "allowance:certify"}},
      // District scope: the audit log is read over the district (no person:read, so no files).
      {"auditor", "审计员", "district", {"audit:read"}},
      // Sees only the documents its unit sent, the answers to them and what was sent to it (R-LNK-3)
      // (DOMAIN.md "Access").
      {"custody_clerk", "监所干部", "none", {"document:send", "document:read"}},
      // R-AID-1..6: answers the social assistance referrals addressed to its department and reaches the
      // persons only through them (guard.hpp, "reach through a referral").
      {"department_officer", "部门干部", "none", {"training:manage", "assistance:decide"}},
  };
  return defs;
}

struct DepartmentDef {
  const char* subkind;
  const char* name;
};
constexpr DepartmentDef kDepartments[] = {
    {"civil_affairs", "荣昌区民政局"},
    {"hr_social_security", "荣昌区人力资源和社会保障局"},
    {"governance", "荣昌区综治办"},
    {"finance", "荣昌区财政局"},
    {"tax", "荣昌区税务局"},
    {"market_regulation", "荣昌区市场监督管理局"},
    {"health", "荣昌区卫生健康委员会"},
    {"education", "荣昌区教育委员会"},
    {"housing", "荣昌区住房和城乡建设委员会"},
};

// "昌元街道" → "昌元", "荣隆镇" → "荣隆": the short name used for stations.
std::string short_name(const std::string& township) {
  for (const char* suffix : {"街道", "镇", "乡"}) {
    std::string s(suffix);
    if (township.size() > s.size() && township.compare(township.size() - s.size(), s.size(), s) == 0) {
      return township.substr(0, township.size() - s.size());
    }
  }
  return township;
}

Status load_code_tables(store::Connection& c) {
  auto n = store::count_ethnic_groups(c);
  if (!n.ok()) return n.error();
  if (*n > 0) return {};
  for (const char* file : {"ethnic-groups.csv", "ethnic-groups-extensions.csv"}) {
    for (const auto& r : parse_csv(embedded_file(file))) {
      if (auto s = store::insert_ethnic_group(c, r.at("code"), r.at("name"), r.at("letter_code")); !s.ok()) return s;
    }
  }
  for (const auto& r : parse_csv(embedded_file("education-levels.csv"))) {
    std::optional<std::string> parent;
    if (!r.at("parent_code").empty()) parent = r.at("parent_code");
    if (auto s = store::insert_education_level(c, r.at("code"), r.at("name"), parent); !s.ok()) return s;
  }
  std::map<std::pair<std::string, std::string>, std::string> sections;
  for (const auto& r : parse_csv(embedded_file("charge-sections.csv"))) {
    sections[{r.at("chapter"), r.at("section")}] = r.at("section_name");
  }
  for (const auto& r : parse_csv(embedded_file("charges.csv"))) {
    const std::string& sec = r.at("section");
    auto it = sections.find({r.at("chapter"), sec});
    store::ChargeInput ch;
    ch.name = r.at("name");
    ch.chapter = std::stoll(r.at("chapter"));
    ch.chapter_name = r.at("chapter_name");
    if (!sec.empty()) ch.section = std::stoll(sec);
    ch.section_name = it == sections.end() ? "" : it->second;
    ch.article = r.at("article");
    if (auto s = store::insert_charge(c, ch); !s.ok()) return s;
  }
  return {};
}

// Permissions and built-in roles. A permission added by a later version is created and granted to
// the built-in roles that have it by default; grants an administrator removed stay removed.
Status load_access(store::Connection& c) {
  auto existing = store::list_permissions(c);
  if (!existing.ok()) return existing.error();
  std::set<std::string> known;
  for (const auto& p : *existing) known.insert(p.code);
  std::set<std::string> added;
  for (const auto& p : kPermissions) {
    if (known.count(p.code)) continue;
    std::string code = p.code;
    auto colon = code.find(':');
    if (auto s = store::insert_permission(c, {code, code.substr(0, colon), code.substr(colon + 1), p.name});
        !s.ok())
      return s;
    added.insert(code);
  }
  for (const auto& r : role_defs()) {
    auto role = store::find_role_by_code(c, r.code);
    if (!role.ok()) return role.error();
    if (!role->has_value()) {
      auto id = store::insert_role(c, {0, r.code, r.name, r.scope, r.permissions});
      if (!id.ok()) return id.error();
      continue;
    }
    std::set<std::string> grants = (*role)->permissions;
    bool changed = false;
    for (const auto& perm : r.permissions) {
      if (added.count(perm) && grants.insert(perm).second) changed = true;
    }
    if (changed) {
      if (auto s = store::replace_role_permissions(c, (*role)->id, (*role)->scope, grants); !s.ok()) return s;
    }
  }
  return {};
}

Status load_organisation(store::Connection& c, std::int64_t now) {
  auto existing = store::unit_id_by_code(c, "500153");
  if (!existing.ok()) return existing.error();
  if (existing->has_value()) return {};
  domain::Unit district{0, std::nullopt, "500153", "荣昌区", "district", "", std::nullopt, true};
  auto district_id = store::insert_unit(c, district, true, now);
  if (!district_id.ok()) return district_id.error();
  for (const auto& r : parse_csv(embedded_file("rongchang-towns.csv"))) {
    const std::string& name = r.at("name");
    std::string subkind = name.find("街道") != std::string::npos ? "street" : "town";
    auto town = store::insert_unit(
        c, {0, *district_id, r.at("code"), name, "township", subkind, std::nullopt, true}, true, now);
    if (!town.ok()) return town.error();
    auto jo = store::insert_unit(
        c, {0, *town, "SFS" + r.at("code"), name + "司法所", "judicial_office", "", *town, true}, false, now);
    if (!jo.ok()) return jo.error();
    auto ps = store::insert_unit(
        c, {0, *town, "PCS" + r.at("code"), short_name(name) + "派出所", "police_station", "", *town, true},
        false, now);
    if (!ps.ok()) return ps.error();
  }
  auto kss = store::insert_unit(
      c, {0, *district_id, "KSS500153", "荣昌区看守所", "detention_centre", "", *district_id, true}, false,
      now);
  if (!kss.ok()) return kss.error();
  for (const auto& d : kDepartments) {
    auto dep = store::insert_unit(c,
                                  {0, *district_id, std::string("DEPT-") + d.subkind, d.name, "department",
                                   d.subkind, *district_id, true},
                                  false, now);
    if (!dep.ok()) return dep.error();
  }
  return {};
}

}  // namespace

Status bootstrap(store::Database& db, std::int64_t now) {
  return db.transact(store::TxKind::write, [&](store::Connection& c) -> Status {
    if (auto s = load_code_tables(c); !s.ok()) return s;
    if (auto s = load_access(c); !s.ok()) return s;
    return load_organisation(c, now);
  });
}

}  // namespace anbang::app
