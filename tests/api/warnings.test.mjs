// R-WRN-1 (issue 8): a warning makes the person a key subject and reaches the police station's
// workbench; the notice, the lift; a re-offence ends the assistance period (R-PER-1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, sfs, zj, pcs, pcs2, cadre, mz, units, charge;

async function made(name) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, release_date: day(-60) }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

before(async () => {
  srv = await startServer({ persons: 10 });
  sfs = await loginAs(srv, 'sfs_001');
  zj = await loginAs(srv, 'zj_001');
  pcs = await loginAs(srv, 'pcs_001');
  pcs2 = await loginAs(srv, 'pcs_002');
  cadre = await loginAs(srv, 'cj_001_002');
  mz = await loginAs(srv, 'mz');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

const warning = (over = {}) => ({ sign_kind: 'threat', signs: '酒后扬言报复', observed_on: day(-3), measures: '上门谈心', ...over });

test('R-WRN-1 a warning makes the person a key subject and reaches the police station', async () => {
  const id = await made('预警甲');
  const w = await zj.post(`/api/v1/persons/${id}/warnings`, warning());
  assert.equal(w.status, 201, JSON.stringify(w.body));
  const cls = (await zj.get(`/api/v1/persons/${id}/classification`)).body;
  assert.equal(cls.class, 'key');
  assert.deepEqual(cls.reasons.map((r) => [r.criterion, r.source]), [['reoffending_tendency', `warning:${w.body.id}`]]);
  let board = (await pcs.get('/api/v1/workbench/police')).body;
  assert.ok(board.warnings.some((x) => x.id === w.body.id && x.notified_on === null && x.police_station.id === units.PCS500153001.id));
  assert.ok(board.key_subjects.some((k) => k.person_id === id && k.open_warnings === 1));
  assert.ok(!(await pcs2.get('/api/v1/workbench/police')).body.warnings.some((x) => x.id === w.body.id));
  const n = await zj.post(`/api/v1/persons/${id}/warnings/${w.body.id}/notice`, { notified_on: day(-2), officer: '王警官' });
  assert.equal(n.status, 200, JSON.stringify(n.body));
  assert.equal((await zj.post(`/api/v1/persons/${id}/warnings/${w.body.id}/notice`, { notified_on: day(-1), officer: '王警官' })).status, 409);
  board = (await pcs.get('/api/v1/workbench/police')).body;
  assert.equal(board.warnings.find((x) => x.id === w.body.id).notified_officer, '王警官');
  const timeline = (await zj.get(`/api/v1/persons/${id}/timeline`)).body.items.map((e) => e.code);
  assert.ok(timeline.includes('warning.recorded') && timeline.includes('warning.notified') && timeline.includes('class.key'));
  const lift = await sfs.post(`/api/v1/persons/${id}/warnings/${w.body.id}/lift`, { lifted_on: day(0), reason: '全面考察未发现重新犯罪倾向' });
  assert.equal(lift.status, 200, JSON.stringify(lift.body));
  assert.equal((await zj.get(`/api/v1/persons/${id}/classification`)).body.class, 'general');
  const file = (await zj.get(`/api/v1/persons/${id}/warnings`)).body;
  assert.equal(file.warnings[0].state, 'lifted');
});

test('R-WRN-1 refusals: outside the jurisdiction, without permission, bad input', async () => {
  const id = await made('预警乙');
  assert.equal((await cadre.post(`/api/v1/persons/${id}/warnings`, warning())).status, 404);  // another village
  assert.equal((await mz.post(`/api/v1/persons/${id}/warnings`, warning())).status, 403);
  for (const [body, field] of [[warning({ sign_kind: 'rumour' }), 'sign_kind'], [warning({ signs: '' }), 'signs'],
    [warning({ observed_on: day(1) }), 'observed_on'], [warning({ notified_on: day(-1) }), 'notified_officer']]) {
    const r = await zj.post(`/api/v1/persons/${id}/warnings`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.field, field);
  }
  assert.equal((await zj.post(`/api/v1/persons/${id}/warnings/999999/notice`, { notified_on: day(0), officer: '王' })).body.error.code, 'WARNING_NOT_FOUND');
});

test('R-PER-1 a re-offence ends the period through the new sentence and is kept', async () => {
  const id = await made('重犯丙');
  const body = { offence_on: day(-10), custody_on: day(-8), charge_id: charge, authority: '荣昌区公安局', expected_release_date: day(700) };
  assert.equal((await zj.post(`/api/v1/persons/${id}/reoffences`, body)).status, 403);
  assert.equal((await pcs.post(`/api/v1/persons/${id}/reoffences`, { ...body, charge_id: 999999 })).body.error.code, 'CHARGE_NOT_FOUND');
  assert.equal((await pcs.post(`/api/v1/persons/${id}/reoffences`, { ...body, offence_on: day(-90) })).body.error.code, 'OFFENCE_BEFORE_RELEASE');
  const r = await pcs.post(`/api/v1/persons/${id}/reoffences`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const periods = (await sfs.get(`/api/v1/persons/${id}/periods`)).body;
  assert.equal(periods.earlier[0].end_reason, 'new_sentence');
  assert.equal(periods.earlier[0].ended_on, day(-8));
  const file = (await sfs.get(`/api/v1/persons/${id}/warnings`)).body;
  assert.equal(file.reoffences[0].period_release_date, day(-60));
  assert.equal(file.reoffences[0].in_period, true);
  assert.equal(file.reoffences[0].charge.id, charge);
});
