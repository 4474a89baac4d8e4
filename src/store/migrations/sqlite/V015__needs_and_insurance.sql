-- Issue 9 item 1: the needs list of a person (需求清单). One row per need raised — at registration
-- (source registration, source_id = registrations.id: the registration form's initial needs), or by a
-- later assessment (a visit or a full review, source_id = follow_ups.id, or a standalone assessment).
-- What happened to it is an append-only log (need_updates): each row a dated status change and/or
-- an action (text and the kind of link it made: a referral to social assistance, an employment
-- service, a base placement, a help-plan measure). The current status is the status of the latest
-- row that has one (by date, then id); the first row of every need is its status when raised.
CREATE TABLE needs (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  category   TEXT    NOT NULL CHECK (category IN ('housing', 'work', 'money', 'health', 'family', 'documents')),
  raised_on  TEXT    NOT NULL,
  source     TEXT    NOT NULL CHECK (source IN ('registration', 'visit', 'review', 'assessment')),
  source_id  INTEGER,
  note       TEXT    NOT NULL DEFAULT '',
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX needs_person ON needs(person_id, category);
-- A registration raises each of its needs once (the backfill below and the one at registration).
CREATE UNIQUE INDEX needs_of_registration ON needs(source_id, category) WHERE source = 'registration';

CREATE TABLE need_updates (
  id         INTEGER PRIMARY KEY,
  need_id    INTEGER NOT NULL REFERENCES needs(id),
  on_date    TEXT    NOT NULL,
  status     TEXT    CHECK (status IS NULL OR status IN ('open', 'in_progress', 'met', 'not_needed')),
  action     TEXT    NOT NULL DEFAULT '',
  link_kind  TEXT    CHECK (link_kind IS NULL OR link_kind IN ('social_assistance', 'employment_service',
                                                              'base_placement', 'help_plan_measure')),
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX need_updates_need ON need_updates(need_id, on_date);

-- The registrations entered before: their initial needs become open needs (the same statements as
-- store::backfill_registration_needs, which is idempotent).
INSERT INTO needs (person_id, category, raised_on, source, source_id, unit_id, user_id, created_at)
SELECT r.person_id, j.key, r.registered_on, 'registration', r.id, r.unit_id, r.user_id, r.created_at
FROM registrations r, json_each(CASE WHEN json_valid(r.needs) THEN r.needs ELSE '{}' END) j
WHERE j.type = 'true' AND j.key IN ('housing', 'work', 'money', 'health', 'family', 'documents')
  AND NOT EXISTS (SELECT 1 FROM needs n WHERE n.source = 'registration' AND n.source_id = r.id AND n.category = j.key);
INSERT INTO need_updates (need_id, on_date, status, unit_id, user_id, created_at)
SELECT n.id, n.raised_on, 'open', n.unit_id, n.user_id, n.created_at FROM needs n
WHERE NOT EXISTS (SELECT 1 FROM need_updates u WHERE u.need_id = n.id);

-- R-INS-1: social insurance per person and scheme (pension of urban employees or of rural and urban
-- residents, unemployment, medical), an append-only log: each row the status on a date and, when it
-- is one, the continuation or transfer step taken (申请转移, 转入地确认, 转移完成, 续保, 参加当地社保).
-- The current status of a scheme is its latest row (by date, then id).
CREATE TABLE insurance_entries (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  scheme     TEXT    NOT NULL CHECK (scheme IN ('pension_employee', 'pension_resident', 'unemployment', 'medical')),
  status     TEXT    NOT NULL CHECK (status IN ('insured', 'lapsed', 'transferring', 'transferred',
                                                'not_insured', 'unknown')),
  step       TEXT    CHECK (step IS NULL OR step IN ('transfer_applied', 'destination_confirmed',
                                                     'transfer_completed', 'continued', 'joined_local')),
  on_date    TEXT    NOT NULL,
  place      TEXT    NOT NULL DEFAULT '',
  note       TEXT    NOT NULL DEFAULT '',
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX insurance_entries_person ON insurance_entries(person_id, scheme, on_date);

-- R-INS-1: a former civil servant (原公职人员) joins the local schemes; the flag is kept as dated rows
-- too (the latest is current).
CREATE TABLE insurance_civil_servant (
  id                    INTEGER PRIMARY KEY,
  person_id             INTEGER NOT NULL REFERENCES persons(id),
  former_civil_servant  INTEGER NOT NULL,
  on_date               TEXT    NOT NULL,
  note                  TEXT    NOT NULL DEFAULT '',
  unit_id               INTEGER REFERENCES units(id),
  user_id               INTEGER REFERENCES users(id),
  created_at            INTEGER NOT NULL
);
CREATE INDEX insurance_civil_servant_person ON insurance_civil_servant(person_id, on_date);
