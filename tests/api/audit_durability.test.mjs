// Audit of reads, changes, logins and exports; the audit log cannot be changed; acknowledged writes
// survive kill -9; SIGTERM drains and exits 0; the access log carries no personal data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, Client, BIN } from '../support/server.mjs';
import { makeId } from '../support/ids.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

test('reads, changes and logins are audited with user, unit, IP and time; auditors search by person', async () => {
  const srv = await startServer({ persons: 20 });
  try {
    const c = await loginAs(srv, 'sfs_001');
    const units = await unitsByCode(c);
    const id = makeId('500153', '19660606', 77);
    const made = await c.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(c), { name: '审计甲', id_number: id }));
    await c.get(`/api/v1/persons/${made.body.id}`);
    await new Client(srv.baseUrl).login('sfs_001', 'wrong-password-9');
    const auditor = await loginAs(srv, 'auditor');
    const reads = await auditor.post('/api/v1/audit/search', { action: 'person_read', person: '审计甲' });
    assert.equal(reads.body.total, 1);
    const e = reads.body.items[0];
    assert.equal(e.username, 'sfs_001');
    assert.equal(e.unit_name, '昌元街道司法所');
    assert.equal(e.ip, '127.0.0.1');
    assert.match(e.at, /^\d{4}-\d\d-\d\dT/);
    await c.get(`/api/v1/persons/${made.body.id}/timeline`);
    const byId = await auditor.post('/api/v1/audit/search', { person: id });
    assert.deepEqual(byId.body.items.map((x) => x.action).sort(), ['person_create', 'person_read', 'person_read']);
    const created = byId.body.items.find((x) => x.action === 'person_create');
    // The auditor sees which fields changed, not the personal data itself (found by ID number all the same).
    const fields = JSON.parse(created.detail);
    assert.ok(fields.some((ch) => ch.field === 'id_number' && ch.new === '***'));
    assert.ok(!JSON.stringify(byId.body).includes(id), 'no ID number in what the auditor sees');
    assert.ok(!JSON.stringify(byId.body).includes('审计甲'), 'no name in what the auditor sees');
    // A duplicate-ID probe from another township is on record although the create failed.
    const other = await loginAs(srv, 'sfs_101');
    const dup = await other.post('/api/v1/persons', personBody(units['500153101001'].id, await chargeId(other), { id_number: id }));
    assert.equal(dup.status, 409);
    const probes = await auditor.post('/api/v1/audit/search', { action: 'person_duplicate_id', username: 'sfs_101' });
    assert.equal(probes.body.total, 1);
    const failures = await auditor.get('/api/v1/audit?action=login_failure&username=');
    assert.ok(failures.body.items.some((x) => x.object_label === 'sfs_001'));
    const ok = await auditor.get('/api/v1/audit?action=login_success&username=sfs_001');
    assert.ok(ok.body.total >= 1);
    // No way to change or delete: no such routes, and officers cannot read the log.
    assert.equal((await auditor.req('DELETE', '/api/v1/audit')).status, 405);
    assert.equal((await auditor.req('PUT', `/api/v1/audit/${e.id}`, {})).status, 404);
    assert.equal((await c.get('/api/v1/audit')).status, 403);
  } finally {
    await srv.stop();
  }
});

test('the database refuses to change or delete audit records', async () => {
  const srv = await startServer({ persons: 5 });
  const c = await loginAs(srv, 'qu_abb');
  await c.get('/api/v1/persons/1');  // puts a record into the access log
  const db = srv.dbPath;
  await srv.stop({ keep: true });
  assert.throws(() => execFileSync('sqlite3', [db, 'DELETE FROM audit_log'], { stdio: 'pipe' }), /append-only/);
  assert.throws(() => execFileSync('sqlite3', [db, "UPDATE audit_log SET username = 'x'"], { stdio: 'pipe' }), /append-only/);
  const access = db.replace(/\.db$/, '-audit.db');
  assert.throws(() => execFileSync('sqlite3', [access, 'DELETE FROM access_log'], { stdio: 'pipe' }), /append-only/);
  assert.throws(() => execFileSync('sqlite3', [access, "UPDATE access_log SET ip = 'x'"], { stdio: 'pipe' }), /append-only/);
});

test('an acknowledged write survives kill -9 and a restart', async () => {
  const srv = await startServer({ persons: 10 });
  const c = await loginAs(srv, 'sfs_001');
  const units = await unitsByCode(c);
  const made = await c.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(c), { name: '持久丙' }));
  assert.equal(made.status, 201);
  await srv.stop({ signal: 'SIGKILL', keep: true });
  const again = await startServer({ dbPath: srv.dbPath });
  try {
    const c2 = await loginAs(again, 'sfs_001');
    const r = await c2.get(`/api/v1/persons/${made.body.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.name, '持久丙');
  } finally {
    await again.stop();
  }
});

test('SIGTERM drains and exits cleanly', async () => {
  const srv = await startServer({ persons: 5 });
  const c = await loginAs(srv, 'sfs_001');
  const pending = Array.from({ length: 20 }, () => c.get('/api/v1/persons?page_size=50'));
  const code = srv.stop({ signal: 'SIGTERM' });
  const results = await Promise.allSettled(pending);
  assert.equal(await code, 0);
  for (const r of results) {
    if (r.status === 'fulfilled') assert.ok([200, 503].includes(r.value.status));
  }
  assert.match(srv.log(), /stopped cleanly/);
});

test('the access log carries no names, ID numbers or query strings', async () => {
  const srv = await startServer({ persons: 10 });
  try {
    const c = await loginAs(srv, 'sfs_001');
    const id = makeId('500153', '19720404', 91);
    const units = await unitsByCode(c);
    const made = await c.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(c), { name: '日志丁', id_number: id }));
    await c.post('/api/v1/persons/search', { q: '日志丁' });
    await c.post('/api/v1/persons/search', { q: id });
    await c.get(`/api/v1/persons/${made.body.id}`);
    await new Promise((r) => setTimeout(r, 100));
    const log = srv.log();
    assert.match(log, /GET \/api\/v1\/persons\/:id 200/);
    assert.ok(!log.includes('日志丁'));
    assert.ok(!log.includes(id));
    assert.ok(!log.includes('anbang@2026'));
    assert.ok(!/q=/.test(log));
  } finally {
    await srv.stop();
  }
});

test('migrate is idempotent and the binary answers --help', () => {
  const out = execFileSync(BIN, ['--help']).toString();
  assert.match(out, /serve/);
  assert.match(out, /seed/);
});
