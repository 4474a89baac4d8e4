// The composition of the use-case layer: the core and one service per capability, built once by
// the binary (main.cpp), the tests and the benchmarks. Construction order matters where services
// register consequences on the core: the class is recomputed before the tasks (R-CLS-3 feeds
// R-PCK, R-VIS-2, R-REV-1).
#pragma once
#include "app/admin/admin_service.hpp"
#include "app/audit_view/audit_view_service.hpp"
#include "app/auth/auth_service.hpp"
#include "app/classification/classification_service.hpp"
#include "app/core/core.hpp"
#include "app/education/education_service.hpp"
#include "app/follow_ups/follow_up_service.hpp"
#include "app/help/help_service.hpp"
#include "app/linkage/linkage_service.hpp"
#include "app/meetings/meeting_service.hpp"
#include "app/obligations/obligation_service.hpp"
#include "app/organisation/organisation_service.hpp"
#include "app/person/person_service.hpp"
#include "app/publicity/publicity_service.hpp"
#include "app/supervision/supervision_service.hpp"
// Issue 8, helper D.
#include "app/outings/outing_service.hpp"
#include "app/warnings/warning_service.hpp"
// Issue 9, helper D.
#include "app/needs/needs_service.hpp"
// Issue 9: employment and resettlement.
#include "app/employment/employment_service.hpp"
// Issue 9, helper C.
#include "app/bases/base_service.hpp"
#include "app/trainings/training_service.hpp"
// Issue 9: social assistance.
#include "app/assistance/assistance_service.hpp"
// Issue 10: the hardship allowance.
#include "app/allowance/allowance_service.hpp"

namespace anbang::app {

struct Services {
  Services(store::Database& db, const platform::Clock& clock, Config config)
      : core(db, clock, config),
        classification(core),
        obligations(core),
        auth(core),
        admin(core, auth),
        persons(core),
        supervision(core),
        linkage(core, supervision),
        meetings(core, obligations),
        audit(core),
        help(core),
        warnings(core, supervision),
        outings(core),
        follow_ups(core, classification),
        organisation(core),
        education(core, obligations),
        publicity(core),
        needs(core),
        employment(core),
        bases(core, obligations),
        trainings(core, obligations),
        assistance(core),
        allowance(core) {}

  Core core;
  ClassificationService classification;  // consequence 1: the class
  ObligationService obligations;          // consequence 2: the tasks
  AuthService auth;
  AdminService admin;
  PersonService persons;
  SupervisionService supervision;
  LinkageService linkage;
  MeetingService meetings;
  AuditViewService audit;
  HelpService help;              // R-ORG-3, R-ORG-4, R-ORG-5
  WarningService warnings;       // R-WRN-1, re-offending
  OutingService outings;         // R-OUT-1
  FollowUpService follow_ups;    // the visit log and full reviews (R-VIS, R-REV, R-LOST-1)
  OrganisationService organisation;  // R-ORG-1: the "1112" unit groups
  EducationService education;        // R-EDU-1
  PublicityService publicity;        // R-PUB-1
  NeedsService needs;                // issue 9 item 1 (needs list), R-INS-1 (insurance)
  EmploymentService employment;      // R-EMP-1, R-EMP-3, 安置情况 (consequence 3: the resettlement)
  BaseService bases;                 // R-BASE-1 (issue 9, helper C)
  TrainingService trainings;         // R-EMP-2 (issue 9, helper C)
  AssistanceService assistance;      // R-AID-1..6: social assistance applications and referrals
  AllowanceService allowance;        // R-ALW-1..6: the hardship allowance
};

// Creates reference data (code tables, permissions, built-in roles) and the organisation tree of
// district 500153 (townships, judicial offices, police stations, detention centre, departments)
// when missing. Idempotent.
Status bootstrap(store::Database& db, std::int64_t now);

// Demo district: villages, staff users for each unit and role, `persons` released persons.
// Deterministic. Refuses to run twice on one database.
struct DemoSummary {
  int villages = 0, users = 0, persons = 0;
};
Result<DemoSummary> seed_demo(Services& app, int persons, std::uint64_t seed);

}  // namespace anbang::app
