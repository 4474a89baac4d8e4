-- Issue 8: the visit log (R-VIS-1/2, R-LOST-1) and full reviews (R-REV-1, R-CLS-3) on follow_ups.
-- Visits: who was present (a JSON array of {name, user_id}; members of a help group are names, not
-- keys), the place, the form as a code, the person's situation per aspect (JSON object: work, family,
-- living, health, thinking), help given, next steps and the outcome. Rows written before keep
-- working: outcome met (they were recorded as visits that took place), their free-text form mapped
-- to a code where it is one of the forms the web app offered, their situation kept as the general text.
ALTER TABLE follow_ups ADD COLUMN outcome TEXT NOT NULL DEFAULT 'met' CHECK (outcome IN ('met', 'not_found', 'refused'));
ALTER TABLE follow_ups ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE follow_ups ADD COLUMN members TEXT NOT NULL DEFAULT '[]';
ALTER TABLE follow_ups ADD COLUMN aspects TEXT NOT NULL DEFAULT '{}';
ALTER TABLE follow_ups ADD COLUMN help_given TEXT NOT NULL DEFAULT '';
ALTER TABLE follow_ups ADD COLUMN next_steps TEXT NOT NULL DEFAULT '';
UPDATE follow_ups SET form = 'home_visit' WHERE form IN ('入户走访', 'home');
UPDATE follow_ups SET form = 'phone' WHERE form IN ('电话', '电话回访');
UPDATE follow_ups SET form = 'talk' WHERE form IN ('约谈', 'interview');

-- Reviews: a conclusion per criterion of R-CLS-1 (JSON object: criterion → {conclusion, note}), the
-- recommendation (keep | change) and, for a change, its confirmation (R-CLS-3): when and by whom.
ALTER TABLE follow_ups ADD COLUMN conclusions TEXT NOT NULL DEFAULT '{}';
ALTER TABLE follow_ups ADD COLUMN recommendation TEXT CHECK (recommendation IN ('keep', 'change'));
ALTER TABLE follow_ups ADD COLUMN confirmed_at INTEGER;
ALTER TABLE follow_ups ADD COLUMN confirmed_by INTEGER REFERENCES users(id);
ALTER TABLE follow_ups ADD COLUMN confirmed_unit_id INTEGER REFERENCES units(id);
CREATE INDEX follow_ups_confirmed ON follow_ups(person_id, confirmed_at) WHERE confirmed_at IS NOT NULL;
