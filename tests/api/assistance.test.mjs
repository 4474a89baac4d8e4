// R-AID-1..6 (issue 9): social assistance applications, the referral to the deciding unit, the
// department users' narrow view (reach through a referral), answers and decisions, bad input, the
// referral task of referral_answer_days and the outcome on the person's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, sfs, sfs2, zj, zj2, mz, rs, district, units, charge;

async function made(name, over = {}) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, release_date: day(-120), ...over }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
const dibao = (over = {}) => ({
  kind: 'dibao', applied_on: day(-2), addressee: 'department', department: 'civil_affairs', request: '申请低保',
  facts: { household_kind: 'urban', family_size: 2, family_income_fen: 100000 }, ...over,
});
async function applied(person, body = dibao()) {
  const r = await sfs.post(`/api/v1/persons/${person}/assistance`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

before(async () => {
  srv = await startServer({ persons: 10 });
  sfs = await loginAs(srv, 'sfs_001');
  sfs2 = await loginAs(srv, 'sfs_002');
  zj = await loginAs(srv, 'zj_001');
  zj2 = await loginAs(srv, 'zj_002');
  mz = await loginAs(srv, 'mz');
  rs = await loginAs(srv, 'rs');
  district = await loginAs(srv, 'qu_abb');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

test('R-AID-1 the pre-check compares the per-capita income with the dated standard, equal is not below', async () => {
  const id = await made('救助预审');
  const pc = (facts) => sfs.post(`/api/v1/persons/${id}/assistance/precheck`, { kind: 'dibao', applied_on: day(0), facts });
  const below = await pc({ household_kind: 'urban', family_size: 2, family_income_fen: 147999 });
  assert.equal(below.status, 200, JSON.stringify(below.body));
  assert.equal(below.body.rule, 'R-AID-1');
  assert.equal(below.body.overall, 'met');
  assert.equal(below.body.standard_fen, 74000);
  assert.equal((await pc({ household_kind: 'urban', family_size: 2, family_income_fen: 148000 })).body.overall, 'not_met');
  assert.equal((await pc({ family_size: 2, family_income_fen: 1000 })).body.overall, 'unknown');
  const bad = await pc({ family_income_fen: -5 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'facts.family_income_fen');
  assert.match(bad.body.error.message, /[\u4e00-\u9fff]/);
  // a department user cannot pre-check (no assistance:apply)
  assert.equal((await mz.post(`/api/v1/persons/${id}/assistance/precheck`, { kind: 'dibao', facts: {} })).status, 403);
});

test('R-AID-2 the pre-check of 特困 reads the age on the application date from the birth date', async () => {
  const id = await made('特困预审');
  const r = await sfs.post(`/api/v1/persons/${id}/assistance/precheck`, {
    kind: 'tekun', applied_on: day(0), facts: { disabled: true, able_to_work: false, has_income: false, has_supporter: false },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.rule, 'R-AID-2');
  assert.equal(r.body.overall, 'met');
  assert.equal(typeof r.body.age, 'number');
});

test('R-AID-1 a referral to civil affairs: mz sees only it, accepts, grants; the file shows the outcome', async () => {
  const id = await made('低保甲');
  const aid = await applied(id);
  // the civil-affairs user sees the referral, the human-resources user does not
  const waiting = (await mz.get('/api/v1/assistance/referrals?view=waiting')).body.items;
  const row = waiting.find((x) => x.id === aid);
  assert.ok(row, 'mz sees the referral');
  assert.equal(row.person.name, '低保甲');
  assert.match(row.person.id_number_masked, /\*/);
  assert.ok(!(await rs.get('/api/v1/assistance/referrals?view=waiting')).body.items.some((x) => x.id === aid));
  const view = await mz.get(`/api/v1/assistance/referrals/${aid}`);
  assert.equal(view.status, 200, JSON.stringify(view.body));
  assert.equal(view.body.person.name, '低保甲');
  assert.equal(view.body.facts.family_size, 2);
  assert.equal(view.body.precheck.overall, 'met');
  assert.deepEqual(Object.keys(view.body.person).sort(), ['household_address', 'household_unit', 'id_number', 'name']);
  assert.equal((await rs.get(`/api/v1/assistance/referrals/${aid}`)).status, 404);
  // accept, then grant
  const acc = await mz.post(`/api/v1/assistance/referrals/${aid}/accept`, { on: day(-1) });
  assert.equal(acc.status, 200, JSON.stringify(acc.body));
  const dec = await mz.post(`/api/v1/assistance/referrals/${aid}/decision`, { on: day(0), outcome: 'granted', amount_fen: 48000, from: day(0), to: day(365) });
  assert.equal(dec.status, 200, JSON.stringify(dec.body));
  assert.equal((await mz.post(`/api/v1/assistance/referrals/${aid}/decision`, { on: day(0), outcome: 'refused', reason: '重复' })).status, 409);
  // the judicial office sees the outcome on the file and the timeline
  const mine = (await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.find((x) => x.id === aid);
  assert.equal(mine.state, 'granted');
  assert.equal(mine.amount_fen, 48000);
  assert.deepEqual(mine.steps.map((s) => s.step), ['accepted', 'granted']);
  const codes = (await sfs.get(`/api/v1/persons/${id}/timeline`)).body.items.map((e) => e.code);
  assert.ok(codes.includes('assistance.applied'));
  assert.ok(codes.includes('assistance.granted'));
  assert.ok((await mz.get('/api/v1/assistance/referrals?view=decided')).body.items.some((x) => x.id === aid));
  // R-AID-3: the system now knows the person is in a 低保 family
  const med = await sfs.post(`/api/v1/persons/${id}/assistance/precheck`, { kind: 'medical', applied_on: day(0), facts: {} });
  assert.equal(med.body.overall, 'met');
});

test('R-AID-1 department users reach nothing else of the file: file, visits, timeline, class, tasks answer 404 or 403', async () => {
  const id = await made('低保乙');
  await applied(id);
  for (const path of ['', '/timeline', '/visits', '/reviews', '/classification', '/tasks', '/records', '/help-group', '/assistance', '/outings', '/warnings']) {
    const r = await mz.get(`/api/v1/persons/${id}${path}`);
    assert.ok([403, 404].includes(r.status), `${path}: ${r.status}`);
  }
  assert.equal((await mz.get('/api/v1/persons')).status, 403);
  assert.equal((await mz.post(`/api/v1/persons/${id}/assistance`, dibao())).status, 403);
});

test('R-AID-1 a referral decided by the wrong department is refused and changes nothing', async () => {
  const id = await made('低保丙');
  const aid = await applied(id);
  const wrong = await rs.post(`/api/v1/assistance/referrals/${aid}/decision`, { on: day(0), outcome: 'granted', amount_fen: 100, from: day(0), to: day(30) });
  assert.equal(wrong.status, 404);
  assert.equal(wrong.body.error.code, 'REFERRAL_NOT_FOUND');
  assert.equal((await rs.post(`/api/v1/assistance/referrals/${aid}/accept`, { on: day(0) })).status, 404);
  // a township officer of another township is not its deciding unit either
  assert.equal((await zj.post(`/api/v1/assistance/referrals/${aid}/accept`, { on: day(0) })).status, 404);
  const mine = (await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.find((x) => x.id === aid);
  assert.equal(mine.state, 'referred');
  assert.equal(mine.steps.length, 0);
  // the judicial office cannot decide (no assistance:decide)
  assert.equal((await sfs.post(`/api/v1/assistance/referrals/${aid}/accept`, { on: day(0) })).status, 403);
});

test('R-AID-1 bad decisions give a code and a Chinese message and change nothing', async () => {
  const id = await made('低保丁');
  const aid = await applied(id);
  const bad = [
    [{ on: day(0), outcome: 'granted', amount_fen: -100, from: day(0), to: day(30) }, 'AMOUNT_INVALID', 'amount_fen'],
    [{ on: day(0), outcome: 'granted', amount_fen: 100, from: day(30), to: day(0) }, 'DATE_ORDER', 'to'],
    [{ on: day(0), outcome: 'refused' }, 'FIELD_REQUIRED', 'reason'],
    [{ on: day(0), outcome: 'refused', reason: '   ' }, 'FIELD_REQUIRED', 'reason'],
    [{ on: day(0), outcome: 'maybe' }, 'FIELD_VALUE', 'outcome'],
    [{ on: day(-10), outcome: 'refused', reason: '不符合' }, 'DATE_ORDER', 'on'],
  ];
  for (const [body, code, field] of bad) {
    const r = await mz.post(`/api/v1/assistance/referrals/${aid}/decision`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.code, code, JSON.stringify(r.body));
    assert.equal(r.body.error.field, field);
    assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
  }
  const mine = (await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.find((x) => x.id === aid);
  assert.equal(mine.state, 'referred');
  assert.equal(mine.decided_on, null);
  const refused = await mz.post(`/api/v1/assistance/referrals/${aid}/decision`, { on: day(0), outcome: 'refused', reason: '家庭人均收入高于标准' });
  assert.equal(refused.status, 200);
  const after = (await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.find((x) => x.id === aid);
  assert.equal(after.refusal_reason, '家庭人均收入高于标准');
});

test('R-AID-5 a referral to the household township: its township officers act as civil affairs; documents requested', async () => {
  const id = await made('住房甲');
  const aid = await applied(id, { kind: 'housing', applied_on: day(-1), addressee: 'township', facts: { housing_hardship: true, dibao_member: true } });
  assert.equal((await mz.get(`/api/v1/assistance/referrals/${aid}`)).status, 404);
  assert.equal((await zj2.post(`/api/v1/assistance/referrals/${aid}/documents`, { on: day(0), missing: '房屋产权证明' })).status, 404);
  assert.ok((await zj.get('/api/v1/assistance/referrals?view=waiting')).body.items.some((x) => x.id === aid));
  const empty = await zj.post(`/api/v1/assistance/referrals/${aid}/documents`, { on: day(0), missing: '' });
  assert.equal(empty.status, 400);
  const docs = await zj.post(`/api/v1/assistance/referrals/${aid}/documents`, { on: day(0), missing: '房屋产权证明' });
  assert.equal(docs.status, 200, JSON.stringify(docs.body));
  const mine = (await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.find((x) => x.id === aid);
  assert.equal(mine.state, 'documents_requested');
  assert.equal(mine.documents_missing, '房屋产权证明');
  assert.equal(mine.precheck.rule, 'R-AID-5');
  assert.equal(mine.precheck.overall, 'met');
});

test('R-AID-4 an application to a school is decided through the education department', async () => {
  const id = await made('教育甲');
  const noSchool = await sfs.post(`/api/v1/persons/${id}/assistance`, { kind: 'education', applied_on: day(0), addressee: 'school', facts: {} });
  assert.equal(noSchool.status, 400);
  assert.equal(noSchool.body.error.field, 'school_name');
  const aid = await applied(id, { kind: 'education', applied_on: day(0), addressee: 'school', school_name: '荣昌职业教育中心', facts: { in_education: true } });
  const mine = (await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.find((x) => x.id === aid);
  assert.equal(mine.deciding_unit.id, units['DEPT-education'].id);
  assert.equal(mine.precheck.overall, 'unknown');
});

test('R-AID-6 a referral unanswered after referral_answer_days is an overdue task of the deciding unit the district sees', async () => {
  const id = await made('临时甲');
  const aid = await applied(id, { kind: 'temporary', applied_on: day(-20), addressee: 'department', department: 'civil_affairs', facts: { sudden_event: true, event_kind: 'fire', event_date: day(-21) } });
  const overdue = (await mz.get('/api/v1/assistance/referrals?view=overdue')).body.items.find((x) => x.id === aid);
  assert.ok(overdue, 'on the overdue list');
  assert.equal(overdue.due, day(-5));
  const tasks = (await district.get(`/api/v1/tasks?person_id=${id}&page_size=100`)).body.items;
  const task = tasks.find((x) => x.rule === 'R-AID-6');
  assert.ok(task, JSON.stringify(tasks.map((x) => x.rule)));
  assert.equal(task.unit.id, units['DEPT-civil_affairs'].id);
  assert.equal(task.state, 'overdue');
  // the first answer closes it
  assert.equal((await mz.post(`/api/v1/assistance/referrals/${aid}/accept`, { on: day(0) })).status, 200);
  const after = (await district.get(`/api/v1/tasks?person_id=${id}&page_size=100`)).body.items.find((x) => x.rule === 'R-AID-6');
  assert.equal(after.state, 'done');
  assert.ok(!(await mz.get('/api/v1/assistance/referrals?view=overdue')).body.items.some((x) => x.id === aid));
});

test('R-AID-3 bad applications give a code and a Chinese message and record nothing', async () => {
  const id = await made('申请乙');
  const cases = [
    [dibao({ kind: 'nope' }), 'kind'],
    [dibao({ addressee: 'moon' }), 'addressee'],
    [dibao({ department: 'nowhere' }), 'department'],
    [dibao({ applied_on: day(3) }), 'applied_on'],
    [dibao({ facts: { family_size: 0 } }), 'facts.family_size'],
    [dibao({ facts: { surprise: true } }), 'facts.surprise'],
    [dibao({ kind: 'temporary', facts: { sudden_event: true } }), 'facts.event_kind'],
  ];
  for (const [body, field] of cases) {
    const r = await sfs.post(`/api/v1/persons/${id}/assistance`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.field, field, JSON.stringify(r.body));
    assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
  }
  assert.equal((await sfs.get(`/api/v1/persons/${id}/assistance`)).body.items.length, 0);
  // another township's judicial office cannot apply for this person
  assert.equal((await sfs2.post(`/api/v1/persons/${id}/assistance`, dibao())).status, 404);
});
