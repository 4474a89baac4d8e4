// Serves the built web app (web/dist) from memory, with a fallback to index.html for client-side
// routes. Hashed assets (/assets/*) are cached for a year; index.html is never cached.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace anbang::http {

class StaticFiles {
 public:
  // Loads every file under `root`; an empty or missing root serves a short notice page.
  explicit StaticFiles(const std::string& root);
  std::optional<Response> serve(const Request& req) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content_type, body;
  };
  std::map<std::string, File> files_;
};

}  // namespace anbang::http
