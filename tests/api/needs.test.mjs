// Issue 9 item 1 (the needs list) and R-INS-1 (social insurance): the registration's needs become
// open needs, actions and status changes are dated rows, another township neither reads nor writes,
// bad input answers a code and a Chinese message and changes nothing; responses contract-checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
const chinese = /[\u4e00-\u9fff]/;
let srv, sfs, sfs2, units, charge;

async function made(name) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, release_date: day(-20) }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

before(async () => {
  srv = await startServer({ persons: 10 });
  sfs = await loginAs(srv, 'sfs_001');
  sfs2 = await loginAs(srv, 'sfs_002');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

test('needs list: registration needs become open needs, R-EMP-1 action and met are new rows', async () => {
  const id = await made('需求甲');
  const reg = await sfs.post(`/api/v1/persons/${id}/registrations`, { registered_on: day(-10), certificate_no: 'SF-N-1', policies_explained: true, needs: { work: true, housing: true, money: false } });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));
  const list = (await sfs.get(`/api/v1/persons/${id}/needs`)).body.items;
  assert.deepEqual(list.map((n) => n.category).sort(), ['housing', 'work']);
  assert.ok(list.every((n) => n.status === 'open' && n.source === 'registration' && n.raised_on === day(-10)));
  const work = list.find((n) => n.category === 'work');
  const act = await sfs.post(`/api/v1/persons/${id}/needs/${work.id}/updates`, { on_date: day(-5), status: 'in_progress', action: '推荐至区公共就业服务中心', link_kind: 'employment_service' });
  assert.equal(act.status, 201, JSON.stringify(act.body));
  const met = await sfs.post(`/api/v1/persons/${id}/needs/${work.id}/updates`, { on_date: day(0), status: 'met' });
  assert.equal(met.status, 201, JSON.stringify(met.body));
  const after1 = (await sfs.get(`/api/v1/persons/${id}/needs`)).body.items.find((n) => n.id === work.id);
  assert.equal(after1.status, 'met');
  assert.deepEqual(after1.updates.map((u) => u.status), ['open', 'in_progress', 'met']);
  assert.equal(after1.updates[1].link_kind, 'employment_service');
  const open = (await sfs.get('/api/v1/needs/open?category=housing&page_size=100')).body;
  assert.ok(open.items.some((n) => n.person_id === id && n.category === 'housing'));
  assert.ok(!(await sfs.get('/api/v1/needs/open?category=work&page_size=100')).body.items.some((n) => n.need_id === work.id));
  const codes = (await sfs.get(`/api/v1/persons/${id}/timeline`)).body.items.map((e) => e.code);
  assert.ok(codes.includes('need.raised') && codes.includes('need.status_action') && codes.includes('need.status'));
});

test('needs list: a later assessment updates the open need of its category instead of adding one', async () => {
  const id = await made('需求乙');
  const a = await sfs.post(`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: day(-3), items: [{ category: 'health', status: 'open', note: '腰伤需要就医' }] });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const b = await sfs.post(`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: day(-1), items: [{ category: 'health', status: 'in_progress' }] });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  assert.deepEqual(b.body.ids, a.body.ids);
  const list = (await sfs.get(`/api/v1/persons/${id}/needs`)).body.items;
  assert.equal(list.length, 1);
  assert.equal(list[0].status, 'in_progress');
});

