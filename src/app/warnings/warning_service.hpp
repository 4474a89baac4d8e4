// Warnings and re-offending (R-WRN-1, §2.3.4; issue 8 item 7). A warning (预警) is a report of signs
// of re-offending by whoever follows the person (village, township, judicial office, police): what
// was seen and when, the preventive measures taken, and the notice to the police station of the
// person's residence township (date and receiving officer), which sees its open warnings on the
// police workbench. While open, a warning of the current period makes the person a key subject with
// the warning as the reason (R-CLS-1 "a helper's report", R-CLS-3; classification_service.cpp).
// A warning is closed only by lifting it with a date and a reason (e.g. a later full review that finds
// no tendency); a lifted warning stays on the file.
//
// A re-offence (重新犯罪) is recorded with the offence date, the custody date, the charge (charge
// dictionary), the deciding authority and the expected release of the new sentence. It ends the
// assistance period the way a new sentence does (SupervisionService::start_new_sentence, custody kind
// new_sentence) and is kept as its own record with the period it fell in, for the re-offending rate.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/supervision/supervision_service.hpp"
#include "store/warning_repo.hpp"

namespace anbang::app {

// Sign kinds: threat (扬言报复), conflict (矛盾纠纷激化), bad_company (结交不良人员), drugs (涉毒),
// gambling (涉赌), unstable (思想情绪不稳定), other.
inline constexpr std::string_view kWarningSignKinds[] = {"threat", "conflict", "bad_company", "drugs",
                                                         "gambling", "unstable", "other"};

struct WarningInput {
  std::string sign_kind, signs, observed_on, measures;
  std::string notified_on, notified_officer;  // the notice to the police station, if given already
};

struct WarningNotice {
  std::string notified_on, officer;
};

struct WarningLift {
  std::string lifted_on, reason;
};

struct ReoffenceInput {
  std::string offence_on, custody_on;
  std::int64_t charge_id = 0;
  std::string authority, note;
  std::string expected_release_date, release_kind = "prison";  // the new sentence (R-PER-1)
};

struct WarningsView {
  std::vector<store::WarningRow> warnings;
  std::vector<store::ReoffenceRow> reoffences;
};

// The police workbench (issue 8 item 11): open warnings and key subjects under assistance in the
// caller's jurisdiction; a police station sees the warnings whose notice goes to it.
struct PoliceBoard {
  std::vector<store::WarningRow> warnings;
  std::vector<store::KeySubjectRow> key_subjects;
};

class WarningService {
 public:
  WarningService(Core& core, SupervisionService& supervision) : core_(core), supervision_(supervision) {}

  // warning:record. The date: not after today, within the back-dating limit, not before the release.
  Result<std::int64_t> record_warning(const AuthedCtx& ctx, std::int64_t person_id, const WarningInput& in);
  // warning:record: the notice to the police station (once; 409 WARNING_NOTIFIED after).
  Status record_notice(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t warning_id, const WarningNotice& in);
  // warning:record: lifts an open warning (409 WARNING_LIFTED when already lifted).
  Status lift_warning(const AuthedCtx& ctx, std::int64_t person_id, std::int64_t warning_id, const WarningLift& in);
  // reoffence:record. Ends the period (start_new_sentence); returns the re-offence's id.
  Result<std::int64_t> record_reoffence(const AuthedCtx& ctx, std::int64_t person_id, const ReoffenceInput& in);
  // The file's section 预警与重新犯罪 (person:read).
  Result<Audited<WarningsView>> person_warnings(const AuthedCtx& ctx, std::int64_t person_id);
  // The police workbench (person:read).
  Result<Audited<PoliceBoard>> police_board(const AuthedCtx& ctx);

 private:
  Core& core_;
  SupervisionService& supervision_;
};

}  // namespace anbang::app
