// R-BASE-1 transitional resettlement bases (agreements, placements, occupancy never above capacity —
// also when two placements race for the last place —, the townships' agreement flag) and R-EMP-2
// human resources' skills trainings (places, enrolment through the guard, attendance by human
// resources, who sees the enrolled person's name and masked ID number and never the file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

const in001 = (p) => [p.household_unit, p.residence_unit].some((u) => (u.path ?? u.name).startsWith('昌元街道'));
let srv, sfs, zj, qu, rs, units, own, others;
before(async () => {
  srv = await startServer({ persons: 150 });
  sfs = await loginAs(srv, 'sfs_001');
  zj = await loginAs(srv, 'zj_001');
  qu = await loginAs(srv, 'qu_abb');
  rs = await loginAs(srv, 'rs');
  units = await unitsByCode(qu);
  // Persons of 昌元街道 under assistance and not placed yet (the demo places a few).
  const mine = (await sfs.post('/api/v1/persons/search', { status: 'under_assistance', page_size: 50 })).body.items;
  own = [];
  for (const p of mine) {
    const placed = (await sfs.get(`/api/v1/persons/${p.id}/placements`)).body.items.some((x) => x.active);
    if (!placed) own.push(p);
  }
  others = (await qu.post('/api/v1/persons/search', { status: 'under_assistance', page_size: 100 })).body.items.filter((p) => !in001(p));
  assert.ok(own.length >= 6 && others.length >= 1, `own ${own.length}, others ${others.length}`);
});
after(async () => { await srv.stop(); });

async function newBase(client, capacity, over = {}) {
  const b = await client.post('/api/v1/bases', { kind: 'enterprise', name: `测试基地${Math.random()}`, enterprise: '测试企业', ...over });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  const a = await client.post(`/api/v1/bases/${b.body.id}/agreements`, {
    signed_on: dayFrom(-30), valid_from: dayFrom(-30), valid_to: dayFrom(335), capacity, services: ['lodging', 'work'],
  });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  return b.body.id;
}

test('R-BASE-1 the demo has the district base and enterprise bases with their occupancy', async () => {
  const list = (await qu.get('/api/v1/bases')).body.items;
  const district = list.find((b) => b.kind === 'district');
  assert.ok(district && district.agreement && district.agreement.capacity === 20);
  assert.ok(list.filter((b) => b.kind === 'enterprise').length >= 10);
  assert.ok(list.some((b) => b.occupied > 0));
  for (const b of list.filter((x) => x.agreement)) assert.ok(b.occupied <= b.agreement.capacity);
  // A township sees the district base and its own bases only.
  const mine = (await zj.get('/api/v1/bases')).body.items;
  assert.ok(mine.some((b) => b.kind === 'district'));
  assert.ok(mine.filter((b) => b.kind === 'enterprise').every((b) => b.unit.name === '昌元街道'));
  assert.ok(!mine.find((b) => b.kind === 'district').can_manage);
});

