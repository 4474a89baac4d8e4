#include "app/core/person_changed.hpp"

namespace anbang::app {

void PersonWrite::record(std::int64_t person_id, const std::string& label, Change ch) {
  touched_.insert(person_id);
  changes_.push_back({person_id, label, std::move(ch)});
}

Status PersonWrite::finish() {
  if (changes_.empty() && nothing_changed_) return {};
  if (changes_.empty()) return Error{ErrorKind::internal, "UNRECORDED_CHANGE", "写入未记录变更", {}};
  for (const auto& item : changes_) {
    const Change& ch = item.change;
    if (auto s = record_change(c, ctx, ch.action, "person", item.person_id, item.label, ch.detail.dump());
        !s.ok())
      return s;
    if (ch.event_kind.empty()) continue;
    store::PersonEvent e;
    e.person_id = item.person_id;
    e.at = ctx.now;
    e.kind = ch.event_kind;
    if (!ctx.actor.system) {
      e.user_id = ctx.actor.user_id;
      e.unit_id = ctx.actor.unit_id;
    }
    e.code = ch.event_code;
    e.params = ch.event_params.dump();
    e.detail = ch.event_detail;
    if (auto s = store::insert_person_event(c, e); !s.ok()) return s;
  }
  for (std::int64_t id : touched_) {
    if (auto s = core.run_consequences(c, ctx, id); !s.ok()) return s;
  }
  return {};
}

}  // namespace anbang::app
