-- R-EMP-1: the person's employment status over time (就业状况). Each row is a dated entry; the
-- current one is the latest by since (then id). employer and job for kind employed; a person not
-- working may be supported by the family (亲属供养) and may carry the recorded reason why they are
-- not resettled (未安置原因; the kind gives it when none is recorded, domain/resettlement).
CREATE TABLE employment_statuses (
  id                  INTEGER PRIMARY KEY,
  person_id           INTEGER NOT NULL REFERENCES persons(id),
  kind                TEXT    NOT NULL CHECK (kind IN ('employed', 'self_employed', 'in_base', 'farming',
                                                       'unable_to_work', 'seeking_work', 'not_willing',
                                                       'unknown')),
  since               TEXT    NOT NULL,
  employer            TEXT    NOT NULL DEFAULT '',
  job                 TEXT    NOT NULL DEFAULT '',
  supported_by_family INTEGER NOT NULL DEFAULT 0,
  reason              TEXT    NOT NULL DEFAULT '' CHECK (reason IN ('', 'seeking_work', 'unable_to_work',
                                                                   'unwilling', 'not_reached', 'other')),
  note                TEXT    NOT NULL DEFAULT '',
  unit_id             INTEGER REFERENCES units(id),
  user_id             INTEGER REFERENCES users(id),
  created_at          INTEGER NOT NULL
);
CREATE INDEX employment_statuses_person ON employment_statuses(person_id, since, id);

-- R-EMP-1: free public employment services given (就业服务): advice, guidance, a job introduction
-- (with the employer and its result), by a provider unit (a department, a judicial office, a
-- township).
CREATE TABLE employment_services (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES persons(id),
  kind             TEXT    NOT NULL CHECK (kind IN ('advice', 'guidance', 'job_introduction')),
  given_on         TEXT    NOT NULL,
  provider_unit_id INTEGER NOT NULL REFERENCES units(id),
  employer         TEXT    NOT NULL DEFAULT '',
  result           TEXT    NOT NULL DEFAULT '' CHECK (result IN ('', 'hired', 'not_hired', 'pending')),
  note             TEXT    NOT NULL DEFAULT '',
  unit_id          INTEGER REFERENCES units(id),
  user_id          INTEGER REFERENCES users(id),
  created_at       INTEGER NOT NULL
);
CREATE INDEX employment_services_person ON employment_services(person_id, given_on);

-- R-EMP-3: benefits (就业扶持) with the source department, the amount in fen and the dates; a
-- guaranteed micro-loan names its lender, a subsidy to an enterprise that hires the person names the
-- enterprise.
CREATE TABLE employment_benefits (
  id                 INTEGER PRIMARY KEY,
  person_id          INTEGER NOT NULL REFERENCES persons(id),
  kind               TEXT    NOT NULL CHECK (kind IN ('social_insurance_subsidy', 'job_subsidy',
                                                      'entrepreneurship_training', 'micro_loan',
                                                      'tax_incentive', 'hiring_subsidy')),
  department_unit_id INTEGER NOT NULL REFERENCES units(id),
  amount_fen         INTEGER NOT NULL CHECK (amount_fen >= 0),
  from_on            TEXT    NOT NULL,
  to_on              TEXT,
  lender             TEXT    NOT NULL DEFAULT '',
  enterprise         TEXT    NOT NULL DEFAULT '',
  note               TEXT    NOT NULL DEFAULT '',
  unit_id            INTEGER REFERENCES units(id),
  user_id            INTEGER REFERENCES users(id),
  created_at         INTEGER NOT NULL
);
CREATE INDEX employment_benefits_person ON employment_benefits(person_id, from_on);

-- 安置情况 (issue 9 item 8), derived by domain/resettlement from the facts and kept here by the
-- consequence every change to a person's records runs (like key_subject), so the person list can
-- filter on it. A person with no facts recorded is not resettled, reason not_recorded.
ALTER TABLE persons ADD COLUMN resettlement TEXT NOT NULL DEFAULT 'not_resettled';
ALTER TABLE persons ADD COLUMN resettlement_reason TEXT NOT NULL DEFAULT 'not_recorded';
CREATE INDEX persons_resettlement ON persons(resettlement);
