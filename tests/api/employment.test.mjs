// Issue 9: employment (R-EMP-1 status entries and services, R-EMP-3 benefits) and the derived
// 安置情况 on the file, in the person list (column and filter) and in the roster.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody, zipEntry } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, sfs, sfs2, pcs, qu, units, charge, hr;

async function made(name) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, release_date: day(-80) }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

before(async () => {
  srv = await startServer({ persons: 60 });
  sfs = await loginAs(srv, 'sfs_001');
  sfs2 = await loginAs(srv, 'sfs_002');
  pcs = await loginAs(srv, 'pcs_001');
  qu = await loginAs(srv, 'qu_abb');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
  hr = units['DEPT-hr_social_security'].id;
});
after(async () => { await srv.stop(); });

const employed = (over = {}) => ({ kind: 'employed', since: day(-10), employer: '荣昌区某陶瓷有限公司', job: '包装工', ...over });
const loan = (over = {}) => ({ kind: 'micro_loan', department_unit_id: hr, amount_fen: 5000000, from_on: day(-30), to_on: day(700), lender: '荣昌农商银行', ...over });

test('R-EMP-1 a new file is not resettled (not recorded); an employment status makes it 已安置 (就业) on the file and in the list', async () => {
  const id = await made('就业甲');
  const before = await sfs.get(`/api/v1/persons/${id}/employment`);
  assert.equal(before.status, 200);
  assert.equal(before.body.current, null);
  assert.deepEqual([before.body.resettlement.status, before.body.resettlement.reason], ['not_resettled', 'not_recorded']);
  const seek = await sfs.post(`/api/v1/persons/${id}/employment/statuses`, { kind: 'seeking_work', since: day(-40) });
  assert.equal(seek.status, 201, JSON.stringify(seek.body));
  const r = await sfs.post(`/api/v1/persons/${id}/employment/statuses`, employed());
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const file = (await sfs.get(`/api/v1/persons/${id}/employment`)).body;
  assert.equal(file.current.id, r.body.id);
  assert.deepEqual(file.statuses.map((s) => s.kind), ['employed', 'seeking_work']);
  assert.equal(file.resettlement.status, 'employed');
  assert.equal(file.resettlement.resettled, true);
  assert.equal(file.resettlement.facts.employment, 'employed');
  const list = (await sfs.get('/api/v1/persons?resettlement=employed&page_size=100')).body.items;
  const row = list.find((x) => x.id === id);
  assert.equal(row?.resettlement, 'employed');
  assert.equal(row.resettlement_reason, null);
  assert.ok(list.every((x) => x.resettlement === 'employed'));
  const timeline = (await sfs.get(`/api/v1/persons/${id}/timeline`)).body.items;
  assert.ok(timeline.some((e) => e.code === 'employment.status' && e.params.employer === '荣昌区某陶瓷有限公司'));
});

test('R-EMP-1 not resettled with the reason; family support; the resettled filter', async () => {
  const id = await made('就业乙');
  assert.equal((await sfs.post(`/api/v1/persons/${id}/employment/statuses`, { kind: 'not_willing', since: day(-20) })).status, 201);
  let row = (await sfs.get('/api/v1/persons?resettlement=not_resettled&page_size=100')).body.items.find((x) => x.id === id);
  assert.deepEqual([row?.resettlement, row?.resettlement_reason], ['not_resettled', 'unwilling']);
  assert.equal((await sfs.post(`/api/v1/persons/${id}/employment/statuses`, { kind: 'unable_to_work', since: day(-5), supported_by_family: true })).status, 201);
  row = (await sfs.get('/api/v1/persons?resettlement=resettled&page_size=100')).body.items.find((x) => x.id === id);
  assert.equal(row?.resettlement, 'family_support');
  const bad = await sfs.get('/api/v1/persons?resettlement=retired');
  assert.equal(bad.status, 400);
});

