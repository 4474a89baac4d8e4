-- Issue 10: the transitional hardship allowance (过渡性困难生活补助金, R-ALW-1..6, §3.3).

-- R-ALW-1: the person's urban/rural status (户籍类别) from a day on; a month takes the one in force
-- on its first day (rules/allowance.cpp). Kept apart from the social assistance facts, which state
-- the status only as of one application.
CREATE TABLE household_kinds (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  since      TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('urban', 'rural')),
  unit_id    INTEGER REFERENCES units(id),
  user_id    INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX household_kinds_person ON household_kinds(person_id, since);

-- R-ALW-2: one application of one assistance period (period_release_date), with the documents the
-- applicant presented and the units that owe its steps: the household village (its certificate; none
-- when the household place is not a village: the judicial office records it), the household
-- township's judicial office, the household township (approval and payment, R-JUR-1). `state` is
-- what it waits for (rules::chain_state of its steps, kept here for the lists). At most one
-- application of a period is open or approved.
CREATE TABLE allowance_applications (
  id                  INTEGER PRIMARY KEY,
  person_id           INTEGER NOT NULL REFERENCES persons(id),
  period_release_date TEXT    NOT NULL,
  applied_on          TEXT    NOT NULL,
  doc_release_certificate INTEGER NOT NULL CHECK (doc_release_certificate IN (0, 1)),
  doc_id_card         INTEGER NOT NULL CHECK (doc_id_card IN (0, 1)),
  doc_household_register INTEGER NOT NULL CHECK (doc_household_register IN (0, 1)),
  hardship            TEXT    NOT NULL DEFAULT '',
  village_unit_id     INTEGER REFERENCES units(id),
  office_unit_id      INTEGER NOT NULL REFERENCES units(id),
  township_unit_id    INTEGER NOT NULL REFERENCES units(id),
  state               TEXT    NOT NULL DEFAULT 'certificate'
                      CHECK (state IN ('documents', 'certificate', 'verification', 'approval', 'approved', 'rejected')),
  since               TEXT    NOT NULL,
  approved_on         TEXT,
  rejected_reason     TEXT    NOT NULL DEFAULT '',
  unit_id             INTEGER REFERENCES units(id),
  user_id             INTEGER REFERENCES users(id),
  created_at          INTEGER NOT NULL
);
CREATE INDEX allowance_person ON allowance_applications(person_id, applied_on);
CREATE INDEX allowance_township ON allowance_applications(township_unit_id, state);
CREATE UNIQUE INDEX allowance_one_live ON allowance_applications(person_id, period_release_date)
  WHERE state <> 'rejected';

-- Each step, in order (append-only): who, when, the decision and its words.
CREATE TABLE allowance_steps (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES allowance_applications(id),
  step           TEXT    NOT NULL CHECK (step IN ('applied', 'certified', 'verified', 'approved', 'rejected', 'returned')),
  on_date        TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  unit_id        INTEGER REFERENCES units(id),
  user_id        INTEGER REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX allowance_steps_application ON allowance_steps(application_id, id);
CREATE TRIGGER allowance_steps_no_update BEFORE UPDATE ON allowance_steps
BEGIN SELECT RAISE(ABORT, 'allowance_steps is append-only'); END;
CREATE TRIGGER allowance_steps_no_delete BEFORE DELETE ON allowance_steps
BEGIN SELECT RAISE(ABORT, 'allowance_steps is append-only'); END;

-- R-ALW-1: a township's monthly payment run: the due list as the civil-affairs office confirmed it
-- (lines), then recorded as paid (ledger), or cancelled before payment with a reason (its lines
-- voided, kept). A later run of the same month (seq 2, …) holds only what no earlier run held. A
-- live line is unique per application, month and attempt (attempt = the reversals of that month
-- before it), so no month is ever in two live runs.
CREATE TABLE allowance_runs (
  id               INTEGER PRIMARY KEY,
  township_unit_id INTEGER NOT NULL REFERENCES units(id),
  month            TEXT    NOT NULL,
  seq              INTEGER NOT NULL,
  state            TEXT    NOT NULL DEFAULT 'confirmed' CHECK (state IN ('confirmed', 'paid', 'cancelled')),
  total_fen        INTEGER NOT NULL,
  confirmed_by     INTEGER REFERENCES users(id),
  confirmed_at     INTEGER NOT NULL,
  paid_on          TEXT,
  paid_by          INTEGER REFERENCES users(id),
  paid_at          INTEGER,
  cancelled_by     INTEGER REFERENCES users(id),
  cancelled_at     INTEGER,
  cancel_reason    TEXT    NOT NULL DEFAULT '',
  UNIQUE (township_unit_id, month, seq)
);

CREATE TABLE allowance_run_lines (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL REFERENCES allowance_runs(id),
  application_id INTEGER NOT NULL REFERENCES allowance_applications(id),
  person_id      INTEGER NOT NULL REFERENCES persons(id),
  month          TEXT    NOT NULL,
  attempt        INTEGER NOT NULL,
  household_kind TEXT    NOT NULL,
  standard_fen   INTEGER NOT NULL,
  amount_fen     INTEGER NOT NULL CHECK (amount_fen > 0),
  voided         INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))
);
CREATE INDEX allowance_run_lines_run ON allowance_run_lines(run_id);
CREATE UNIQUE INDEX allowance_run_lines_live ON allowance_run_lines(application_id, month, attempt) WHERE voided = 0;

-- R-ALW-6: the payment ledger, append-only (triggers): a payment (amount > 0) per run line, a
-- reversal (amount < 0, reverses_id) as the only correction. Money in fen.
CREATE TABLE allowance_ledger (
  id               INTEGER PRIMARY KEY,
  application_id   INTEGER NOT NULL REFERENCES allowance_applications(id),
  person_id        INTEGER NOT NULL REFERENCES persons(id),
  township_unit_id INTEGER NOT NULL REFERENCES units(id),
  month            TEXT    NOT NULL,
  attempt          INTEGER NOT NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('payment', 'reversal')),
  amount_fen       INTEGER NOT NULL CHECK ((kind = 'payment' AND amount_fen > 0) OR (kind = 'reversal' AND amount_fen < 0)),
  paid_on          TEXT    NOT NULL,
  run_id           INTEGER REFERENCES allowance_runs(id),
  line_id          INTEGER REFERENCES allowance_run_lines(id),
  reverses_id      INTEGER REFERENCES allowance_ledger(id),
  reason           TEXT    NOT NULL DEFAULT '',
  user_id          INTEGER REFERENCES users(id),
  created_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX allowance_ledger_one_payment ON allowance_ledger(application_id, month, attempt)
  WHERE kind = 'payment';
CREATE UNIQUE INDEX allowance_ledger_one_reversal ON allowance_ledger(reverses_id) WHERE kind = 'reversal';
CREATE INDEX allowance_ledger_application ON allowance_ledger(application_id, month);
CREATE INDEX allowance_ledger_township ON allowance_ledger(township_unit_id, month);
CREATE TRIGGER allowance_ledger_no_update BEFORE UPDATE ON allowance_ledger
BEGIN SELECT RAISE(ABORT, 'allowance_ledger is append-only'); END;
CREATE TRIGGER allowance_ledger_no_delete BEFORE DELETE ON allowance_ledger
BEGIN SELECT RAISE(ABORT, 'allowance_ledger is append-only'); END;
