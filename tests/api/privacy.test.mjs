// Issue 7 §6/§7, privacy and audit: ID numbers masked everywhere but the audited unmasking route
// (person:id_full); one page view of a file is one access record; a header name with a space before
// the colon is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { startServer } from '../support/server.mjs';
import { makeId } from '../support/ids.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

let srv, sfs, auditor, units, charge;
before(async () => {
  srv = await startServer({ persons: 40 });
  sfs = await loginAs(srv, 'sfs_001');
  auditor = await loginAs(srv, 'auditor');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

const masked = (id) => id.slice(0, 4) + '**********' + id.slice(14);

async function person(name, seq) {
  const id = makeId('500153', '19700101', seq);
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, id_number: id }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { id: r.body.id, idNumber: id, body: r.body };
}

// Access records of `action` about the person with this ID number, as the auditor counts them.
async function records(idNumber, action, username) {
  const r = await auditor.post('/api/v1/audit/search', { person: idNumber, action, ...(username ? { username } : {}), page_size: 100 });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.total;
}

// The reads the web app's file page makes (web/src/views/person/detail.vue and its sections), all
// with the page view's X-View-Id.
async function openFilePage(client, personId, view) {
  const h = view ? { 'x-view-id': view } : {};
  const paths = ['', '/timeline', '/classification', '/tasks', '/periods', '/family-changes'];
  const answers = await Promise.all(paths.map((p) => client.req('GET', `/api/v1/persons/${personId}${p}`, undefined, h)));
  for (const a of answers) assert.equal(a.status, 200, JSON.stringify(a.body));
  return answers;
}

const newView = () => randomBytes(12).toString('hex');

test('ID numbers leave the server masked: file, create and update answers, search, timeline', async () => {
  const p = await person('掩码甲', 301);
  assert.equal(p.body.id_number_masked, masked(p.idNumber));
  assert.equal(p.body.id_number, undefined);
  const zj = await loginAs(srv, 'zj_001');
  for (const client of [zj, sfs]) {
    const file = await client.get(`/api/v1/persons/${p.id}`);
    assert.equal(file.body.id_number_masked, masked(p.idNumber));
    assert.ok(!file.raw.toString().includes(p.idNumber));
    // Search by the full number works on the server and answers masked.
    const found = await client.post('/api/v1/persons/search', { q: p.idNumber });
    assert.deepEqual(found.body.items.map((x) => x.id), [p.id]);
    assert.ok(!found.raw.toString().includes(p.idNumber));
  }
  // A change of the number shows both numbers masked on the timeline.
  const next = makeId('500153', '19700101', 303);
  const file = (await sfs.get(`/api/v1/persons/${p.id}`)).body;
  const upd = await sfs.put(`/api/v1/persons/${p.id}`, personBody(units['500153001001'].id, charge, { name: '掩码甲', id_number: next, version: file.version }));
  assert.equal(upd.status, 200, JSON.stringify(upd.body));
  assert.equal(upd.body.id_number_masked, masked(next));
  const tl = await zj.get(`/api/v1/persons/${p.id}/timeline`);
  const raw = tl.raw.toString();
  assert.ok(!raw.includes(p.idNumber) && !raw.includes(next), raw);
  const change = tl.body.items.flatMap((e) => e.changes).find((c) => c.field === 'id_number');
  assert.deepEqual([change.old, change.new], [masked(p.idNumber), masked(next)]);
});

test('an edit that leaves out id_number keeps the stored number; null removes it', async () => {
  const p = await person('保留乙', 305);
  const body = personBody(units['500153001001'].id, charge, { name: '保留乙', phone: '13911112222', version: p.body.version });
  delete body.id_number;
  const kept = await sfs.put(`/api/v1/persons/${p.id}`, body);
  assert.equal(kept.status, 200, JSON.stringify(kept.body));
  assert.equal(kept.body.id_number_masked, masked(p.idNumber));
  assert.equal(kept.body.phone, '13911112222');
  const full = await sfs.post(`/api/v1/persons/${p.id}/id-number`);
  assert.equal(full.body.id_number, p.idNumber);
  const cleared = await sfs.put(`/api/v1/persons/${p.id}`, {
    ...body, id_number: null, identity_verified: false, birth_date: '1970-01-01', gender: '1', version: kept.body.version,
  });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  assert.equal(cleared.body.id_number_masked, null);
});

test('person:id_full unmasks explicitly, each time its own id_unmask record; others are refused', async () => {
  const p = await person('解码丙', 307);
  const zj = await loginAs(srv, 'zj_001');
  const refused = await zj.post(`/api/v1/persons/${p.id}/id-number`);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'PERMISSION_DENIED');
  // Out of the judicial office's jurisdiction: 404 like any other record.
  const other = await loginAs(srv, 'sfs_101');
  assert.equal((await other.post(`/api/v1/persons/${p.id}/id-number`)).status, 404);

  const view = newView();
  await openFilePage(sfs, p.id, view);
  for (let i = 0; i < 2; i++) {
    const r = await sfs.req('POST', `/api/v1/persons/${p.id}/id-number`, undefined, { 'x-view-id': view });
    assert.equal(r.status, 200);
    assert.equal(r.body.id_number, p.idNumber);
  }
  assert.equal(await records(p.idNumber, 'id_unmask'), 2);
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 1);
  const district = await loginAs(srv, 'qu_abb');
  assert.equal((await district.post(`/api/v1/persons/${p.id}/id-number`)).body.id_number, p.idNumber);
  assert.equal(await records(p.idNumber, 'id_unmask'), 3);
  // The auditor sees that it happened, not the number.
  const seen = await auditor.post('/api/v1/audit/search', { person: p.idNumber, action: 'id_unmask' });
  assert.ok(!seen.raw.toString().includes(p.idNumber));
});

