// The role matrix of docs/demo-accounts.md says what the server grants, and each kind of user writes
// exactly what it should (issue 7): village visits; township pick-ups, reviews, family help;
// police custody records of its own township.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let srv;
before(async () => { srv = await startServer({ persons: 60 }); });
after(async () => { await srv.stop(); });

function documentedMatrix() {
  const text = readFileSync(join(root, 'docs', 'demo-accounts.md'), 'utf8');
  const block = text.split('<!-- role-matrix:start -->')[1].split('<!-- role-matrix:end -->')[0];
  const lines = block.trim().split('\n').filter((l) => l.startsWith('|'));
  const roles = lines[0].split('|').slice(2, -1).map((c) => c.trim());
  const grants = Object.fromEntries(roles.map((r) => [r, []]));
  const names = {};
  for (const line of lines.slice(2)) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const [, code, name] = cells[0].match(/^`([^`]+)`\s*(.*)$/);
    names[code] = name;
    cells.slice(1).forEach((c, i) => { if (c === '✓') grants[roles[i]].push(code); });
  }
  return { roles, grants, names };
}

test('docs/demo-accounts.md shows the permissions the built-in roles have', async () => {
  const admin = await loginAs(srv, 'admin');
  const res = await admin.get('/api/v1/roles');
  assert.equal(res.status, 200);
  const doc = documentedMatrix();
  assert.ok(doc.roles.length >= 9, 'the matrix lists the built-in roles');
  for (const role of doc.roles) {
    const server = res.body.items.find((r) => r.code === role);
    assert.ok(server, `role ${role} exists`);
    assert.deepEqual([...server.permissions].sort(), [...doc.grants[role]].sort(), role);
  }
  const serverPerms = Object.fromEntries(res.body.permissions.map((p) => [p.code, p.name]));
  assert.deepEqual(Object.keys(doc.names).sort(), Object.keys(serverPerms).sort(), 'every permission is listed');
  for (const [code, name] of Object.entries(doc.names)) assert.equal(name, serverPerms[code], code);
});

// A person of township 001's village 001, released 200 days ago and under assistance.
let n = 0;
async function personOfVillage() {
  const sfs = await loginAs(srv, 'sfs_001');
  const units = await unitsByCode(sfs);
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs),
    { name: `矩阵${'甲乙丙'[n++]}`, release_date: dayFrom(-200) }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

test('a village cadre records visits, not reviews, pick-ups or custody', async () => {
  const cadre = await loginAs(srv, 'cj_001_001');
  const p = await personOfVillage();
  const body = { held_on: dayFrom(-1), form: '入户走访', situation: '在家务农，情况稳定', findings: '' };
  const visit = await cadre.post(`/api/v1/persons/${p.id}/follow-ups`, { ...body, kind: 'visit' });
  assert.equal(visit.status, 201, JSON.stringify(visit.body));
  const review = await cadre.post(`/api/v1/persons/${p.id}/follow-ups`, { ...body, kind: 'review' });
  assert.equal(review.status, 403);
  assert.equal(review.body.error.code, 'PERMISSION_DENIED');
  const pickup = await cadre.post(`/api/v1/persons/${p.id}/pickups`, { picked_on: p.release_date, place: '监狱门口', team: '村干部', kind: 'family' });
  assert.equal(pickup.status, 403);
  const custody = await cadre.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: dayFrom(-1) });
  assert.equal(custody.status, 403);
});

test('a township officer records reviews, not visits', async () => {
  const zj = await loginAs(srv, 'zj_001');
  const p = await personOfVillage();
  const body = { held_on: dayFrom(-1), form: '入户走访', situation: '情况稳定', findings: '' };
  const visit = await zj.post(`/api/v1/persons/${p.id}/follow-ups`, { ...body, kind: 'visit' });
  assert.equal(visit.status, 403);
  const review = await zj.post(`/api/v1/persons/${p.id}/follow-ups`, { ...body, kind: 'review' });
  assert.equal(review.status, 201, JSON.stringify(review.body));
});

test('a police officer records custody in its own township only, and no visits', async () => {
  const pcs = await loginAs(srv, 'pcs_001');
  const other = await loginAs(srv, 'pcs_101');
  const p = await personOfVillage();
  const custody = { kind: 'detention', from_date: dayFrom(-1), note: '行政拘留' };
  const elsewhere = await other.post(`/api/v1/persons/${p.id}/custody`, custody);
  assert.equal(elsewhere.status, 404);
  assert.equal(elsewhere.body.error.code, 'PERSON_NOT_FOUND');
  const visit = await pcs.post(`/api/v1/persons/${p.id}/follow-ups`, { kind: 'visit', held_on: dayFrom(-1), form: '入户走访', situation: '情况稳定', findings: '' });
  assert.equal(visit.status, 403);
  const own = await pcs.post(`/api/v1/persons/${p.id}/custody`, custody);
  assert.equal(own.status, 201, JSON.stringify(own.body));
});
