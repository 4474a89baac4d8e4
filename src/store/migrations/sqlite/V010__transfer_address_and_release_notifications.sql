-- Transfers (R-JUR-1): the new address that goes with a move (required when the household
-- registration moves; applied when the receiving side accepts). A withdrawn transfer (state
-- 'withdrawn', already allowed by V002) keeps who withdrew it and when in decided_by / decided_at.
ALTER TABLE transfers ADD COLUMN new_address TEXT NOT NULL DEFAULT '';

-- R-PCK-1: before a key subject's release the household-registration judicial office notifies the
-- township government and the police station. One row per recipient notified: who notified (user,
-- unit), whom (the recipient kind, its unit and the person reached), when and how. `release_date`
-- is the release the notification is for (the assistance period it belongs to).
CREATE TABLE release_notifications (
  id                INTEGER PRIMARY KEY,
  person_id         INTEGER NOT NULL REFERENCES persons(id),
  release_date      TEXT    NOT NULL,
  recipient         TEXT    NOT NULL CHECK (recipient IN ('township', 'police_station')),
  recipient_unit_id INTEGER NOT NULL REFERENCES units(id),
  contact           TEXT    NOT NULL DEFAULT '',
  method            TEXT    NOT NULL CHECK (method IN ('phone', 'document', 'meeting', 'in_person')),
  notified_on       TEXT    NOT NULL,
  note              TEXT    NOT NULL DEFAULT '',
  unit_id           INTEGER REFERENCES units(id),
  user_id           INTEGER REFERENCES users(id),
  created_at        INTEGER NOT NULL
);
CREATE INDEX release_notifications_person ON release_notifications(person_id, release_date);
