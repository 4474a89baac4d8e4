// R-ALW-1..6 (issue 10): the hardship allowance's chain of four units with refusals for users
// outside their duty or jurisdiction, the entitlement explained, the monthly payment run (one run
// for two clerks confirming at once, nothing paid twice), the reversing entry, the xlsx payment
// list, the report and the standards. TEST_TODAY is 2026-11-26.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody, zipEntry } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, sfs, sfs2, cadre, cadre2, zj, zj2, leader, leader2, district, mz, units, charge;
const DOCS = { release_certificate: true, id_card: true, household_register: true };

// A person of village 500153001001, released `released` days ago, registered `registered` days ago.
async function person(name, released = -120, registered = -80) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, { name, release_date: day(released) }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  if (registered !== null) {
    const reg = await sfs.post(`/api/v1/persons/${r.body.id}/registrations`, { registered_on: day(registered), certificate_no: `A-${name}` });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
  }
  return r.body.id;
}
async function apply(id, over = {}) {
  const r = await sfs.post(`/api/v1/persons/${id}/allowance`, { applied_on: day(-10), documents: DOCS, household_kind: 'urban', hardship: '无生活来源', ...over });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
const stepOf = (client, aid, step, on, note = '', extra = {}) =>
  client.post(`/api/v1/allowance/applications/${aid}/steps`, { step, on, note, ...extra });
async function approved(id) {
  const aid = await apply(id);
  assert.equal((await stepOf(cadre, aid, 'certified', day(-9), '情况属实')).status, 200);
  assert.equal((await stepOf(sfs, aid, 'verified', day(-8), '核实属实，同意')).status, 200);
  assert.equal((await stepOf(leader, aid, 'approved', day(-7), '同意')).status, 200);
  return aid;
}
const section = async (id, client = sfs) => (await client.get(`/api/v1/persons/${id}/allowance`)).body;

before(async () => {
  srv = await startServer({ persons: 10 });
  [sfs, sfs2, cadre, cadre2, zj, zj2, leader, leader2, district, mz] = await Promise.all(
    ['sfs_001', 'sfs_002', 'cj_001_001', 'cj_001_002', 'zj_001', 'zj_002', 'mzld_001', 'mzld_002', 'qu_abb', 'mz'].map((u) => loginAs(srv, u)));
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

test('R-ALW-2 each step only by the unit that owes it, in order, who and when kept', async () => {
  const id = await person('补助链条');
  const aid = await apply(id);
  let s = await section(id);
  assert.equal(s.applications[0].state, 'certificate');
  assert.equal(s.applications[0].village_unit.id, units['500153001001'].id);
  assert.deepEqual(s.applications[0].actions, []);  // the judicial office does not certify for the village
  assert.equal(s.can_apply, false);  // one application of the period
  // Not before the certificate, not by another village, not by the judicial office.
  assert.equal((await stepOf(sfs, aid, 'verified', day(-9), '核实')).status, 403);
  assert.equal((await stepOf(cadre2, aid, 'certified', day(-9))).status, 404);  // outside its village
  assert.deepEqual((await section(id, cadre)).applications[0].actions, ['certify', 'return', 'reject']);
  const early = await stepOf(cadre, aid, 'certified', day(-11));
  assert.equal(early.status, 400);
  assert.equal(early.body.error.code, 'DATE_ORDER');
  assert.equal((await stepOf(cadre, aid, 'certified', day(-9), '情况属实')).status, 200);
  assert.equal((await stepOf(cadre, aid, 'certified', day(-9))).status, 403);  // now the judicial office's step
  // The judicial office verifies with its signed opinion (required); another office cannot reach it.
  assert.equal((await stepOf(sfs2, aid, 'verified', day(-8), '核实')).status, 404);
  const bare = await stepOf(sfs, aid, 'verified', day(-8), '');
  assert.equal(bare.status, 400);
  assert.equal(bare.body.error.field, 'note');
  // Sent back one step for more information, then certified again.
  assert.equal((await stepOf(sfs, aid, 'returned', day(-8), '请补充家庭收入证明')).body.state, 'certificate');
  assert.equal((await stepOf(cadre, aid, 'certified', day(-8), '已补充')).status, 200);
  assert.equal((await stepOf(sfs, aid, 'verified', day(-8), '核实属实，同意')).body.state, 'approval');
  // The township's civil-affairs leader approves: not the township's clerk, not another township's leader.
  assert.equal((await stepOf(zj, aid, 'approved', day(-7))).status, 403);
  assert.equal((await stepOf(leader2, aid, 'approved', day(-7))).status, 404);
  const ok = await stepOf(leader, aid, 'approved', day(-7), '同意');
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.state, 'approved');
  const again = await stepOf(leader, aid, 'approved', day(-7));
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'ALLOWANCE_STEP_NOT_ALLOWED');
  s = await section(id);
  const a = s.applications[0];
  assert.deepEqual(a.steps.map((x) => x.step), ['applied', 'certified', 'returned', 'certified', 'verified', 'approved']);
  assert.equal(a.steps[4].note, '核实属实，同意');
  assert.ok(a.steps.every((x) => x.user_name && x.unit));
  assert.equal(a.approved_on, day(-7));
  // The timeline shows the outcome.
  const tl = await sfs.get(`/api/v1/persons/${id}/timeline`);
  assert.ok(tl.body.items.some((e) => e.kind === 'allowance' && e.code === 'allowance.approved'), 'on the timeline');
});

test('R-ALW-2 a rejection ends the application with its reason; the office may apply again', async () => {
  const id = await person('补助驳回');
  const aid = await apply(id);
  assert.equal((await stepOf(cadre, aid, 'rejected', day(-9), '')).status, 400);
  const r = await stepOf(cadre, aid, 'rejected', day(-9), '经核实家庭收入稳定');
  assert.equal(r.body.state, 'rejected');
  assert.equal((await stepOf(cadre, aid, 'certified', day(-9))).status, 409);
  const s = await section(id);
  assert.equal(s.applications[0].rejected_reason, '经核实家庭收入稳定');
  assert.equal(s.can_apply, true);
});

test('R-ALW-2 the open step is the owing unit\'s task and waits on its work list', async () => {
  const id = await person('补助任务');
  const aid = await apply(id);
  const tasks = (await cadre.get(`/api/v1/persons/${id}/tasks`)).body.items.filter((t) => t.rule === 'R-ALW-2');
  assert.equal(tasks.length, 1);
  assert.equal(tasks[0].anchor, 'certificate');
  assert.equal(tasks[0].due, day(0));  // applied ten days ago, allowance_step_days 10
  assert.equal(tasks[0].unit.id, units['500153001001'].id);
  const work = await cadre.get('/api/v1/allowance/work');
  assert.equal(work.status, 200);
  assert.ok(work.body.items.some((x) => x.id === aid && x.state === 'certificate'));
  assert.equal((await sfs.get('/api/v1/allowance/work')).body.items.some((x) => x.id === aid), false);
  assert.equal((await mz.get('/api/v1/allowance/work')).status, 403);
});

test('bad input changes nothing: documents, registration, a second application, bad dates', async () => {
  const id = await person('补助错误');
  const docs = await sfs.post(`/api/v1/persons/${id}/allowance`, { applied_on: day(-1), documents: { ...DOCS, id_card: false }, household_kind: 'urban' });
  assert.equal(docs.status, 400);
  assert.equal(docs.body.error.code, 'ALLOWANCE_DOCUMENTS');
  assert.match(docs.body.error.message, /[\u4e00-\u9fff]/);
  const kind = await sfs.post(`/api/v1/persons/${id}/allowance`, { applied_on: day(-1), documents: DOCS, household_kind: 'city' });
  assert.equal(kind.status, 400);
  assert.equal((await section(id)).applications.length, 0);
  const unregistered = await person('补助未报到', -40, null);
  assert.equal((await section(unregistered)).can_apply, false, 'not offered before the registration');
  const reg = await sfs.post(`/api/v1/persons/${unregistered}/allowance`, { applied_on: day(-1), documents: DOCS, household_kind: 'urban' });
  assert.equal(reg.status, 400);
  assert.equal(reg.body.error.code, 'ALLOWANCE_NOT_REGISTERED');
  await apply(id);
  const twice = await sfs.post(`/api/v1/persons/${id}/allowance`, { applied_on: day(-1), documents: DOCS, household_kind: 'urban' });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error.code, 'ALLOWANCE_EXISTS');
  assert.equal((await section(id)).applications.length, 1);
  assert.equal((await zj.post(`/api/v1/persons/${id}/allowance`, { applied_on: day(-1), documents: DOCS, household_kind: 'urban' })).status, 403);
  const month = await zj.get(`/api/v1/allowance/due?township_unit_id=${units['500153001'].id}&month=2026-13`);
  assert.equal(month.status, 400);
});

