// The payment list of one hardship allowance run as xlsx (R-ALW-1, issue 10 item 5).
#pragma once
#include <string_view>
#include <vector>

#include "app/allowance/allowance_service.hpp"
#include "app/person/person_service.hpp"

namespace anbang::app {

// The run as the caller may read it (AllowanceService::run), worded in `locale` from the web app's
// export.json; audited as "export" (with whether ID numbers were full or masked).
Result<Export> allowance_run_xlsx(Core& core, AllowanceService& service, const AuthedCtx& ctx, std::int64_t run_id,
                                  std::string_view locale);

// Every key the payment list looks up (file_messages_test checks each exists in every locale).
const std::vector<std::string>& allowance_run_message_keys();

}  // namespace anbang::app
