// The read routes over the demo district's varied data (documents by mail and in the system,
// family changes with help, custody, transfers, meetings, audit): Client checks every response
// against api/openapi.yaml, so a field the file does not describe fails here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { loginAs } from './helpers.mjs';

let srv;
before(async () => { srv = await startServer({ persons: 120 }); });
after(async () => { await srv.stop(); });

test('person files, their parts and the lists match the contract (district office)', async () => {
  const c = await loginAs(srv, 'qu_abb');
  const page = await c.post('/api/v1/persons/search', { page_size: 100 });
  assert.equal(page.status, 200);
  assert.ok(page.body.items.length >= 50);
  const byStatus = await c.get('/api/v1/persons?status=under_assistance&sort=release_date&order=desc');
  assert.equal(byStatus.status, 200);
  for (const p of page.body.items.slice(0, 40)) {
    for (const part of ['', '/timeline', '/tasks', '/periods', '/family-changes', '/classification']) {
      const r = await c.get(`/api/v1/persons/${p.id}${part}`);
      assert.equal(r.status, 200, `${p.id}${part}: ${JSON.stringify(r.body)}`);
    }
  }
  for (const path of ['/api/v1/tasks?page_size=100', '/api/v1/tasks?state=overdue', '/api/v1/supervision/lost',
    '/api/v1/supervision/missed', '/api/v1/meetings', '/api/v1/meetings/tasks', '/api/v1/workbench', '/api/v1/policy',
    '/api/v1/transfers?box=incoming', '/api/v1/transfers?box=outgoing', '/api/v1/units', '/api/v1/dicts/ethnic-groups',
    '/api/v1/dicts/education-levels', '/api/v1/dicts/charges']) {
    const r = await c.get(path);
    assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
  }
});

test('document boxes match the contract (judicial office and detention centre)', async () => {
  for (const [user, boxes] of [['sfs_001', ['inbox']], ['kss', ['inbox', 'sent']]]) {
    const c = await loginAs(srv, user);
    for (const box of boxes) {
      const r = await c.get(`/api/v1/documents?box=${box}&page_size=100`);
      assert.equal(r.status, 200, `${user} ${box}: ${JSON.stringify(r.body)}`);
    }
  }
});

test('the audit log and the users list match the contract', async () => {
  const auditor = await loginAs(srv, 'auditor');
  assert.equal((await auditor.get('/api/v1/audit?page_size=100')).status, 200);
  assert.equal((await auditor.post('/api/v1/audit/search', { action: 'person_read', page_size: 100 })).status, 200);
  const admin = await loginAs(srv, 'admin');
  assert.equal((await admin.get('/api/v1/users?page_size=100')).status, 200);
  assert.equal((await admin.get('/api/v1/roles')).status, 200);
});
