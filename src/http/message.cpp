#include "http/message.hpp"

namespace anbang::http {

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string Request::cookie(const std::string& name) const {
  std::string all = header("cookie");
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string part = all.substr(pos, end - pos);
    std::size_t b = part.find_first_not_of(' ');
    if (b != std::string::npos) part = part.substr(b);
    std::size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end + 1;
  }
  return {};
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_query(std::string_view qs) {
  std::multimap<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos <= qs.size()) {
    std::size_t end = qs.find('&', pos);
    if (end == std::string_view::npos) end = qs.size();
    std::string_view part = qs.substr(pos, end - pos);
    if (!part.empty()) {
      std::size_t eq = part.find('=');
      if (eq == std::string_view::npos)
        out.emplace(url_decode(part), "");
      else
        out.emplace(url_decode(part.substr(0, eq)), url_decode(part.substr(eq + 1)));
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace anbang::http
