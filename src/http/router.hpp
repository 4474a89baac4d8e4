// Routes registered in one visible place (http/routes.cpp). Patterns are literal segments or
// ":name" segments that match a positive decimal integer (stored in Request::params).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace anbang::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Handler h);
  // Finds the route for req (filling req.params). Sets *path_known when some route matches the
  // path with another method (for 405).
  const Handler* match(Request& req, bool* path_known) const;

  // Every registered route in registration order: method and pattern as given to add().
  struct Entry {
    std::string method;
    std::string pattern;
  };
  std::vector<Entry> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

// A pattern in OpenAPI path style: "/persons/:id/custody/:cid" → "/persons/{id}/custody/{cid}".
std::string openapi_path(const std::string& pattern);

}  // namespace anbang::http