test('needs list: another township can neither read nor write; bad input changes nothing', async () => {
  const id = await made('需求丙');
  const ok = await sfs.post(`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: day(-1), items: [{ category: 'family', status: 'open' }] });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const needId = ok.body.ids[0];
  assert.equal((await sfs2.get(`/api/v1/persons/${id}/needs`)).status, 404);
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: day(-1), items: [{ category: 'work', status: 'open' }] })).status, 404);
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/needs/${needId}/updates`, { on_date: day(0), status: 'met' })).status, 404);
  assert.ok(!(await sfs2.get('/api/v1/needs/open?page_size=100')).body.items.some((n) => n.person_id === id));
  const bad = [
    [`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: day(-1), items: [{ category: 'car', status: 'open' }] }, 'NEED_CATEGORY'],
    [`/api/v1/persons/${id}/needs/assessments`, { source: 'assessment', assessed_on: day(-1), items: [{ category: 'work', status: 'done' }] }, 'NEED_STATUS'],
    [`/api/v1/persons/${id}/needs/${needId}/updates`, { on_date: day(0), status: 'closed' }, 'NEED_STATUS'],
    [`/api/v1/persons/${id}/needs/${needId}/updates`, { on_date: day(0), action: '转介', link_kind: 'bank' }, 'NEED_LINK_KIND'],
  ];
  for (const [path, body, code] of bad) {
    const r = await sfs.post(path, body);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.error.code, code);
    assert.match(r.body.error.message, chinese);
  }
  const future = await sfs.post(`/api/v1/persons/${id}/needs/${needId}/updates`, { on_date: day(3), status: 'met' });
  assert.equal(future.status, 400);
  assert.match(future.body.error.message, chinese);
  const list = (await sfs.get(`/api/v1/persons/${id}/needs`)).body.items;
  assert.equal(list.length, 1);
  assert.equal(list[0].updates.length, 1);
});

test('R-INS-1 insurance entries keep their history; a step must fit the status; other townships are refused', async () => {
  const id = await made('社保甲');
  const a = await sfs.post(`/api/v1/persons/${id}/insurance`, { scheme: 'pension_employee', status: 'transferring', step: 'transfer_applied', on_date: day(-8), place: '荣昌区社保中心' });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const b = await sfs.post(`/api/v1/persons/${id}/insurance`, { scheme: 'pension_employee', status: 'transferred', step: 'transfer_completed', on_date: day(-1) });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  const mismatch = await sfs.post(`/api/v1/persons/${id}/insurance`, { scheme: 'medical', status: 'lapsed', step: 'continued', on_date: day(-1) });
  assert.equal(mismatch.status, 400);
  assert.equal(mismatch.body.error.code, 'INSURANCE_STEP_STATUS');
  assert.match(mismatch.body.error.message, chinese);
  assert.equal((await sfs.post(`/api/v1/persons/${id}/insurance`, { scheme: 'medical', status: 'insured', on_date: day(2) })).status, 400);
  assert.equal((await sfs.post(`/api/v1/persons/${id}/insurance`, { scheme: 'car', status: 'insured', on_date: day(0) })).body.error.code, 'INSURANCE_SCHEME');
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/insurance`, { scheme: 'medical', status: 'insured', on_date: day(0) })).status, 404);
  assert.equal((await sfs2.get(`/api/v1/persons/${id}/insurance`)).status, 404);
  const cs = await sfs.post(`/api/v1/persons/${id}/insurance/civil-servant`, { former_civil_servant: true, on_date: day(-2) });
  assert.equal(cs.status, 201, JSON.stringify(cs.body));
  const v = (await sfs.get(`/api/v1/persons/${id}/insurance`)).body;
  assert.equal(v.entries.length, 2);
  assert.deepEqual(v.entries.map((e) => e.step), ['transfer_applied', 'transfer_completed']);
  assert.equal(v.current.pension_employee.status, 'transferred');
  assert.equal(v.former_civil_servant, true);
});

test('needs list and R-INS-1: the demo district\'s needs and insurance match the contract', async () => {
  const c = await loginAs(srv, 'qu_abb');
  const open = await c.get('/api/v1/needs/open?page_size=100');
  assert.equal(open.status, 200, JSON.stringify(open.body));
  assert.ok(open.body.items.length > 0, 'the demo has open needs');
  assert.ok(Object.values(open.body.counts).reduce((a, b) => a + b, 0) >= open.body.items.length);
  const persons = [...new Set(open.body.items.map((n) => n.person_id))].slice(0, 10);
  assert.ok(persons.length > 0);
  for (const id of persons) {
    const n = await c.get(`/api/v1/persons/${id}/needs`);
    assert.equal(n.status, 200, JSON.stringify(n.body));
    assert.ok(n.body.items.length > 0);
    assert.equal((await c.get(`/api/v1/persons/${id}/insurance`)).status, 200);
  }
  assert.equal((await c.get('/api/v1/needs/open?category=car')).body.error.code, 'NEED_CATEGORY');
});
