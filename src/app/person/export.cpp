// Roster export (花名册, R-ARC-2) as xlsx, over the same filters and scope as the person search.
// Audited as "export" with the filters used.
#include <nlohmann/json.hpp>

#include "app/core/file_messages.hpp"
#include "app/core/guard.hpp"
#include "app/person/person_service.hpp"
#include "domain/id_number.hpp"
#include "domain/resettlement.hpp"
#include "platform/xlsx_file.hpp"

namespace anbang::app {

namespace {
// The columns in order, by their message key under roster.col.
constexpr const char* kColumns[] = {"seq",          "name",         "gender",       "id_number", "birth_date",
                                    "household",    "residence",    "separated",    "charge",    "release_date",
                                    "release_kind", "assistance_end_date", "status",
                                    "resettlement", "unresettled_reason"};
constexpr const char* kStatuses[] = {"in_custody", "under_assistance", "detained", "ended"};
constexpr const char* kGenders[] = {"1", "2", "0", "9"};
constexpr const char* kReleaseKinds[] = {"prison", "detention_centre", "community_correction"};
}  // namespace

const std::vector<std::string>& roster_message_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k = {"roster.sheet", "roster.unverified", "roster.yes", "roster.no"};
    for (const char* c : kColumns) k.push_back(std::string("roster.col.") + c);
    for (const char* c : kStatuses) k.push_back(std::string("status.") + c);
    for (const char* c : kGenders) k.push_back(std::string("gender.") + c);
    for (const char* c : kReleaseKinds) k.push_back(std::string("releaseKind.") + c);
    // 安置情况 and 未安置原因 (domain/resettlement), as persons.resettlement keeps them.
    for (const auto& [v, c] : domain::CodeTable<domain::Resettlement>::codes) k.push_back("resettlement." + std::string(c));
    for (const auto& [v, c] : domain::CodeTable<domain::UnresettledReason>::codes)
      k.push_back("unresettledReason." + std::string(c));
    return k;
  }();
  return keys;
}

Result<Export> PersonService::export_roster(const AuthedCtx& ctx, const PersonQuery& q, std::string_view locale) {
  // Headings and code values in the words of the web app's messages (web/src/locales/*/export.json).
  const FileMessages& m = FileMessages::of(locale);
  auto word = [&m](std::string_view group, const std::string& code) -> std::string {
    if (code.empty()) return {};
    return std::string(m.text(std::string(group) + "." + code));
  };
  if (auto s = require(ctx, perm::person_export); !s.ok()) return s.error();
  PersonQuery all = q;
  all.page = 1;
  all.page_size = 1;
  auto f = filter(ctx, all);
  if (!f.ok()) return f.error();
  auto file = platform::XlsxFile::create();
  if (!file.ok()) return file.error();
  lxw_workbook* wb = (*file)->workbook();
  const std::string sheet(m.text("roster.sheet"));
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  lxw_col_t col = 0;
  for (const char* c : kColumns) {
    const std::string heading(m.text(std::string("roster.col.") + c));
    worksheet_write_string(ws, 0, col++, heading.c_str(), head);
  }
  const std::string unverified(m.text("roster.unverified")), yes(m.text("roster.yes")), no(m.text("roster.no"));
  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 2, 10, nullptr);
  worksheet_set_column(ws, 3, 3, 21, nullptr);
  worksheet_set_column(ws, 4, 4, 12, nullptr);
  worksheet_set_column(ws, 5, 6, 24, nullptr);
  worksheet_set_column(ws, 7, 12, 14, nullptr);
  worksheet_set_column(ws, 13, 14, 20, nullptr);
  auto tree = core_.units();
  std::string today = domain::to_string(ctx.today);
  // Full ID numbers only for person:id_full; everyone else exports them masked.
  const bool full_ids = ctx.actor.can(perm::person_id_full);
  lxw_row_t row = 0;
  Status s = core_.db().transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    Status each = store::each_person(c, ctx.actor.scope, *f, [&](const store::PersonListItem& p) {
      ++row;
      worksheet_write_number(ws, row, 0, static_cast<double>(row), nullptr);
      worksheet_write_string(ws, row, 1, p.name.c_str(), nullptr);
      worksheet_write_string(ws, row, 2, word("gender", p.gender).c_str(), nullptr);
      worksheet_write_string(
          ws, row, 3, p.id_number ? (full_ids ? *p.id_number : domain::mask_id_number(*p.id_number)).c_str() : unverified.c_str(),
          nullptr);
      worksheet_write_string(ws, row, 4, p.birth_date.value_or("").c_str(), nullptr);
      worksheet_write_string(ws, row, 5, tree->display_path(p.household_unit_id).c_str(), nullptr);
      worksheet_write_string(ws, row, 6, tree->display_path(p.residence_unit_id).c_str(), nullptr);
      worksheet_write_string(ws, row, 7, (p.household_unit_id != p.residence_unit_id ? yes : no).c_str(), nullptr);
      worksheet_write_string(ws, row, 8, p.main_charge.c_str(), nullptr);
      worksheet_write_string(ws, row, 9, p.release_date.c_str(), nullptr);
      worksheet_write_string(ws, row, 10, word("releaseKind", p.release_kind).c_str(), nullptr);
      worksheet_write_string(ws, row, 11, p.assistance_end_date.c_str(), nullptr);
      const std::string status(domain::person_status(p.release_date, p.assistance_end_date, today, p.detained));
      worksheet_write_string(ws, row, 12, word("status", status).c_str(), nullptr);
      worksheet_write_string(ws, row, 13, word("resettlement", p.resettlement).c_str(), nullptr);
      worksheet_write_string(ws, row, 14, word("unresettledReason", p.resettlement_reason).c_str(), nullptr);
    });
    return each;
  });
  if (s.ok()) {
    nlohmann::json d = {{"what", "persons_roster"},
                        {"rows", row},
                        {"id_numbers", full_ids ? "full" : "masked"},
                        {"q", q.q},
                        {"unit_id", q.unit_id ? *q.unit_id : 0},
                        {"status", q.status},
                        {"released_from", q.released_from},
                        {"released_to", q.released_to},
                        {"resettlement", q.resettlement}};
    // The file is handed out only once the export is on record.
    s = core_.access_log().write(access_record(ctx, "export", "roster", std::nullopt,
                                          "人员花名册 " + std::to_string(row) + " 人", d.dump()));
  }
  if (!s.ok()) return s.error();
  auto bytes = (*file)->finish();
  if (!bytes.ok()) return bytes.error();
  return Export{"roster-" + today + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(bytes).value()};
}

}  // namespace anbang::app
