-- One digest per person of the stored tasks of the current assistance period, so that the nightly
-- refresh compares 8 bytes per person instead of reading every task back (1,000,000 persons with
-- five years of history hold about 9 million task rows).
CREATE TABLE task_digests (
  person_id INTEGER PRIMARY KEY REFERENCES persons(id),
  digest    INTEGER NOT NULL
);
