-- R-LNK-4: a release notice is corrected by a new one that replaces it; the first is kept as it was,
-- marked superseded, and the correction carries its reason. The chain is the document's history.
ALTER TABLE documents ADD COLUMN supersedes INTEGER REFERENCES documents(id);
ALTER TABLE documents ADD COLUMN superseded_by INTEGER REFERENCES documents(id);
ALTER TABLE documents ADD COLUMN correction_reason TEXT;
CREATE INDEX documents_supersedes ON documents(supersedes);
