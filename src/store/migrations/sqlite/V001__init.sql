-- V001: organisation, users and access, code tables, the person file, timeline, audit.
-- Times of events are Unix seconds (UTC); legal dates are ISO text 'YYYY-MM-DD' (Asia/Shanghai).

CREATE TABLE units (
  id           INTEGER PRIMARY KEY,
  parent_id    INTEGER REFERENCES units(id),
  code         TEXT    NOT NULL UNIQUE,
  name         TEXT    NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('district','township','village','judicial_office',
                                                'police_station','detention_centre','prison','department')),
  subkind      TEXT    NOT NULL DEFAULT '',
  -- the unit of the tree whose persons this unit serves (itself for tree units, the township for a
  -- judicial office or police station, the district for district-level units; NULL for prisons)
  area_unit_id INTEGER REFERENCES units(id),
  active       INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE permissions (
  code     TEXT PRIMARY KEY,
  resource TEXT NOT NULL,
  action   TEXT NOT NULL,
  name     TEXT NOT NULL
);

CREATE TABLE roles (
  id    INTEGER PRIMARY KEY,
  code  TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('none','own','subtree','district'))
);

CREATE TABLE role_permissions (
  role_id    INTEGER NOT NULL REFERENCES roles(id),
  permission TEXT    NOT NULL REFERENCES permissions(code),
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT    NOT NULL UNIQUE,
  display_name         TEXT    NOT NULL,
  phone                TEXT    NOT NULL DEFAULT '',
  unit_id              INTEGER NOT NULL REFERENCES units(id),
  role_id              INTEGER NOT NULL REFERENCES roles(id),
  password_hash        TEXT    NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  active               INTEGER NOT NULL DEFAULT 1,
  failed_logins        INTEGER NOT NULL DEFAULT 0,
  locked_until         INTEGER,
  last_login_at        INTEGER,
  created_at           INTEGER NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

CREATE TABLE sessions (
  token_digest TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ip           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE ethnic_groups (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  letter_code TEXT NOT NULL DEFAULT ''
);

CREATE TABLE education_levels (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  parent_code TEXT
);

CREATE TABLE charges (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE,
  chapter      INTEGER NOT NULL,
  chapter_name TEXT    NOT NULL,
  section      INTEGER,
  section_name TEXT    NOT NULL DEFAULT '',
  article      TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE persons (
  id                      INTEGER PRIMARY KEY,
  name                    TEXT    NOT NULL,
  former_names            TEXT    NOT NULL DEFAULT '',
  pinyin_keys             TEXT    NOT NULL DEFAULT '',
  gender                  TEXT    NOT NULL,
  ethnic_code             TEXT    REFERENCES ethnic_groups(code),
  id_number               TEXT    UNIQUE,
  identity_verified       INTEGER NOT NULL DEFAULT 1,
  birth_date              TEXT,
  education_code          TEXT    REFERENCES education_levels(code),
  household_unit_id       INTEGER NOT NULL REFERENCES units(id),
  household_address       TEXT    NOT NULL DEFAULT '',
  residence_unit_id       INTEGER NOT NULL REFERENCES units(id),
  residence_address       TEXT    NOT NULL DEFAULT '',
  charge_ids              TEXT    NOT NULL DEFAULT '[]',
  main_charge_id          INTEGER REFERENCES charges(id),
  sentence_type           TEXT    NOT NULL DEFAULT '',
  sentence_months         INTEGER,
  release_date            TEXT    NOT NULL,
  release_kind            TEXT    NOT NULL CHECK (release_kind IN ('prison','detention_centre','community_correction')),
  releasing_authority     TEXT    NOT NULL DEFAULT '',
  assistance_end_date     TEXT    NOT NULL,
  family_contact_name     TEXT    NOT NULL DEFAULT '',
  family_contact_relation TEXT    NOT NULL DEFAULT '',
  family_contact_phone    TEXT    NOT NULL DEFAULT '',
  phone                   TEXT    NOT NULL DEFAULT '',
  version                 INTEGER NOT NULL DEFAULT 1,
  created_by              INTEGER REFERENCES users(id),
  created_at              INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL
);
-- (unit, release date, end date) cover the scope, unit and status filters of the person search,
-- so that counting and paging read the index only.
CREATE INDEX persons_household ON persons(household_unit_id, release_date, assistance_end_date);
CREATE INDEX persons_residence ON persons(residence_unit_id, release_date, assistance_end_date);
CREATE INDEX persons_release   ON persons(release_date);
CREATE INDEX persons_name      ON persons(name);

CREATE TABLE person_events (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  at        INTEGER NOT NULL,
  kind      TEXT    NOT NULL,
  user_id   INTEGER REFERENCES users(id),
  unit_id   INTEGER REFERENCES units(id),
  summary   TEXT    NOT NULL,
  detail    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX person_events_person ON person_events(person_id, at);

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  user_id      INTEGER,
  username     TEXT    NOT NULL DEFAULT '',
  unit_id      INTEGER,
  unit_name    TEXT    NOT NULL DEFAULT '',
  ip           TEXT    NOT NULL DEFAULT '',
  action       TEXT    NOT NULL,
  object_type  TEXT    NOT NULL DEFAULT '',
  object_id    INTEGER,
  object_label TEXT    NOT NULL DEFAULT '',
  detail       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_at     ON audit_log(at);
CREATE INDEX audit_user   ON audit_log(username, at);
CREATE INDEX audit_action ON audit_log(action, at);
CREATE INDEX audit_object ON audit_log(object_type, object_id, at);

-- The audit log is append-only, also against direct SQL through the application's connection.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
