// Jurisdiction: a user of one township can neither read nor change a person of another, on every
// endpoint that takes a person (404 PERSON_NOT_FOUND, not 403, so existence does not leak);
// both places of a 人户分离 person see them (R-JUR-1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

let srv, own, other, units, charge, person, separated;
before(async () => {
  srv = await startServer({ persons: 100 });
  own = await loginAs(srv, 'sfs_001');     // 昌元街道司法所
  other = await loginAs(srv, 'sfs_101');   // 仁义镇司法所
  units = await unitsByCode(own);
  charge = await chargeId(own);
  const body = personBody(units['500153001001'].id, charge, { name: '辖区甲' });
  const created = await own.post('/api/v1/persons', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  person = { ...created.body, id_number: body.id_number };  // answers carry it masked
  // household in 昌元街道, residence in 仁义镇
  const sep = await own.post('/api/v1/persons', personBody(units['500153001002'].id, charge, {
    name: '分离乙', residence_unit_id: units['500153101003'].id,
  }));
  assert.equal(sep.status, 201, JSON.stringify(sep.body));
  separated = sep.body;
});
after(async () => { await srv.stop(); });

// Every person-scoped endpoint of the contract, with a request another township would make.
const walks = {
  'GET /persons/{id}': (c, id) => c.get(`/api/v1/persons/${id}`),
  'PUT /persons/{id}': (c, id) => c.put(`/api/v1/persons/${id}`, { ...personBody(units['500153101001'].id, charge), version: 1 }),
  'GET /persons/{id}/timeline': (c, id) => c.get(`/api/v1/persons/${id}/timeline`),
  'POST /persons/{id}/id-number': (c, id) => c.post(`/api/v1/persons/${id}/id-number`),
  'GET /persons/{id}/tasks': (c, id) => c.get(`/api/v1/persons/${id}/tasks`),
  'GET /persons/{id}/classification': (c, id) => c.get(`/api/v1/persons/${id}/classification`),
  'POST /persons/{id}/transfers': (c, id) => c.post(`/api/v1/persons/${id}/transfers`, { kind: 'residence', to_unit_id: units['500153101002'].id }),
  'POST /persons/{id}/pickups': (c, id) => c.post(`/api/v1/persons/${id}/pickups`, { picked_on: '2026-11-20', kind: 'family' }),
  'POST /persons/{id}/follow-ups': (c, id) => c.post(`/api/v1/persons/${id}/follow-ups`, { kind: 'visit', held_on: '2026-11-20' }),
  'POST /persons/{id}/custody': (c, id) => c.post(`/api/v1/persons/${id}/custody`, { kind: 'detention', from_date: '2026-11-20' }),
  'POST /persons/{id}/custody/{cid}/end': (c, id) => c.post(`/api/v1/persons/${id}/custody/1/end`, { to_date: '2026-11-21' }),
  'GET /persons/{id}/periods': (c, id) => c.get(`/api/v1/persons/${id}/periods`),
  'GET /persons/{id}/family-changes': (c, id) => c.get(`/api/v1/persons/${id}/family-changes`),
  'POST /persons/{id}/family-changes': (c, id) => c.post(`/api/v1/persons/${id}/family-changes`, { occurred_on: '2026-11-20', summary: '母亲病故' }),
  'POST /persons/{id}/registrations': (c, id) => c.post(`/api/v1/persons/${id}/registrations`, { registered_on: '2026-11-20', certificate_no: 'SF-1' }),
  'PUT /persons/{id}/registration': (c, id) => c.put(`/api/v1/persons/${id}/registration`, { registered_on: '2026-11-20', certificate_no: 'SF-1', reason: '更正' }),
  'GET /persons/{id}/records': (c, id) => c.get(`/api/v1/persons/${id}/records`),
  'GET /persons/{id}/transfers': (c, id) => c.get(`/api/v1/persons/${id}/transfers`),
  'GET /persons/{id}/release-notifications': (c, id) => c.get(`/api/v1/persons/${id}/release-notifications`),
  'POST /persons/{id}/release-notifications': (c, id) =>
    c.post(`/api/v1/persons/${id}/release-notifications`, { notified_on: '2026-11-20', method: 'phone', recipients: ['township'] }),
  'GET /persons/{id}/help-group': (c, id) => c.get(`/api/v1/persons/${id}/help-group`),
  'GET /persons/{id}/help-group/candidates': (c, id) => c.get(`/api/v1/persons/${id}/help-group/candidates`),
  'POST /persons/{id}/help-group/members': (c, id) => c.post(`/api/v1/persons/${id}/help-group/members`, { role: 'volunteer', name: '志愿者甲', joined_on: '2026-11-20' }),
  'POST /persons/{id}/help-group/members/{mid}/end': (c, id) => c.post(`/api/v1/persons/${id}/help-group/members/1/end`, { left_on: '2026-11-21' }),
  'POST /persons/{id}/help-group/members/{mid}/contact': (c, id) => c.post(`/api/v1/persons/${id}/help-group/members/1/contact`),
  'GET /persons/{id}/help-plans': (c, id) => c.get(`/api/v1/persons/${id}/help-plans`),
  'POST /persons/{id}/help-plans': (c, id) =>
    c.post(`/api/v1/persons/${id}/help-plans`, { made_on: '2026-11-20', review_on: '2027-02-20', needs: [{ need: 'work', goal: '就业', measures: '推荐', member_id: 1 }] }),
  'POST /persons/{id}/help-agreements': (c, id) => c.post(`/api/v1/persons/${id}/help-agreements`, { signed_on: '2026-11-20', parties: ['家属'] }),
  // Issue 8, helper D: warnings, re-offences, outings.
  'GET /persons/{id}/warnings': (c, id) => c.get(`/api/v1/persons/${id}/warnings`),
  'POST /persons/{id}/warnings': (c, id) => c.post(`/api/v1/persons/${id}/warnings`, { sign_kind: 'threat', signs: '扬言报复', observed_on: '2026-11-20' }),
  'POST /persons/{id}/warnings/{wid}/notice': (c, id) => c.post(`/api/v1/persons/${id}/warnings/1/notice`, { notified_on: '2026-11-20', officer: '王' }),
  'POST /persons/{id}/warnings/{wid}/lift': (c, id) => c.post(`/api/v1/persons/${id}/warnings/1/lift`, { lifted_on: '2026-11-20', reason: '解除' }),
  'POST /persons/{id}/reoffences': (c, id) => c.post(`/api/v1/persons/${id}/reoffences`, { offence_on: '2026-11-10', custody_on: '2026-11-12', charge_id: charge, authority: '公安局', expected_release_date: '2028-01-01' }),
  'GET /persons/{id}/outings': (c, id) => c.get(`/api/v1/persons/${id}/outings`),
  'POST /persons/{id}/outings': (c, id) => c.post(`/api/v1/persons/${id}/outings`, { division_code: '440306', address: '深圳', employer: '厂', phone: '13800000000', left_on: '2026-11-20', expected_return: '2027-01-01' }),
  'POST /persons/{id}/outings/{oid}/return': (c, id) => c.post(`/api/v1/persons/${id}/outings/1/return`, { returned_on: '2026-11-21' }),
  // Issue 8: the visit log and full reviews.
  'GET /persons/{id}/visits': (c, id) => c.get(`/api/v1/persons/${id}/visits`),
  'POST /persons/{id}/visits': (c, id) => c.post(`/api/v1/persons/${id}/visits`, { held_on: '2026-11-20', form: 'home_visit', outcome: 'met' }),
  'GET /persons/{id}/reviews': (c, id) => c.get(`/api/v1/persons/${id}/reviews`),
  'POST /persons/{id}/reviews': (c, id) => c.post(`/api/v1/persons/${id}/reviews`, {
    held_on: '2026-11-20', recommendation: 'keep',
    conclusions: ['reoffending_tendency', 'three_false', 'three_none', 'national_security'].map((criterion) => ({ criterion, conclusion: 'unknown' })),
  }),
  'POST /persons/{id}/reviews/{rid}/confirm': (c, id) => c.post(`/api/v1/persons/${id}/reviews/1/confirm`),
  // Issue 8 (helper B): education (R-EDU-1) and publicity consent (R-PUB-1).
  'GET /persons/{id}/education': (c, id) => c.get(`/api/v1/persons/${id}/education`),
  'POST /persons/{id}/education-talks': (c, id) => c.post(`/api/v1/persons/${id}/education-talks`, { held_on: '2026-11-20', talked_by: '某', topic: '谈话' }),
  'GET /persons/{id}/publicity-consents': (c, id) => c.get(`/api/v1/persons/${id}/publicity-consents`),
  'POST /persons/{id}/publicity-consents': (c, id) => c.post(`/api/v1/persons/${id}/publicity-consents`, { given_on: '2026-11-20', scope: 'internal' }),
  // Issue 9: social assistance (R-AID-1..6).
  'GET /persons/{id}/assistance': (c, id) => c.get(`/api/v1/persons/${id}/assistance`),
  'POST /persons/{id}/assistance': (c, id) => c.post(`/api/v1/persons/${id}/assistance`, { kind: 'dibao', applied_on: '2026-11-20', addressee: 'township', facts: {} }),
  'POST /persons/{id}/assistance/precheck': (c, id) => c.post(`/api/v1/persons/${id}/assistance/precheck`, { kind: 'dibao', facts: {} }),
  // Issue 9: employment, bases and trainings, needs and insurance.
  'GET /persons/{id}/employment': (c, id) => c.get(`/api/v1/persons/${id}/employment`),
  'POST /persons/{id}/employment/statuses': (c, id) => c.post(`/api/v1/persons/${id}/employment/statuses`, { kind: 'seeking_work', since: '2026-11-20' }),
  'POST /persons/{id}/employment/services': (c, id) => c.post(`/api/v1/persons/${id}/employment/services`, { kind: 'advice', given_on: '2026-11-20', provider_unit_id: units['500153101'].id }),
  'POST /persons/{id}/employment/benefits': (c, id) => c.post(`/api/v1/persons/${id}/employment/benefits`, { kind: 'job_subsidy', department_unit_id: units['DEPT-hr_social_security']?.id ?? units['500153101'].id, amount_fen: 10000, from_on: '2026-11-01' }),
  'GET /persons/{id}/placements': (c, id) => c.get(`/api/v1/persons/${id}/placements`),
  'POST /persons/{id}/placements': (c, id) => c.post(`/api/v1/persons/${id}/placements`, { base_id: 1, placed_on: '2026-11-20' }),
  'GET /persons/{id}/trainings': (c, id) => c.get(`/api/v1/persons/${id}/trainings`),
  'GET /persons/{id}/needs': (c, id) => c.get(`/api/v1/persons/${id}/needs`),
  'POST /persons/{id}/needs/assessments': (c, id) => c.post(`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: '2026-11-20', items: [{ category: 'work', status: 'open' }] }),
  'POST /persons/{id}/needs/{nid}/updates': (c, id) => c.post(`/api/v1/persons/${id}/needs/1/updates`, { on_date: '2026-11-20', status: 'met' }),
  'GET /persons/{id}/insurance': (c, id) => c.get(`/api/v1/persons/${id}/insurance`),
  'POST /persons/{id}/insurance': (c, id) => c.post(`/api/v1/persons/${id}/insurance`, { scheme: 'medical', status: 'insured', on_date: '2026-11-20' }),
  'POST /persons/{id}/insurance/civil-servant': (c, id) => c.post(`/api/v1/persons/${id}/insurance/civil-servant`, { former_civil_servant: true, on_date: '2026-11-20' }),
  // Issue 10: the hardship allowance (R-ALW-1..6).
  'GET /persons/{id}/allowance': (c, id) => c.get(`/api/v1/persons/${id}/allowance`),
  'POST /persons/{id}/allowance': (c, id) => c.post(`/api/v1/persons/${id}/allowance`, { applied_on: '2026-11-20', household_kind: 'urban', documents: { release_certificate: true, id_card: true, household_register: true } }),
  'POST /persons/{id}/household-kinds': (c, id) => c.post(`/api/v1/persons/${id}/household-kinds`, { since: '2026-11-20', kind: 'rural' }),
};

test('the walk covers every person endpoint of api/openapi.yaml', () => {
  const spec = readFileSync(new URL('../../api/openapi.yaml', import.meta.url), 'utf8');
  const paths = [...spec.matchAll(/^  (\/persons\/\{id\}[^:]*):\n((?:    .*\n)+)/gm)];
  const declared = [];
  for (const [, path, body] of paths) {
    for (const m of body.matchAll(/^    (get|put|post|delete|patch):/gm)) declared.push(`${m[1].toUpperCase()} ${path}`);
  }
  assert.ok(declared.length >= 3);
  assert.deepEqual(declared.sort(), Object.keys(walks).sort());
});

test('another township gets 404 on every person endpoint, and nothing changes', async () => {
  for (const [name, call] of Object.entries(walks)) {
    const r = await call(other, person.id);
    assert.equal(r.status, 404, `${name}: ${r.status}`);
    assert.equal(r.body.error.code, 'PERSON_NOT_FOUND', name);
  }
  const again = await own.get(`/api/v1/persons/${person.id}`);
  assert.equal(again.body.version, 1);
  assert.equal(again.body.name, '辖区甲');
});

test('a missing id and an out-of-scope id answer the same', async () => {
  const missing = await other.get('/api/v1/persons/99999999');
  const hidden = await other.get(`/api/v1/persons/${person.id}`);
  assert.equal(missing.status, hidden.status);
  assert.deepEqual(missing.body, hidden.body);
});

test('search, count and export of another township do not include the person', async () => {
  const byName = await other.post('/api/v1/persons/search', { q: '辖区甲' });
  assert.equal(byName.body.total, 0);
  const byId = await other.post('/api/v1/persons/search', { q: person.id_number });
  assert.equal(byId.body.total, 0);
  const all = await other.get('/api/v1/persons?page_size=100');
  assert.ok(all.body.items.every((p) => p.id !== person.id));
  const mine = await own.post('/api/v1/persons/search', { q: '辖区甲' });
  assert.equal(mine.body.total, 1);
});

test('R-JUR-1 both the household and the residence township see a 人户分离 person', async () => {
  const a = await own.get(`/api/v1/persons/${separated.id}`);
  const b = await other.get(`/api/v1/persons/${separated.id}`);
  assert.equal(a.status, 200);
  assert.equal(b.status, 200);
  assert.equal(b.body.separated, true);
});

test('a village cadre sees only their own village', async () => {
  const cadre = await loginAs(srv, 'cj_001_001');
  assert.equal((await cadre.get(`/api/v1/persons/${person.id}`)).status, 200);
  assert.equal((await cadre.get(`/api/v1/persons/${separated.id}`)).status, 404);
  const list = await cadre.get('/api/v1/persons?page_size=100');
  for (const p of list.body.items) {
    assert.ok(p.household_unit.id === units['500153001001'].id || p.residence_unit.id === units['500153001001'].id);
  }
});

test('read-only roles cannot change a person in their own scope', async () => {
  const police = await loginAs(srv, 'pcs_001');
  assert.equal((await police.get(`/api/v1/persons/${person.id}`)).status, 200);
  const r = await police.put(`/api/v1/persons/${person.id}`, { ...personBody(units['500153001001'].id, charge), version: 1 });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'PERMISSION_DENIED');
});

test('roles without person access see no person at all', async () => {
  for (const u of ['admin', 'auditor', 'kss', 'mz']) {
    const c = await loginAs(srv, u);
    const r = await c.get(`/api/v1/persons/${person.id}`);
    assert.ok([403, 404].includes(r.status), `${u}: ${r.status}`);
  }
});

test('a person cannot be created entirely outside the creator’s jurisdiction', async () => {
  const r = await own.post('/api/v1/persons', personBody(units['500153101001'].id, charge));
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'UNIT_OUT_OF_SCOPE');
});
