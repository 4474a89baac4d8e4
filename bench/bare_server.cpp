// The baseline for bench/run.sh: a bare RESTinio + SQLite server with no session, scope or audit.
//   anbang_bare DB PORT
//   GET /person/<id>  one person row as JSON
//   GET /list?unit=<id>&page=<n>  20 rows of a unit's persons under assistance, newest release first
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <restinio/all.hpp>
#include <thread>

namespace {
thread_local sqlite3* t_db = nullptr;
std::string g_path;

sqlite3* db() {
  if (!t_db) {
    sqlite3_open_v2(g_path.c_str(), &t_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    sqlite3_exec(t_db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  }
  return t_db;
}

sqlite3_stmt* prepare(const char* sql) {
  thread_local std::map<const char*, sqlite3_stmt*> cache;
  auto& s = cache[sql];
  if (!s) sqlite3_prepare_v3(db(), sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  return s;
}

nlohmann::json row_json(sqlite3_stmt* s) {
  nlohmann::json o;
  for (int c = 0; c < sqlite3_column_count(s); ++c) {
    const char* name = sqlite3_column_name(s, c);
    switch (sqlite3_column_type(s, c)) {
      case SQLITE_INTEGER:
        o[name] = sqlite3_column_int64(s, c);
        break;
      case SQLITE_NULL:
        o[name] = nullptr;
        break;
      default:
        o[name] = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
    }
  }
  return o;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  g_path = argv[1];
  auto port = static_cast<unsigned short>(std::stoi(argv[2]));
  auto handler = [](const restinio::request_handle_t& req) {
    std::string path(req->header().path());
    std::string body;
    if (path.rfind("/person/", 0) == 0) {
      auto s = prepare("SELECT * FROM persons WHERE id = ?");
      sqlite3_bind_int64(s, 1, std::stoll(path.substr(8)));
      if (sqlite3_step(s) == SQLITE_ROW) body = row_json(s).dump();
      sqlite3_reset(s);
    } else if (path == "/list") {
      auto qp = restinio::parse_query(req->header().query());
      auto s = prepare(
          "SELECT id, name, gender, id_number, birth_date, household_unit_id, residence_unit_id, "
          "release_date, "
          "release_kind FROM persons WHERE (household_unit_id = ?1 OR residence_unit_id = ?1) AND "
          "release_date <= "
          "'2026-11-26' AND assistance_end_date > '2026-11-26' ORDER BY release_date DESC LIMIT 20 OFFSET "
          "?2");
      sqlite3_bind_int64(s, 1, std::stoll(std::string(qp["unit"])));
      sqlite3_bind_int64(s, 2, (std::stoll(std::string(qp["page"])) - 1) * 20);
      nlohmann::json items = nlohmann::json::array();
      while (sqlite3_step(s) == SQLITE_ROW) items.push_back(row_json(s));
      sqlite3_reset(s);
      body = nlohmann::json{{"items", items}}.dump();
    }
    return req->create_response()
        .append_header(restinio::http_field::content_type, "application/json")
        .set_body(body)
        .done();
  };
  using traits = restinio::default_traits_t;
  restinio::run(restinio::on_thread_pool<traits>(std::max(8u, 2 * std::thread::hardware_concurrency()))
                    .address("127.0.0.1")
                    .port(port)
                    .request_handler(handler));
  return 0;
}
