-- V007: followup:record (记录走访考察) is split by what each role writes (issue 7, R-JUR-1 roles):
-- visits (visit:record, village cadres), full reviews (review:record), pick-ups (pickup:record) and
-- help for families (family:help) — the last three the township's. Every role that held
-- followup:record keeps what its kind of user writes: built-in roles by their code, any other role
-- (made by an administrator) all four, so nobody loses a right they had. On a new database the
-- roles do not exist yet and only the permission rows are created here.
INSERT OR IGNORE INTO permissions (code, resource, action, name) VALUES
  ('visit:record', 'visit', 'record', '记录走访'),
  ('review:record', 'review', 'record', '记录全面考察'),
  ('pickup:record', 'pickup', 'record', '记录接回'),
  ('family:help', 'family', 'help', '记录家庭帮扶');

INSERT OR IGNORE INTO role_permissions (role_id, permission)
  SELECT rp.role_id, p.code
  FROM role_permissions rp JOIN roles r ON r.id = rp.role_id
  JOIN permissions p ON p.code IN ('visit:record', 'review:record', 'pickup:record', 'family:help')
  WHERE rp.permission = 'followup:record'
    AND (r.code NOT IN ('village_cadre', 'township_officer')
         OR (r.code = 'village_cadre' AND p.code = 'visit:record')
         OR (r.code = 'township_officer' AND p.code <> 'visit:record'));

DELETE FROM role_permissions WHERE permission = 'followup:record';
DELETE FROM permissions WHERE code = 'followup:record';
