#include "app/classification/classification_service.hpp"

#include <nlohmann/json.hpp>

#include "app/core/guard.hpp"
#include "app/core/person_read.hpp"
#include "store/follow_up_repo.hpp"
#include "store/person_repo.hpp"
#include "store/warning_repo.hpp"

namespace anbang::app {

namespace {
domain::Finding finding(const std::string& v) {
  if (v == "confirmed") return domain::Finding::confirmed;
  if (v == "suspected") return domain::Finding::suspected;
  if (v == "cleared") return domain::Finding::cleared;
  return domain::Finding::none;
}
}  // namespace

nlohmann::json class_reason_json(const domain::ClassReason& r) {
  return {{"criterion", r.criterion},
          {"finding", r.finding == domain::Finding::none ? nlohmann::json() : nlohmann::json(domain::to_string(r.finding))},
          {"factors", r.factors},
          {"source", r.source}};
}

std::vector<domain::ClassReason> class_reasons_from_json(const std::string& detail) {
  std::vector<domain::ClassReason> out;
  auto j = nlohmann::json::parse(detail, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return out;
  for (const auto& x : j) {
    if (!x.is_object() || !x.contains("criterion") || !x["criterion"].is_string()) continue;
    domain::ClassReason r;
    r.criterion = x["criterion"].get<std::string>();
    if (x.contains("finding") && x["finding"].is_string()) r.finding = finding(x["finding"].get<std::string>());
    if (x.contains("factors") && x["factors"].is_array()) {
      for (const auto& f : x["factors"])
        if (f.is_string()) r.factors.push_back(f.get<std::string>());
    }
    if (x.contains("source") && x["source"].is_string()) r.source = x["source"].get<std::string>();
    out.push_back(std::move(r));
  }
  return out;
}

ClassificationService::ClassificationService(Core& core) : core_(core) {
  core_.add_consequence("class", [this](store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id) {
    return reclassify(c, ctx, person_id);
  });
}

Result<domain::ClassificationInput> ClassificationService::inputs(store::Connection& c, std::int64_t person_id,
                                                                  domain::CivilDate today) const {
  domain::ClassificationInput in;
  std::int64_t notice_at = 0, verification_at = 0;  // when the inputs a review may replace were entered
  in.three_none_mode = core_.policy()->in_force(today).three_none_mode;  // R-CLS-2, in force today
  auto docs = store::person_documents(c, person_id);
  if (!docs.ok()) return docs.error();
  for (const auto& d : *docs) {  // the latest verification's findings and release notice count
    auto data = nlohmann::json::parse(d.data, nullptr, false);
    if (!data.is_object()) continue;
    if (d.kind == "release_notice") {
      // Interpretation: the assessment's explicit finding of a tendency, or a high risk level.
      in.reoffending_tendency = data.value("reoffending_tendency", false) || data.value("risk_level", "") == "high";
      in.reoffending_source = "document:" + std::to_string(d.id);
      notice_at = d.created_at;
      continue;
    }
    if (d.kind != "verification_feedback") continue;
    in.false_name = finding(data.value("false_name", ""));
    in.false_identity = finding(data.value("false_identity", ""));
    in.false_address = finding(data.value("false_address", ""));
    // R-CLS-2: the 三无 factors as the verification found them (null = not assessed).
    auto factor = [&](const char* key) -> std::optional<bool> {
      auto it = data.find(key);
      if (it == data.end() || !it->is_boolean()) return std::nullopt;
      return it->get<bool>();
    };
    in.no_home = factor("no_home");
    in.no_job = factor("no_job");
    in.no_relatives = factor("no_relatives");
    in.three_none_source = "document:" + std::to_string(d.id);
    in.verification_source = "document:" + std::to_string(d.id);
    verification_at = d.created_at;
  }
  auto charges = store::person_charge_ids(c, person_id);
  if (!charges.ok()) return charges.error();
  for (std::int64_t id : *charges) {
    const store::ChargeRow* charge = core_.charge(id);
    if (charge && charge->chapter == 1) {
      in.national_security = true;  // Criminal Law chapter 1: 危害国家安全罪
      in.charge_source = "charge:" + std::to_string(id);
    }
  }
  // --- R-WRN-1: warnings ---
  // An open warning of the current period is a tendency to re-offend (R-CLS-1, "a helper's report")
  // and names the warning as its source; it stays an input until it is lifted (a date and a reason)
  // or a full review confirmed after it concludes otherwise (below). A release notice's assessment
  // that already says so keeps its own source.
  std::int64_t warning_at = 0;
  auto warning = store::open_warning_of_period(c, person_id);
  if (!warning.ok()) return warning.error();
  if (warning->has_value()) {
    warning_at = (*warning)->created_at;
    if (!in.reoffending_tendency) {
      in.reoffending_tendency = true;
      in.reoffending_source = "warning:" + std::to_string((*warning)->id);
    }
  }
  // --- end of the warning block ---
  // --- R-REV-1 / R-CLS-3 (helper C): the latest confirmed full review of the current period. Each
  // criterion it concluded on (holds / does_not_hold) replaces the inputs of that criterion entered
  // before its confirmation; a later release notice or verification wins over it again. ---
  auto review = store::latest_confirmed_review(c, person_id);
  if (!review.ok()) return review.error();
  if (review->has_value()) {
    const store::FollowUpRow& r = **review;
    const std::int64_t at = r.confirmed_at.value_or(0);
    auto conclusions = nlohmann::json::parse(r.conclusions, nullptr, false);
    auto concluded = [&](const char* criterion) -> std::optional<bool> {
      if (!conclusions.is_object() || !conclusions.contains(criterion) || !conclusions[criterion].is_object())
        return std::nullopt;
      const std::string v = conclusions[criterion].value("conclusion", "unknown");
      if (v == "holds") return true;
      if (v == "does_not_hold") return false;
      return std::nullopt;
    };
    if (notice_at <= at && warning_at <= at) in.review_reoffending_tendency = concluded("reoffending_tendency");
    if (verification_at <= at) {
      in.review_three_false = concluded("three_false");
      in.review_three_none = concluded("three_none");
    }
    in.review_national_security = concluded("national_security");
    in.review_source = "review:" + std::to_string(r.id);
  }
  // --- end of the review block ---
  return in;
}

Result<domain::Classification> ClassificationService::classify(store::Connection& c, std::int64_t person_id,
                                                               domain::CivilDate today) const {
  auto in = inputs(c, person_id, today);
  if (!in.ok()) return in.error();
  return domain::classify(*in);
}

Status ClassificationService::reclassify(store::Connection& c, const AuthedCtx& ctx, std::int64_t person_id) {
  auto in = inputs(c, person_id, ctx.today);
  if (!in.ok()) return in.error();
  auto now_class = Result<domain::Classification>(domain::classify(*in));
  auto history = store::class_history(c, person_id);
  if (!history.ok()) return history.error();
  bool was_key = !history->empty() && history->back().key;
  if (was_key == now_class->key && !history->empty()) return {};
  if (history->empty() && !now_class->key) return {};  // general from the start: nothing to record
  domain::Classification before;
  before.key = was_key;
  // The reasons of before: those recorded when the person was last listed as a key subject.
  if (was_key) before.reasons = class_reasons_from_json(history->back().detail);
  const domain::ClassChange change = domain::class_change(before, *now_class);
  nlohmann::json detail = nlohmann::json::array();
  nlohmann::json criteria = nlohmann::json::array();
  for (const auto& r : change.reasons) {
    detail.push_back(class_reason_json(r));
    criteria.push_back(r.criterion);
  }
  store::ClassChange ch{person_id,    domain::to_string(ctx.today), now_class->key, "", detail.dump(), ctx.now,
                        std::string(change.code)};
  if (auto s = store::insert_class_change(c, ch); !s.ok()) return s;
  if (auto s = store::set_key_subject(c, person_id, now_class->key); !s.ok()) return s;
  store::PersonEvent e;
  e.person_id = person_id;
  e.at = ctx.now;
  e.kind = "classified";
  if (!ctx.actor.system) {
    e.user_id = ctx.actor.user_id;
    e.unit_id = ctx.actor.unit_id;
  }
  e.code = std::string(change.code);
  nlohmann::json reasons = detail;
  for (auto& r : reasons) r.erase("source");  // the timeline names the reasons, not the records
  nlohmann::json params{{"criteria", criteria}, {"reasons", reasons}};
  // R-CLS-3: a change decided by a confirmed full review names it (R-REV-1).
  if (domain::review_decides(*in)) params["review_id"] = std::stoll(in->review_source.substr(7));
  e.params = params.dump();
  return store::insert_person_event(c, e);
}

Result<Audited<ClassView>> ClassificationService::read(const AuthedCtx& ctx, std::int64_t person_id) {
  return read_person<ClassView>(core_, ctx, perm::person_read, person_id, "classification",
                                [&](store::Connection& c, const Reached&) -> Result<ClassView> {
                                  auto cls = classify(c, person_id, ctx.today);
                                  if (!cls.ok()) return cls.error();
                                  auto history = store::class_history(c, person_id);
                                  if (!history.ok()) return history.error();
                                  return ClassView{cls->key, cls->reasons, cls->three_none_factors,
                                                   std::move(history).value()};
                                });
}

}  // namespace anbang::app
