// Login, sessions, CSRF, forced password change, lockout, logout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, TEST_TODAY } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

let srv;
before(async () => { srv = await startServer({ persons: 50 }); });
after(async () => { await srv.stop(); });

test('healthz answers while the database answers', async () => {
  const r = await fetch(srv.baseUrl + '/healthz');
  assert.equal(r.status, 200);
  // Test servers run on the fixed TEST_TODAY (--today), and say so.
  assert.deepEqual(await r.json(), { status: 'ok', today: TEST_TODAY, today_overridden: true });
});

test('login sets an HttpOnly SameSite cookie and me returns permissions and csrf', async () => {
  const c = new Client(srv.baseUrl);
  const r = await c.login('sfs_001');
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.user.username, 'sfs_001');
  assert.equal(me.body.scope, 'subtree');
  assert.ok(me.body.permissions.includes('person:read'));
  assert.equal(me.body.csrf_token.length, 32);
  // The server's time, which the web app counts by: TEST_TODAY from 09:00 China Standard Time on
  // (the test servers' --today), advancing with the real clock.
  assert.deepEqual([me.body.today, me.body.today_overridden], [TEST_TODAY, true]);
  const now = new Date(me.body.now);
  assert.equal(new Date(now.getTime() + 8 * 3600e3).toISOString().slice(0, 10), TEST_TODAY);
  const sinceNine = now.getTime() - Date.parse(`${TEST_TODAY}T09:00:00+08:00`);
  assert.ok(sinceNine >= 0 && sinceNine < 10 * 60e3, `the clock started at 09:00: ${me.body.now}`);
  assert.deepEqual(r.body.today, TEST_TODAY);  // login answers the same Me
});

test('wrong password is refused with AUTH_INVALID in Chinese', async () => {
  const c = new Client(srv.baseUrl);
  const r = await c.login('sfs_002', 'not-the-password1');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'AUTH_INVALID');
  assert.match(r.body.error.message, /用户名或密码错误/);
});

test('requests without a session get 401 AUTH_REQUIRED', async () => {
  const r = await new Client(srv.baseUrl).get('/api/v1/persons');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'AUTH_REQUIRED');
});

test('unsafe requests without the CSRF token are refused and change nothing', async () => {
  const c = await loginAs(srv, 'sfs_001');
  const r = await c.req('POST', '/api/v1/persons', { name: 'x' }, { 'x-csrf-token': 'wrong' });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'CSRF_INVALID');
});

test('five failed logins lock the account for ten minutes, even with the right password', async () => {
  const c = new Client(srv.baseUrl);
  for (let i = 1; i <= 4; i++) assert.equal((await c.login('pcs_002', 'wrong-password-1')).status, 401);
  const fifth = await c.login('pcs_002', 'wrong-password-1');
  assert.equal(fifth.status, 423);
  assert.equal(fifth.body.error.code, 'AUTH_LOCKED');
  const right = await c.login('pcs_002');
  assert.equal(right.status, 423);
  assert.match(right.body.error.message, /锁定/);
});

test('a new user must change the initial password before doing anything else', async () => {
  const admin = await loginAs(srv, 'admin');
  const units = await unitsByCode(admin);
  const roles = (await admin.get('/api/v1/roles')).body.items;
  const role = roles.find((r) => r.code === 'judicial_officer');
  const created = await admin.post('/api/v1/users', {
    username: 'new_officer', display_name: '新干部', unit_id: units['SFS500153101'].id, role_id: role.id,
    initial_password: 'Initial2026pw',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.must_change_password, true);
  const u = await loginAs(srv, 'new_officer', 'Initial2026pw');
  const blocked = await u.get('/api/v1/persons');
  assert.equal(blocked.status, 403);
  assert.equal(blocked.body.error.code, 'PASSWORD_CHANGE_REQUIRED');
  const weak = await u.post('/api/v1/auth/password', { old_password: 'Initial2026pw', new_password: 'short1' });
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error.code, 'PASSWORD_TOO_WEAK');
  const ok = await u.post('/api/v1/auth/password', { old_password: 'Initial2026pw', new_password: 'MyOwnSecret2027' });
  assert.equal(ok.status, 204);
  assert.equal((await u.get('/api/v1/persons')).status, 200);
});

test('logout ends the session', async () => {
  const c = await loginAs(srv, 'zj_001');
  assert.equal((await c.post('/api/v1/auth/logout')).status, 204);
  assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('the session cookie is never accepted after logout even if replayed', async () => {
  const c = await loginAs(srv, 'zj_002');
  const saved = c.cookie;
  await c.post('/api/v1/auth/logout');
  c.cookie = saved;
  assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('parallel wrong logins get at most five guesses before the lock', async () => {
  const attempts = await Promise.all(Array.from({ length: 20 }, () => new Client(srv.baseUrl).login('pcs_005', 'wrong-password-2')));
  const refusedAsWrong = attempts.filter((r) => r.status === 401).length;
  assert.ok(refusedAsWrong <= 5, `401s: ${refusedAsWrong}`);
  assert.ok(attempts.some((r) => r.status === 423));
});

test('a forced password change also blocks units and dictionaries', async () => {
  const admin = await loginAs(srv, 'admin');
  const units = await unitsByCode(admin);
  const role = (await admin.get('/api/v1/roles')).body.items.find((r) => r.code === 'police_officer');
  const made = await admin.post('/api/v1/users', {
    username: 'must_change_2', display_name: '待改密', unit_id: units['PCS500153102'].id, role_id: role.id,
    initial_password: 'Initial2026pw',
  });
  assert.equal(made.status, 201);
  const u = await loginAs(srv, 'must_change_2', 'Initial2026pw');
  for (const path of ['/api/v1/units', '/api/v1/dicts/charges', '/api/v1/roles']) {
    const r = await u.get(path);
    assert.equal(r.status, 403, path);
    assert.equal(r.body.error.code, 'PASSWORD_CHANGE_REQUIRED', path);
  }
  assert.equal((await u.get('/api/v1/auth/me')).status, 200);
});

test('changing the password ends the user’s other sessions', async () => {
  const a = await loginAs(srv, 'zj_003');
  const b = await loginAs(srv, 'zj_003');
  assert.equal((await b.get('/api/v1/auth/me')).status, 200);
  const r = await a.post('/api/v1/auth/password', { old_password: 'anbang@2026', new_password: 'Changed2026pw' });
  assert.equal(r.status, 204);
  assert.equal((await b.get('/api/v1/auth/me')).status, 401);
  assert.equal((await a.get('/api/v1/auth/me')).status, 200);
});

test('login attempts per client address are limited', async () => {
  const limited = await startServer({ persons: 0, args: ['--login-rate', '3'] });
  try {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await new Client(limited.baseUrl).login('qu_abb', 'wrong-password-3')).body.error.code);
    assert.deepEqual(codes.slice(3), ['AUTH_RATE_LIMITED', 'AUTH_RATE_LIMITED']);
  } finally {
    await limited.stop();
  }
});
