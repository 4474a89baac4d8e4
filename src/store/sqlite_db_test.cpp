#include "store/sqlite_db.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/audit_repo.hpp"
#include "store/migrate.hpp"

namespace anbang::store {
namespace {
struct TempDb {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("anbang-store-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  std::unique_ptr<SqliteDatabase> db;
  TempDb() {
    std::filesystem::create_directories(dir);
    db = std::move(SqliteDatabase::open((dir / "s.db").string())).value();
    EXPECT_TRUE(migrate(*db, 1).ok());
  }
  ~TempDb() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
};

Result<std::int64_t> count(Database& db, const char* table) {
  return transact_value<std::int64_t>(db, TxKind::read, [&](Connection& c) {
    return c.scalar(std::string("SELECT COUNT(*) FROM ") + table);
  });
}
}  // namespace

TEST(SqliteDb, FailedTransactionsLeaveNothingBehind) {
  TempDb t;
  Status s = t.db->transact(TxKind::write, [](Connection& c) -> Status {
    auto r = c.exec("INSERT INTO ethnic_groups (code, name) VALUES ('01', '汉族')");
    if (!r.ok()) return r.error();
    return invalid("STOP", "stop");  // a later step fails
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(*count(*t.db, "ethnic_groups"), 0);
  s = t.db->transact(TxKind::write, [](Connection&) -> Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(s.error().kind, ErrorKind::internal);
}

TEST(SqliteDb, UniqueViolationIsAConflict) {
  TempDb t;
  auto insert = [&] {
    return t.db->transact(TxKind::write, [](Connection& c) -> Status {
      auto r = c.exec("INSERT INTO ethnic_groups (code, name) VALUES (?, ?)",
                      {std::string("01"), std::string("汉族")});
      if (!r.ok()) return r.error();
      return {};
    });
  };
  EXPECT_TRUE(insert().ok());
  Status again = insert();
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "DB_CONSTRAINT");
}

TEST(SqliteDb, AuditLogIsAppendOnly) {
  TempDb t;
  Status s = t.db->transact(TxKind::write, [](Connection& c) -> Status {
    auto r = c.exec("INSERT INTO audit_log (at, action) VALUES (1, 'x')");
    if (!r.ok()) return r.error();
    return {};
  });
  ASSERT_TRUE(s.ok());
  for (const char* sql : {"UPDATE audit_log SET action = 'y'", "DELETE FROM audit_log"}) {
    Status bad = t.db->transact(TxKind::write, [&](Connection& c) -> Status {
      auto r = c.exec(sql);
      if (!r.ok()) return r.error();
      return {};
    });
    EXPECT_FALSE(bad.ok()) << sql;
  }
  EXPECT_EQ(*count(*t.db, "audit_log"), 1);
}

TEST(SqliteDb, AccessLogLivesInItsOwnFileAndIsAppendOnly) {
  TempDb t;
  EXPECT_TRUE(std::filesystem::exists(t.dir / "s-audit.db"));
  EXPECT_EQ(SqliteDatabase::audit_path_for("data/anbang.db"), "data/anbang-audit.db");
  EXPECT_EQ(SqliteDatabase::audit_path_for("x"), "x-audit");
  AuditRecord r;
  r.at = 5;
  r.action = "person_read";
  r.access = true;
  Status s = t.db->transact(TxKind::write, [&](Connection& c) { return insert_audit(c, r); });
  ASSERT_TRUE(s.ok()) << s.error().message;
  for (const char* sql : {"UPDATE audit.access_log SET action = 'y'", "DELETE FROM audit.access_log"}) {
    Status bad = t.db->transact(TxKind::write, [&](Connection& c) -> Status {
      auto x = c.exec(sql);
      if (!x.ok()) return x.error();
      return {};
    });
    EXPECT_FALSE(bad.ok()) << sql;
  }
  auto found = transact_value<std::pair<std::vector<AuditRecord>, std::int64_t>>(
      *t.db, TxKind::read, [](Connection& c) { return search_audit(c, AuditFilter{}); });
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->second, 1);
  EXPECT_TRUE(found->first.at(0).access);
}

TEST(SqliteDb, MigrationsAreIdempotentAndConcurrentWritersQueue) {
  TempDb t;
  auto again = migrate(*t.db, 2);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_GE(*schema_version(*t.db), 1);
  EXPECT_GE(*schema_version(*t.db, "audit"), 1);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 50; ++j) {
        Status s = t.db->transact(TxKind::write, [&](Connection& c) -> Status {
          auto r =
              c.exec("INSERT INTO audit_log (at, action) VALUES (?, 'load')", {std::int64_t{i * 1000 + j}});
          if (!r.ok()) return r.error();
          return {};
        });
        EXPECT_TRUE(s.ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(*count(*t.db, "audit_log"), 200);
}

// V007 splits followup:record by what each kind of user writes; a database from before keeps every
// role able to do what it did, built-in roles narrowed to their kind, and the old permission gone.
TEST(SqliteDb, V007_SplitsTheFollowUpPermissionByRole) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("anbang-v007-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto db = std::move(SqliteDatabase::open((dir / "s.db").string())).value();
    ASSERT_TRUE(migrate(*db, 1, 6).ok());
    Status s = db->transact(TxKind::write, [](Connection& c) -> Status {
      return c.exec_script(
          "INSERT INTO permissions VALUES ('followup:record','followup','record','记录走访考察'),"
          "('person:read','person','read','查看人员档案');"
          "INSERT INTO roles (id, code, name, scope) VALUES (1,'village_cadre','村居干部','own'),"
          "(2,'township_officer','镇街干部','subtree'),(3,'judicial_officer','司法所干部','subtree'),"
          "(4,'helpers','自建角色','subtree'),(5,'police_officer','派出所民警','subtree');"
          "INSERT INTO role_permissions VALUES (1,'followup:record'),(2,'followup:record'),"
          "(3,'followup:record'),(4,'followup:record'),(5,'person:read');");
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_TRUE(migrate(*db, 2).ok());
    auto grants = [&](int role) {
      return transact_value<std::string>(*db, TxKind::read, [&](Connection& c) -> Result<std::string> {
        std::string out;
        auto rows = c.query("SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission",
                            {std::int64_t{role}});
        if (!rows.ok()) return rows.error();
        for (const auto& r : *rows) out += r.str(0) + " ";
        return out;
      }).value();
    };
    EXPECT_EQ(grants(1), "visit:record ");
    EXPECT_EQ(grants(2), "family:help pickup:record review:record ");
    EXPECT_EQ(grants(3), "family:help pickup:record review:record visit:record ");
    EXPECT_EQ(grants(4), "family:help pickup:record review:record visit:record ");
    EXPECT_EQ(grants(5), "person:read ");
    EXPECT_EQ(*transact_value<std::int64_t>(*db, TxKind::read, [](Connection& c) {
      return c.scalar("SELECT COUNT(*) FROM permissions WHERE code = 'followup:record'");
    }), 0);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace anbang::store
