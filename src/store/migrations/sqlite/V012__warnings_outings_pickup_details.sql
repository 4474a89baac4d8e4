-- R-WRN-1: a report of signs of re-offending (预警), the preventive measures taken and the notice to
-- the police station of the person's residence township (police_unit_id, known when the report is
-- made; notified_on and the receiving officer once the notice is given). An open warning is an
-- input of the class (R-CLS-1, a helper's report: tendency to re-offend) until it is lifted with a
-- date and a reason (state lifted).
CREATE TABLE warnings (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES persons(id),
  sign_kind        TEXT    NOT NULL CHECK (sign_kind IN ('threat', 'conflict', 'bad_company', 'drugs',
                                                         'gambling', 'unstable', 'other')),
  signs            TEXT    NOT NULL,
  observed_on      TEXT    NOT NULL,
  measures         TEXT    NOT NULL DEFAULT '',
  police_unit_id   INTEGER REFERENCES units(id),
  notified_on      TEXT,
  notified_officer TEXT    NOT NULL DEFAULT '',
  state            TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'lifted')),
  lifted_on        TEXT,
  lift_reason      TEXT    NOT NULL DEFAULT '',
  lifted_by        INTEGER REFERENCES users(id),
  unit_id          INTEGER REFERENCES units(id),
  user_id          INTEGER REFERENCES users(id),
  created_at       INTEGER NOT NULL
);
CREATE INDEX warnings_person ON warnings(person_id, observed_on);
CREATE INDEX warnings_police ON warnings(police_unit_id, state);

-- R-WRN-1, R-PER-1: a re-offence (重新犯罪). It ends the assistance period through the new sentence
-- (custody_intervals kind new_sentence, custody_id); the row itself is kept for the re-offending rate:
-- the offence date and the period it fell in (period_release_date = that period's release date,
-- in_period = the offence was within it).
CREATE TABLE reoffences (
  id                  INTEGER PRIMARY KEY,
  person_id           INTEGER NOT NULL REFERENCES persons(id),
  offence_on          TEXT    NOT NULL,
  custody_on          TEXT    NOT NULL,
  charge_id           INTEGER NOT NULL REFERENCES charges(id),
  authority           TEXT    NOT NULL,
  note                TEXT    NOT NULL DEFAULT '',
  period_release_date TEXT    NOT NULL,
  in_period           INTEGER NOT NULL,
  custody_id          INTEGER REFERENCES custody_intervals(id),
  unit_id             INTEGER REFERENCES units(id),
  user_id             INTEGER REFERENCES users(id),
  created_at          INTEGER NOT NULL
);
CREATE INDEX reoffences_person ON reoffences(person_id);
CREATE INDEX reoffences_offence ON reoffences(offence_on);

-- R-OUT-1: going out for work (外出务工). The destination is an area unit of the system
-- (destination_unit_id, whose judicial office destination_office_id is notified and may record
-- visits while the outing is active) or an address elsewhere with its GB/T 2260 division code.
-- Returning ends the record (returned_on).
CREATE TABLE outings (
  id                    INTEGER PRIMARY KEY,
  person_id             INTEGER NOT NULL REFERENCES persons(id),
  destination_unit_id   INTEGER REFERENCES units(id),
  destination_office_id INTEGER REFERENCES units(id),
  division_code         TEXT    NOT NULL DEFAULT '',
  address               TEXT    NOT NULL DEFAULT '',
  employer              TEXT    NOT NULL DEFAULT '',
  contact               TEXT    NOT NULL DEFAULT '',
  phone                 TEXT    NOT NULL DEFAULT '',
  left_on               TEXT    NOT NULL,
  expected_return       TEXT    NOT NULL,
  returned_on           TEXT,
  note                  TEXT    NOT NULL DEFAULT '',
  unit_id               INTEGER REFERENCES units(id),
  user_id               INTEGER REFERENCES users(id),
  created_at            INTEGER NOT NULL,
  CHECK (destination_unit_id IS NOT NULL OR division_code <> '')
);
CREATE INDEX outings_person ON outings(person_id, left_on);
CREATE INDEX outings_office ON outings(destination_office_id, returned_on);

-- R-PCK-1/2 details: the pick-up party as a list (JSON array of {name, unit, role}), vehicle,
-- headcount, time of day, the handover signed with the prison or detention centre (NULL = not
-- recorded, as for rows entered before) and by whom at the sender's side, and the outcome: a failed
-- pick-up (not_met, the person not met) with what was done next does not fulfil the pick-up task.
-- Rows entered before keep their team text, an empty party and outcome met.
ALTER TABLE pickups ADD COLUMN party TEXT NOT NULL DEFAULT '[]';
ALTER TABLE pickups ADD COLUMN vehicle TEXT NOT NULL DEFAULT '';
ALTER TABLE pickups ADD COLUMN headcount INTEGER;
ALTER TABLE pickups ADD COLUMN picked_at TEXT NOT NULL DEFAULT '';
ALTER TABLE pickups ADD COLUMN handover_signed INTEGER;
ALTER TABLE pickups ADD COLUMN handover_by TEXT NOT NULL DEFAULT '';
ALTER TABLE pickups ADD COLUMN outcome TEXT NOT NULL DEFAULT 'met' CHECK (outcome IN ('met', 'not_met'));
ALTER TABLE pickups ADD COLUMN next_steps TEXT NOT NULL DEFAULT '';
