// The request context. Every use case receives one: a `Ctx` for requests that may come from anyone
// (login), an `AuthedCtx` for everything else — it cannot exist without its actor, so no use case
// has to ask whether someone is signed in.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "domain/civil_date.hpp"
#include "domain/scope.hpp"

namespace anbang::app {

// The signed-in user of a request (or the named system actor, see guard.hpp).
struct Actor {
  std::int64_t user_id = 0;
  std::string username, display_name;
  std::int64_t unit_id = 0;
  std::string unit_name, unit_kind;
  std::int64_t role_id = 0;
  std::string role_code, role_name;
  std::set<std::string> permissions;
  domain::Scope scope;
  bool must_change_password = false;
  bool system = false;  // true only for system_context(): nightly jobs, seeding, the CLI
  std::string session_digest, csrf_token;
  bool can(std::string_view permission) const { return permissions.count(std::string(permission)) > 0; }
};

// Any request: where it came from and when (today is the civil date in China Standard Time).
struct Ctx {
  std::string ip;
  std::int64_t now = 0;  // unix seconds
  domain::CivilDate today;
  // The web app's page view this request belongs to (header X-View-Id, never in the URL), or empty.
  // Reads of one person's file within one view are one access record (audit_writer.hpp).
  std::string view_id;
};

// A request of a signed-in user.
struct AuthedCtx : Ctx {
  AuthedCtx(Ctx base, Actor who) : Ctx(std::move(base)), actor(std::move(who)) {}
  Actor actor;
};

}  // namespace anbang::app
