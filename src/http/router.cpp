#include "http/router.hpp"

#include <cstdlib>

namespace anbang::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    if (end > pos) out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void Router::add(const std::string& method, const std::string& pattern, Handler h) {
  routes_.push_back({method, pattern, split_path(pattern), std::move(h)});
}

std::vector<Router::Entry> Router::routes() const {
  std::vector<Entry> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

std::string openapi_path(const std::string& pattern) {
  std::string out;
  for (const auto& seg : split_path(pattern)) {
    out += '/';
    out += !seg.empty() && seg[0] == ':' ? "{" + seg.substr(1) + "}" : seg;
  }
  return out.empty() ? "/" : out;
}

namespace {
bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}
}  // namespace

const Handler* Router::match(Request& req, bool* path_known) const {
  auto segs = split_path(req.path);
  *path_known = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::int64_t> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      const std::string& p = r.segments[i];
      if (!p.empty() && p[0] == ':') {
        ok = is_id(segs[i]);
        if (ok) params[p.substr(1)] = std::strtoll(segs[i].c_str(), nullptr, 10);
      } else {
        ok = p == segs[i];
      }
    }
    if (!ok) continue;
    if (r.method != req.method) {
      *path_known = true;
      continue;
    }
    req.params = std::move(params);
    req.route = r.pattern;
    return &r.handler;
  }
  return nullptr;
}

}  // namespace anbang::http
