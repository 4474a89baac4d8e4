-- V011 (issue 8): help groups (帮教小组, R-ORG-3, R-ORG-1 "at least 2 helpers", R-ORG-5) and help plans
-- (帮教方案, R-ORG-4) with help agreements (帮教协议).

-- One row per membership of one person's help group. A member is a user of the system (user_id,
-- name and unit copied from the user when added) or a named person (user_id NULL: name, unit or
-- relation, phone). A member is current from joined_on until the day before left_on; ending a
-- membership sets left_on and keeps the row (the history). is_contact marks the family member who
-- is the family contact person (家庭联系人, R-ORG-5).
CREATE TABLE help_members (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES persons(id),
  role             TEXT    NOT NULL CHECK (role IN ('police_officer', 'judicial_assistant', 'village_cadre',
                                                     'family_member', 'social_worker', 'volunteer')),
  user_id          INTEGER REFERENCES users(id),
  name             TEXT    NOT NULL,
  unit_or_relation TEXT    NOT NULL DEFAULT '',
  phone            TEXT    NOT NULL DEFAULT '',
  is_contact       INTEGER NOT NULL DEFAULT 0,
  joined_on        TEXT    NOT NULL,
  left_on          TEXT,
  left_reason      TEXT    NOT NULL DEFAULT '',
  unit_id          INTEGER REFERENCES units(id),
  created_by       INTEGER REFERENCES users(id),
  created_at       INTEGER NOT NULL,
  ended_by         INTEGER REFERENCES users(id),
  ended_at         INTEGER
);
CREATE INDEX help_members_person ON help_members(person_id, role);
CREATE INDEX help_members_user ON help_members(user_id, person_id) WHERE user_id IS NOT NULL;

-- R-ORG-4: every version of a person's help plan (a revision is a new row; none is changed).
-- needs: JSON array of {need, goal, measures, member_id} (member_id: a help_members row current on
-- made_on).
CREATE TABLE help_plans (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  version    INTEGER NOT NULL,
  made_on    TEXT    NOT NULL,
  review_on  TEXT    NOT NULL,
  needs      TEXT    NOT NULL,
  reason     TEXT    NOT NULL DEFAULT '',
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  UNIQUE (person_id, version)
);

-- The help agreement (帮教协议) signed with the village and the family: parties as a JSON array of text.
CREATE TABLE help_agreements (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  signed_on  TEXT    NOT NULL,
  parties    TEXT    NOT NULL,
  note       TEXT    NOT NULL DEFAULT '',
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX help_agreements_person ON help_agreements(person_id);
