-- Issue 9, helper C: transitional resettlement bases (R-BASE-1) and human resources' skills
-- trainings (R-EMP-2).

-- R-BASE-1: the district base (kind 'district', unit = the district, run by the judicial
-- administration) and the enterprise bases of each township (kind 'enterprise', unit = the township).
CREATE TABLE resettlement_bases (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL CHECK (kind IN ('district', 'enterprise')),
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  name          TEXT    NOT NULL,
  enterprise    TEXT    NOT NULL DEFAULT '',
  address       TEXT    NOT NULL DEFAULT '',
  contact_name  TEXT    NOT NULL DEFAULT '',
  contact_phone TEXT    NOT NULL DEFAULT '',
  note          TEXT    NOT NULL DEFAULT '',
  created_by    INTEGER REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX resettlement_bases_unit ON resettlement_bases(unit_id);

-- A base's agreements (协议), never overlapping: valid_from..valid_to inclusive, the places
-- (capacity > 0) and the services, a comma-separated subset of lodging,work,training,counselling.
CREATE TABLE base_agreements (
  id         INTEGER PRIMARY KEY,
  base_id    INTEGER NOT NULL REFERENCES resettlement_bases(id),
  signed_on  TEXT    NOT NULL,
  valid_from TEXT    NOT NULL,
  valid_to   TEXT    NOT NULL CHECK (valid_to >= valid_from),
  capacity   INTEGER NOT NULL CHECK (capacity > 0),
  services   TEXT    NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX base_agreements_base ON base_agreements(base_id, valid_from);

-- A person's placement in a base: placed_on, and ended_on (the day they left) once ended. A person
-- holds at most one active placement; a base's active placements never exceed its capacity
-- (checked with the insert in one write transaction).
CREATE TABLE base_placements (
  id         INTEGER PRIMARY KEY,
  base_id    INTEGER NOT NULL REFERENCES resettlement_bases(id),
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  placed_on  TEXT    NOT NULL,
  ended_on   TEXT,
  end_reason TEXT    NOT NULL DEFAULT '',
  note       TEXT    NOT NULL DEFAULT '',
  unit_id    INTEGER REFERENCES units(id),
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  ended_by   INTEGER REFERENCES users(id),
  CHECK (ended_on IS NULL OR ended_on >= placed_on)
);
CREATE INDEX base_placements_base ON base_placements(base_id, ended_on);
CREATE INDEX base_placements_person ON base_placements(person_id, placed_on);
CREATE UNIQUE INDEX base_placements_one_active ON base_placements(person_id) WHERE ended_on IS NULL;

-- R-EMP-2: a free targeted skills training held by human resources (unit = the department).
CREATE TABLE skills_trainings (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  programme  TEXT    NOT NULL,
  provider   TEXT    NOT NULL DEFAULT '',
  address    TEXT    NOT NULL DEFAULT '',
  starts_on  TEXT    NOT NULL,
  ends_on    TEXT    NOT NULL CHECK (ends_on >= starts_on),
  places     INTEGER NOT NULL CHECK (places > 0),
  note       TEXT    NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX skills_trainings_start ON skills_trainings(starts_on);

-- A person enrolled by a judicial office (unit_id); attended is NULL until human resources records
-- the attendance, certificate the number of the certificate issued ('' for none).
CREATE TABLE training_enrolments (
  id          INTEGER PRIMARY KEY,
  training_id INTEGER NOT NULL REFERENCES skills_trainings(id),
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  unit_id     INTEGER REFERENCES units(id),
  attended    INTEGER,
  certificate TEXT    NOT NULL DEFAULT '',
  recorded_at INTEGER,
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  UNIQUE (training_id, person_id)
);
CREATE INDEX training_enrolments_person ON training_enrolments(person_id);