test('R-ALW-3 late registration takes whole months off, explained on the application', async () => {
  // Released 150 days ago: deadline 120 days ago (2026-07-29); registered 2026-08-29 = one whole month late.
  const id = await person('补助晚报到', -150, -89);
  await approved(id);
  const e = (await section(id)).applications[0].entitlement;
  assert.equal(e.deadline, day(-120));
  assert.equal(e.registered_on, day(-89));
  assert.equal(e.rounding, 'whole');
  assert.equal(e.months_late, 1);
  assert.equal(e.months_payable, 5);
  assert.equal(e.months.length, 5);
  assert.equal(e.months[0].month, '2026-11');  // from the month of the approval
  assert.equal(e.total_fen, 5 * 74000);
});

test('R-ALW-4 低保 granted stops the allowance from its month', async () => {
  const id = await person('补助低保');
  await approved(id);
  const app = await sfs.post(`/api/v1/persons/${id}/assistance`, {
    kind: 'dibao', applied_on: day(-2), addressee: 'department', department: 'civil_affairs', request: '申请低保',
    facts: { household_kind: 'urban', family_size: 1, family_income_fen: 0 },
  });
  assert.equal(app.status, 201, JSON.stringify(app.body));
  const dec = await mz.post(`/api/v1/assistance/referrals/${app.body.id}/decision`, { on: day(0), outcome: 'granted', amount_fen: 74000, from: '2027-01-01', to: '2027-12-31' });
  assert.equal(dec.status, 200, JSON.stringify(dec.body));
  const e = (await section(id)).applications[0].entitlement;
  assert.deepEqual(e.months.map((m) => m.status), ['payable', 'payable', 'dibao', 'dibao', 'dibao', 'dibao']);
  assert.equal(e.stop_rule, 'R-ALW-4');
  assert.equal(e.stopped_from, '2027-01');
  assert.equal(e.total_fen, 2 * 74000);
});

