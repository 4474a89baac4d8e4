// Publicity (R-PUB-1, §3.5): good practices of units and exemplary cases of persons (遵纪守法
// law_abiding, 勤劳致富 hard_work_prosperity, 服务社会 serving_society). A person's case is published
// only with the person's recorded consent covering the channel (internal, or public media, which
// also covers internal), valid on the day of publication, and only as the de-identified text
// (domain/deidentify.hpp) — PUBLICITY_NO_CONSENT / PUBLICITY_CONSENT_SCOPE otherwise. State: draft →
// published (by whom, when); a draft can be deleted.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "store/publicity_repo.hpp"

namespace anbang::app {

struct ConsentInput {
  std::string given_on, scope, valid_until, note;
};

struct PublicityInput {
  std::string kind;  // good_practice | exemplary_case
  std::optional<std::int64_t> person_id;
  std::string category, title, body, happened_on, channel;
};

// One item as its reader sees it; a draft case carries the de-identified preview.
struct PublicityView {
  store::PublicityRow item;
  std::string preview_title, preview_text;
};

// True when `consent` (given_on, scope, valid_until) covers `channel` on `today`.
bool consent_covers(const store::ConsentRow& consent, const std::string& channel, const std::string& today);

class PublicityService {
 public:
  explicit PublicityService(Core& core) : core_(core) {}

  Result<std::int64_t> record_consent(const AuthedCtx& ctx, std::int64_t person_id, const ConsentInput& in);
  Result<Audited<std::vector<store::ConsentRow>>> consents(const AuthedCtx& ctx, std::int64_t person_id);
  Result<std::int64_t> create(const AuthedCtx& ctx, const PublicityInput& in);
  // Items of units in the caller's scope (cases also only of persons in scope), newest first. The
  // list carries no case text: a case is read one at a time (item).
  Result<std::vector<store::PublicityRow>> list(const AuthedCtx& ctx, const std::string& kind, const std::string& state);
  // One item; a case is a read of the person's file (on record) with its de-identified preview.
  Result<Audited<PublicityView>> item(const AuthedCtx& ctx, std::int64_t id);
  Result<PublicityView> publish(const AuthedCtx& ctx, std::int64_t id);
  Status remove(const AuthedCtx& ctx, std::int64_t id);

 private:
  Core& core_;
};

}  // namespace anbang::app
