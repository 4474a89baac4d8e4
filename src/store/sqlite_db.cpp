#include "store/sqlite_db.hpp"

#include <sqlite3.h>

#include <exception>
#include <string>
#include <unordered_map>

#include "platform/log.hpp"

namespace anbang::store {

constexpr std::size_t kMaxCachedStatements = 512;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* raw() const { return db_; }
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Result<std::int64_t> exec(std::string_view sql, const Params& params) override {
    auto st = run(sql, params, nullptr);
    if (!st.ok()) return st.error();
    return static_cast<std::int64_t>(sqlite3_changes(db_));
  }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    Rows rows;
    auto st = run(sql, params, &rows);
    if (!st.ok()) return st.error();
    return rows;
  }

  Status exec_script(std::string_view sql) override {
    std::string s(sql);
    char* msg = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : "unknown";
      sqlite3_free(msg);
      return internal_error("数据库脚本执行失败：" + m);
    }
    return {};
  }

  std::string_view dialect() const override { return "sqlite"; }

 private:
  Error db_error(int rc) {
    std::string detail = sqlite3_errmsg(db_);
    int ext = sqlite3_extended_errcode(db_);
    // Users see a fixed Chinese message; SQLite's (English) detail goes to the server log only.
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
      platform::log_warn("constraint: " + detail);
      return conflict("DB_CONSTRAINT", "数据与已有记录重复，请检查后重试");
    }
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
      platform::log_warn("constraint: " + detail);
      return {ErrorKind::invalid, "DB_CONSTRAINT", "数据不满足约束，请检查后重试", {}};
    }
    return internal_error("数据库错误：" + detail);
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxCachedStatements) {  // the SQL text varies with IN-lists: keep it bounded
      for (auto& [text, old] : cache_) sqlite3_finalize(old);
      cache_.clear();
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                                &stmt, nullptr);
    if (rc != SQLITE_OK) return db_error(rc);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  Status run(std::string_view sql, const Params& params, Rows* out) {
    auto prepared = prepare(sql);
    if (!prepared.ok()) return prepared.error();
    sqlite3_stmt* stmt = *prepared;
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    for (std::size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v))
        rc = sqlite3_bind_null(stmt, idx);
      else if (auto p = std::get_if<std::int64_t>(&v))
        rc = sqlite3_bind_int64(stmt, idx, *p);
      else if (auto d = std::get_if<double>(&v))
        rc = sqlite3_bind_double(stmt, idx, *d);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return db_error(rc);
    }
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return {};
      if (rc != SQLITE_ROW) return db_error(rc);
      if (!out) continue;
      int n = sqlite3_column_count(stmt);
      std::vector<Value> cols;
      cols.reserve(n);
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL:
            cols.emplace_back(nullptr);
            break;
          case SQLITE_INTEGER:
            cols.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            cols.emplace_back(sqlite3_column_double(stmt, c));
            break;
          default: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            cols.emplace_back(
                std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      out->emplace_back(std::move(cols));
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path) {
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(path));
  std::unique_ptr<SqliteConnection> first;
  if (auto s = db->acquire(first); !s.ok()) return s.error();  // fails early on a bad path
  db->release(std::move(first));
  return db;
}

std::string SqliteDatabase::audit_path_for(const std::string& path) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".db") == 0)
    return path.substr(0, path.size() - 3) + "-audit.db";
  return path + "-audit";
}

namespace {
// As SQLite's own automatic checkpoint (1,000 pages), but off the writer's path.
constexpr int kCheckpointPages = 1000;
}  // namespace

SqliteDatabase::SqliteDatabase(std::string path) : path_(std::move(path)) {
  ckpt_thread_ = std::thread([this] { checkpoint_loop(); });
}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(ckpt_mu_);
    ckpt_stop_ = true;
  }
  ckpt_cv_.notify_all();
  if (ckpt_thread_.joinable()) ckpt_thread_.join();
}

