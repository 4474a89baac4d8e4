-- R-CLS-3: a change of class is recorded as a code ('class.key' | 'class.general') with the reasons
-- it names in `detail` (JSON: criterion, finding, factors, source); the web app words them. Rows
-- written before keep their Chinese text in `reason` and code ''.
ALTER TABLE class_history ADD COLUMN code TEXT NOT NULL DEFAULT '';
