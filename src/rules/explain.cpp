// explain(): a task's reason in Chinese, built on demand from the task alone.
#include <string>

#include "rules/engine.hpp"

namespace anbang::rules {
namespace {

std::string_view anchor_label(std::string_view anchor) {
  if (anchor == "release_date") return "释放日期";
  if (anchor == "form_received_into_custody") return "收押日期";
  if (anchor == "form_received") return "登记表收到日期";
  if (anchor == "release_notice_received") return "释放通知书收到日期";
  if (anchor == "family_report_received") return "家庭变故(困难)通报收到日期";
  if (anchor == "key_subject_from") return "列为重点帮教对象日期";
  if (anchor == "active_from") return "单位启用日期";
  return anchor;
}

std::string_view record_noun(std::string_view rule) {
  if (rule.starts_with("R-REV")) return "全面考察";
  if (rule.starts_with("R-MTG")) return "会议";
  return "走访";
}

}  // namespace

std::string explain(const Task& task) {
  using domain::to_string;
  std::string s;
  s.reserve(256);
  s.append(task.rule).append(" ").append(task.clause).append(":").append(task.requirement);
  s.append(";起算:").append(anchor_label(task.anchor)).append(" ").append(to_string(task.anchor_date));
  if (task.previous_fulfilment) {
    s.append(";上次").append(record_noun(task.rule)).append(" ").append(to_string(*task.previous_fulfilment));
  }
  if (task.window_from < task.due) {
    s.append(";期间 ")
        .append(to_string(task.window_from))
        .append(" 至 ")
        .append(to_string(task.due))
        .append(",");
  } else {
    s.append(";");
  }
  s.append("应于 ").append(to_string(task.due)).append(" 前完成;");
  switch (task.state) {
    case State::done:
      s.append("已于 ").append(to_string(*task.fulfilled_on)).append(task.late ? " 完成(逾期完成)" : " 完成");
      break;
    case State::overdue:
      s.append("已逾期,需").append(task.fulfilled_by);
      break;
    case State::open:
      s.append("待办,需").append(task.fulfilled_by);
      break;
    case State::missed:
      s.append("未按期完成（期间已结束，不再列入待办）");
      break;
    case State::not_applicable:
      s.append(task.exemption == Exemption::before_file ? "该期间在建档之前已结束，不追溯（补录建档）"
                                                        : "到期日在押,不适用");
      break;
  }
  return s;
}

}  // namespace anbang::rules
