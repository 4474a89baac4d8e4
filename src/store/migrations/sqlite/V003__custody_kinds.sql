-- Custody after release (R-PER-1): a detention (the period goes on; custody days do not count) or
-- a new sentence (the period ends on the day of custody; a later release starts a new one). Who
-- recorded it, for the file's history.
ALTER TABLE custody_intervals ADD COLUMN kind TEXT NOT NULL DEFAULT 'detention'
  CHECK (kind IN ('detention', 'new_sentence'));
ALTER TABLE custody_intervals ADD COLUMN unit_id INTEGER REFERENCES units(id);
ALTER TABLE custody_intervals ADD COLUMN user_id INTEGER REFERENCES users(id);
