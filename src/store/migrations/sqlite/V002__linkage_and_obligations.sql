-- V002 (issue 3): linkage documents, classification history, pick-up, registration, assistance
-- periods and custody, follow-ups, meetings, transfers, dated policy parameters, computed tasks.

-- Dated policy parameters: a district changes a parameter from a date on (src/rules/policy.hpp
-- names them and their defaults; a parameter without a row keeps its default).
CREATE TABLE policy_params (
  id             INTEGER PRIMARY KEY,
  name           TEXT    NOT NULL,
  value          TEXT    NOT NULL,
  effective_from TEXT    NOT NULL,
  created_by     INTEGER REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  UNIQUE (name, effective_from)
);

-- Linkage documents (R-LNK-1..4), received electronically or entered by hand from mail. `data`
-- holds the form's fields as JSON per `form_version`, so a later form change keeps older records
-- readable. `event_date` is what the document's deadline hangs on: the date received into custody
-- (registration form), the release date (release notice).
CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  kind             TEXT    NOT NULL CHECK (kind IN ('registration_form', 'verification_feedback', 'release_notice',
                                                   'reception_arrangement', 'family_change', 'family_help')),
  form_version     INTEGER NOT NULL DEFAULT 1,
  person_id        INTEGER REFERENCES persons(id),
  sender_unit_id   INTEGER REFERENCES units(id),
  receiver_unit_id INTEGER REFERENCES units(id),
  channel          TEXT    NOT NULL DEFAULT 'electronic' CHECK (channel IN ('electronic', 'mail')),
  replies_to       INTEGER REFERENCES documents(id),
  event_date       TEXT,
  sent_on          TEXT,
  received_on      TEXT,
  data             TEXT    NOT NULL DEFAULT '{}',
  entered_by       INTEGER REFERENCES users(id),
  created_at       INTEGER NOT NULL
);
CREATE INDEX documents_person   ON documents(person_id, kind);
CREATE INDEX documents_receiver ON documents(receiver_unit_id, kind, received_on);
CREATE INDEX documents_sender   ON documents(sender_unit_id, kind, sent_on);
CREATE INDEX documents_reply    ON documents(replies_to);

-- R-PER-1: assistance periods. Re-entry into prison or a new sentence ends the current period;
-- a later release starts a new one. The person's release_date/assistance_end_date are the current
-- period's (kept for search).
CREATE TABLE assistance_periods (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES persons(id),
  release_date TEXT    NOT NULL,
  release_kind TEXT    NOT NULL,
  end_date     TEXT    NOT NULL,
  ended_on     TEXT,
  end_reason   TEXT    NOT NULL DEFAULT '' CHECK (end_reason IN ('', 'expired', 'new_sentence', 'death', 'other')),
  created_at   INTEGER NOT NULL
);
CREATE INDEX periods_person ON assistance_periods(person_id, release_date);

-- Days in custody after release (detention, a new case): not counted as under assistance.
CREATE TABLE custody_intervals (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  from_date TEXT    NOT NULL,
  to_date   TEXT,
  reason    TEXT    NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX custody_person ON custody_intervals(person_id, from_date);

-- R-CLS-3: every change of class, with its reason and the records behind it.
CREATE TABLE class_history (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  from_date  TEXT    NOT NULL,
  key_subject INTEGER NOT NULL,
  reason     TEXT    NOT NULL,
  detail     TEXT    NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);
CREATE INDEX class_history_person ON class_history(person_id, from_date);

-- R-PCK-1, R-PCK-2: who picked the person up, when and where.
CREATE TABLE pickups (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  picked_on  TEXT    NOT NULL,
  place      TEXT    NOT NULL DEFAULT '',
  team       TEXT    NOT NULL DEFAULT '',
  kind       TEXT    NOT NULL CHECK (kind IN ('township_team', 'family')),
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX pickups_person ON pickups(person_id);

-- R-REG-1: registration (报到) at the household-registration judicial office.
CREATE TABLE registrations (
  id                 INTEGER PRIMARY KEY,
  person_id          INTEGER NOT NULL REFERENCES persons(id),
  registered_on      TEXT    NOT NULL,
  certificate_no     TEXT    NOT NULL DEFAULT '',
  policies_explained INTEGER NOT NULL DEFAULT 0,
  needs              TEXT    NOT NULL DEFAULT '{}',
  unit_id            INTEGER REFERENCES units(id),
  user_id            INTEGER REFERENCES users(id),
  created_at         INTEGER NOT NULL
);
CREATE INDEX registrations_person ON registrations(person_id, registered_on);

-- R-VIS-1, R-VIS-2 (visits) and R-REV-1 (full reviews of key subjects).
CREATE TABLE follow_ups (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  kind       TEXT    NOT NULL CHECK (kind IN ('visit', 'review')),
  held_on    TEXT    NOT NULL,
  form       TEXT    NOT NULL DEFAULT '',
  situation  TEXT    NOT NULL DEFAULT '',
  findings   TEXT    NOT NULL DEFAULT '',
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX follow_ups_person ON follow_ups(person_id, kind, held_on);

-- R-MTG-1..3: joint meetings and liaison meetings.
CREATE TABLE meetings (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  kind       TEXT    NOT NULL CHECK (kind IN ('district_joint', 'township_joint', 'liaison')),
  held_on    TEXT    NOT NULL,
  topic      TEXT    NOT NULL DEFAULT '',
  attendees  TEXT    NOT NULL DEFAULT '',
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX meetings_unit ON meetings(unit_id, kind, held_on);

-- R-JUR-1, R-JUR-2: moving a person is a transfer the receiving unit accepts; until then the
-- sending unit keeps the duties.
CREATE TABLE transfers (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES persons(id),
  kind         TEXT    NOT NULL CHECK (kind IN ('residence', 'household', 'identity_established')),
  from_unit_id INTEGER NOT NULL REFERENCES units(id),
  to_unit_id   INTEGER NOT NULL REFERENCES units(id),
  state        TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected', 'withdrawn')),
  reason       TEXT    NOT NULL DEFAULT '',
  requested_by INTEGER REFERENCES users(id),
  requested_at INTEGER NOT NULL,
  decided_by   INTEGER REFERENCES users(id),
  decided_at   INTEGER,
  decision_note TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX transfers_person ON transfers(person_id, state);
CREATE INDEX transfers_to     ON transfers(to_unit_id, state);

-- Tasks computed by the obligation engine (src/rules/), materialised for the workbench's queries.
-- `state` is what the engine computed for `computed_on`; "overdue" is re-derived at query time
-- from `due` and today, so a task never needs a job to turn overdue.
CREATE TABLE tasks (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER REFERENCES persons(id),
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  rule          TEXT    NOT NULL,
  task_key      TEXT    NOT NULL,
  window_from   TEXT    NOT NULL,
  due           TEXT    NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('open', 'done', 'not_applicable')),
  fulfilled_on  TEXT,
  computed_on   TEXT    NOT NULL,
  UNIQUE (person_id, task_key)
);
CREATE INDEX tasks_unit_due  ON tasks(unit_id, state, due);
-- (lookups by person use the UNIQUE (person_id, task_key) index)

ALTER TABLE persons ADD COLUMN key_subject INTEGER NOT NULL DEFAULT 0;
ALTER TABLE persons ADD COLUMN whereabouts_unknown INTEGER NOT NULL DEFAULT 0;
CREATE INDEX persons_key ON persons(key_subject);