test('R-ALW-1 R-ALW-6 the month\'s run: two clerks at once confirm one run, paying twice is refused, a reversal makes it due again', async () => {
  const id = await person('补助发放');
  const aid = await approved(id);
  const town = units['500153001'].id;
  const due = await zj.get(`/api/v1/allowance/due?township_unit_id=${town}&month=2026-11`);
  assert.equal(due.status, 200);
  const line = due.body.lines.find((l) => l.application_id === aid);
  assert.ok(line, 'the approved application is due this month');
  assert.equal(line.amount_fen, 74000);
  assert.equal(line.household_kind, 'urban');
  assert.equal(due.body.can_confirm, true);
  assert.match(line.id_number_masked, /\*/);
  // The district reads it, cannot confirm; another township cannot read it.
  assert.equal((await district.get(`/api/v1/allowance/due?township_unit_id=${town}&month=2026-11`)).body.can_confirm, false);
  assert.equal((await zj2.get(`/api/v1/allowance/due?township_unit_id=${town}&month=2026-11`)).status, 403);
  assert.equal((await zj2.post('/api/v1/allowance/runs', { township_unit_id: town, month: '2026-11' })).status, 403);
  assert.equal((await zj.post('/api/v1/allowance/runs', { township_unit_id: town, month: '2026-12' })).status, 400);  // not begun
  const stale = await zj.post('/api/v1/allowance/runs', { township_unit_id: town, month: '2026-11', expected_total_fen: due.body.total_fen + 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'ALLOWANCE_DUE_CHANGED');
  const zjB = await loginAs(srv, 'zj_001');
  const both = await Promise.all([zj, zjB].map((c) => c.post('/api/v1/allowance/runs', { township_unit_id: town, month: '2026-11' })));
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 409]);
  assert.equal(both.find((r) => r.status === 409).body.error.code, 'ALLOWANCE_NOTHING_DUE');
  const runId = both.find((r) => r.status === 201).body.id;
  const run = await zj.get(`/api/v1/allowance/runs/${runId}`);
  assert.equal(run.body.state, 'confirmed');
  assert.ok(run.body.lines.some((l) => l.application_id === aid));
  assert.equal(run.body.total_fen, due.body.total_fen);
  assert.equal((await zj2.get(`/api/v1/allowance/runs/${runId}`)).status, 404);
  // Held by the run: nothing due any more.
  assert.equal((await zj.get(`/api/v1/allowance/due?township_unit_id=${town}&month=2026-11`)).body.lines.length, 0);
  const pays = await Promise.all([zj, zjB].map((c) => c.post(`/api/v1/allowance/runs/${runId}/paid`, { on: day(0) })));
  assert.deepEqual(pays.map((r) => r.status).sort(), [200, 409]);
  let a = (await section(id)).applications[0];
  const month = a.entitlement.months[0];
  assert.equal(month.paid_fen, 74000);
  assert.equal(month.paid_on, day(0));
  const payment = a.ledger.find((e) => e.kind === 'payment');
  assert.equal(payment.amount_fen, 74000);
  const tasks = (await zj.get(`/api/v1/tasks?person_id=${id}&page_size=100`)).body.items.filter((t) => t.rule === 'R-ALW-1');
  assert.equal(tasks.find((t) => t.key.endsWith('/2026-11')).state, 'done');
  // A correction is a reversing entry; the month is due again.
  const bad = await zj.post(`/api/v1/allowance/ledger/${payment.id}/reverse`, { on: day(0), reason: '' });
  assert.equal(bad.status, 400);
  assert.equal((await zj2.post(`/api/v1/allowance/ledger/${payment.id}/reverse`, { on: day(0), reason: '误发' })).status, 404);
  const rev = await zj.post(`/api/v1/allowance/ledger/${payment.id}/reverse`, { on: day(0), reason: '收款账号有误' });
  assert.equal(rev.status, 201, JSON.stringify(rev.body));
  const twice = await zj.post(`/api/v1/allowance/ledger/${payment.id}/reverse`, { on: day(0), reason: '再冲' });
  assert.equal(twice.status, 409);
  assert.equal((await zj.post(`/api/v1/allowance/ledger/${rev.body.id}/reverse`, { on: day(0), reason: '冲冲正' })).status, 409);
  a = (await section(id)).applications[0];
  assert.equal(a.entitlement.months[0].paid_fen, 0);
  assert.deepEqual(a.ledger.map((e) => [e.kind, e.amount_fen, e.reversed]), [['payment', 74000, true], ['reversal', -74000, false]]);
  const again = await zj.get(`/api/v1/allowance/due?township_unit_id=${town}&month=2026-11`);
  assert.deepEqual(again.body.lines.map((l) => l.application_id), [aid]);
  // The report counts the month's net.
  const rep = await district.get('/api/v1/allowance/report?from=2026-06&to=2026-11');
  assert.equal(rep.status, 200);
  const row = rep.body.rows.find((r) => r.township_unit.id === town && r.month === '2026-11');
  assert.ok(row.approvals >= 1);
  const mine = await zj2.get('/api/v1/allowance/report?from=2026-06&to=2026-11');
  assert.ok(mine.body.rows.every((r) => r.township_unit.id !== town), 'another township sees only its own');
});

