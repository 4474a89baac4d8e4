// Transitional resettlement bases (R-BASE-1, §2.4.3; issue 9 helper C): the district base (kind
// "district", kept by the district, run by the judicial administration) and the enterprise bases of
// each township (kept by the district and by the township's own units), each with its agreements
// (signed, valid from/to, places, services) and contacts; placements of persons in and out, each a
// "person changed" with its timeline entry; and each township's R-BASE-1 unit task — an enterprise
// base with an agreement valid today — computed live like the meetings (rules/bases.cpp).
//
// Occupancy never exceeds capacity: the count of active placements and the insert run in one write
// transaction, and write transactions are serialised (store::Database), so of two placements racing
// for the last place exactly one succeeds and the other answers BASE_FULL.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.hpp"
#include "app/core/core.hpp"
#include "app/obligations/obligation_service.hpp"
#include "store/base_repo.hpp"

namespace anbang::app {

struct BaseInput {
  std::string kind;                    // district | enterprise (create only)
  std::optional<std::int64_t> unit_id;  // the township of an enterprise base (district users; create only)
  std::string name, enterprise, address, contact_name, contact_phone, note;
};

struct BaseAgreementInput {
  std::string signed_on, valid_from, valid_to;
  std::int64_t capacity = 0;
  std::vector<std::string> services;  // lodging, work, training, counselling
};

struct PlacementInput {
  std::int64_t base_id = 0;
  std::string placed_on, note;
};

struct EndPlacementInput {
  std::string ended_on, reason;
};

// A base as listed: the agreement valid today (none: not usable) and the active placements.
struct BaseSummary {
  store::BaseRow base;
  std::optional<store::AgreementRow> current;
  bool can_manage = false;
};

struct BaseDetail {
  BaseSummary summary;
  std::vector<store::AgreementRow> agreements;
  std::vector<store::PlacementRow> placements;  // of persons in the caller's jurisdiction
  std::int64_t others = 0;                      // placements of persons the caller does not reach
};

class BaseService {
 public:
  BaseService(Core& core, ObligationService& obligations) : core_(core), obligations_(obligations) {}

  // The bases the caller sees (base:manage): the district base(s) and the enterprise bases of the
  // townships in the caller's scope.
  Result<std::vector<BaseSummary>> list(const AuthedCtx& ctx);
  Result<BaseDetail> get(const AuthedCtx& ctx, std::int64_t id);
  // A district base only by a district user; an enterprise base for the caller's township (a
  // district user names it: unit_id).
  Result<std::int64_t> create(const AuthedCtx& ctx, const BaseInput& in);
  Status update(const AuthedCtx& ctx, std::int64_t id, const BaseInput& in);
  // Refused when it overlaps another agreement of the base (AGREEMENT_OVERLAP).
  Result<std::int64_t> add_agreement(const AuthedCtx& ctx, std::int64_t base_id, const BaseAgreementInput& in);

  // The person through the guard; the base one the caller sees, with an agreement valid on the
  // placement day (NO_VALID_AGREEMENT) and a free place (BASE_FULL); one active placement a person
  // (ALREADY_PLACED).
  Result<std::int64_t> place(const AuthedCtx& ctx, std::int64_t person_id, const PlacementInput& in);
  Status end(const AuthedCtx& ctx, std::int64_t placement_id, const EndPlacementInput& in);
  // The file's 安置基地 section (person:read).
  Result<Audited<std::vector<store::PlacementRow>>> person_placements(const AuthedCtx& ctx, std::int64_t person_id);

  // R-BASE-1: the townships' agreement tasks — every township for a district user, the caller's own
  // township for its township and judicial office users, none for others (task:read).
  Result<std::vector<PersonTask>> tasks(const AuthedCtx& ctx);

 private:
  bool sees(const AuthedCtx& ctx, const store::BaseRow& b) const;
  bool manages(const AuthedCtx& ctx, const store::BaseRow& b) const;
  Core& core_;
  ObligationService& obligations_;
};

}  // namespace anbang::app
