// R-ORG-1, R-ORG-3, R-ORG-4, R-ORG-5: help groups, help plans and agreements (help_service.hpp).
#include "app/help/help_service.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "domain/checks.hpp"
#include "store/user_repo.hpp"

namespace anbang::app {

namespace {

// Current on `day`: joined on or before it and not left by it (left_on is the first day no longer a member).
bool current_on(const store::HelpMember& m, const std::string& day) {
  return m.joined_on <= day && (!m.left_on || *m.left_on > day);
}

std::vector<store::HelpMember> current_of(const std::vector<store::HelpMember>& all, const std::string& day) {
  std::vector<store::HelpMember> out;
  for (const auto& m : all) {
    if (current_on(m, day)) out.push_back(m);
  }
  return out;
}

const store::HelpMember* member_by_id(const std::vector<store::HelpMember>& all, std::int64_t id) {
  for (const auto& m : all) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

Status check_role(const std::string& role) {
  if (!rules::is_help_role(role))
    return invalid("FIELD_VALUE", "成员角色应为派出所民警、司法助理员、村居干部、家庭成员、专职社工或志愿者", "role");
  return {};
}

// The scope of another user (their role's scope over the unit tree), to know whether they can open
// the person's file.
domain::Scope scope_of(const domain::UnitTree& tree, const std::string& scope_kind, std::int64_t unit_id) {
  return domain::make_scope(domain::parse_scope_kind(scope_kind), unit_id, tree);
}

Result<store::HelpMember> load_member(store::Connection& c, std::int64_t person_id, std::int64_t member_id,
                                      std::vector<store::HelpMember>* all = nullptr) {
  auto members = store::help_members_of(c, person_id);
  if (!members.ok()) return members.error();
  const store::HelpMember* m = member_by_id(*members, member_id);
  if (!m) return not_found("MEMBER_NOT_FOUND", "该帮教小组成员不存在");
  store::HelpMember out = *m;
  if (all) *all = std::move(members).value();
  return out;
}

nlohmann::json member_detail(const store::HelpMember& m) {
  return {{"member_id", m.id}, {"role", m.role}, {"user_id", m.user_id ? nlohmann::json(*m.user_id) : nlohmann::json()},
          {"name", m.name}, {"joined_on", m.joined_on}};
}

}  // namespace

Result<Audited<GroupView>> HelpService::group(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<GroupView>(core_, ctx, perm::person_read, person_id, "help_group",
                                [&](store::Connection& c, const Reached& reached) -> Result<GroupView> {
                                  GroupView v;
                                  auto members = store::help_members_of(c, person_id);
                                  if (!members.ok()) return members.error();
                                  v.members = std::move(members).value();
                                  v.current = current_of(v.members, domain::to_string(ctx.today));
                                  std::vector<std::string> roles;
                                  for (const auto& m : v.current) roles.push_back(m.role);
                                  v.check = rules::check_group(roles);
                                  v.contact_name = reached.record().family_contact_name;
                                  v.contact_relation = reached.record().family_contact_relation;
                                  v.contact_phone = reached.record().family_contact_phone;
                                  return v;
                                });
}

Result<std::int64_t> HelpService::add_member(const AuthedCtx& ctx, std::int64_t person_id, const MemberInput& in) {
  namespace check = domain::check;
  if (auto s = check_role(in.role); !s.ok()) return s.error();
  auto name = check::text(in.name, "name", "姓名", 50, false);
  if (!name.ok()) return name.error();
  auto unit = check::text(in.unit_or_relation, "unit_or_relation", "单位或关系", 100, false);
  if (!unit.ok()) return unit.error();
  auto phone = check::text(in.phone, "phone", "联系电话", 20, false);
  if (!phone.ok()) return phone.error();
  if (auto s = check::phone(*phone, "phone", "联系电话"); !s.ok()) return s.error();
  if (!in.user_id && name->empty()) return invalid("MEMBER_NAME_REQUIRED", "请选择系统用户或填写成员姓名", "name");
  if (in.is_contact && in.role != "family_member")
    return invalid("CONTACT_NOT_FAMILY", "家庭联系人应为角色是家庭成员的成员", "is_contact");
  auto joined = record_date(core_, ctx, in.joined_on, "joined_on", "加入日期");
  if (!joined.ok()) return joined.error();
  const std::string joined_on = domain::to_string(*joined);
  return change_person<std::int64_t>(
      core_, ctx, perm::help_group_manage, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        store::HelpMember m;
        m.person_id = person_id;
        m.role = in.role;
        m.name = *name;
        m.unit_or_relation = *unit;
        m.phone = *phone;
        m.is_contact = in.is_contact;
        m.joined_on = joined_on;
        m.unit_id = ctx.actor.unit_id;
        m.created_by = ctx.actor.user_id;
        m.created_at = ctx.now;
        auto all = store::help_members_of(w.c, person_id);
        if (!all.ok()) return all.error();
        if (in.user_id) {
          auto user = store::find_user(w.c, *in.user_id);
          if (!user.ok()) return user.error();
          if (!user->has_value() || !(*user)->active) return not_found("USER_NOT_FOUND", "所选用户不存在或已停用");
          auto role = store::find_role(w.c, (*user)->role_id);
          if (!role.ok()) return role.error();
          auto tree = core_.units();
          if (!role->has_value() ||
              !scope_of(*tree, (*role)->scope, (*user)->unit_id).covers_person(p.household_unit_id, p.residence_unit_id))
            return conflict("MEMBER_OUT_OF_SCOPE", "所选用户的辖区不含该人员，无法查看其档案；可按姓名添加为成员",
                            "user_id");
          for (const auto& other : *all) {
            if (other.user_id == in.user_id && current_on(other, domain::to_string(ctx.today)))
              return conflict("MEMBER_EXISTS", "该用户已是该人员帮教小组的成员", "user_id");
          }
          m.user_id = in.user_id;
          if (m.name.empty()) m.name = (*user)->display_name;
          if (m.unit_or_relation.empty()) {
            const domain::Unit* u = tree->find((*user)->unit_id);
            if (u) m.unit_or_relation = u->name;
          }
          if (m.phone.empty()) m.phone = (*user)->phone;
        }
        auto id = store::insert_help_member(w.c, m);
        if (!id.ok()) return id.error();
        m.id = *id;
        nlohmann::json d = member_detail(m);
        if (in.is_contact) {
          if (auto s = store::set_help_contact(w.c, person_id, *id); !s.ok()) return s.error();
          if (auto s = store::set_family_contact(w.c, person_id, m.name, m.unit_or_relation, m.phone, ctx.now); !s.ok())
            return s.error();
          d["is_contact"] = true;
        }
        nlohmann::json params = {{"role", m.role}, {"name", m.name}, {"joined_on", joined_on}};
        if (in.is_contact) params["contact"] = true;
        w.record(person_id, p.name,
                 Change{"help_member_add", d, "help", "help.member_added", with_late(params, ctx, joined_on)});
        return *id;
      });
}

Status HelpService::end_member(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t member_id,
                               const std::string& left_on, const std::string& reason) {
  auto why = domain::check::text(reason, "reason", "退出原因", 200, false);
  if (!why.ok()) return why.error();
  auto left = record_date(core_, ctx, left_on, "left_on", "退出日期");
  if (!left.ok()) return left.error();
  const std::string day = domain::to_string(*left);
  auto done = change_person<bool>(
      core_, ctx, perm::help_group_manage, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto m = load_member(w.c, person_id, member_id);
        if (!m.ok()) return m.error();
        if (m->left_on) return conflict("MEMBER_ALREADY_LEFT", "该成员已于 " + *m->left_on + " 退出帮教小组", "left_on");
        if (day < m->joined_on)
          return invalid("DATE_BEFORE_JOINED", "退出日期不能早于加入日期 " + m->joined_on, "left_on");
        if (auto s = store::end_help_member(w.c, member_id, day, *why, ctx.actor.user_id, ctx.now); !s.ok())
          return s.error();
        nlohmann::json d = member_detail(*m);
        d["left_on"] = day;
        d["reason"] = *why;
        w.record(person_id, reached.record().name,
                 Change{"help_member_end", d, "help", "help.member_left",
                        with_late({{"role", m->role}, {"name", m->name}, {"left_on", day}}, ctx, day)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Status HelpService::set_contact(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t member_id) {
  auto done = change_person<bool>(
      core_, ctx, perm::help_group_manage, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto m = load_member(w.c, person_id, member_id);
        if (!m.ok()) return m.error();
        if (m->role != "family_member" || !current_on(*m, domain::to_string(ctx.today)))
          return invalid("CONTACT_NOT_FAMILY", "家庭联系人应为现任的家庭成员", "member_id");
        if (auto s = store::set_help_contact(w.c, person_id, member_id); !s.ok()) return s.error();
        if (auto s = store::set_family_contact(w.c, person_id, m->name, m->unit_or_relation, m->phone, ctx.now);
            !s.ok())
          return s.error();
        w.record(person_id, reached.record().name,
                 Change{"help_contact_set", member_detail(*m), "help", "help.contact_set", {{"name", m->name}}});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Result<Audited<std::vector<MemberCandidate>>> HelpService::candidates(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<std::vector<MemberCandidate>>(
      core_, ctx, perm::help_group_manage, person_id, "help_candidates",
      [&](store::Connection& c, const Reached& reached) -> Result<std::vector<MemberCandidate>> {
        auto users = store::active_users_with_roles(c);
        if (!users.ok()) return users.error();
        auto tree = core_.units();
        const store::PersonRecord& p = reached.record();
        std::vector<MemberCandidate> out;
        for (const auto& u : *users) {
          // Helpers are the staff who follow the person: not administrators, auditors or custody units.
          static const std::set<std::string> helpers = {"district_officer", "judicial_officer", "police_officer",
                                                        "township_officer", "village_cadre"};
          if (!helpers.count(u.role_code)) continue;
          if (!scope_of(*tree, u.scope, u.unit_id).covers_person(p.household_unit_id, p.residence_unit_id)) continue;
          out.push_back({u.id, u.unit_id, u.display_name, u.phone, u.role_code});
        }
        return out;
      });
}

Result<Audited<PlansView>> HelpService::plans(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<PlansView>(core_, ctx, perm::person_read, person_id, "help_plan",
                                [&](store::Connection& c, const Reached&) -> Result<PlansView> {
                                  PlansView v;
                                  auto plans = store::help_plans_of(c, person_id);
                                  if (!plans.ok()) return plans.error();
                                  v.versions = std::move(plans).value();
                                  auto agreements = store::help_agreements_of(c, person_id);
                                  if (!agreements.ok()) return agreements.error();
                                  v.agreements = std::move(agreements).value();
                                  auto members = store::help_members_of(c, person_id);
                                  if (!members.ok()) return members.error();
                                  v.members = std::move(members).value();
                                  return v;
                                });
}

Result<PlanResult> HelpService::record_plan(const AuthedCtx& ctx, std::int64_t person_id, const PlanInput& in) {
  namespace check = domain::check;
  auto made = record_date(core_, ctx, in.made_on, "made_on", "制定日期");
  if (!made.ok()) return made.error();
  auto review = check::date(in.review_on, "review_on", "评估日期");
  if (!review.ok()) return review.error();
  if (*review < *made) return invalid("PLAN_REVIEW_BEFORE_MADE", "评估日期不能早于制定日期", "review_on");
  auto reason = check::text(in.reason, "reason", "修订原因", 500, false);
  if (!reason.ok()) return reason.error();
  if (in.needs.empty()) return invalid("PLAN_NEEDS_REQUIRED", "帮教方案至少应包含一项需求", "needs");
  nlohmann::json needs = nlohmann::json::array();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.needs.size(); ++i) {
    const PlanNeedInput& n = in.needs[i];
    const std::string at = "needs[" + std::to_string(i) + "]";
    if (!rules::is_plan_need(n.need))
      return invalid("FIELD_VALUE", "需求应为住房、就业、家庭、健康、思想或法治教育", at + ".need");
    if (!seen.insert(n.need).second) return invalid("PLAN_NEED_DUPLICATE", "同一需求只能填写一次", at + ".need");
    auto goal = check::text(n.goal, at + ".goal", "帮教目标", 500, true);
    if (!goal.ok()) return goal.error();
    auto measures = check::text(n.measures, at + ".measures", "帮教措施", 1000, true);
    if (!measures.ok()) return measures.error();
    needs.push_back({{"need", n.need}, {"goal", *goal}, {"measures", *measures}, {"member_id", n.member_id}});
  }
  const std::string made_on = domain::to_string(*made), review_on = domain::to_string(*review);
  return change_person<PlanResult>(
      core_, ctx, perm::help_plan_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<PlanResult> {
        const store::PersonRecord& p = reached.record();
        if (made_on < p.release_date)
          return invalid("DATE_BEFORE_RELEASE", "制定日期不能早于释放日期 " + p.release_date, "made_on");
        auto members = store::help_members_of(w.c, person_id);
        if (!members.ok()) return members.error();
        for (std::size_t i = 0; i < in.needs.size(); ++i) {
          const store::HelpMember* m = member_by_id(*members, in.needs[i].member_id);
          if (!m || !current_on(*m, made_on))
            return invalid("PLAN_MEMBER_NOT_CURRENT", "责任人应为制定当天帮教小组的现任成员",
                           "needs[" + std::to_string(i) + "].member_id");
        }
        auto earlier = store::help_plans_of(w.c, person_id);
        if (!earlier.ok()) return earlier.error();
        const int version = earlier->empty() ? 1 : earlier->front().version + 1;
        if (!earlier->empty()) {
          if (made_on < earlier->front().made_on)
            return invalid("PLAN_DATE_BEFORE_LATEST", "修订日期不能早于上一版方案的制定日期 " + earlier->front().made_on,
                           "made_on");
          if (reason->empty()) return invalid("FIELD_REQUIRED", "修订帮教方案须填写修订原因", "reason");
        }
        store::HelpPlan row{0, person_id, version, made_on, review_on, needs.dump(), *reason,
                            ctx.actor.unit_id, ctx.actor.user_id, ctx.now, ""};
        auto id = store::insert_help_plan(w.c, row);
        if (!id.ok()) return id.error();
        nlohmann::json codes = nlohmann::json::array();
        for (const auto& n : needs) codes.push_back(n["need"]);
        nlohmann::json d = {{"plan_id", *id}, {"version", version}, {"made_on", made_on}, {"review_on", review_on},
                            {"needs", codes}, {"reason", *reason}};
        w.record(p.id, p.name,
                 Change{version == 1 ? "help_plan_create" : "help_plan_revise", d, "help",
                        version == 1 ? "help.plan_made" : "help.plan_revised",
                        with_late({{"version", version}, {"made_on", made_on}, {"needs", codes}}, ctx, made_on)});
        return PlanResult{*id, version};
      });
}

Result<std::int64_t> HelpService::record_agreement(const AuthedCtx& ctx, std::int64_t person_id,
                                                   const AgreementInput& in) {
  namespace check = domain::check;
  auto signed_on = record_date(core_, ctx, in.signed_on, "signed_on", "签订日期");
  if (!signed_on.ok()) return signed_on.error();
  if (in.parties.empty()) return invalid("AGREEMENT_PARTIES_REQUIRED", "请填写协议各方", "parties");
  if (in.parties.size() > 10) return invalid("FIELD_RANGE", "协议各方不能超过10个", "parties");
  nlohmann::json parties = nlohmann::json::array();
  for (std::size_t i = 0; i < in.parties.size(); ++i) {
    auto party = check::text(in.parties[i], "parties[" + std::to_string(i) + "]", "协议方", 100, true);
    if (!party.ok()) return party.error();
    parties.push_back(*party);
  }
  auto note = check::text(in.note, "note", "备注", 500, false);
  if (!note.ok()) return note.error();
  const std::string on = domain::to_string(*signed_on);
  return change_person<std::int64_t>(
      core_, ctx, perm::help_plan_record, person_id,
      [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        store::HelpAgreement a{0, person_id, on, parties.dump(), *note, ctx.actor.unit_id, ctx.actor.user_id, ctx.now};
        auto id = store::insert_help_agreement(w.c, a);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"agreement_id", *id}, {"signed_on", on}, {"parties", parties}};
        w.record(person_id, reached.record().name,
                 Change{"help_agreement_create", d, "help", "help.agreement_signed",
                        with_late({{"signed_on", on}, {"parties", parties}}, ctx, on)});
        return *id;
      });
}

Result<Audited<HelpListPage>> HelpService::incomplete(const AuthedCtx& ctx, const HelpListQuery& q) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  if (auto s = domain::check::paging(q.page, q.page_size); !s.ok()) return s.error();
  if (auto s = domain::check::one_of(q.problem, {"", "missing", "incomplete"}, "problem",
                                     "问题应为未建立或不完整");
      !s.ok())
    return s.error();
  auto name = domain::check::text(q.name, "name", "姓名", 50, false);
  if (!name.ok()) return name.error();
  store::HelpListFilter f;
  f.today = domain::to_string(ctx.today);
  f.name_like = *name;
  f.problem = q.problem;
  f.page = q.page;
  f.page_size = q.page_size;
  if (q.unit_id) {
    auto tree = core_.units();
    if (!tree->find(*q.unit_id)) return invalid("UNIT_UNKNOWN", "所选单位不存在", "unit_id");
    f.unit_ids = tree->subtree_ids(*q.unit_id);
  }
  auto page = transact_value<HelpListPage>(core_.db(), store::TxKind::read,
                                           [&](store::Connection& c) -> Result<HelpListPage> {
                                             auto found = store::incomplete_help_groups(c, ctx.actor.scope, f);
                                             if (!found.ok()) return found.error();
                                             return HelpListPage{std::move(found->first), found->second, q.page,
                                                                 q.page_size};
                                           });
  if (!page.ok()) return page.error();
  nlohmann::json d = {{"list", "help_groups_incomplete"}, {"problem", q.problem}, {"total", page->total}};
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                              std::to_string(page->items.size()) + " 人", d.dump());
  return Audited<HelpListPage>(std::move(page).value(), std::move(record));
}

Result<Audited<HelpListPage>> HelpService::mine(const AuthedCtx& ctx, int page_no, int page_size) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  if (auto s = domain::check::paging(page_no, page_size); !s.ok()) return s.error();
  auto page = transact_value<HelpListPage>(
      core_.db(), store::TxKind::read, [&](store::Connection& c) -> Result<HelpListPage> {
        auto found = store::persons_helped_by(c, ctx.actor.scope, ctx.actor.user_id, domain::to_string(ctx.today),
                                              page_no, page_size);
        if (!found.ok()) return found.error();
        return HelpListPage{std::move(found->first), found->second, page_no, page_size};
      });
  if (!page.ok()) return page.error();
  nlohmann::json d = {{"list", "help_mine"}, {"total", page->total}};
  auto record = access_record(ctx, "person_search", "persons", std::nullopt,
                              std::to_string(page->items.size()) + " 人", d.dump());
  return Audited<HelpListPage>(std::move(page).value(), std::move(record));
}

}  // namespace anbang::app