test('R-ALW-1 a confirmed list not yet paid can be cancelled with a reason; its months are due again', async () => {
  const id = await person('补助作废');
  const aid = await approved(id);
  const town = units['500153001'].id;
  const run = await zj.post('/api/v1/allowance/runs', { township_unit_id: town, month: '2026-11' });
  assert.equal(run.status, 201, JSON.stringify(run.body));
  let view = await zj.get(`/api/v1/allowance/runs/${run.body.id}`);
  assert.equal(view.body.can_cancel, true);
  assert.equal((await district.get(`/api/v1/allowance/runs/${run.body.id}`)).body.can_cancel, false);
  assert.equal((await zj.post(`/api/v1/allowance/runs/${run.body.id}/cancel`, { reason: '' })).status, 400);
  assert.equal((await zj2.post(`/api/v1/allowance/runs/${run.body.id}/cancel`, { reason: '误确认' })).status, 404);
  const ok = await zj.post(`/api/v1/allowance/runs/${run.body.id}/cancel`, { reason: '名单有误，重新核对' });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  view = await zj.get(`/api/v1/allowance/runs/${run.body.id}`);
  assert.equal(view.body.state, 'cancelled');
  assert.equal(view.body.cancel_reason, '名单有误，重新核对');
  assert.equal(view.body.can_pay, false);
  const paid = await zj.post(`/api/v1/allowance/runs/${run.body.id}/paid`, { on: day(0) });
  assert.equal(paid.status, 409);
  assert.equal(paid.body.error.code, 'ALLOWANCE_RUN_CANCELLED');
  assert.equal((await zj.post(`/api/v1/allowance/runs/${run.body.id}/cancel`, { reason: '再次' })).status, 409);
  const due = await zj.get(`/api/v1/allowance/due?township_unit_id=${town}&month=2026-11`);
  assert.ok(due.body.lines.some((l) => l.application_id === aid), 'due again');
  const again = await zj.post('/api/v1/allowance/runs', { township_unit_id: town, month: '2026-11' });
  assert.equal(again.status, 201);
  assert.ok((await zj.get(`/api/v1/allowance/runs/${again.body.id}`)).body.seq > view.body.seq);
  // A paid run cannot be cancelled: a payment is corrected by its reversing entry.
  assert.equal((await zj.post(`/api/v1/allowance/runs/${again.body.id}/paid`, { on: day(0) })).status, 200);
  const late = await zj.post(`/api/v1/allowance/runs/${again.body.id}/cancel`, { reason: '晚了' });
  assert.equal(late.status, 409);
  assert.equal(late.body.error.code, 'ALLOWANCE_RUN_PAID');
});

