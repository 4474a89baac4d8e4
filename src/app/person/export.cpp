// Roster export (花名册, R-ARC-2) as xlsx, over the same filters and scope as the person search.
// Audited as "export" with the filters used.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/core/guard.hpp"
#include "app/person/person_service.hpp"
#include "domain/id_number.hpp"

namespace anbang::app {

namespace {
const char* release_kind_name(const std::string& k) {
  if (k == "prison") return "监狱释放";
  if (k == "detention_centre") return "看守所释放";
  if (k == "community_correction") return "社区矫正期满";
  return "";
}
const char* status_name(const std::string& s) {
  if (s == "in_custody") return "未释放";
  if (s == "under_assistance") return "帮教中";
  if (s == "detained") return "羁押中";
  return "已解除";
}
const char* gender_name(const std::string& g) { return g == "1" ? "男" : g == "2" ? "女" : "未知"; }
}  // namespace

Result<Export> PersonService::export_roster(const AuthedCtx& ctx, const PersonQuery& q) {
  if (auto s = require(ctx, perm::person_export); !s.ok()) return s.error();
  PersonQuery all = q;
  all.page = 1;
  all.page_size = 1;
  auto f = filter(ctx, all);
  if (!f.ok()) return f.error();
  char path[] = "/tmp/anbang-export-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return internal_error("无法创建导出临时文件");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (!wb) {
    std::remove(path);
    return internal_error("无法创建导出文件");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, "花名册");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  const char* headers[] = {"序号",     "姓名", "性别",     "身份证号码", "出生日期",   "户籍地", "居住地",
                           "人户分离", "罪名", "释放日期", "释放类型",   "帮教期满日", "状态"};
  for (int i = 0; i < 13; ++i) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), headers[i], head);
  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 2, 10, nullptr);
  worksheet_set_column(ws, 3, 3, 21, nullptr);
  worksheet_set_column(ws, 4, 4, 12, nullptr);
  worksheet_set_column(ws, 5, 6, 24, nullptr);
  worksheet_set_column(ws, 7, 12, 14, nullptr);
  auto tree = core_.units();
  std::string today = domain::to_string(ctx.today);
  lxw_row_t row = 0;
  Status s = core_.db().transact(store::TxKind::read, [&](store::Connection& c) -> Status {
    Status each = store::each_person(c, ctx.actor.scope, *f, [&](const store::PersonListItem& p) {
      ++row;
      worksheet_write_number(ws, row, 0, static_cast<double>(row), nullptr);
      worksheet_write_string(ws, row, 1, p.name.c_str(), nullptr);
      worksheet_write_string(ws, row, 2, gender_name(p.gender), nullptr);
      worksheet_write_string(ws, row, 3, p.id_number.value_or("（身份未核实）").c_str(), nullptr);
      worksheet_write_string(ws, row, 4, p.birth_date.value_or("").c_str(), nullptr);
      worksheet_write_string(ws, row, 5, tree->display_path(p.household_unit_id).c_str(), nullptr);
      worksheet_write_string(ws, row, 6, tree->display_path(p.residence_unit_id).c_str(), nullptr);
      worksheet_write_string(ws, row, 7, p.household_unit_id != p.residence_unit_id ? "是" : "否", nullptr);
      worksheet_write_string(ws, row, 8, p.main_charge.c_str(), nullptr);
      worksheet_write_string(ws, row, 9, p.release_date.c_str(), nullptr);
      worksheet_write_string(ws, row, 10, release_kind_name(p.release_kind), nullptr);
      worksheet_write_string(ws, row, 11, p.assistance_end_date.c_str(), nullptr);
      worksheet_write_string(
          ws, row, 12,
          status_name(domain::person_status(p.release_date, p.assistance_end_date, today, p.detained)),
          nullptr);
    });
    return each;
  });
  if (s.ok()) {
    nlohmann::json d = {{"what", "persons_roster"},
                        {"rows", row},
                        {"q", q.q},
                        {"unit_id", q.unit_id ? *q.unit_id : 0},
                        {"status", q.status},
                        {"released_from", q.released_from},
                        {"released_to", q.released_to}};
    // The file is handed out only once the export is on record.
    s = core_.access_log().write(access_record(ctx, "export", "roster", std::nullopt,
                                          "人员花名册 " + std::to_string(row) + " 人", d.dump()));
  }
  lxw_error closed = workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::remove(path);
  if (!s.ok()) return s.error();
  if (closed != LXW_NO_ERROR) return internal_error("生成导出文件失败");
  return Export{"roster-" + today + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buf.str()};
}

}  // namespace anbang::app
