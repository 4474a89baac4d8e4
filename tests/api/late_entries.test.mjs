// Issue 7 §7: late entries (补录) with both dates and the back-dating limit (a dated policy
// parameter); the correction of a release notice (R-LNK-4) and of the registration (R-REG-1); the
// custody unit opening the answers it received.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom, TEST_TODAY } from '../support/server.mjs';
import { makeId } from '../support/ids.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, kss, sfs, other, admin, units, charge;

before(async () => {
  srv = await startServer({ persons: 10 });
  kss = await loginAs(srv, 'kss');
  sfs = await loginAs(srv, 'sfs_001');
  other = await loginAs(srv, 'sfs_101');
  admin = await loginAs(srv, 'admin');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

async function newPerson(name, seq) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, charge, {
    name, id_number: makeId('500153', '19850505', seq), release_date: day(-60),
  }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

test('a record dated before the day it is entered is a late entry with both dates; the limit is 90 days', async () => {
  const id = await newPerson('补录甲', 611);
  const ok = await sfs.post(`/api/v1/persons/${id}/follow-ups`, { kind: 'visit', held_on: day(-3), form: '入户走访' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal((await sfs.post(`/api/v1/persons/${id}/follow-ups`, { kind: 'visit', held_on: day(0) })).status, 201);
  const recs = await sfs.get(`/api/v1/persons/${id}/records`);
  assert.equal(recs.status, 200);
  const visits = recs.body.items.filter((r) => r.kind === 'visit');
  assert.deepEqual(visits.map((v) => [v.on, v.entered_on, v.late]), [[day(0), TEST_TODAY, false], [day(-3), TEST_TODAY, true]]);
  const tl = await sfs.get(`/api/v1/persons/${id}/timeline`);
  const late = tl.body.items.find((e) => e.code === 'followup.visit' && e.params.late_on);
  assert.equal(late.params.late_on, day(-3));
  assert.equal(late.params.entered_on, TEST_TODAY);
});

test('the back-dating limit is refused with DATE_TOO_FAR_BACK one day past it, and follows the policy from its date', async () => {
  const id = await newPerson('补录乙', 615);
  // Released 60 days ago: lower the limit to 10 days from today.
  const put = await admin.put('/api/v1/policy', { name: 'backdate_limit_days', value: '10', effective_from: TEST_TODAY });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  const policy = await admin.get('/api/v1/policy');
  assert.ok(policy.body.parameters.includes('backdate_limit_days'));
  const far = await sfs.post(`/api/v1/persons/${id}/pickups`, { picked_on: day(-11), kind: 'family' });
  assert.equal(far.status, 400);
  assert.equal(far.body.error.code, 'DATE_TOO_FAR_BACK');
  assert.equal(far.body.error.field, 'picked_on');
  assert.match(far.body.error.message, new RegExp(day(-10)));
  const edge = await sfs.post(`/api/v1/persons/${id}/pickups`, { picked_on: day(-10), kind: 'family' });
  assert.equal(edge.status, 201, JSON.stringify(edge.body));
  const meeting = await sfs.post('/api/v1/meetings', { held_on: day(-11), topic: '联络会' });
  assert.equal(meeting.body.error.code, 'DATE_TOO_FAR_BACK');
  const held = await sfs.post('/api/v1/meetings', { held_on: day(-2), topic: '联络会' });
  assert.equal(held.status, 201);
  const list = await sfs.get('/api/v1/meetings');
  const m = list.body.items.find((x) => x.held_on === day(-2) && x.topic === '联络会');
  assert.equal(m.late, true);
  assert.equal(m.entered_on, TEST_TODAY);
  // Back to 90 for the other tests, once the recompute of the first change is done.
  for (let i = 0; i < 100; i++) {
    const job = await admin.get(`/api/v1/jobs/${put.body.job_id}`);
    if (job.body.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const back = await admin.put('/api/v1/policy', { name: 'backdate_limit_days', value: '90', effective_from: TEST_TODAY });
  assert.equal(back.status, 200, JSON.stringify(back.body));
});

test('R-REG-1 a second registration is refused; a correction needs a reason and is kept', async () => {
  const id = await newPerson('报到丙', 613);
  assert.equal((await sfs.get(`/api/v1/persons/${id}/records`)).body.registration, null);
  assert.equal((await sfs.put(`/api/v1/persons/${id}/registration`, { registered_on: day(-5), certificate_no: 'A1', reason: '更正' })).status, 404);
  const reg = await sfs.post(`/api/v1/persons/${id}/registrations`, { registered_on: day(-5), certificate_no: 'A1' });
  assert.equal(reg.status, 201);
  const again = await sfs.post(`/api/v1/persons/${id}/registrations`, { registered_on: day(-4), certificate_no: 'A1' });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'REGISTRATION_EXISTS');
  const noReason = await sfs.put(`/api/v1/persons/${id}/registration`, { registered_on: day(-5), certificate_no: 'A2' });
  assert.equal(noReason.body.error.code, 'FIELD_REQUIRED');
  assert.equal(noReason.body.error.field, 'reason');
  const fixed = await sfs.put(`/api/v1/persons/${id}/registration`, { registered_on: day(-6), certificate_no: 'A2', reason: '编号录错' });
  assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
  const recs = await sfs.get(`/api/v1/persons/${id}/records`);
  assert.equal(recs.body.registration.certificate_no, 'A2');
  assert.equal(recs.body.registration.registered_on, day(-6));
  assert.equal(recs.body.registration.late, true);
  const tl = await sfs.get(`/api/v1/persons/${id}/timeline`);
  const entry = tl.body.items.find((e) => e.code === 'registration.corrected');
  assert.equal(entry.params.reason, '编号录错');
  assert.ok(entry.changes.some((c) => c.field === 'certificate_no' && c.old === 'A1' && c.new === 'A2'));
  assert.equal((await other.put(`/api/v1/persons/${id}/registration`, { registered_on: day(-6), certificate_no: 'A2', reason: 'x' })).status, 404);
});

test('R-LNK-4 the sender corrects its release notice with a reason; the first stays in the history', async () => {
  const person = personBody(units['500153001001'].id, charge, {
    name: '更正丁', id_number: makeId('500153', '19870707', 617), release_date: day(40), release_kind: undefined,
  });
  const form = await kss.post('/api/v1/documents/registration-forms', { person, received_into_custody: day(-200) });
  assert.equal(form.status, 201, JSON.stringify(form.body));
  const first = await kss.post('/api/v1/documents/release-notices', { form_id: form.body.id, release_date: day(40), risk_level: 'low' });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal((await kss.post('/api/v1/documents/release-notices', { form_id: form.body.id, release_date: day(41), risk_level: 'low' })).body.error.code, 'RELEASE_NOTICE_EXISTS');
  // Anyone but the sender: 404 before the body is read.
  const foreign = await sfs.post(`/api/v1/documents/${first.body.id}/correction`, { release_date: day(42), risk_level: 'low', reason: 'x' });
  assert.equal(foreign.status, 404);
  const noReason = await kss.post(`/api/v1/documents/${first.body.id}/correction`, { release_date: day(42), risk_level: 'low' });
  assert.equal(noReason.body.error.code, 'FIELD_REQUIRED');
  const fixed = await kss.post(`/api/v1/documents/${first.body.id}/correction`, { release_date: day(45), risk_level: 'medium', reason: '减刑裁定后释放日期变更' });
  assert.equal(fixed.status, 201, JSON.stringify(fixed.body));
  assert.equal(fixed.body.supersedes, first.body.id);
  assert.equal(fixed.body.correction_reason, '减刑裁定后释放日期变更');
  const twice = await kss.post(`/api/v1/documents/${first.body.id}/correction`, { release_date: day(46), risk_level: 'low', reason: 'y' });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error.code, 'DOCUMENT_SUPERSEDED');
  const file = await sfs.get(`/api/v1/persons/${form.body.person_id}`);
  assert.equal(file.body.release_date, day(45));
  const sent = await kss.get('/api/v1/documents?box=sent&kind=release_notice');
  const old = sent.body.items.find((d) => d.id === first.body.id);
  assert.equal(old.superseded_by, fixed.body.id);
  const detail = await kss.get(`/api/v1/documents/${fixed.body.id}`);
  assert.equal(detail.status, 200);
  assert.deepEqual(detail.body.history.map((d) => d.id), [first.body.id]);

  // The custody unit opens the arrangement it received, and the verification feedback.
  const answer = await sfs.post(`/api/v1/documents/${fixed.body.id}/reception`, { pickup_by: 'family', planned_date: day(45) });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  const verified = await sfs.post(`/api/v1/documents/${form.body.id}/verification`, { false_name: 'cleared', false_identity: 'cleared', false_address: 'suspected' });
  assert.equal(verified.status, 201);
  const opened = await kss.get(`/api/v1/documents/${answer.body.id}`);
  assert.equal(opened.status, 200);
  assert.equal(opened.body.document.kind, 'reception_arrangement');
  assert.equal(opened.body.answers.id, fixed.body.id);
  const formDetail = await kss.get(`/api/v1/documents/${form.body.id}`);
  assert.deepEqual(formDetail.body.replies.map((d) => d.kind), ['verification_feedback']);
  assert.equal((await other.get(`/api/v1/documents/${answer.body.id}`)).status, 404);
  const audit = await loginAs(srv, 'auditor');
  const log = await audit.get('/api/v1/audit?action=document_read');
  assert.equal(log.status, 200);
  assert.ok(log.body.total >= 3, JSON.stringify(log.body));
});