test('the payment list xlsx carries the title, the persons, the total and who exported it', async () => {
  const town = units['500153001'].id;
  const runs = await zj.get(`/api/v1/allowance/runs?township_unit_id=${town}`);
  assert.equal(runs.status, 200);
  const run = runs.body.items.find((r) => r.lines.length > 0);
  assert.ok(run, 'a run with lines');
  const file = await zj.get(`/api/v1/allowance/runs/${run.id}/xlsx`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /spreadsheetml/);
  const strings = zipEntry(file.raw, 'xl/sharedStrings.xml');
  assert.match(strings, /过渡性困难生活补助金发放表/);
  assert.match(strings, new RegExp(run.lines[0].name));
  assert.match(strings, /领取人签字/);
  assert.match(strings, /导出：[^<]*（zj_001）/);
  assert.match(strings, /\*{4}/, 'a township clerk exports masked ID numbers');
  assert.equal((await zj2.get(`/api/v1/allowance/runs/${run.id}/xlsx`)).status, 404);
});

test('R-ALW-1 the standards are the dated policy rows; urban/rural status is dated too', async () => {
  const st = await zj.get('/api/v1/allowance/standards');
  assert.equal(st.status, 200);
  assert.equal(st.body.rows[0].from, null);
  assert.equal(st.body.in_force.urban_fen, 74000);
  assert.equal(st.body.in_force.rural_fen, 60000);
  assert.equal(st.body.can_edit, false);
  const id = await person('补助城乡');
  await approved(id);
  const k = await sfs.post(`/api/v1/persons/${id}/household-kinds`, { since: '2027-01-01', kind: 'rural' });
  assert.equal(k.status, 201, JSON.stringify(k.body));
  const s = await section(id);
  assert.deepEqual(s.household_kinds.map((x) => x.kind), ['urban', 'rural']);
  assert.deepEqual(s.applications[0].entitlement.months.map((m) => m.standard_fen), [74000, 74000, 60000, 60000, 60000, 60000]);
  assert.equal((await sfs.post(`/api/v1/persons/${id}/household-kinds`, { since: '2027-01-01', kind: 'town' })).status, 400);
});
