// The HTTP server: RESTinio on a thread pool, dispatching to the Router and the StaticFiles.
// Handlers run synchronously on the pool's threads (database calls are short; the pool is larger
// than the core count so that a slow request does not stall others). SIGTERM/SIGINT stop accepting,
// let in-flight requests finish (up to 10 s) and return.
#pragma once
#include <signal.h>

#include <string>

#include "http/router.hpp"
#include "http/static_files.hpp"

namespace anbang::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 8;
  bool access_log = true;
};

// Dispatches one request: API routes, then static files, else 404/405. Adds security headers
// (also to deferred responses, through their reply).
Response dispatch(const Router& router, const StaticFiles& files, Request& req);
// The headers every response carries (security, caching of API answers).
void finish_headers(Response& resp, bool api);

// Blocks SIGTERM and SIGINT in the calling thread (and the threads it starts later). main() calls it
// first, so that only serve()'s sigwait receives them.
sigset_t block_stop_signals();

// Runs until SIGTERM or SIGINT. Returns 0 after a clean drain, non-zero if the port cannot be bound.
int serve(const Router& router, const StaticFiles& files, const ServerOptions& opts);

}  // namespace anbang::http
