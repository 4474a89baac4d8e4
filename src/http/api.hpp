// The JSON API: shared plumbing for the per-resource route files. Handlers parse the request,
// call one App method and serialise the result; errors map to HTTP status codes here, once.
#pragma once
#include <nlohmann/json.hpp>

#include "app/services.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace anbang::http {

constexpr std::size_t kMaxJsonBody = 256 * 1024;  // larger bodies answer 413 BODY_TOO_LARGE
constexpr const char* kSessionCookie = "anbang_sid";

int status_for(ErrorKind kind);
Response json_response(int status, const nlohmann::json& body);
Response error_response(const Error& e);

// Parses the body as a JSON object. Errors: BODY_TOO_LARGE, JSON_MALFORMED, JSON_NOT_OBJECT.
Result<nlohmann::json> parse_object(const Request& req);

// Typed field readers: absent or null → nullopt; wrong type → FIELD_TYPE naming the field.
Result<std::optional<std::string>> get_string(const nlohmann::json& o, const char* field);
Result<std::optional<std::int64_t>> get_int(const nlohmann::json& o, const char* field);
Result<std::optional<bool>> get_bool(const nlohmann::json& o, const char* field);
Result<std::optional<std::vector<std::int64_t>>> get_int_array(const nlohmann::json& o, const char* field);
// Copies the named string fields of `body` into the destinations; absent ones stay as they are.
Status read_strings(const nlohmann::json& body, std::initializer_list<std::pair<const char*, std::string*>> fields);
Result<std::optional<std::vector<std::string>>> get_string_array(const nlohmann::json& o, const char* field);

// Query-string readers with the same error style.
Result<int> query_int(const Request& req, const char* name, int fallback);
// page (default 1) and page_size (default 20) of a list request; the app checks their range.
Status query_paging(const Request& req, int& page, int& page_size);
Result<std::optional<std::int64_t>> query_id(const Request& req, const char* name);
Result<std::optional<bool>> query_bool(const Request& req, const char* name);
std::string query_text(const Request& req, const char* name);

// Authenticates the request (cookie), checks CSRF on unsafe methods and builds the context.
// On failure returns the error response to send.
Result<app::AuthedCtx> authed(app::Services& app, const Request& req);

// Wraps a handler body: converts exceptions into a 500 with a Chinese message.
Response guarded(const std::function<Response()>& fn);
// guarded() + authed(): runs fn with the request's context, or answers the authentication error.
Response with_ctx(app::Services& app, const Request& req, const std::function<Response(const app::AuthedCtx&)>& fn);
// with_ctx() + parse_object(): runs fn with the context and the JSON object body.
Response with_body(app::Services& app, const Request& req,
                   const std::function<Response(const app::AuthedCtx&, const nlohmann::json&)>& fn);
// Answers with `ready` once `record` is committed to the access log (a 500 if that fails); the
// handler thread does not wait (see Response::later).
Response after_audit(app::Services& app, store::AuditRecord record, Response ready);
// 204 No Content.
Response no_content();
// 200 with a file to download (Content-Disposition attachment, Cache-Control no-store).
Response file_response(app::Export file);

// Route registration, one function per resource file.
void add_auth_routes(Router& r, app::Services& app);
void add_person_routes(Router& r, app::Services& app);
void add_admin_routes(Router& r, app::Services& app);
void add_audit_routes(Router& r, app::Services& app);
void add_dict_routes(Router& r, app::Services& app);
void add_task_routes(Router& r, app::Services& app);
void add_document_routes(Router& r, app::Services& app);
void add_transfer_routes(Router& r, app::Services& app);
void add_custody_routes(Router& r, app::Services& app);
void add_help_routes(Router& r, app::Services& app);  // R-ORG-3, R-ORG-4 (issue 8)
void add_warning_routes(Router& r, app::Services& app);  // issue 8, helper D: warnings, outings
void add_needs_routes(Router& r, app::Services& app);    // issue 9, helper D: needs list, insurance
void add_follow_up_routes(Router& r, app::Services& app);  // issue 8: visits and reviews
void add_unitwork_routes(Router& r, app::Services& app);  // issue 8: org groups, education, publicity
void add_employment_routes(Router& r, app::Services& app);  // issue 9: employment and resettlement
void add_base_routes(Router& r, app::Services& app);  // issue 9, helper C: bases (R-BASE-1), trainings (R-EMP-2)
void add_assistance_routes(Router& r, app::Services& app);  // issue 9: social assistance (R-AID-1..6)
void add_allowance_routes(Router& r, app::Services& app);   // issue 10: the hardship allowance (R-ALW-1..6)

// All API routes (under /api/v1) plus /healthz.
Router make_api_router(app::Services& app);

}  // namespace anbang::http
