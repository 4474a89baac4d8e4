#include "http/server.hpp"

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <restinio/all.hpp>
#include <string_view>
#include <thread>

#include "http/api.hpp"
#include "platform/log.hpp"

namespace anbang::http {

namespace {

std::atomic<int> g_in_flight{0};
std::atomic<bool> g_draining{false};

struct InFlight {
  InFlight() { ++g_in_flight; }
  ~InFlight() { --g_in_flight; }
};

std::string path_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 423:
      return "Locked";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "OK";
  }
}

// What the access log names: the matched route pattern ("/api/v1/persons/:id"), "static" for files
// of the web app, "unmatched" otherwise — never the raw path, which may carry names or ID numbers.
std::string loggable_path(const Request& req, int status) {
  if (!req.route.empty()) return req.route;
  if (req.path.rfind("/api/", 0) != 0 && status < 400) return "static";
  return "unmatched";
}

}  // namespace

void finish_headers(Response& resp, bool api) {
  if (api) resp.headers.emplace_back("Cache-Control", "no-store");
  resp.headers.emplace_back("X-Content-Type-Options", "nosniff");
  resp.headers.emplace_back("X-Frame-Options", "DENY");
  resp.headers.emplace_back("Referrer-Policy", "no-referrer");
  resp.headers.emplace_back("Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                            "frame-ancestors 'none'");
}

Response dispatch(const Router& router, const StaticFiles& files, Request& req) {
  bool path_known = false;
  Response resp;
  if (const Handler* h = router.match(req, &path_known)) {
    resp = (*h)(req);
    if (resp.later) {
      auto later = std::move(resp.later);
      resp.later = [later](Reply reply) {
        later([reply](Response final) {
          finish_headers(final, true);
          reply(std::move(final));
        });
      };
      return resp;
    }
    finish_headers(resp, true);
    return resp;
  } else if (path_known) {
    resp = json_response(
        405, {{"error", {{"code", "METHOD_NOT_ALLOWED"}, {"message", "不支持该请求方法"}, {"field", ""}}}});
  } else if (auto file = files.serve(req)) {
    resp = std::move(*file);
  } else {
    resp = json_response(
        404, {{"error", {{"code", "NOT_FOUND"}, {"message", "请求的地址不存在"}, {"field", ""}}}});
  }
  finish_headers(resp, false);
  return resp;
}

// tchar of RFC 9110 5.6.2.
static bool is_token_char(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

int serve(const Router& router, const StaticFiles& files, const ServerOptions& opts) {
  auto handler = [&router, &files, &opts](const restinio::request_handle_t& rq) {
    auto guard = std::make_shared<InFlight>();  // lives until the response is handed to RESTinio
    auto started = std::chrono::steady_clock::now();
    auto req = std::make_shared<Request>();
    req->method = rq->header().method().c_str();  // from http-parser's fixed list, safe to log
    req->path = path_decode(rq->header().path());
    req->query = parse_query(rq->header().query());
    bool bad_header = false;
    for (const auto& f : rq->header()) {
      std::string name(f.name());
      // A header name is a token (RFC 9110 5.1, RFC 9112 5.1: no whitespace before the colon); the
      // packaged http-parser lets "Host : x" through as the name "Host ", so it is refused here.
      if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) bad_header = true;
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req->headers[name] = std::string(f.value());
    }
    req->body = rq->body();
    req->ip = rq->remote_endpoint().address().to_string();
    // Writes `resp` to the connection; safe from any thread (RESTinio posts to the connection).
    auto send = [rq, req, guard, started, access_log = opts.access_log](Response resp) {
      auto out = rq->create_response(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, reason(resp.status)});
      if (!resp.body.empty() || resp.status != 204)
        out.append_header(restinio::http_field::content_type, resp.content_type);
      for (const auto& [k, v] : resp.headers) out.append_header(k, v);
      std::size_t bytes = resp.body.size();
      if (req->method != "HEAD") out.set_body(std::move(resp.body));
      out.done();
      if (access_log) {
        auto us =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started)
                .count();
        platform::log_info(req->method + " " + loggable_path(*req, resp.status) + " " +
                           std::to_string(resp.status) + " " + std::to_string(bytes) + "B " +
                           std::to_string(us) + "us");
      }
    };
    if (bad_header) {
      send(json_response(
          400, {{"error", {{"code", "HEADER_MALFORMED"}, {"message", "请求头格式不正确"}, {"field", ""}}}}));
      return restinio::request_accepted();
    }
    if (g_draining) {
      send(json_response(
          503,
          {{"error", {{"code", "SHUTTING_DOWN"}, {"message", "系统正在重启，请稍后重试"}, {"field", ""}}}}));
      return restinio::request_accepted();
    }
    Response resp = dispatch(router, files, *req);
    if (resp.later) {
      resp.later(send);
    } else {
      send(std::move(resp));
    }
    return restinio::request_accepted();
  };

  // main() blocked SIGTERM and SIGINT before starting any thread (block_stop_signals); this thread
  // waits for them with sigwait.
  sigset_t stop_signals = block_stop_signals();

  using traits_t = restinio::default_traits_t;
  std::unique_ptr<restinio::running_server_instance_t<restinio::http_server_t<traits_t>>> server;
  try {
    server = restinio::run_async<traits_t>(
        restinio::own_io_context(),
        restinio::server_settings_t<traits_t>{}
            .address(opts.host)
            .port(opts.port)
            .request_handler(handler)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(8 * 1024 * 1024))
            .read_next_http_message_timelimit(std::chrono::seconds(60))
            .handle_request_timeout(std::chrono::seconds(60)),
        opts.threads);
  } catch (const std::exception& e) {
    platform::log_error(std::string("cannot listen on ") + opts.host + ":" + std::to_string(opts.port) +
                        ": " + e.what());
    return 2;
  }
  platform::log_info("anbang listening on http://" + opts.host + ":" + std::to_string(opts.port));
  int sig = 0;
  sigwait(&stop_signals, &sig);
  platform::log_info(std::string("received ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") + ", draining");
  g_draining = true;
  // Requests in flight include reads waiting for their audit commit; give them time to finish.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (g_in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the last responses flush
  server->stop();
  server->wait();
  platform::log_info("stopped cleanly");
  return 0;
}

}  // namespace anbang::http
