// Meetings (R-MTG-1..3, §2.3.3(4)): the district office's yearly joint meeting, each township's
// quarterly joint meeting, each judicial office's monthly liaison with its police station —
// recorded by the unit, and the unit's meeting tasks computed live by the engine.
#pragma once
#include <string>
#include <vector>

#include "app/core/core.hpp"
#include "app/obligations/obligation_service.hpp"
#include "store/meeting_repo.hpp"

namespace anbang::app {

struct MeetingInput {
  std::string held_on, topic, attendees;
};

class MeetingService {
 public:
  MeetingService(Core& core, ObligationService& obligations) : core_(core), obligations_(obligations) {}

  Status record(const AuthedCtx& ctx, const MeetingInput& in);
  Result<std::vector<PersonTask>> tasks(const AuthedCtx& ctx);
  // Meetings held by units in the caller's scope, newest first (at most `limit`).
  Result<std::vector<store::MeetingRow>> list(const AuthedCtx& ctx, int limit);

 private:
  Core& core_;
  ObligationService& obligations_;
};

}  // namespace anbang::app
