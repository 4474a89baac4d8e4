// Administration: units, roles, users and the code tables. Every response is also checked against
// api/openapi.yaml by Client (these are the routes no other API test reaches).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

let srv, admin, units;
before(async () => {
  srv = await startServer({ persons: 0 });
  admin = await loginAs(srv, 'admin');
  units = await unitsByCode(admin);
});
after(async () => { await srv.stop(); });

test('healthz answers through the API client too', async () => {
  const r = await new Client(srv.baseUrl).get('/healthz');
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'ok');
});

test('a new village under a township gets a code, can be renamed and deactivated', async () => {
  const township = units['500153001'];
  const made = await admin.post('/api/v1/units', { parent_id: township.id, name: '新建社区', kind: 'village', subkind: 'community' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.parent_id, township.id);
  assert.match(made.body.code, /^500153001\d{3}$/);
  const renamed = await admin.put(`/api/v1/units/${made.body.id}`, { name: '新建二社区', active: false });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.equal(renamed.body.name, '新建二社区');
  assert.equal(renamed.body.active, false);
  const misplaced = await admin.post('/api/v1/units', { parent_id: township.id, name: '错位', kind: 'township' });
  assert.equal(misplaced.status, 400);
  assert.equal(misplaced.body.error.code, 'UNIT_PLACEMENT');
});

test('a role keeps the permissions and scope it is given', async () => {
  const { items, permissions } = (await admin.get('/api/v1/roles')).body;
  const role = items.find((r) => r.code === 'village_cadre') ?? items.find((r) => r.code !== 'admin');
  const known = new Set(permissions.map((p) => p.code));
  const wanted = role.permissions.filter((p) => known.has(p));
  const r = await admin.put(`/api/v1/roles/${role.id}`, { permissions: wanted, scope: role.scope });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual([...r.body.permissions].sort(), [...wanted].sort());
  const missing = await admin.put(`/api/v1/roles/${role.id}`, { scope: role.scope });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.code, 'FIELD_REQUIRED');
});

test('a user is updated and a reset password must be changed at the next login', async () => {
  const role = (await admin.get('/api/v1/roles')).body.items.find((r) => r.code === 'judicial_officer');
  const made = await admin.post('/api/v1/users', {
    username: 'admin_test_1', display_name: '测试干部', unit_id: units['SFS500153101'].id, role_id: role.id, initial_password: 'Initial2026pw',
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const updated = await admin.put(`/api/v1/users/${made.body.id}`, {
    display_name: '测试干部二', phone: '13800000001', unit_id: units['SFS500153101'].id, role_id: role.id, active: true,
  });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.equal(updated.body.display_name, '测试干部二');
  const reset = await admin.post(`/api/v1/users/${made.body.id}/reset-password`, { initial_password: 'Another2026pw' });
  assert.equal(reset.status, 204);
  const u = await loginAs(srv, 'admin_test_1', 'Another2026pw');
  assert.equal((await u.get('/api/v1/auth/me')).body.user.must_change_password, true);
  const none = await admin.post('/api/v1/users/999999/reset-password', { initial_password: 'Another2026pw' });
  assert.equal(none.status, 404);
});

test('the charge chapters list each chapter once, in order', async () => {
  const r = await admin.get('/api/v1/dicts/charge-chapters');
  assert.equal(r.status, 200);
  const chapters = r.body.items.map((c) => c.chapter);
  assert.ok(chapters.length >= 5);
  assert.deepEqual(chapters, [...new Set(chapters)].sort((a, b) => a - b));
});
