-- Timeline entries travel as a message code with parameters; the web app renders them in the
-- user's language. Entries written before keep their text in `summary` (code '').
ALTER TABLE person_events ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE person_events ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
