// R-OUT-1 (issue 8): going out for work; the destination office is notified and may record a visit
// only while the outing is active; an overdue return is a 脱管 risk. R-PCK-1/2 pick-up details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, sfs, sfs2, sfs3, zj, pcs, units, charge;

async function made(name, over = {}) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, release_date: day(-80), ...over }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

before(async () => {
  srv = await startServer({ persons: 10 });
  sfs = await loginAs(srv, 'sfs_001');
  sfs2 = await loginAs(srv, 'sfs_002');
  sfs3 = await loginAs(srv, 'sfs_003');
  zj = await loginAs(srv, 'zj_001');
  pcs = await loginAs(srv, 'pcs_001');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

const outing = (over = {}) => ({ destination_unit_id: units['500153002'].id, employer: '昌州机械厂', phone: '13800000001', left_on: day(-20), expected_return: day(100), ...over });
const visit = { held_on: day(-1), form: '到务工地走访', situation: '务工正常' };

test('R-OUT-1 the destination office sees the outing and may record a visit only while it is active', async () => {
  const id = await made('外出甲');
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/follow-ups`, visit)).status, 404);
  const o = await sfs.post(`/api/v1/persons/${id}/outings`, outing());
  assert.equal(o.status, 201, JSON.stringify(o.body));
  const incoming = (await sfs2.get('/api/v1/outings/incoming')).body.items;
  const item = incoming.find((x) => x.id === o.body.id);
  assert.ok(item);
  assert.equal(item.active, true);
  assert.equal(item.destination_office.id, units.SFS500153002.id);
  assert.ok(!(await sfs3.get('/api/v1/outings/incoming')).body.items.some((x) => x.id === o.body.id));
  const v = await sfs2.post(`/api/v1/persons/${id}/follow-ups`, visit);
  assert.equal(v.status, 201, JSON.stringify(v.body));
  assert.equal((await sfs2.get(`/api/v1/persons/${id}`)).status, 200);
  assert.equal((await sfs2.get(`/api/v1/persons/${id}/timeline`)).status, 404);
  assert.equal((await sfs3.post(`/api/v1/persons/${id}/follow-ups`, visit)).status, 404);
  assert.equal((await sfs.post(`/api/v1/persons/${id}/outings`, outing())).body.error.code, 'OUTING_OPEN');
  const back = await sfs.post(`/api/v1/persons/${id}/outings/${o.body.id}/return`, { returned_on: day(0) });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal((await sfs.post(`/api/v1/persons/${id}/outings/${o.body.id}/return`, { returned_on: day(0) })).status, 409);
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/follow-ups`, visit)).status, 404);
  const mine = (await sfs.get(`/api/v1/persons/${id}/outings`)).body.items;
  assert.equal(mine[0].returned_on, day(0));
  assert.equal(mine[0].active, false);
});

test('R-OUT-1 an outing elsewhere overdue without news is on the 脱管 list', async () => {
  const id = await made('外出乙');
  const o = await sfs.post(`/api/v1/persons/${id}/outings`, outing({ destination_unit_id: undefined, division_code: '440306', address: '深圳市宝安区某厂', left_on: day(-70), expected_return: day(-40) }));
  assert.equal(o.status, 201, JSON.stringify(o.body));
  const lost = (await sfs.get('/api/v1/supervision/lost')).body.items.find((x) => x.person_id === id);
  assert.equal(lost?.reason, 'outing_overdue');
  assert.equal(lost.due, day(-40));
});

test('R-OUT-1 refusals and bad input', async () => {
  const id = await made('外出丙');
  assert.equal((await pcs.post(`/api/v1/persons/${id}/outings`, outing())).status, 403);
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/outings`, outing())).status, 404);
  for (const [body, code] of [[outing({ destination_unit_id: undefined, division_code: '99', address: 'x' }), 'DIVISION_CODE'],
    [outing({ destination_unit_id: units['500153001'].id }), 'DESTINATION_SAME_TOWNSHIP'],
    [outing({ destination_unit_id: units.PCS500153002.id }), 'DESTINATION_NOT_FOUND'],
    [outing({ expected_return: day(-30) }), 'DATE_ORDER'], [outing({ phone: '' }), 'FIELD_REQUIRED']]) {
    const r = await sfs.post(`/api/v1/persons/${id}/outings`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.code, code);
  }
});

test('R-PCK-1/2 a failed pick-up does not fulfil the task; the party fits the class', async () => {
  const id = await made('接回丁', { release_date: day(-2) });
  const pickTask = async () => (await sfs.get(`/api/v1/persons/${id}/tasks`)).body.items.find((t) => t.rule === 'R-PCK-2');
  const failed = await zj.post(`/api/v1/persons/${id}/pickups`, { picked_on: day(-2), kind: 'family', place: '永川监狱', outcome: 'not_met' });
  assert.equal(failed.body.error.field, 'next_steps');
  assert.equal((await zj.post(`/api/v1/persons/${id}/pickups`, { picked_on: day(-2), kind: 'family', place: '永川监狱', outcome: 'not_met', next_steps: '联系监狱核实' })).status, 201);
  assert.notEqual((await pickTask()).state, 'done');
  const police = await zj.post(`/api/v1/persons/${id}/pickups`, { picked_on: day(-1), kind: 'family', party: [{ name: '赵某', unit: '派出所', role: 'police' }] });
  assert.equal(police.body.error.code, 'PICKUP_ROLE_FOR_CLASS');
  assert.equal((await zj.post(`/api/v1/persons/${id}/pickups`, { picked_on: day(-1), kind: 'family', party: 'x' })).body.error.code, 'FIELD_TYPE');
  const ok = await zj.post(`/api/v1/persons/${id}/pickups`, {
    picked_on: day(-1), kind: 'family', place: '永川监狱', picked_at: '09:30', vehicle: '渝B12345', handover_signed: true, handover_by: '狱政科王某',
    party: [{ name: '母亲', unit: '母亲', role: 'family_member' }, { name: '李某', unit: '村委会', role: 'village_representative' }],
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal((await pickTask()).state, 'done');
  const rec = (await sfs.get(`/api/v1/persons/${id}/records`)).body.items.filter((r) => r.kind === 'pickup');
  assert.deepEqual(rec.map((r) => r.data.outcome).sort(), ['met', 'not_met']);
  assert.equal(rec.find((r) => r.data.outcome === 'met').data.headcount, 2);
});
