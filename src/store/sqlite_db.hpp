// SQLite implementation of the storage interface, on the sqlite3 C API: WAL journal, foreign keys
// on, synchronous=NORMAL (an acknowledged commit survives a crash of the process, e.g. kill -9),
// prepared statements cached per connection, a small connection pool, and one in-process writer
// at a time (BEGIN IMMEDIATE under a mutex) so writers queue instead of sleeping on SQLITE_BUSY.
// WAL checkpoints run on a background thread of their own (a PASSIVE checkpoint once the log holds
// kCheckpointPages pages), never inside a committing writer, so no request waits for the sync.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <string>
#include <vector>

#include "store/db.hpp"

struct sqlite3;  // sqlite3.h

namespace anbang::store {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if missing) the database file at `path` and, attached to every connection as
  // schema "audit", the access-log file audit_path_for(path). ":memory:" is not supported because
  // every pooled connection must see the same data; tests use a temporary file.
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path);
  // "data/anbang.db" → "data/anbang-audit.db" (other names get "-audit" appended).
  static std::string audit_path_for(const std::string& path);
  ~SqliteDatabase() override;

  Status transact(TxKind kind, const std::function<Status(Connection&)>& fn) override;
  bool healthy() override;

 private:
  explicit SqliteDatabase(std::string path);
  Status acquire(std::unique_ptr<SqliteConnection>& out);
  void release(std::unique_ptr<SqliteConnection> c);

  std::string path_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  std::mutex write_mu_;

  // The background checkpointer (see above): the schemas ("main", "audit") whose log is due.
  void checkpoint_loop();
  static int on_wal(void* self, ::sqlite3* db, const char* schema, int pages);
  std::mutex ckpt_mu_;
  std::condition_variable ckpt_cv_;
  bool ckpt_main_ = false, ckpt_audit_ = false, ckpt_stop_ = false;
  std::thread ckpt_thread_;
};

}  // namespace anbang::store
