export default {
  page: 'Policy parameters',
  hint: 'A value applies from its effective date: deadlines use the value in force on the day the duty arises, periods change at the next period boundary. Changing a value recomputes every person’s tasks.',
  col: {
    param: 'Parameter',
    explanation: 'Meaning',
    current: 'Current value',
    from: 'Effective from',
    entries: 'Dated values',
    actions: 'Actions',
  },
  byDefault: 'Default',
  upcoming: 'Upcoming',
  entry: '{value} (from {date})',
  edit: 'Change',
  editTitle: 'Change policy parameter: {label}',
  value: 'Value',
  effectiveFrom: 'Effective from',
  confirm: 'Every person’s tasks will be recomputed. Continue?',
  saved: 'Changed; effective from {date}',
  job: {
    running: 'Recomputing every person\'s tasks in the background: {done} of {total} persons done',
    done: 'Every person\'s tasks follow the new value ({total} persons)',
    failed: 'Recomputing the tasks failed; change the value again later or contact the administrator',
  },
  unknown: '(no description of this parameter on this page)',
  words: {
    month: 'Monthly',
    quarter: 'Quarterly',
    half_year: 'Half-yearly',
    none: 'None',
    all: 'All three hold',
    any: 'Any one holds',
  },
  params: {
    assistance_years_custody: {
      label: 'Assistance period (after prison or detention)',
      help: 'Years of assistance from the release day for persons released from a prison or detention centre (R-PER-1).',
      unit: 'years',
    },
    assistance_years_correction: {
      label: 'Assistance period (after community correction)',
      help: 'Years of assistance from the end of community correction (R-PER-1).',
      unit: 'years',
    },
    registration_days: {
      label: 'Registration deadline',
      help: 'Days from the release day within which the person registers at the household judicial office (R-REG-1).',
      unit: 'days',
    },
    linkage_form_months: {
      label: 'Registration form deadline',
      help: 'Months from the receipt into custody within which the custody unit sends the registration form (R-LNK-1).',
      unit: 'months',
    },
    verification_feedback_months: {
      label: 'Verification feedback deadline',
      help: 'Months from receiving the form within which the judicial office feeds back its verification (R-LNK-2).',
      unit: 'months',
    },
    release_notice_months_before: {
      label: 'Release notice lead time',
      help: 'Months before release by which the custody unit sends the release notice (R-LNK-4).',
      unit: 'months',
    },
    reception_feedback_days: {
      label: 'Reception arrangement deadline',
      help: 'Days from receiving the release notice within which the judicial office feeds back its reception arrangement, never after the release day (R-LNK-4).',
      unit: 'days',
    },
    family_help_days: {
      label: 'Family help deadline',
      help: 'Days from a report of a family in difficulty (or minor children) within which the township helps (R-LNK-3).',
      unit: 'days',
    },
    partial_period_min_days: {
      label: 'Minimum days for a period to count',
      help: 'A visit, review or meeting period brings a task only with at least this many days under assistance (or since the unit started) (R-VIS-1, R-VIS-2, R-REV-1, R-MTG).',
      unit: 'days',
    },
    general_visit_period: {
      label: 'Follow-up period, general subjects',
      help: 'General subjects are followed up at least once each period (R-VIS-1); a change applies from the next period on.',
    },
    key_visit_period: {
      label: 'Minimum follow-up period, key subjects',
      help: 'Key subjects are followed up at any time; this sets a minimum interval ("None": only the general period) (R-VIS-2).',
    },
    lost_contact_days: {
      label: 'Lost-contact warning days',
      help: 'Persons whose follow-up is overdue by more than this many days with nothing recorded since are listed as at risk of lost supervision (R-LOST-1).',
      unit: 'days',
    },
    three_none_mode: {
      label: '"Three nones" rule',
      help: 'No home, no job, no relatives: all three must hold, or any one is enough (R-CLS-2).',
    },
    backdate_limit_days: {
      label: 'Back-dating limit',
      help: 'How many days before the day of entry a record (pick-up, registration, visit, review, custody, help, meeting, verification feedback, reception arrangement) may be dated; a record dated before the day it is entered is shown as a late entry. The value in force on the day of entry applies.',
      unit: 'days',
    },
    help_group_days: {
      label: 'Help group deadline',
      help: 'Days from the registration within which a help group of at least 2 members is formed (R-ORG-3). The value in force on the registration date applies.',
      unit: 'days',
    },
    help_plan_days: {
      label: 'Help plan deadline',
      help: 'Days from the registration within which the first help plan is made (R-ORG-4). The value in force on the registration date applies.',
      unit: 'days',
    },
    help_plan_revision_days: {
      label: 'Help plan revision deadline',
      help: 'Days after each full review or change of class within which the help plan is revised (R-ORG-4). The value in force on the day of the review or change applies.',
      unit: 'days',
    },
    targeted_education_days: {
      label: 'Targeted legal education lead days',
      help: 'Each township holds a targeted legal-education session within this many days before each holiday, politically sensitive period or major event of the calendar (R-EDU-1). The value in force on the event\'s first day applies.',
      unit: 'days',
    },
    skills_trainings_per_year: {
      label: 'Skills trainings a year',
      help: 'The free targeted skills trainings human resources holds at least each calendar year (R-EMP-2). The value in force on 1 January of the year applies.',
      unit: 'trainings',
    },
    min_living_standard_urban_fen: {
      label: 'Urban minimum living standard',
      help: 'The district\'s urban minimum living standard, fen a month per person (74000 = 740 yuan). The minimum living allowance pre-check (R-AID-1) compares the family\'s per-capita income with the value in force on the application\'s date; the hardship allowance uses it too. Kept by the district after civil affairs publishes it.',
      unit: 'fen/person·month',
    },
    min_living_standard_rural_fen: {
      label: 'Rural minimum living standard',
      help: 'The district\'s rural minimum living standard, fen a month per person (60000 = 600 yuan), for the minimum living allowance pre-check (R-AID-1) on the application\'s date. Kept by the district after civil affairs publishes it.',
      unit: 'fen/person·month',
    },
    referral_answer_days: {
      label: 'Referral answer days',
      help: 'A social assistance application referred to a township or department is answered (accepted, documents asked for, or decided) within this many days; after that it is the deciding unit\'s overdue task, which the district sees (R-AID-1 to R-AID-6). The value in force on the day of the referral applies.',
      unit: 'days',
    },
  },
}
