#include "app/core/file_messages.hpp"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "store/embedded.hpp"

namespace anbang::app {

struct FileMessages::Impl {
  std::map<std::string, std::string, std::less<>> texts;  // dotted key → text
};

namespace {

void flatten(const nlohmann::json& j, const std::string& prefix, std::map<std::string, std::string, std::less<>>& out) {
  if (j.is_string()) {
    out.emplace(prefix, j.get<std::string>());
    return;
  }
  if (!j.is_object()) return;
  for (const auto& [k, v] : j.items()) flatten(v, prefix.empty() ? k : prefix + "." + k, out);
}

struct All {
  std::map<std::string, std::unique_ptr<FileMessages::Impl>, std::less<>> impls;
  std::map<std::string, FileMessages, std::less<>> messages;
};

const All& all() {
  static const All a = [] {
    All a;
    for (const auto& [name, content] : embedded::file_messages()) {
      const std::string n(name);
      const std::string locale = n.substr(0, n.find('/'));  // "zh-CN/export.json" → "zh-CN"
      auto impl = std::make_unique<FileMessages::Impl>();
      flatten(nlohmann::json::parse(content), "", impl->texts);
      a.messages.emplace(locale, FileMessages(impl.get()));
      a.impls.emplace(locale, std::move(impl));
    }
    return a;
  }();
  return a;
}

}  // namespace

const FileMessages& FileMessages::of(std::string_view locale) {
  const All& a = all();
  auto it = a.messages.find(locale);
  if (it == a.messages.end()) it = a.messages.find(std::string_view("zh-CN"));
  return it->second;
}

std::vector<std::string> FileMessages::locales() {
  std::vector<std::string> out;
  for (const auto& [l, m] : all().messages) out.push_back(l);
  return out;
}

std::string_view FileMessages::text(std::string_view key) const {
  auto it = impl_->texts.find(key);
  return it == impl_->texts.end() ? key : std::string_view(it->second);
}

bool FileMessages::has(std::string_view key) const { return impl_->texts.find(key) != impl_->texts.end(); }

}  // namespace anbang::app
