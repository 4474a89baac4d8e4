-- The access log: audit records of reads (person_read, person_search, export) in their own database
-- file, attached to every connection as schema "audit". Reads are many; keeping their records out of
-- the main file means that recording a read does not invalidate the other connections' page caches
-- of the person data. Records of changes stay in main.audit_log, in the same transaction as the
-- change. Same columns as main.audit_log; append-only as well.
CREATE TABLE audit.access_log (
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
CREATE INDEX audit.access_at     ON access_log(at);
CREATE INDEX audit.access_user   ON access_log(username, at);
CREATE INDEX audit.access_action ON access_log(action, at);
CREATE INDEX audit.access_object ON access_log(object_type, object_id, at);

CREATE TRIGGER audit.access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER audit.access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
