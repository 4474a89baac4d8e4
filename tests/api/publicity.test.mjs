// R-PUB-1: good practices and exemplary cases; a case is published only with the person's consent
// covering the channel, and only as the de-identified text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

// Persons of another township: neither place in 昌元街道 (township 001), so sfs_001 cannot reach them.
const outside001 = (items) => items.filter((p) => ![p.household_unit, p.residence_unit].some((u) => (u.path ?? u.name).startsWith('昌元街道')));
let srv, sfs, units, person, other;
before(async () => {
  srv = await startServer({ persons: 30 });
  sfs = await loginAs(srv, 'sfs_001');
  units = await unitsByCode(sfs);
  // A person with no consent yet (the demo records one for its published case).
  for (const p of (await sfs.post('/api/v1/persons/search', { status: 'under_assistance', page_size: 20 })).body.items) {
    if ((await sfs.get(`/api/v1/persons/${p.id}/publicity-consents`)).body.items.length === 0) { person = p; break; }
  }
  const qu = await loginAs(srv, 'qu_abb');
  other = outside001((await qu.post('/api/v1/persons/search', { status: 'under_assistance', page_size: 50 })).body.items)[0];
  assert.ok(person && other);
});
after(async () => { await srv.stop(); });

const caseBody = (p, channel) => ({
  kind: 'exemplary_case', person_id: p.id, category: 'law_abiding', title: `${p.name}遵纪守法`,
  body: `${p.name}释放后遵纪守法，电话13912345678，身份证110101199003074518。`, happened_on: dayFrom(-3), channel,
});

test('R-PUB-1 a case without consent is refused; consent for internal does not cover public media', async () => {
  const made = await sfs.post('/api/v1/publicity', caseBody(person, 'public_media'));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const refused = await sfs.post(`/api/v1/publicity/${made.body.id}/publish`);
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error.code, 'PUBLICITY_NO_CONSENT');
  assert.match(refused.body.error.message, /同意/);
  const consent = await sfs.post(`/api/v1/persons/${person.id}/publicity-consents`, { given_on: dayFrom(-1), scope: 'internal' });
  assert.equal(consent.status, 201);
  assert.equal((await sfs.post(`/api/v1/publicity/${made.body.id}/publish`)).body.error.code, 'PUBLICITY_CONSENT_SCOPE');
  const consents = (await sfs.get(`/api/v1/persons/${person.id}/publicity-consents`)).body.items;
  assert.equal(consents[0].scope, 'internal');
  // A broader consent covers it; the published text names nobody.
  assert.equal((await sfs.post(`/api/v1/persons/${person.id}/publicity-consents`, { given_on: dayFrom(0), scope: 'public_media', valid_until: dayFrom(365) })).status, 201);
  const preview = (await sfs.get(`/api/v1/publicity/${made.body.id}`)).body;
  assert.ok(!preview.preview_text.includes(person.name) && preview.preview_text.includes('某某'), preview.preview_text);
  assert.ok(!preview.preview_text.includes('13912345678') && !preview.preview_text.includes('110101199003074518'));
  const done = await sfs.post(`/api/v1/publicity/${made.body.id}/publish`);
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.state, 'published');
  assert.ok(!done.body.public_text.includes(person.name));
  assert.ok(!done.body.public_title.includes(person.name));
  assert.equal((await sfs.post(`/api/v1/publicity/${made.body.id}/publish`)).body.error.code, 'PUBLICITY_ALREADY_PUBLISHED');
  assert.equal((await sfs.req('DELETE', `/api/v1/publicity/${made.body.id}`)).status, 409);
  // The list carries no case text.
  const listed = (await sfs.get('/api/v1/publicity?kind=exemplary_case&state=published')).body.items.find((i) => i.id === made.body.id);
  assert.ok(listed && !('body' in listed));
});

test('R-PUB-1 cases only of persons in the jurisdiction; good practices; bad input', async () => {
  assert.equal((await sfs.post('/api/v1/publicity', caseBody(other, 'internal'))).status, 404);
  assert.equal((await sfs.post(`/api/v1/persons/${other.id}/publicity-consents`, { given_on: dayFrom(0), scope: 'internal' })).status, 404);
  const bad = await sfs.post('/api/v1/publicity', { ...caseBody(person, 'internal'), category: 'hero' });
  assert.equal(bad.body.error.field, 'category');
  const scope = await sfs.post(`/api/v1/persons/${person.id}/publicity-consents`, { given_on: dayFrom(0), scope: 'everyone' });
  assert.equal(scope.body.error.field, 'scope');
  const gp = await sfs.post('/api/v1/publicity', { kind: 'good_practice', title: '联合走访机制', body: '司法所与派出所每月联合走访。', happened_on: dayFrom(-5), channel: 'public_media' });
  assert.equal(gp.status, 201);
  const draft = await sfs.post('/api/v1/publicity', { kind: 'good_practice', title: '待删', body: '草稿', happened_on: dayFrom(-5), channel: 'internal' });
  assert.equal((await sfs.req('DELETE', `/api/v1/publicity/${draft.body.id}`)).status, 204);
  assert.equal((await sfs.get(`/api/v1/publicity/${draft.body.id}`)).status, 404);
  assert.equal((await sfs.post(`/api/v1/publicity/${gp.body.id}/publish`)).status, 200);
  const cadre = await loginAs(srv, 'cj_001_001');
  assert.equal((await cadre.post('/api/v1/publicity', { kind: 'good_practice', title: '村', body: '村', happened_on: dayFrom(-1), channel: 'internal' })).status, 403);
  const another = await loginAs(srv, 'sfs_101');
  assert.ok(!(await another.get('/api/v1/publicity')).body.items.some((i) => i.id === gp.body.id));
  assert.equal((await another.get(`/api/v1/publicity/${gp.body.id}`)).status, 404);
  // The demo has a published case and a draft case without consent.
  const qu = await loginAs(srv, 'qu_abb');
  const cases = (await qu.get('/api/v1/publicity?kind=exemplary_case')).body.items;
  assert.ok(cases.some((c) => c.state === 'published') && cases.some((c) => c.state === 'draft'));
});
