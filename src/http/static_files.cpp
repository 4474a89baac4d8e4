#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace anbang::http {

namespace {
std::string content_type_for(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".yaml") return "text/yaml; charset=utf-8";
  return "application/octet-stream";
}
}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  if (root.empty() || !std::filesystem::is_directory(root, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string rel = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    files_[rel] = {content_type_for(rel), buf.str()};
  }
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  if (req.path.rfind("/api/", 0) == 0) return std::nullopt;
  auto it = files_.find(req.path);
  bool fallback = false;
  if (it == files_.end()) {
    // Client-side routes get the app; missing assets get a 404.
    if (req.path.rfind("/assets/", 0) == 0 || req.path.find('.') != std::string::npos) return std::nullopt;
    it = files_.find("/index.html");
    fallback = true;
  }
  Response r;
  if (it == files_.end()) {
    r.content_type = "text/html; charset=utf-8";
    r.body =
        "<!doctype html><meta charset=utf-8><title>anbang</title><p>" "前端尚未构建，请先运行" " <code>make build</code>" "。</p>";
    return r;
  }
  r.content_type = it->second.content_type;
  r.body = it->second.body;
  bool immutable = !fallback && req.path.rfind("/assets/", 0) == 0;
  r.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace anbang::http