test('R-EMP-1 the demo district is varied: most resettled, some not with reasons', async () => {
  const all = (await qu.get('/api/v1/persons?status=under_assistance&page_size=100')).body;
  const kinds = new Set(all.items.map((x) => x.resettlement));
  assert.ok(kinds.has('employed') && kinds.has('not_resettled'), [...kinds].join(','));
  assert.ok(kinds.size >= 4, [...kinds].join(','));
  const resettled = (await qu.get('/api/v1/persons?status=under_assistance&resettlement=resettled&page_size=1')).body.total;
  assert.ok(resettled * 2 > all.total, `${resettled} of ${all.total}`);
});

test('R-EMP-1 a public employment service with its provider; bad input changes nothing', async () => {
  const id = await made('就业丙');
  const ok = await sfs.post(`/api/v1/persons/${id}/employment/services`, { kind: 'job_introduction', given_on: day(-3), provider_unit_id: hr, employer: '荣昌区某食品厂' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  for (const [body, code] of [
    [{ kind: 'job_introduction', given_on: day(-3), provider_unit_id: hr }, 'EMPLOYER_REQUIRED'],
    [{ kind: 'advice', given_on: day(-3), provider_unit_id: units['500153001001'].id }, 'PROVIDER_NOT_FOUND'],
    [{ kind: 'advice', given_on: day(-3), provider_unit_id: hr, result: 'hired' }, 'RESULT_NOT_APPLICABLE'],
    [{ kind: 'advice', given_on: day(3), provider_unit_id: hr }, 'DATE_IN_FUTURE'],
  ]) {
    const r = await sfs.post(`/api/v1/persons/${id}/employment/services`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.code, code);
    assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
  }
  const file = (await sfs.get(`/api/v1/persons/${id}/employment`)).body;
  assert.equal(file.services.length, 1);
  assert.equal(file.services[0].result, 'pending');
  assert.equal(file.services[0].provider.id, hr);
});

test('R-EMP-3 a benefit with its department, amount in fen and dates; bad input changes nothing', async () => {
  const id = await made('扶持甲');
  const ok = await sfs.post(`/api/v1/persons/${id}/employment/benefits`, loan());
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  for (const [body, code] of [
    [loan({ amount_fen: -100 }), 'AMOUNT_NEGATIVE'],
    [loan({ to_on: day(-40) }), 'DATE_ORDER'],
    [loan({ department_unit_id: units.SFS500153001.id }), 'DEPARTMENT_NOT_FOUND'],
    [loan({ lender: '' }), 'LENDER_REQUIRED'],
    [loan({ kind: 'hiring_subsidy' }), 'ENTERPRISE_REQUIRED'],
    [loan({ amount_fen: 12.5 }), 'FIELD_TYPE'],
  ]) {
    const r = await sfs.post(`/api/v1/persons/${id}/employment/benefits`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.code, code);
  }
  const file = (await sfs.get(`/api/v1/persons/${id}/employment`)).body;
  assert.equal(file.benefits.length, 1);
  assert.deepEqual([file.benefits[0].amount_fen, file.benefits[0].lender, file.benefits[0].department.id], [5000000, '荣昌农商银行', hr]);
});

test('R-EMP-1 R-EMP-3 scope: an officer of another township cannot read or write; the police cannot write', async () => {
  const id = await made('范围甲');
  assert.equal((await sfs2.get(`/api/v1/persons/${id}/employment`)).status, 404);
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/employment/statuses`, employed())).status, 404);
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/employment/benefits`, loan())).status, 404);
  assert.equal((await pcs.post(`/api/v1/persons/${id}/employment/statuses`, employed())).status, 403);
  assert.equal((await sfs.get(`/api/v1/persons/${id}/employment`)).body.statuses.length, 0);
});

test('R-EMP-1 the roster has the 安置情况 and 未安置原因 columns', async () => {
  const r = await sfs.req('POST', '/api/v1/exports/persons.xlsx', { status: 'under_assistance', resettlement: 'not_resettled' });
  assert.equal(r.status, 200);
  const text = zipEntry(r.raw, 'xl/sharedStrings.xml');
  for (const w of ['安置情况', '未安置原因', '未安置']) assert.ok(text.includes(w), w);
  assert.ok(!text.includes('已安置（就业）'));
});
