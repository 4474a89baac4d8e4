// The payment list of one run (过渡性困难生活补助金发放表) as xlsx, in the layout a township's
// civil-affairs office signs and files: title, township, month and batch, one row per person with a
// column for the recipient's signature, the total, who confirmed and when, a line for the leader's
// signature, who exported it and when; A4 landscape, headings repeated, page numbers in the footer.
// Words from the web app's export.json (allowanceRun.*). Audited as "export".
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/allowance/allowance_xlsx.hpp"
#include "app/core/file_messages.hpp"
#include "app/core/guard.hpp"
#include "domain/id_number.hpp"
#include "platform/xlsx_file.hpp"

namespace anbang::app {

namespace {
constexpr const char* kColumns[] = {"seq", "name", "id_number", "household", "kind", "standard", "amount", "signature",
                                    "note"};

std::string yuan(std::int64_t fen) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
  return buf;
}

// "{a}…{b}" with the values put in (the messages name their parameters).
std::string fill(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string s(text);
  for (const auto& [k, v] : values) {
    const std::string key = "{" + k + "}";
    for (auto at = s.find(key); at != std::string::npos; at = s.find(key, at + v.size())) s.replace(at, key.size(), v);
  }
  return s;
}
}  // namespace

const std::vector<std::string>& allowance_run_message_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k = {"allowanceRun.sheet",     "allowanceRun.title",    "allowanceRun.subtitle",
                                  "allowanceRun.total",     "allowanceRun.confirmed", "allowanceRun.paid",
                                  "allowanceRun.notPaid",   "allowanceRun.leader",   "allowanceRun.exported",
                                  "allowanceRun.footer",    "allowanceRun.unverified", "allowanceRun.kind.urban",
                                  "allowanceRun.kind.rural"};
    for (const char* c : kColumns) k.push_back(std::string("allowanceRun.col.") + c);
    return k;
  }();
  return keys;
}

