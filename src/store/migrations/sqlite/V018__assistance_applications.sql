-- R-AID-1..6 (issue 9, item 2): social assistance applications. The judicial office records an
-- application for a released person — its kind, the day it is made, the facts it states (facts: a
-- JSON object of domain::AidFacts, a missing key = not known) and its addressee: the household-
-- registration township (R-JUR-1, whose officers act as its civil-affairs office), a department or a
-- school (school_name; decided through the education department). deciding_unit_id is the unit that
-- decides and the only department that sees it. The decider answers: acceptance, a request for
-- documents (documents_missing), and the decision — granted (amount_fen a month, granted_from,
-- granted_to) or refused (refusal_reason). answered_on is the first answer of any of them (the
-- referral task, rules/assistance.cpp). A granted 低保 (kind dibao) is a benefit with its dates
-- (store::dibao_periods; the hardship allowance of R-ALW-4 reads it).
CREATE TABLE assistance_applications (
  id                     INTEGER PRIMARY KEY,
  person_id              INTEGER NOT NULL REFERENCES persons(id),
  kind                   TEXT    NOT NULL CHECK (kind IN ('dibao', 'tekun', 'medical', 'education', 'housing',
                                                          'temporary')),
  applied_on             TEXT    NOT NULL,
  addressee              TEXT    NOT NULL CHECK (addressee IN ('township', 'department', 'school')),
  deciding_unit_id       INTEGER NOT NULL REFERENCES units(id),
  school_name            TEXT    NOT NULL DEFAULT '',
  request                TEXT    NOT NULL DEFAULT '',
  facts                  TEXT    NOT NULL DEFAULT '{}',
  state                  TEXT    NOT NULL DEFAULT 'referred'
                         CHECK (state IN ('referred', 'accepted', 'documents_requested', 'granted', 'refused')),
  answered_on            TEXT,
  accepted_on            TEXT,
  documents_requested_on TEXT,
  documents_missing      TEXT    NOT NULL DEFAULT '',
  decided_on             TEXT,
  amount_fen             INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
  granted_from           TEXT,
  granted_to             TEXT,
  refusal_reason         TEXT    NOT NULL DEFAULT '',
  decided_by             INTEGER REFERENCES users(id),
  unit_id                INTEGER REFERENCES units(id),
  user_id                INTEGER REFERENCES users(id),
  created_at             INTEGER NOT NULL
);
CREATE INDEX assistance_person ON assistance_applications(person_id, applied_on);
CREATE INDEX assistance_decider ON assistance_applications(deciding_unit_id, state);

-- Each answer of the decider, in order (the referral's history): accepted, documents_requested,
-- granted, refused, with its day, its words and who recorded it.
CREATE TABLE assistance_steps (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES assistance_applications(id),
  step           TEXT    NOT NULL CHECK (step IN ('accepted', 'documents_requested', 'granted', 'refused')),
  on_date        TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  unit_id        INTEGER REFERENCES units(id),
  user_id        INTEGER REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX assistance_steps_application ON assistance_steps(application_id, id);