test('R-BASE-1 a township officer places a person: the timeline, the file and the occupancy', async () => {
  const id = await newBase(zj, 3);
  const r = await zj.post(`/api/v1/persons/${own[0].id}/placements`, { base_id: id, placed_on: dayFrom(-2) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const base = (await zj.get(`/api/v1/bases/${id}`)).body;
  assert.equal(base.occupied, 1);
  assert.ok(base.placements.some((p) => p.person_id === own[0].id && p.active));
  const file = (await sfs.get(`/api/v1/persons/${own[0].id}/placements`)).body.items;
  assert.ok(file.some((p) => p.id === r.body.id && p.placed_on === dayFrom(-2)));
  const timeline = (await sfs.get(`/api/v1/persons/${own[0].id}/timeline`)).body.items;
  assert.ok(timeline.some((e) => e.code === 'base.placed'));
  // One active placement a person.
  const again = await zj.post(`/api/v1/persons/${own[0].id}/placements`, { base_id: id, placed_on: dayFrom(0) });
  assert.equal(again.body.error.code, 'ALREADY_PLACED');
  // Leaving: not before the placement; then the place is free again.
  const early = await sfs.post(`/api/v1/placements/${r.body.id}/end`, { ended_on: dayFrom(-3) });
  assert.equal(early.body.error.code, 'DATE_ORDER');
  const left = await sfs.post(`/api/v1/placements/${r.body.id}/end`, { ended_on: dayFrom(0), reason: '回家务农' });
  assert.equal(left.status, 200, JSON.stringify(left.body));
  assert.equal((await zj.get(`/api/v1/bases/${id}`)).body.occupied, 0);
  assert.equal((await sfs.post(`/api/v1/placements/${r.body.id}/end`, { ended_on: dayFrom(0) })).body.error.code, 'PLACEMENT_ENDED');
});

test('R-BASE-1 two placements racing for the last place: exactly one succeeds, the other is BASE_FULL', async () => {
  const id = await newBase(sfs, 2);
  const first = await sfs.post(`/api/v1/persons/${own[1].id}/placements`, { base_id: id, placed_on: dayFrom(0) });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const [a, b] = await Promise.all([
    sfs.post(`/api/v1/persons/${own[2].id}/placements`, { base_id: id, placed_on: dayFrom(0) }),
    zj.post(`/api/v1/persons/${own[3].id}/placements`, { base_id: id, placed_on: dayFrom(0) }),
  ]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [201, 409], JSON.stringify([a.body, b.body]));
  const refused = a.status === 409 ? a : b;
  assert.equal(refused.body.error.code, 'BASE_FULL');
  const base = (await sfs.get(`/api/v1/bases/${id}`)).body;
  assert.equal(base.occupied, base.agreement.capacity);
  assert.equal(base.placements.filter((p) => p.active).length, 2);
});

test('R-BASE-1 scope: another township cannot place a person it does not reach, nor see or keep another township’s base', async () => {
  const id = await newBase(zj, 5);
  const other = await loginAs(srv, 'zj_101');
  assert.equal((await other.post(`/api/v1/persons/${own[4].id}/placements`, { base_id: id, placed_on: dayFrom(0) })).status, 404);
  assert.equal((await other.get(`/api/v1/bases/${id}`)).status, 404);
  const otherBases = (await other.get('/api/v1/bases')).body.items;
  assert.ok(!otherBases.some((b) => b.id === id));
  // A person the caller does not reach, into its own base.
  assert.equal((await sfs.post(`/api/v1/persons/${others[0].id}/placements`, { base_id: id, placed_on: dayFrom(0) })).body.error.code, 'PERSON_NOT_FOUND');
  // The district base is kept by the district only.
  const district = (await zj.get('/api/v1/bases')).body.items.find((b) => b.kind === 'district');
  assert.equal((await zj.post(`/api/v1/bases/${district.id}/agreements`, { signed_on: dayFrom(0), valid_from: dayFrom(800), valid_to: dayFrom(900), capacity: 5 })).body.error.code, 'BASE_NOT_YOURS');
  assert.equal((await zj.post('/api/v1/bases', { kind: 'district', name: '越权' })).body.error.code, 'BASE_NOT_YOURS');
  // Police and village cadres keep no bases.
  const pcs = await loginAs(srv, 'pcs_001');
  assert.equal((await pcs.get('/api/v1/bases')).status, 403);
});

test('R-BASE-1 bad input: dates in order, capacity at least 1, no overlap, no placement without a valid agreement', async () => {
  const b = await zj.post('/api/v1/bases', { kind: 'enterprise', name: '坏输入基地' });
  const id = b.body.id;
  const agree = (over) => zj.post(`/api/v1/bases/${id}/agreements`, { signed_on: dayFrom(-400), valid_from: dayFrom(-400), valid_to: dayFrom(-10), capacity: 3, ...over });
  assert.equal((await agree({ valid_to: dayFrom(-401) })).body.error.code, 'DATE_ORDER');
  assert.equal((await agree({ capacity: 0 })).body.error.code, 'CAPACITY_INVALID');
  assert.equal((await agree({ capacity: -2 })).body.error.code, 'CAPACITY_INVALID');
  assert.equal((await agree({ services: ['spa'] })).body.error.field, 'services');
  assert.equal((await agree({ signed_on: dayFrom(3) })).body.error.field, 'signed_on');
  assert.equal((await agree({})).status, 201);  // expired ten days ago
  assert.equal((await agree({ valid_from: dayFrom(-20), valid_to: dayFrom(100) })).body.error.code, 'AGREEMENT_OVERLAP');
  const expired = await zj.post(`/api/v1/persons/${own[4].id}/placements`, { base_id: id, placed_on: dayFrom(0) });
  assert.equal(expired.body.error.code, 'NO_VALID_AGREEMENT');
  const future = await zj.post(`/api/v1/persons/${own[4].id}/placements`, { base_id: id, placed_on: dayFrom(1) });
  assert.equal(future.body.error.code, 'DATE_IN_FUTURE');
  assert.equal((await zj.post('/api/v1/bases', { kind: 'enterprise', name: '' })).body.error.field, 'name');
  assert.equal((await zj.post('/api/v1/bases', { kind: 'camp', name: '某' })).body.error.field, 'kind');
  assert.equal((await qu.post('/api/v1/bases', { kind: 'enterprise', name: '无镇街' })).body.error.code, 'UNIT_NOT_TOWNSHIP');
});

test('R-BASE-1 a township without an enterprise agreement valid today is flagged, visible to the district', async () => {
  const tasks = (await qu.get('/api/v1/base-tasks')).body.items;
  assert.ok(tasks.length >= 20 && tasks.every((t) => t.rule === 'R-BASE-1'));
  const flagged = tasks.filter((t) => t.state === 'open');
  assert.ok(flagged.length >= 2, 'the demo leaves a few townships without a valid agreement');
  assert.ok(tasks.some((t) => t.state === 'done'));
  const mine = (await zj.get('/api/v1/base-tasks')).body.items;
  assert.equal(mine.length, 1);
  assert.equal(mine[0].unit.name, '昌元街道');
  assert.equal(mine[0].state, 'done');
  // A flagged township signs an agreement: its task is done.
  const t = flagged[0];
  const b = await qu.post('/api/v1/bases', { kind: 'enterprise', unit_id: t.unit.id, name: '新签基地' });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  await qu.post(`/api/v1/bases/${b.body.id}/agreements`, { signed_on: dayFrom(0), valid_from: dayFrom(0), valid_to: dayFrom(364), capacity: 4 });
  const after = (await qu.get('/api/v1/base-tasks')).body.items.find((x) => x.unit.id === t.unit.id);
  assert.equal(after.state, 'done');
});

test('R-EMP-2 human resources keeps trainings; judicial offices enrol within the places', async () => {
  const list = (await rs.get('/api/v1/trainings')).body.items;
  assert.ok(list.length >= 5, 'the demo has trainings of this year and last');
  const bad = await rs.post('/api/v1/trainings', { programme: '反了', provider: '某校', starts_on: dayFrom(5), ends_on: dayFrom(4), places: 3 });
  assert.equal(bad.body.error.code, 'DATE_ORDER');
  assert.equal((await rs.post('/api/v1/trainings', { programme: '零', provider: '某校', starts_on: dayFrom(5), ends_on: dayFrom(6), places: 0 })).body.error.code, 'PLACES_INVALID');
  const r = await rs.post('/api/v1/trainings', { programme: '焊工', provider: '荣昌技工学校', starts_on: dayFrom(-1), ends_on: dayFrom(10), places: 2 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  // Only human resources keeps trainings.
  assert.equal((await sfs.post('/api/v1/trainings', { programme: '越权', provider: '某', starts_on: dayFrom(1), ends_on: dayFrom(2), places: 2 })).status, 403);
  const mz = await loginAs(srv, 'mz');
  assert.equal((await mz.post('/api/v1/trainings', { programme: '民政', provider: '某', starts_on: dayFrom(1), ends_on: dayFrom(2), places: 2 })).body.error.code, 'NOT_HUMAN_RESOURCES');
  // Enrolment: through the guard, never beyond the places (two race for the last one).
  const e1 = await sfs.post(`/api/v1/trainings/${r.body.id}/enrolments`, { person_id: own[0].id });
  assert.equal(e1.status, 201, JSON.stringify(e1.body));
  assert.equal((await sfs.post(`/api/v1/trainings/${r.body.id}/enrolments`, { person_id: own[0].id })).body.error.code, 'ALREADY_ENROLLED');
  assert.equal((await sfs.post(`/api/v1/trainings/${r.body.id}/enrolments`, { person_id: others[0].id })).body.error.code, 'PERSON_NOT_FOUND');
  const [a, b] = await Promise.all([
    sfs.post(`/api/v1/trainings/${r.body.id}/enrolments`, { person_id: own[1].id }),
    sfs.post(`/api/v1/trainings/${r.body.id}/enrolments`, { person_id: own[2].id }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [201, 409]);
  assert.equal((a.status === 409 ? a : b).body.error.code, 'TRAINING_FULL');
  assert.equal((await rs.put(`/api/v1/trainings/${r.body.id}`, { programme: '焊工', provider: '荣昌技工学校', starts_on: dayFrom(-1), ends_on: dayFrom(10), places: 1 })).body.error.code, 'PLACES_BELOW_ENROLLED');
  // Human resources records attendance and the certificate; the file shows them.
  const detail = (await rs.get(`/api/v1/trainings/${r.body.id}`)).body;
  assert.equal(detail.enrolments.length, 2);
  const mineE = detail.enrolments.find((e) => e.person_id === own[0].id);
  assert.match(mineE.id_number_masked, /\*/);
  assert.equal(Object.keys(mineE).sort().join(), 'attended,certificate,id,id_number_masked,name,person_id,unit');
  assert.equal((await rs.put(`/api/v1/enrolments/${mineE.id}/attendance`, { attended: false, certificate: 'X1' })).body.error.code, 'CERTIFICATE_WITHOUT_ATTENDANCE');
  assert.equal((await rs.put(`/api/v1/enrolments/${mineE.id}/attendance`, { attended: true, certificate: 'RC-0001' })).status, 200);
  assert.equal((await sfs.put(`/api/v1/enrolments/${mineE.id}/attendance`, { attended: true })).status, 403);
  const file = (await sfs.get(`/api/v1/persons/${own[0].id}/trainings`)).body.items.find((x) => x.training_id === r.body.id);
  assert.ok(file.attended === true && file.certificate === 'RC-0001');
  const timeline = (await sfs.get(`/api/v1/persons/${own[0].id}/timeline`)).body.items;
  assert.ok(timeline.some((e) => e.code === 'training.enrolled') && timeline.some((e) => e.code === 'training.certified'));
  // Before a training begins there is no attendance to record.
  const later = await rs.post('/api/v1/trainings', { programme: '厨师', provider: '某校', starts_on: dayFrom(5), ends_on: dayFrom(9), places: 5 });
  const e3 = await sfs.post(`/api/v1/trainings/${later.body.id}/enrolments`, { person_id: own[5].id });
  assert.equal((await rs.put(`/api/v1/enrolments/${e3.body.id}/attendance`, { attended: true })).body.error.code, 'TRAINING_NOT_STARTED');
});

test('R-EMP-2 human resources sees no file of the persons it trains', async () => {
  const list = (await rs.get('/api/v1/trainings')).body.items;
  const withPeople = list.find((x) => x.enrolled > 0);
  const detail = (await rs.get(`/api/v1/trainings/${withPeople.id}`)).body;
  assert.ok(detail.enrolments.length > 0);
  const pid = detail.enrolments[0].person_id;
  for (const path of ['', '/timeline', '/trainings', '/placements', '/tasks', '/education']) {
    const r = await rs.get(`/api/v1/persons/${pid}${path}`);
    assert.notEqual(r.status, 200, `rs read /persons/${pid}${path}`);
  }
  assert.notEqual((await rs.post('/api/v1/persons/search', { page_size: 5 })).status, 200);
  assert.notEqual((await rs.get('/api/v1/bases')).status, 200);
});

test('R-EMP-2 the yearly task of human resources: two trainings a year (dated policy)', async () => {
  const tasks = (await rs.get('/api/v1/training-tasks')).body.items;
  const year = tasks.find((t) => t.key === `R-EMP-2/${srv.today.slice(0, 4)}`);
  assert.ok(year, JSON.stringify(tasks));
  assert.equal(year.rule, 'R-EMP-2');
  assert.equal(year.state, 'done');  // the demo's trainings of this year
  assert.equal(year.due, `${srv.today.slice(0, 4)}-12-31`);
  // The district sees it too; a judicial office does not own it.
  assert.ok((await qu.get('/api/v1/training-tasks')).body.items.some((t) => t.key === year.key));
  assert.equal((await sfs.get('/api/v1/training-tasks')).body.items.length, 0);
  const policy = (await loginAs(srv, 'admin'));
  const params = (await policy.get('/api/v1/policy')).body;
  assert.ok(JSON.stringify(params).includes('skills_trainings_per_year'));
});
