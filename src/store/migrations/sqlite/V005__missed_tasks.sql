-- V005: a recurring duty whose period closed unfulfilled is kept as missed (未按期完成, DOMAIN.md §5):
-- computed by the engine, stored like the other states, counted apart from overdue. SQLite cannot
-- change a CHECK constraint, so the table is rebuilt with the same rows, ids and index.
CREATE TABLE tasks_v005 (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER REFERENCES persons(id),
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  rule          TEXT    NOT NULL,
  task_key      TEXT    NOT NULL,
  window_from   TEXT    NOT NULL,
  due           TEXT    NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('open', 'done', 'not_applicable', 'missed')),
  fulfilled_on  TEXT,
  computed_on   TEXT    NOT NULL,
  UNIQUE (person_id, task_key)
);
INSERT INTO tasks_v005 (id, person_id, unit_id, rule, task_key, window_from, due, state, fulfilled_on, computed_on)
  SELECT id, person_id, unit_id, rule, task_key, window_from, due, state, fulfilled_on, computed_on FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_v005 RENAME TO tasks;
CREATE INDEX tasks_unit_due ON tasks(unit_id, state, due);
