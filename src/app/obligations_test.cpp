// Issue 3 wiring: tasks computed from records, closed by the record that fulfils them.
#include <gtest/gtest.h>

#include "app/test_support.hpp"
#include "store/obligation_repo.hpp"

namespace anbang::app {

TEST(Obligations, SeededPersonsGetTasks) {
  TestWorld w(20);
  auto n = transact_value<std::int64_t>(*w.db, store::TxKind::read, [](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM tasks");
  });
  ASSERT_TRUE(n.ok());
  EXPECT_GT(*n, 0);
}

}  // namespace anbang::app
