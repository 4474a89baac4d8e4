#include "app/outings/outing_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_changed.hpp"
#include "app/core/person_read.hpp"
#include "app/core/record_date.hpp"
#include "app/supervision/released_day.hpp"
#include "domain/checks.hpp"
#include "domain/id_number.hpp"

namespace anbang::app {

Result<std::int64_t> OutingService::record_outing(const AuthedCtx& ctx, std::int64_t person_id, const OutingInput& in) {
  namespace check = domain::check;
  auto address = check::text(in.address, "address", "外出地址", 200, false);
  if (!address.ok()) return address.error();
  auto employer = check::text(in.employer, "employer", "务工单位", 100, false);
  if (!employer.ok()) return employer.error();
  auto contact = check::text(in.contact, "contact", "联系人", 50, false);
  if (!contact.ok()) return contact.error();
  if (employer->empty() && contact->empty())
    return invalid("FIELD_REQUIRED", "请填写务工单位或联系人", "employer");
  if (auto s = check::phone(in.phone, "phone", "联系电话"); !s.ok()) return s.error();
  if (in.phone.empty()) return invalid("FIELD_REQUIRED", "请填写联系电话", "phone");
  auto note = check::text(in.note, "note", "说明", 500, false);
  if (!note.ok()) return note.error();
  auto expected = check::date(in.expected_return, "expected_return", "预计返回日期");
  if (!expected.ok()) return expected.error();
  auto tree = core_.units();
  std::optional<std::int64_t> office;
  std::string destination;  // its words for the timeline
  if (in.destination_unit_id) {
    if (!in.division_code.empty())
      return invalid("FIELD_VALUE", "外出地点请选择区内单位或填写区外地址，不能同时填写", "division_code");
    const domain::Unit* u = tree->find(*in.destination_unit_id);
    if (!u || !u->active || (u->kind != "township" && u->kind != "village"))
      return invalid("DESTINATION_NOT_FOUND", "外出地点应为本区的镇街或村（社区）", "destination_unit_id");
    office = tree->judicial_office_for(u->id);
    destination = tree->display_path(u->id);
  } else {
    if (!domain::is_division_code(in.division_code))
      return invalid("DIVISION_CODE", "行政区划代码应为 6 位国家标准代码（GB/T 2260）", "division_code");
    if (in.division_code == "500153")
      return invalid("DESTINATION_IN_DISTRICT", "外出地点在本区内，请选择本区的镇街或村（社区）", "division_code");
    if (address->empty()) return invalid("FIELD_REQUIRED", "请填写区外的外出地址", "address");
    destination = *address;
  }
  return change_person<std::int64_t>(
      core_, ctx, perm::outing_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<std::int64_t> {
        const store::PersonRecord& p = reached.record();
        auto left = released_day(core_, w.c, p, in.left_on, "left_on", "外出日期", ctx);
        if (!left.ok()) return left.error();
        const std::string expected_text = domain::to_string(*expected);
        if (expected_text <= *left)
          return invalid("DATE_ORDER", "预计返回日期应晚于外出日期 " + *left, "expected_return");
        if (in.destination_unit_id &&
            tree->township_of(*in.destination_unit_id) == tree->township_of(p.residence_unit_id))
          return invalid("DESTINATION_SAME_TOWNSHIP", "外出地点与居住地在同一镇街，无需登记外出务工", "destination_unit_id");
        auto open = store::count_open_outings(w.c, person_id);
        if (!open.ok()) return open.error();
        if (*open > 0) return conflict("OUTING_OPEN", "该人员已有一条未返回的外出记录，请先登记返回");
        store::OutingRow row;
        row.person_id = person_id;
        row.destination_unit_id = in.destination_unit_id;
        row.destination_office_id = office;
        row.division_code = in.destination_unit_id ? "" : in.division_code;
        row.address = *address;
        row.employer = *employer;
        row.contact = *contact;
        row.phone = in.phone;
        row.left_on = *left;
        row.expected_return = expected_text;
        row.note = *note;
        row.unit_id = ctx.actor.unit_id;
        row.user_id = ctx.actor.user_id;
        row.created_at = ctx.now;
        auto id = store::insert_outing(w.c, row);
        if (!id.ok()) return id.error();
        nlohmann::json d = {{"outing_id", *id},
                            {"left_on", *left},
                            {"expected_return", expected_text},
                            {"destination_unit_id", in.destination_unit_id ? nlohmann::json(*in.destination_unit_id)
                                                                           : nlohmann::json()},
                            {"division_code", row.division_code}};
        w.record(person_id, p.name,
                 Change{"outing_create", d, "outing", "outing.recorded",
                        with_late({{"left_on", *left}, {"expected_return", expected_text}, {"destination", destination}},
                                  ctx, *left)});
        return *id;
      });
}

Status OutingService::record_return(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t outing_id,
                                    const std::string& returned_on) {
  auto done = change_person<bool>(
      core_, ctx, perm::outing_record, person_id, [&](PersonWrite& w, const Reached& reached) -> Result<bool> {
        auto found = store::find_outing(w.c, outing_id, person_id);
        if (!found.ok()) return found.error();
        if (!found->has_value()) return not_found("OUTING_NOT_FOUND", "未找到该外出记录");
        if ((*found)->returned_on) return conflict("OUTING_RETURNED", "该外出记录已于 " + *(*found)->returned_on + " 登记返回");
        auto d = record_date(core_, ctx, returned_on, "returned_on", "返回日期");
        if (!d.ok()) return d.error();
        const std::string on = domain::to_string(*d);
        if (on < (*found)->left_on)
          return invalid("DATE_ORDER", "返回日期不能早于外出日期 " + (*found)->left_on, "returned_on");
        if (auto s = store::set_outing_returned(w.c, outing_id, on); !s.ok()) return s.error();
        w.record(person_id, reached.record().name,
                 Change{"outing_return", {{"outing_id", outing_id}, {"returned_on", on}}, "outing", "outing.returned",
                        with_late({{"returned_on", on}, {"left_on", (*found)->left_on}}, ctx, on)});
        return true;
      });
  if (!done.ok()) return done.error();
  return {};
}

Result<Audited<std::vector<store::OutingRow>>> OutingService::person_outings(const AuthedCtx& ctx,
                                                                             std::int64_t person_id) {
  return read_person<std::vector<store::OutingRow>>(
      core_, ctx, perm::person_read, person_id, "outings",
      [&](store::Connection& c, const Reached&) { return store::person_outings(c, person_id); });
}

Result<Audited<std::vector<store::OutingRow>>> OutingService::incoming(const AuthedCtx& ctx) {
  if (auto s = require(ctx, perm::person_read); !s.ok()) return s.error();
  std::vector<store::OutingRow> rows;
  if (ctx.actor.unit_kind == "judicial_office") {
    const std::string since = domain::to_string(domain::add_days(ctx.today, -90));
    auto found = transact_value<std::vector<store::OutingRow>>(
        core_.db(), store::TxKind::read,
        [&](store::Connection& c) { return store::outings_to_office(c, ctx.actor.unit_id, since, 200); });
    if (!found.ok()) return found.error();
    rows = std::move(found).value();
  }
  auto record = access_record(ctx, "person_search", "persons", std::nullopt, std::to_string(rows.size()) + " 人",
                              nlohmann::json{{"list", "incoming_outings"}}.dump());
  return Audited<std::vector<store::OutingRow>>(std::move(rows), std::move(record));
}

}  // namespace anbang::app
