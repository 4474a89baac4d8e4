// The input facts of the obligation engine: plain data the app reads from the store. One
// PersonFacts is one assistance period of one person (R-PER-1); a person released again has a new
// one. Dates are civil dates (China Standard Time). Records dated after `today` are ignored by the
// engine, so the same facts replayed with an earlier today give the tasks as they were then.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/civil_date.hpp"

namespace anbang::rules {

using domain::CivilDate;

// Days [from, to): `to` is the first day no longer in the interval; open when absent.
// Within one vector intervals may come in any order and may overlap (the engine merges them).
struct Interval {
  CivilDate from;
  std::optional<CivilDate> to;
};

// R-LNK-3: one report of a major family change that asks for help (a family in difficulty or
// minor children in difficulty).
struct FamilyReport {
  CivilDate received;
  std::optional<CivilDate> helped;
};

// R-OUT-1: one outing for work (外出务工): left, expected back, back (when recorded).
struct Outing {
  CivilDate left_on, expected_return;
  std::optional<CivilDate> returned_on;
};

// R-AID-1..6 (issue 9): one social assistance application referred to its deciding unit (a
// department or the household township), with the day of its first answer.
struct Referral {
  std::int64_t id = 0;
  std::string_view rule;  // the kind's rule id, "R-AID-1" … (a static code, domain::aid_rule)
  std::int64_t deciding_unit_id = 0;
  CivilDate referred_on;
  std::optional<CivilDate> answered_on;
};

// Issue 10 (R-ALW-1..5): one dated urban/rural status of the person (户籍类别): `kind` from `since`.
struct HouseholdKind {
  CivilDate since;
  std::string_view kind;  // "urban" | "rural" (a static code)
};

// R-ALW-2: the steps of a hardship allowance application, in the order they were taken.
enum class ChainStep : std::uint8_t { applied, certified, verified, approved, rejected, returned };
struct ChainEvent {
  ChainStep step;
  CivilDate on;
};

// One hardship allowance application of this period as the engine sees it: its chain, the units
// that owe its steps and, once approved, what its entitlement depends on (rules/allowance.hpp) and
// the months paid (a month's first day and the day it was paid, net of reversals).
struct AllowanceCase {
  std::int64_t id = 0;
  std::int64_t office_unit_id = 0, village_unit_id = 0, township_unit_id = 0;
  std::vector<ChainEvent> steps;
  std::vector<HouseholdKind> household_kinds;
  std::vector<Interval> dibao;
  std::vector<CivilDate> reoffences;
  std::vector<std::pair<CivilDate, CivilDate>> paid;
};

struct PersonFacts {
  std::int64_t id = 0;
  std::int64_t household_unit_id = 0;  // R-JUR-1: social assistance, registration, linkage
  std::int64_t residence_unit_id = 0;  // R-JUR-1: daily assistance and visits (current unit)

  CivilDate release_date;               // first day under assistance
  std::string release_kind = "prison";  // prison | detention_centre | community_correction
  std::optional<CivilDate>
      assistance_end_override;  // R-PER-1: replaces the computed end (new sentence, death)

  // R-JUR-2: identity still unknown at release. Dates do not depend on it; the app maps the owner
  // roles to the units of the original investigating authority's place instead.
  bool identity_verified = true;
  bool whereabouts_unknown =
      false;  // R-LOST-1, set by the residence place (R-OUT-1: absence without a record)

  std::vector<Interval> key_intervals;      // R-CLS-1/R-CLS-3: days classified as key subject
  std::vector<Interval> custody_intervals;  // re-entry into custody after release (not under assistance)

