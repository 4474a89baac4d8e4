// The storage interface. All SQL of the application goes through Connection; SQLite implements it
// now (store/sqlite_db.*), PostgreSQL later. SQL text is portable: `?` placeholders (the PostgreSQL
// implementation rewrites them to $n), `INSERT ... RETURNING id`, ISO text dates, integer booleans.
// Storage errors come back as values: a unique-constraint violation is ErrorKind::conflict with
// code DB_CONSTRAINT, anything else ErrorKind::internal.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/result.hpp"

namespace anbang::store {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value opt(const std::optional<std::string>& s) { return s ? Value(*s) : Value(nullptr); }
inline Value opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

// One result row. Accessors convert leniently: NULL reads as 0 / "" unless asked with is_null.
class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  std::size_t size() const { return cols_.size(); }
  bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(cols_.at(i)); }
  std::int64_t i64(std::size_t i) const;
  double f64(std::size_t i) const;
  std::string str(std::size_t i) const;
  std::optional<std::string> opt_str(std::size_t i) const;
  std::optional<std::int64_t> opt_i64(std::size_t i) const;
  bool boolean(std::size_t i) const { return i64(i) != 0; }

 private:
  std::vector<Value> cols_;
};

using Rows = std::vector<Row>;

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs a statement that returns no rows; returns the number of rows changed.
  virtual Result<std::int64_t> exec(std::string_view sql, const Params& params = {}) = 0;
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements separated by ';' without parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;
  // Name of the SQL dialect: "sqlite" or "postgres" (for the few statements that differ).
  virtual std::string_view dialect() const = 0;

  // Convenience: the first row, or nullopt.
  Result<std::optional<Row>> query_one(std::string_view sql, const Params& params = {});
  // Convenience: the single integer of a one-row, one-column result (count, RETURNING id).
  Result<std::int64_t> scalar(std::string_view sql, const Params& params = {});
};

enum class TxKind { read, write };

class Database {
 public:
  virtual ~Database() = default;
  // Runs `fn` in one transaction on a pooled connection: commits when fn returns ok, rolls back
  // otherwise (and on exceptions, which become ErrorKind::internal). Write transactions are
  // serialised inside the process so that concurrent writers never wait on the database's lock.
  virtual Status transact(TxKind kind, const std::function<Status(Connection&)>& fn) = 0;
  // A cheap liveness check (SELECT 1).
  virtual bool healthy() = 0;
};

// Runs fn in a transaction and hands its value out.
template <class T, class Fn>
Result<T> transact_value(Database& db, TxKind kind, Fn&& fn) {
  std::optional<T> out;
  Status s = db.transact(kind, [&](Connection& c) -> Status {
    Result<T> r = fn(c);
    if (!r.ok()) return r.error();
    out.emplace(std::move(r).value());
    return {};
  });
  if (!s.ok()) return s.error();
  return std::move(*out);
}

}  // namespace anbang::store