// Called by SQLite after each commit with the pages now in that schema's log (it replaces the
// automatic checkpoint of the connection).
int SqliteDatabase::on_wal(void* self, sqlite3*, const char* schema, int pages) {
  if (pages < kCheckpointPages) return SQLITE_OK;
  auto* db = static_cast<SqliteDatabase*>(self);
  {
    std::lock_guard lock(db->ckpt_mu_);
    (std::string_view(schema) == "audit" ? db->ckpt_audit_ : db->ckpt_main_) = true;
  }
  db->ckpt_cv_.notify_one();
  return SQLITE_OK;
}

void SqliteDatabase::checkpoint_loop() {
  std::unique_ptr<SqliteConnection> conn;
  for (;;) {
    bool main_due = false, audit_due = false;
    {
      std::unique_lock lock(ckpt_mu_);
      ckpt_cv_.wait(lock, [&] { return ckpt_stop_ || ckpt_main_ || ckpt_audit_; });
      if (ckpt_stop_) return;
      std::swap(main_due, ckpt_main_);
      std::swap(audit_due, ckpt_audit_);
    }
    if (!conn && !acquire(conn).ok()) continue;  // a later commit asks again
    // PASSIVE: copies what no reader still needs, never blocks the writer; SQLITE_BUSY is fine.
    if (main_due) (void)sqlite3_wal_checkpoint_v2(conn->raw(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (audit_due) (void)sqlite3_wal_checkpoint_v2(conn->raw(), "audit", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

Status SqliteDatabase::acquire(std::unique_ptr<SqliteConnection>& out) {
  {
    std::lock_guard lock(pool_mu_);
    if (!idle_.empty()) {
      out = std::move(idle_.back());
      idle_.pop_back();
      return {};
    }
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path_.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "cannot open";
    sqlite3_close_v2(raw);
    return internal_error("无法打开数据库文件：" + path_ + "（" + msg + "）");
  }
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_wal_hook(raw, &SqliteDatabase::on_wal, this);
  auto conn = std::make_unique<SqliteConnection>(raw);
  std::string quoted;
  for (char ch : audit_path_for(path_)) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
  Status s = conn->exec_script(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32000; "
      "ATTACH DATABASE '" +
      quoted +
      "' AS audit; "
      "PRAGMA audit.journal_mode=WAL; PRAGMA audit.synchronous=NORMAL; PRAGMA audit.cache_size=-4000;");
  if (!s.ok()) return s.error();
  out = std::move(conn);
  return {};
}

void SqliteDatabase::release(std::unique_ptr<SqliteConnection> c) {
  std::lock_guard lock(pool_mu_);
  idle_.push_back(std::move(c));
}

Status SqliteDatabase::transact(TxKind kind, const std::function<Status(Connection&)>& fn) {
  std::unique_lock<std::mutex> write_lock(write_mu_, std::defer_lock);
  if (kind == TxKind::write) write_lock.lock();
  std::unique_ptr<SqliteConnection> conn;
  if (auto s = acquire(conn); !s.ok()) return s;
  // exec() reuses cached prepared statements; exec_script would compile BEGIN/COMMIT every time.
  auto begun = conn->exec(kind == TxKind::write ? "BEGIN IMMEDIATE" : "BEGIN", {});
  if (!begun.ok()) return begun.error();
  Status result;
  try {
    result = fn(*conn);
  } catch (const std::exception& e) {
    result = internal_error(std::string("内部错误：") + e.what());
  }
  if (result.ok()) {
    auto committed = conn->exec("COMMIT", {});
    if (!committed.ok()) {
      (void)conn->exec("ROLLBACK", {});
      result = committed.error();
    }
  } else {
    (void)conn->exec("ROLLBACK", {});
  }
  release(std::move(conn));
  return result;
}

bool SqliteDatabase::healthy() {
  Status s = transact(TxKind::read, [](Connection& c) -> Status {
    auto r = c.scalar("SELECT 1");
    if (!r.ok()) return r.error();
    return {};
  });
  return s.ok();
}

}  // namespace anbang::store
