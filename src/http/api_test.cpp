// Request parsing and error mapping, without sockets.
#include "http/api.hpp"

#include <gtest/gtest.h>

#include "http/router.hpp"

namespace anbang::http {

TEST(HttpInput, MalformedAndOversizedBodiesAreRefused) {
  Request r;
  r.body = "{\"name\": ";
  EXPECT_EQ(parse_object(r).error().code, "JSON_MALFORMED");
  r.body = "[1]";
  EXPECT_EQ(parse_object(r).error().code, "JSON_NOT_OBJECT");
  r.body = std::string(kMaxJsonBody + 1, ' ');
  auto big = parse_object(r);
  EXPECT_EQ(big.error().code, "BODY_TOO_LARGE");
  EXPECT_EQ(status_for(big.error().kind), 413);
  r.body = "{\"a\": 1}";
  EXPECT_TRUE(parse_object(r).ok());
}

TEST(HttpInput, WrongTypesNameTheField) {
  auto o = nlohmann::json::parse(R"({"s": 1, "i": "2", "b": "yes", "a": [1, "x"], "n": null, "ok": [1, 2]})");
  EXPECT_EQ(get_string(o, "s").error().field, "s");
  EXPECT_EQ(get_int(o, "i").error().code, "FIELD_TYPE");
  EXPECT_EQ(get_bool(o, "b").error().field, "b");
  EXPECT_EQ(get_int_array(o, "a").error().field, "a");
  EXPECT_FALSE(get_string(o, "n")->has_value());  // null reads as absent
  EXPECT_FALSE(get_string(o, "missing")->has_value());
  EXPECT_EQ(get_int_array(o, "ok")->value().size(), 2u);
}

TEST(HttpInput, QueryParametersAreDecodedAndChecked) {
  Request r;
  r.query = parse_query("q=%E5%BC%A0+%E4%B8%89&page=2&unit_id=x&flag=true&bad=maybe");
  EXPECT_EQ(query_text(r, "q"), "张 三");
  EXPECT_EQ(*query_int(r, "page", 1), 2);
  EXPECT_EQ(*query_int(r, "page_size", 20), 20);
  EXPECT_EQ(query_id(r, "unit_id").error().field, "unit_id");
  EXPECT_TRUE(query_bool(r, "flag")->value());
  EXPECT_EQ(query_bool(r, "bad").error().code, "FIELD_TYPE");
}

TEST(HttpInput, CookiesAreFoundByName) {
  Request r;
  r.headers["cookie"] = "theme=dark; anbang_sid=abc123;  other=1";
  EXPECT_EQ(r.cookie("anbang_sid"), "abc123");
  EXPECT_EQ(r.cookie("other"), "1");
  EXPECT_EQ(r.cookie("none"), "");
}

TEST(HttpRouter, MatchesNumericParametersAndReportsOtherMethods) {
  Router router;
  router.add("GET", "/api/v1/persons/:id", [](Request& r) {
    Response resp;
    resp.body = std::to_string(r.params["id"]);
    return resp;
  });
  Request get{"GET", "/api/v1/persons/42", {}, {}, "", "", {}, ""};
  bool known = false;
  const Handler* h = router.match(get, &known);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ((*h)(get).body, "42");
  EXPECT_EQ(get.route, "/api/v1/persons/:id");
  Request text{"GET", "/api/v1/persons/abc", {}, {}, "", "", {}, ""};
  EXPECT_EQ(router.match(text, &known), nullptr);
  EXPECT_FALSE(known);
  Request put{"PUT", "/api/v1/persons/42", {}, {}, "", "", {}, ""};
  EXPECT_EQ(router.match(put, &known), nullptr);
  EXPECT_TRUE(known);
}

TEST(HttpRouter, ListsItsRoutesWithOpenApiPaths) {
  Router router;
  auto none = [](Request&) { return Response{}; };
  router.add("GET", "/healthz", none);
  router.add("POST", "/api/v1/persons/:id/custody/:cid/end", none);
  auto routes = router.routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[1].pattern, "/api/v1/persons/:id/custody/:cid/end");
  EXPECT_EQ(openapi_path(routes[0].pattern), "/healthz");
  EXPECT_EQ(openapi_path(routes[1].pattern), "/api/v1/persons/{id}/custody/{cid}/end");
  EXPECT_EQ(openapi_path("/"), "/");
}

TEST(HttpErrors, InternalDetailsDoNotReachTheClient) {
  Response r = error_response(internal_error("sqlite: disk I/O error at /secret/path"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("/secret/path"), std::string::npos);
  Response nf = error_response(not_found("PERSON_NOT_FOUND", "未找到"));
  EXPECT_EQ(nf.status, 404);
  EXPECT_NE(nf.body.find("PERSON_NOT_FOUND"), std::string::npos);
}

}  // namespace anbang::http