  // Linkage documents (R-LNK-1, R-LNK-2, R-LNK-4): the dates that matter for deadlines.
  std::optional<CivilDate> form_received_into_custody;  // R-LNK-1 anchor: received into custody
  std::optional<CivilDate> form_sent;      // R-LNK-1: 《基本情况登记表》 sent by the custody unit
  std::optional<CivilDate> form_received;  // R-LNK-2 anchor: received by the judicial administration
  // R-LNK-2: the *first* 核查反馈 sent back (the first decides; a re-verification does not move it).
  std::optional<CivilDate> verification_feedback_sent;
  std::optional<CivilDate> release_notice_received;     // R-LNK-4: 《刑满释放人员通知书》 received
  // R-LNK-4: the day the notice was sent — for a mailed one its postmark when known, which meets the
  // sender's deadline; absent = the day it was received.
  std::optional<CivilDate> release_notice_sent;
  std::optional<CivilDate> reception_arrangement_sent;  // R-LNK-4: the first 接收安排 sent back
  std::optional<CivilDate> picked_up;                   // R-PCK-1 / R-PCK-2: pick-up record's date
  // R-PCK-1: the first notification of this release to the township government and to the police
  // station (a key subject's release, entered by the household-registration judicial office).
  std::optional<CivilDate> release_notified_township;
  std::optional<CivilDate> release_notified_police;
  // R-LNK-3: reports of a family (or minor children) in difficulty, each with the date it was
  // received and the date help was first recorded for it.
  std::vector<FamilyReport> family_reports;
  std::optional<CivilDate> registration_date;  // R-REG-1: 报到

  // Late entries (DOMAIN.md §5): the day the file was opened, when it was opened after the fact. A
  // recurring duty of a period that closed (due date) before it is not owed (not_applicable,
  // Exemption::before_file); one-off duties still stand.
  std::optional<CivilDate> file_opened;

  std::vector<CivilDate> visits;   // R-VIS-1, R-VIS-2: follow-up visits (any order)
  std::vector<CivilDate> reviews;  // R-REV-1: full reviews (any order)

  // ---- Help groups and plans (R-ORG-3, R-ORG-4; app/help, rules/help.cpp) ----
  // R-ORG-3: every membership of the person's help group, [joined_on, left_on) (any order).
  std::vector<Interval> help_memberships;
  // R-ORG-4: the dates (made_on) of the versions of the help plan of this period (any order).
  std::vector<CivilDate> plan_versions;
  // R-ORG-4: the days the class changed (R-CLS-3: a class_history row whose class differs from the
  // one before it; the first classification is no change).
  std::vector<CivilDate> class_changes;
  // --- Issue 8, helper D: going out for work (R-OUT-1) ---
  // Outings of this period (left on or after its release date), any order. An outing without a
  // return whose expected return passed more than lost_contact_days ago with no follow-up since is a
  // 脱管 risk (rules/lost.cpp, reason outing_overdue).
  std::vector<Outing> outings;
  // --- Issue 9 (R-AID-1..6): the social assistance referrals of this period, any order.
  std::vector<Referral> referrals;
  // --- Issue 10 (R-ALW-1, R-ALW-2): the hardship allowance applications of this period.
  std::vector<AllowanceCase> allowances;
};

// R-EDU-1: one event of the district's calendar (holiday, politically sensitive period, major
// event): days [starts_on, ends_on], both included.
struct CalendarEvent {
  std::int64_t id = 0;
  CivilDate starts_on, ends_on;
};

// R-EDU-1: a targeted legal-education session held by the unit (or for it, by its judicial
// office); `event_id` when it names the calendar event it prepares for.
struct TargetedSession {
  CivilDate held_on;
  std::optional<std::int64_t> event_id;
};

// A unit that owes recurring meetings: district (R-MTG-1, yearly), township (R-MTG-2, quarterly),
// judicial_office (R-MTG-3, monthly). Other kinds owe none.
struct UnitFacts {
  std::int64_t unit_id = 0;
  std::string kind;
  std::vector<CivilDate> meetings;  // dates held (any order)
  CivilDate active_from;            // first day the unit owes meetings

  // R-EDU-1 (issue 8): a township owes a targeted legal-education session before each calendar
  // event; only township units read these.
  std::vector<CalendarEvent> calendar;               // the district's calendar (any order)
  std::vector<TargetedSession> targeted_sessions;    // the township's targeted legal sessions

  // Issue 9 (helper C). R-BASE-1: a township keeps at least one enterprise base with an agreement
  // valid today; only township units read these.
  std::vector<Interval> enterprise_agreements;  // valid_from..valid_to of its enterprise bases' agreements
  // R-EMP-2: human resources (kind "department", subkind "hr_social_security") holds at least
  // skills_trainings_per_year trainings a calendar year; only that unit reads these.
  std::string subkind;
  std::vector<CivilDate> trainings;  // first days of its skills trainings (any order)
};

}  // namespace anbang::rules
