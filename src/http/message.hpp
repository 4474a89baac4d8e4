// Transport-neutral request and response. The RESTinio adapter (http/server.cpp) fills Request and
// writes Response; everything else in src/http works on these and is testable without sockets.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anbang::http {

struct Request {
  std::string method;  // GET, POST, ...
  std::string path;    // decoded path without the query string
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string ip;
  std::map<std::string, std::int64_t> params;  // numeric path parameters (":id")
  std::string route;                           // the matched route pattern (for the access log)

  std::string header(const std::string& lower_name) const;
  std::optional<std::string> query_value(const std::string& name) const;
  std::string cookie(const std::string& name) const;
};

struct Response;
// Sends the final response of a deferred request; may be called from any thread, exactly once.
using Reply = std::function<void(Response)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, the request is answered later: the server calls later(reply) and the handler's code
  // calls reply(final) when ready (e.g. after the audit record is committed). The fields above
  // are then ignored.
  std::function<void(Reply)> later;
};

// Decodes %XX and '+' in a query component.
std::string url_decode(std::string_view s);
// Parses "a=1&b=2" into a multimap.
std::multimap<std::string, std::string> parse_query(std::string_view qs);

}  // namespace anbang::http
