-- Issue 8, helper B: the "1112" unit groups (R-ORG-1), education (R-EDU-1) and publicity (R-PUB-1).

-- R-ORG-1: the district's leading group and its office (区安帮办), each township's leading group,
-- each village/community's working group. One group of a kind per unit.
CREATE TABLE org_groups (
  id             INTEGER PRIMARY KEY,
  unit_id        INTEGER NOT NULL REFERENCES units(id),
  kind           TEXT    NOT NULL CHECK (kind IN ('leading_group', 'office', 'working_group')),
  name           TEXT    NOT NULL,
  established_on TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  created_by     INTEGER REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  UNIQUE (unit_id, kind)
);

-- A member's time in a group: joined_on, and left_on once they left (history is kept).
CREATE TABLE org_group_members (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES org_groups(id),
  name       TEXT    NOT NULL,
  position   TEXT    NOT NULL DEFAULT '',
  role       TEXT    NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
  phone      TEXT    NOT NULL DEFAULT '',
  joined_on  TEXT    NOT NULL,
  left_on    TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX org_group_members_group ON org_group_members(group_id);

-- R-EDU-1: the district's calendar of holidays, politically sensitive periods and major events
-- (policy data, dated).
CREATE TABLE education_events (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('holiday', 'sensitive_period', 'major_event')),
  starts_on  TEXT    NOT NULL,
  ends_on    TEXT    NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX education_events_start ON education_events(starts_on);

-- R-EDU-1: an education session held by a unit; `targeted` marks targeted legal education, linked
-- to a calendar event when event_id is set.
CREATE TABLE education_sessions (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  held_on    TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('thought', 'legal', 'moral', 'cultural')),
  topic      TEXT    NOT NULL,
  speaker    TEXT    NOT NULL DEFAULT '',
  note       TEXT    NOT NULL DEFAULT '',
  targeted   INTEGER NOT NULL DEFAULT 0,
  event_id   INTEGER REFERENCES education_events(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX education_sessions_unit ON education_sessions(unit_id, held_on);

CREATE TABLE education_attendance (
  session_id INTEGER NOT NULL REFERENCES education_sessions(id),
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  attended   INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX education_attendance_person ON education_attendance(person_id);

-- R-EDU-1: an individual talk (个别谈话) with one person.
CREATE TABLE education_talks (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  unit_id    INTEGER REFERENCES units(id),
  held_on    TEXT    NOT NULL,
  talked_by  TEXT    NOT NULL,
  topic      TEXT    NOT NULL,
  summary    TEXT    NOT NULL DEFAULT '',
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX education_talks_person ON education_talks(person_id, held_on);

-- R-PUB-1: a person's recorded consent to the publicity of their case; `scope` internal covers
-- internal publicity, public_media both.
CREATE TABLE publicity_consents (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  given_on    TEXT    NOT NULL,
  scope       TEXT    NOT NULL CHECK (scope IN ('internal', 'public_media')),
  valid_until TEXT,
  note        TEXT    NOT NULL DEFAULT '',
  user_id     INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX publicity_consents_person ON publicity_consents(person_id);

-- R-PUB-1: a unit's good practice (person_id NULL) or a person's exemplary case; `public_text` is
-- the de-identified text of a case (public_title its title), fixed when it is published.
CREATE TABLE publicity_items (
  id           INTEGER PRIMARY KEY,
  kind         TEXT    NOT NULL CHECK (kind IN ('good_practice', 'exemplary_case')),
  unit_id      INTEGER NOT NULL REFERENCES units(id),
  person_id    INTEGER REFERENCES persons(id),
  category     TEXT    NOT NULL DEFAULT '',
  title        TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  happened_on  TEXT    NOT NULL,
  channel      TEXT    NOT NULL CHECK (channel IN ('internal', 'public_media')),
  state        TEXT    NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published')),
  public_title TEXT    NOT NULL DEFAULT '',
  public_text  TEXT    NOT NULL DEFAULT '',
  published_by INTEGER REFERENCES users(id),
  published_at INTEGER,
  user_id      INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX publicity_items_unit ON publicity_items(unit_id);