test('one page view of a file writes one access record; every other read is still recorded', async () => {
  const p = await person('页面丁', 309);
  const view = newView();
  await openFilePage(sfs, p.id, view);
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 1);
  // The page reloads its sections after a record (same view): still one.
  await sfs.req('GET', `/api/v1/persons/${p.id}/timeline`, undefined, { 'x-view-id': view });
  await sfs.req('GET', `/api/v1/persons/${p.id}`, undefined, { 'x-view-id': view });
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 1);
  // A new page view is a new read.
  await openFilePage(sfs, p.id, newView());
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 2);
  // A secondary read of a view that is not on record is recorded.
  await sfs.req('GET', `/api/v1/persons/${p.id}/classification`, undefined, { 'x-view-id': newView() });
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 3);
  // Another user sending the same view id does not share its record.
  const zj = await loginAs(srv, 'zj_001');
  await zj.req('GET', `/api/v1/persons/${p.id}/tasks`, undefined, { 'x-view-id': view });
  assert.equal(await records(p.idNumber, 'person_read', 'zj_001'), 1);
  // Without the header (or with a malformed one) each read is recorded, as before.
  await openFilePage(sfs, p.id, null);
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 9);
  await sfs.req('GET', `/api/v1/persons/${p.id}`, undefined, { 'x-view-id': 'short' });
  await sfs.req('GET', `/api/v1/persons/${p.id}`, undefined, { 'x-view-id': 'short' });
  assert.equal(await records(p.idNumber, 'person_read', 'sfs_001'), 11);
  // A view of another person's file is that person's own read.
  const q = await person('页面戊', 311);
  await openFilePage(sfs, q.id, view);
  assert.equal(await records(q.idNumber, 'person_read', 'sfs_001'), 1);
});

test('the roster export is masked without person:id_full and says which it gave', async () => {
  const p = await person('名册己', 313);
  const district = await loginAs(srv, 'qu_abb');
  const full = await district.req('POST', '/api/v1/exports/persons.xlsx', { q: p.idNumber });
  assert.equal(full.status, 200);
  const fullRecords = await auditor.post('/api/v1/audit/search', { action: 'export', username: 'qu_abb' });
  assert.equal(JSON.parse(fullRecords.body.items[0].detail).id_numbers, 'full');
  // A judicial officer whose role an administrator stripped of person:id_full exports masked numbers.
  const admin = await loginAs(srv, 'admin');
  const roles = (await admin.get('/api/v1/roles')).body.items;
  const judicial = roles.find((r) => r.code === 'judicial_officer');
  const strip = await admin.put(`/api/v1/roles/${judicial.id}`, { ...judicial, permissions: judicial.permissions.filter((x) => x !== 'person:id_full') });
  assert.equal(strip.status, 200, JSON.stringify(strip.body));
  try {
    const sfs2 = await loginAs(srv, 'sfs_001');
    const r = await sfs2.req('POST', '/api/v1/exports/persons.xlsx', { q: p.idNumber });
    assert.equal(r.status, 200);
    const records = await auditor.post('/api/v1/audit/search', { action: 'export', username: 'sfs_001' });
    assert.equal(JSON.parse(records.body.items[0].detail).id_numbers, 'masked');
    assert.equal((await sfs2.post(`/api/v1/persons/${p.id}/id-number`)).status, 403);
  } finally {
    await admin.put(`/api/v1/roles/${judicial.id}`, judicial);
  }
});

// Sends raw bytes and resolves with the status line of the answer.
function rawRequest(port, text) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (d) => { got += d; });
    s.on('error', reject);
    s.on('close', () => resolve(got.split('\r\n')[0]));
    s.setTimeout(5000, () => { s.destroy(); reject(new Error('timeout')); });
  });
}

test('a header line with a space before the colon is refused with 400', async () => {
  assert.match(await rawRequest(srv.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), / 200 /);
  assert.match(await rawRequest(srv.port, 'GET /healthz HTTP/1.1\r\nHost : x\r\nConnection: close\r\n\r\n'), / 400 /);
  assert.match(await rawRequest(srv.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test : 1\r\nConnection: close\r\n\r\n'), / 400 /);
  // A tab there is refused by the HTTP parser itself, which closes the connection without answering.
  assert.doesNotMatch(await rawRequest(srv.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test\t: 1\r\nConnection: close\r\n\r\n'), / 200 /);
});
