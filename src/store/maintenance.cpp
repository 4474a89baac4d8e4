#include "store/maintenance.hpp"

namespace anbang::store {

namespace sql {
constexpr const char* kAnalyzeQuick = "PRAGMA analysis_limit=2000; ANALYZE";
constexpr const char* kAnalyzeFull = "ANALYZE";
}  // namespace sql

Status analyze_quick(Connection& c) { return c.exec_script(sql::kAnalyzeQuick); }
Status analyze_full(Connection& c) { return c.exec_script(sql::kAnalyzeFull); }

}  // namespace anbang::store
