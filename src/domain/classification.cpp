#include "domain/classification.hpp"

namespace anbang::domain {

namespace {
bool unresolved(Finding f) { return f == Finding::confirmed || f == Finding::suspected; }
const char* finding_text(Finding f) { return f == Finding::confirmed ? "已确认" : "存疑"; }
}  // namespace

Classification classify(const ClassificationInput& in) {
  Classification c;
  if (in.reoffending_tendency) {
    c.reasons.push_back({"reoffending_tendency", "有明显重新违法犯罪倾向", in.reoffending_source});
  }
  struct F {
    Finding f;
    const char* criterion;
    const char* label;
  } fakes[] = {{in.false_name, "false_name", "假姓名"},
               {in.false_identity, "false_identity", "假身份"},
               {in.false_address, "false_address", "假地址"}};
  for (const auto& x : fakes) {
    if (unresolved(x.f)) {
      c.reasons.push_back({x.criterion, std::string("“三假”:") + x.label + "(" + finding_text(x.f) + ")",
                           in.verification_source});
    }
  }
  int held = 0;
  struct N {
    const std::optional<bool>& v;
    const char* label;
  } nones[] = {{in.no_home, "无家可归"}, {in.no_job, "无业可就"}, {in.no_relatives, "无亲可投"}};
  for (const auto& n : nones) {
    if (n.v.value_or(false)) {
      ++held;
      c.three_none_factors.push_back(n.label);
    }
  }
  bool three_none = in.three_none_mode == "any" ? held > 0 : held == 3;  // R-CLS-2
  if (three_none) {
    std::string text = "“三无”:";
    for (std::size_t i = 0; i < c.three_none_factors.size(); ++i)
      text += (i ? "、" : "") + c.three_none_factors[i];
    c.reasons.push_back({"three_none", text, in.three_none_source});
  }
  if (in.national_security) c.reasons.push_back({"national_security", "危害国家安全罪犯", in.charge_source});
  c.key = !c.reasons.empty();
  return c;
}

std::string class_change_reason(const Classification& before, const Classification& after) {
  if (before.key == after.key) return {};
  if (after.key) {
    std::string r = "列为重点帮教对象:";
    for (std::size_t i = 0; i < after.reasons.size(); ++i) r += (i ? ";" : "") + after.reasons[i].text;
    return r;
  }
  std::string r = "转为一般帮教对象:不再符合";
  for (std::size_t i = 0; i < before.reasons.size(); ++i) r += (i ? "、" : "") + before.reasons[i].text;
  return r;
}

}  // namespace anbang::domain