Result<Export> allowance_run_xlsx(Core& core, AllowanceService& service, const AuthedCtx& ctx, std::int64_t run_id,
                                  std::string_view locale) {
  const FileMessages& m = FileMessages::of(locale);
  auto found = service.run(ctx, run_id);
  if (!found.ok()) return found.error();
  const AllowanceRunView& v = found->pending();
  auto tree = core.units();
  const domain::Unit* town = tree->find(v.run.township_unit_id);
  const std::string town_name = town ? town->name : "";
  auto file = platform::XlsxFile::create();
  if (!file.ok()) return file.error();
  lxw_workbook* wb = (*file)->workbook();
  const std::string sheet(m.text("allowanceRun.sheet"));
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  const std::string footer(m.text("allowanceRun.footer"));
  worksheet_set_footer(ws, footer.c_str());
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 16);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_CENTER);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* money = workbook_add_format(wb);
  format_set_border(money, LXW_BORDER_THIN);
  format_set_num_format(money, "0.00");
  const lxw_col_t last = static_cast<lxw_col_t>(std::size(kColumns) - 1);
  const std::string heading = fill(m.text("allowanceRun.title"), {{"township", town_name}});
  worksheet_merge_range(ws, 0, 0, 0, last, heading.c_str(), title);
  const std::string sub = fill(m.text("allowanceRun.subtitle"),
                               {{"month", v.run.month}, {"seq", std::to_string(v.run.seq)}});
  worksheet_merge_range(ws, 1, 0, 1, last, sub.c_str(), nullptr);
  lxw_col_t col = 0;
  for (const char* c : kColumns) {
    const std::string h(m.text(std::string("allowanceRun.col.") + c));
    worksheet_write_string(ws, 2, col++, h.c_str(), head);
  }
  worksheet_repeat_rows(ws, 2, 2);
  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 1, 10, nullptr);
  worksheet_set_column(ws, 2, 2, 21, nullptr);
  worksheet_set_column(ws, 3, 3, 24, nullptr);
  worksheet_set_column(ws, 4, 6, 11, nullptr);
  worksheet_set_column(ws, 7, 7, 16, nullptr);
  worksheet_set_column(ws, 8, 8, 14, nullptr);
  // Full ID numbers only for person:id_full; everyone else exports them masked.
  const bool full_ids = ctx.actor.can(perm::person_id_full);
  const std::string unverified(m.text("allowanceRun.unverified"));
  lxw_row_t row = 2;
  std::int64_t total = 0;
  for (const auto& l : v.lines) {
    ++row;
    worksheet_write_number(ws, row, 0, static_cast<double>(row - 2), cell);
    worksheet_write_string(ws, row, 1, l.person_name.c_str(), cell);
    const std::string id =
        l.id_number ? (full_ids ? *l.id_number : domain::mask_id_number(*l.id_number)) : unverified;
    worksheet_write_string(ws, row, 2, id.c_str(), cell);
    worksheet_write_string(ws, row, 3, tree->display_path(l.household_unit_id).c_str(), cell);
    const std::string kind(m.text("allowanceRun.kind." + l.household_kind));
    worksheet_write_string(ws, row, 4, kind.c_str(), cell);
    worksheet_write_number(ws, row, 5, static_cast<double>(l.standard_fen) / 100.0, money);
    worksheet_write_number(ws, row, 6, static_cast<double>(l.amount_fen) / 100.0, money);
    worksheet_write_blank(ws, row, 7, cell);
    worksheet_write_blank(ws, row, 8, cell);
    total += l.amount_fen;
  }
  ++row;
  const std::string total_text =
      fill(m.text("allowanceRun.total"), {{"count", std::to_string(v.lines.size())}, {"amount", yuan(total)}});
  worksheet_merge_range(ws, row, 0, row, 5, total_text.c_str(), head);
  worksheet_write_number(ws, row, 6, static_cast<double>(total) / 100.0, money);
  worksheet_write_blank(ws, row, 7, cell);
  worksheet_write_blank(ws, row, 8, cell);
  const std::string confirmed =
      fill(m.text("allowanceRun.confirmed"),
           {{"user", v.run.confirmed_by_name},
            {"time", domain::to_string(domain::shanghai_date_from_unix(v.run.confirmed_at))}});
  const std::string paid = v.run.paid_on ? fill(m.text("allowanceRun.paid"),
                                                {{"user", v.run.paid_by_name}, {"date", *v.run.paid_on}})
                                         : std::string(m.text("allowanceRun.notPaid"));
  const std::string leader(m.text("allowanceRun.leader"));
  const std::string exported =
      fill(m.text("allowanceRun.exported"),
           {{"user", ctx.actor.display_name.empty() ? ctx.actor.username
                                                            : ctx.actor.display_name + "（" + ctx.actor.username + "）"},
            {"time", domain::to_string(ctx.today)}});
  row += 2;
  worksheet_merge_range(ws, row, 0, row, 4, confirmed.c_str(), nullptr);
  worksheet_merge_range(ws, row, 5, row, last, leader.c_str(), nullptr);
  ++row;
  worksheet_merge_range(ws, row, 0, row, 4, paid.c_str(), nullptr);
  worksheet_merge_range(ws, row, 5, row, last, exported.c_str(), nullptr);
  nlohmann::json d = {{"what", "allowance_run"},
                      {"run_id", run_id},
                      {"township_unit_id", v.run.township_unit_id},
                      {"month", v.run.month},
                      {"rows", v.lines.size()},
                      {"id_numbers", full_ids ? "full" : "masked"}};
  // The file is handed out only once the export is on record.
  Status s = core.access_log().write(access_record(ctx, "export", "allowance_run", run_id,
                                                   town_name + " " + v.run.month + " 补助金发放表", d.dump()));
  if (!s.ok()) return s.error();
  auto bytes = (*file)->finish();
  if (!bytes.ok()) return bytes.error();
  return Export{"allowance-" + v.run.month + "-" + std::to_string(v.run.seq) + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(bytes).value()};
}

}  // namespace anbang::app
