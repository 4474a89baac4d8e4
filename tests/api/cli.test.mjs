// The command line: `--today` (a chosen today for tests and demonstrations, before or after the
// subcommand, invalid dates refused in Chinese), `user add --no-must-change`, `serve --demo` seeding
// only an empty database.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, Client, startServer, TEST_TODAY } from '../support/server.mjs';
import { loginAs } from './helpers.mjs';

const dir = mkdtempSync(join(tmpdir(), 'anbang-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Runs the binary expecting failure; returns { status, stderr }.
function refused(args) {
  try {
    execFileSync(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    return { status: e.status, stderr: e.stderr };
  }
  assert.fail(`anbang ${args.join(' ')} succeeded`);
}

test('--today refuses what is not a real date, in Chinese, before touching the database', () => {
  const db = join(dir, 'refused.db');
  for (const bad of ['2027-02-30', '2027-1-15', 'tomorrow', '1999-12-31', '2200-01-01', '2027-01-15T24:00', '2027-01-15T9:00', '2027-01-15 09:00']) {
    for (const args of [['--today', bad, '--db', db, 'migrate'], ['--db', db, 'migrate', '--today', bad]]) {
      const r = refused(args);
      assert.equal(r.status, 1, args.join(' '));
      assert.match(r.stderr, /“今天”选项应为 2000-01-01 至 2199-12-31 之间的有效日期（格式 YYYY-MM-DD，也可在日期后加开始时刻），收到：/);
    }
  }
  assert.ok(!existsSync(db), 'no database was created');
});

test('--today is accepted before or after the subcommand and logged as a warning with the real date', () => {
  const db = join(dir, 'today.db');
  for (const args of [['--today', '2027-01-15', '--db', db, 'migrate'], ['--db', db, 'migrate', '--today', '2027-01-15'],
    ['--quiet', '--db', db, 'tasks', 'refresh', '--today', '2027-01-15']]) {
    // The warning is logged (standard output) even with --quiet.
    const out = execFileSync(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    assert.match(out, /warning TODAY OVERRIDDEN \(--today\): the server's today is 2027-01-15, the real date is \d{4}-\d{2}-\d{2}/, args.join(' '));
  }
  assert.doesNotMatch(execFileSync(BIN, ['--db', db, 'migrate'], { encoding: 'utf8' }), /TODAY OVERRIDDEN/);
});

test('--today with a time of day starts the clock there, so a test run keeps its today past real midnight', async () => {
  const srv = await startServer({ persons: 0, today: '2027-01-15T23:58' });
  try {
    const h = await new Client(srv.baseUrl).get('/healthz');
    assert.equal(h.body.today, '2027-01-15');
    assert.equal(h.body.today_overridden, true);
  } finally { await srv.stop(); }
  const early = await startServer({ persons: 0 });
  try {
    // The tests' servers start at 09:00 China Standard Time of TEST_TODAY.
    const h = await new Client(early.baseUrl).get('/healthz');
    assert.equal(h.body.today, TEST_TODAY);
    const c = new Client(early.baseUrl);
    const login = await c.login('admin');
    assert.equal(login.status, 200);
    const sinceNine = Date.parse(login.body.now) - Date.parse(`${TEST_TODAY}T09:00:00+08:00`);
    assert.ok(sinceNine >= 0 && sinceNine < 10 * 60_000, `the clock started at 09:00: ${login.body.now}`);
  } finally { await early.stop(); }
});

test('user add --no-must-change lets the new user in without a password change; without it one is required', async () => {
  const srv = await startServer({ persons: 0 });
  await srv.stop({ keep: true });
  const env = { ...process.env, ANBANG_PASSWORD: 'Kaishi2026mima' };
  for (const [username, extra] of [['cli_free', ['--no-must-change']], ['cli_must', []]]) {
    const out = execFileSync(BIN, ['--quiet', '--db', srv.dbPath, 'user', 'add', '--username', username, '--name', '命令行用户',
      '--unit-code', '500153', '--role', 'admin', ...extra], { env, encoding: 'utf8' });
    assert.match(out, new RegExp(`已创建用户 ${username}`));
  }
  const again = await startServer({ dbPath: srv.dbPath });
  try {
    const free = await loginAs(again, 'cli_free', 'Kaishi2026mima');
    const me = await free.get('/api/v1/auth/me');
    assert.equal(me.body.user.must_change_password, false);
    assert.equal((await free.get('/api/v1/users')).status, 200);
    const must = await loginAs(again, 'cli_must', 'Kaishi2026mima');
    assert.equal((await must.get('/api/v1/auth/me')).body.user.must_change_password, true);
    assert.equal((await must.get('/api/v1/users')).body.error.code, 'PASSWORD_CHANGE_REQUIRED');
  } finally {
    await again.stop();
    rmSync(join(srv.dbPath, '..'), { recursive: true, force: true });
  }
});

test('serve --demo seeds an empty database on the chosen today, and only once', async () => {
  const db = join(dir, 'demo.db');
  const first = await startServer({ dbPath: db, args: ['--demo'], timeoutMs: 60_000 });  // 3,000 demo persons
  const log = first.log();
  const officer = await loginAs(first, 'sfs_001');
  assert.equal((await officer.get('/api/v1/auth/me')).body.today, TEST_TODAY);
  const total = (await officer.post('/api/v1/persons/search', {})).body.total;
  await first.stop({ keep: true });
  assert.match(log, /首次运行/);
  const second = await startServer({ dbPath: db, args: ['--demo'] });
  try {
    assert.doesNotMatch(second.log(), /首次运行/);
    const again = await loginAs(second, 'sfs_001');
    assert.equal((await again.post('/api/v1/persons/search', {})).body.total, total);
  } finally {
    await second.stop();
  }
});
