// Starts the real anbang binary on a free port with a fresh demo-seeded database.
//   const srv = await startServer({ persons: 300 });  srv.baseUrl, srv.dbPath, await srv.stop()
// Every server runs (and every database is seeded) on a fixed today, TEST_TODAY, unless the test
// chooses another (opts.today): no test depends on the real date (`anbang --today`).
// Env: ANBANG_BIN (default build/anbang), ANBANG_WEB (default web/dist).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { checkResponse } from './contract.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.ANBANG_BIN || join(root, 'build', 'anbang');
const WEB = process.env.ANBANG_WEB || join(root, 'web', 'dist');
export const DEMO_PASSWORD = 'anbang@2026';

/** The today of every test server unless a test chooses another (a Thursday, second half-year). */
export const TEST_TODAY = '2026-11-26';

/** YYYY-MM-DD `days` after `from` (before if negative); `from` defaults to TEST_TODAY. */
export function dayFrom(days, from = TEST_TODAY) {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The `--today` arguments for a chosen day (null: the real date, for the tests of that default). A
 * bare date starts the server's clock at 09:00 China Standard Time of that day, so that a run begun
 * just before midnight keeps its today for fifteen hours. */
function todayArgs(today) {
  if (today === null) return [];
  return ['--today', /^\d{4}-\d{2}-\d{2}$/.test(today) ? `${today}T09:00` : today];
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

async function waitHealthy(url, child, ms = 15000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`anbang exited early with ${child.exitCode}`);
    try {
      const r = await fetch(url + '/healthz');
      if (r.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('anbang did not become healthy');
}

// Runs the binary to completion (a subcommand other than serve) at `today`; returns its output.
// Throws with the binary's standard error when it fails.
export function runAnbang(args, { today = TEST_TODAY } = {}) {
  try {
    return execFileSync(BIN, [...todayArgs(today), ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    throw new Error(`anbang ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

// Starts a server. opts.persons: demo persons (default 300); opts.dbPath: reuse a database file
// (no seeding); opts.args: extra serve arguments; opts.today: the server's today (default
// TEST_TODAY, null for the real date); the demo data is seeded at the same today; opts.timeoutMs:
// how long to wait for /healthz.
export async function startServer(opts = {}) {
  const today = opts.today === undefined ? TEST_TODAY : opts.today;
  const dir = opts.dbPath ? null : mkdtempSync(join(tmpdir(), 'anbang-test-'));
  const dbPath = opts.dbPath || join(dir, 'anbang.db');
  if (!opts.dbPath) {
    runAnbang(['--quiet', '--db', dbPath, 'seed', '--demo', '--persons', String(opts.persons ?? 300)], { today });
  }
  const port = await freePort();
  const args = [...todayArgs(today), '--db', dbPath, 'serve', '--port', String(port), '--web', WEB, ...(opts.args || [])];
  const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, child, opts.timeoutMs);
  return {
    baseUrl,
    dbPath,
    today,
    port,
    child,
    log: () => log,
    // Stops with SIGTERM (or opts.signal) and waits; removes the temporary directory unless keep.
    async stop({ signal = 'SIGTERM', keep = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await done;
      }
      if (dir && !keep) rmSync(dir, { recursive: true, force: true });
      // Every audit action is registered in one list (src/app/core/audit_actions.hpp), which the
      // auditor's search and the web app's words follow; the server logs any code outside it.
      const unregistered = /unregistered audit action: (\S+)/.exec(log);
      if (unregistered) throw new Error(`audit action "${unregistered[1]}" is missing from src/app/core/audit_actions.hpp`);
      return child.exitCode;
    },
  };
}

// A tiny API client that keeps the session cookie and the CSRF token. Every response is checked
// against api/openapi.yaml (contract.mjs): one that does not match throws a ContractError, which
// fails the test that made the request.
export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = '';
    this.csrf = '';
  }
  async login(username, password = DEMO_PASSWORD) {
    const r = await this.req('POST', '/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.body.csrf_token;
    return r;
  }
  async req(method, path, body, headers = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (method !== 'GET' && this.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const r = await fetch(this.baseUrl + path, { method, headers: h, body: payload });
    const set = r.headers.get('set-cookie');
    if (set) {
      const m = /anbang_sid=([^;]*)/.exec(set);
      if (m) this.cookie = m[1] ? `anbang_sid=${m[1]}` : '';
    }
    const type = r.headers.get('content-type') || '';
    const raw = Buffer.from(await r.arrayBuffer());
    let parsed = null;
    if (type.includes('application/json') && raw.length) parsed = JSON.parse(raw.toString('utf8'));
    checkResponse({ method, url: path, status: r.status, contentType: type, body: parsed, raw });
    return { status: r.status, body: parsed, raw, headers: r.headers };
  }
  get(path) { return this.req('GET', path); }
  post(path, body) { return this.req('POST', path, body); }
  put(path, body) { return this.req('PUT', path, body); }
}
