// Issue 8: the visit log (R-VIS-1/2, R-LOST-1) and full reviews (R-REV-1, R-CLS-3) over HTTP; every
// response is checked against api/openapi.yaml by the Client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

let srv, sfs, cadre, zj, units;
const day = (offset) => dayFrom(offset);

const fullVisit = (over = {}) => ({
  held_on: day(-3),
  form: 'home_visit',
  outcome: 'met',
  place: '本人家中',
  members: [{ name: '村居干部李华' }, { name: '家属王芳', user_id: null }],
  aspects: { work: '在养殖场务工', family: '与母亲同住', living: '自有住房', health: '良好', thinking: '稳定' },
  situation: '情况稳定',
  findings: '无',
  help_given: '讲解就业扶持政策',
  next_steps: '下月再访',
  ...over,
});

async function person(name, over = {}) {
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs), {
    name, release_date: day(-40), ...over,
  }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

const visitTask = async (id) => (await sfs.get(`/api/v1/persons/${id}/tasks`)).body.items
  .find((t) => t.rule === 'R-VIS-1' && t.window_from <= day(0) && day(0) <= t.due);

before(async () => {
  srv = await startServer({ persons: 300 });
  sfs = await loginAs(srv, 'sfs_001');
  cadre = await loginAs(srv, 'cj_001_001');
  zj = await loginAs(srv, 'zj_001');
  units = await unitsByCode(sfs);
});
after(async () => { await srv.stop(); });

test('R-VIS-1 the full form is kept and listed; a not-found visit does not close the task, a met one does', async () => {
  const p = await person('走访甲');
  assert.equal((await visitTask(p.id)).state, 'open');
  const nf = await cadre.post(`/api/v1/persons/${p.id}/visits`, fullVisit({ outcome: 'not_found', held_on: day(-5), aspects: {} }));
  assert.equal(nf.status, 201, JSON.stringify(nf.body));
  assert.equal(nf.body.fulfils, false);
  assert.equal(nf.body.whereabouts_unknown, false);
  assert.equal((await visitTask(p.id)).state, 'open');
  const met = await cadre.post(`/api/v1/persons/${p.id}/visits`, fullVisit());
  assert.equal(met.status, 201, JSON.stringify(met.body));
  assert.equal(met.body.fulfils, true);
  const task = await visitTask(p.id);
  assert.equal(task.state, 'done');
  assert.equal(task.fulfilled_on, day(-3));
  const list = await sfs.get(`/api/v1/persons/${p.id}/visits`);
  assert.equal(list.status, 200);
  assert.equal(list.body.items.length, 2);
  const [newest, older] = list.body.items;
  assert.equal(newest.outcome, 'met');
  assert.equal(newest.aspects.thinking, '稳定');
  assert.deepEqual(newest.members.map((m) => m.name), ['村居干部李华', '家属王芳']);
  assert.equal(newest.help_given, '讲解就业扶持政策');
  assert.equal(older.outcome, 'not_found');
  const tl = (await sfs.get(`/api/v1/persons/${p.id}/timeline`)).body.items;
  assert.ok(tl.some((e) => e.code === 'followup.visit' && e.params.outcome === 'not_found'));
});

test('R-VIS-2 a refused visit reached the person and closes the task', async () => {
  const p = await person('走访乙');
  const r = await cadre.post(`/api/v1/persons/${p.id}/visits`, fullVisit({ outcome: 'refused', form: 'phone' }));
  assert.equal(r.status, 201);
  assert.equal((await visitTask(p.id)).state, 'done');
});

test('R-LOST-1 two not-found visits in a row put the person on the 脱管 list; a met visit clears it', async () => {
  const p = await person('走访丙');
  const lost = async () => (await sfs.get('/api/v1/supervision/lost')).body.items.find((x) => x.person_id === p.id);
  await cadre.post(`/api/v1/persons/${p.id}/visits`, fullVisit({ outcome: 'not_found', held_on: day(-6) }));
  assert.equal(await lost(), undefined);
  const second = await cadre.post(`/api/v1/persons/${p.id}/visits`, fullVisit({ outcome: 'not_found', held_on: day(-2), form: 'at_work' }));
  assert.equal(second.body.whereabouts_unknown, true);
  assert.equal((await lost())?.reason, 'whereabouts_unknown');
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}/visits`)).body.whereabouts_unknown, true);
  let tl = (await sfs.get(`/api/v1/persons/${p.id}/timeline`)).body.items;
  assert.equal(tl.filter((e) => e.code === 'whereabouts.unknown').length, 1);
  const found = await cadre.post(`/api/v1/persons/${p.id}/visits`, fullVisit({ held_on: day(0) }));
  assert.equal(found.body.whereabouts_unknown, false);
  assert.equal(await lost(), undefined);
  tl = (await sfs.get(`/api/v1/persons/${p.id}/timeline`)).body.items;
  assert.equal(tl.filter((e) => e.code === 'whereabouts.found').length, 1);
});

test('bad visit codes and fields are refused by field; outside the jurisdiction the person is not found', async () => {
  const p = await person('走访丁');
  for (const [body, field] of [
    [fullVisit({ form: 'home' }), 'form'],
    [fullVisit({ outcome: 'gone' }), 'outcome'],
    [fullVisit({ aspects: { money: '多' } }), 'aspects.money'],
    [fullVisit({ members: [{ name: '' }] }), 'members'],
    [fullVisit({ members: 'x' }), 'members'],
    [fullVisit({ held_on: day(1) }), 'held_on'],
    [fullVisit({ form: undefined }), 'form'],
  ]) {
    const r = await cadre.post(`/api/v1/persons/${p.id}/visits`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.field, field, JSON.stringify(r.body));
  }
  const other = await loginAs(srv, 'cj_001_002');
  assert.equal((await other.post(`/api/v1/persons/${p.id}/visits`, fullVisit())).status, 404);
  assert.equal((await zj.post(`/api/v1/persons/${p.id}/visits`, fullVisit())).status, 403);  // no visit:record
});

// A key subject: convicted of a crime endangering national security (R-CLS-1).
async function keySubject(name) {
  const charges = (await sfs.get('/api/v1/dicts/charges')).body.items;
  const p = await person(name, { charge_ids: [charges.find((c) => c.chapter === 1).id] });
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}/classification`)).body.class, 'key');
  return p;
}
const conclusions = (security) => [
  { criterion: 'reoffending_tendency', conclusion: 'does_not_hold', note: '遵纪守法' },
  { criterion: 'three_false', conclusion: 'does_not_hold' },
  { criterion: 'three_none', conclusion: 'unknown', note: '' },
  { criterion: 'national_security', conclusion: security, note: '经复核' },
];

test('R-REV-1 a review with conclusions; its recommendation must fit them; a keep needs no confirmation', async () => {
  const p = await keySubject('考察甲');
  const mismatch = await zj.post(`/api/v1/persons/${p.id}/reviews`, { held_on: day(-1), conclusions: conclusions('holds'), recommendation: 'change' });
  assert.equal(mismatch.status, 400);
  assert.equal(mismatch.body.error.code, 'REVIEW_RECOMMENDATION_MISMATCH');
  const missing = await zj.post(`/api/v1/persons/${p.id}/reviews`, { held_on: day(-1), conclusions: conclusions('holds').slice(0, 3), recommendation: 'keep' });
  assert.equal(missing.body.error.code, 'FIELD_REQUIRED');
  assert.equal(missing.body.error.field, 'conclusions.national_security');
  const badCode = await zj.post(`/api/v1/persons/${p.id}/reviews`, { held_on: day(-1), conclusions: [...conclusions('holds').slice(0, 3), { criterion: 'national_security', conclusion: 'maybe' }], recommendation: 'keep' });
  assert.equal(badCode.body.error.field, 'conclusions.national_security');
  // Held today: the person is a key subject from today, and only a review since then counts.
  const r = await zj.post(`/api/v1/persons/${p.id}/reviews`, { held_on: day(0), conclusions: conclusions('holds'), recommendation: 'keep', findings: '维持重点' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const list = (await sfs.get(`/api/v1/persons/${p.id}/reviews`)).body.items;
  assert.equal(list[0].state, 'not_needed');
  assert.equal(list[0].conclusions.find((c) => c.criterion === 'national_security').conclusion, 'holds');
  const confirm = await sfs.post(`/api/v1/persons/${p.id}/reviews/${r.body.id}/confirm`);
  assert.equal(confirm.status, 409);
  assert.equal(confirm.body.error.code, 'REVIEW_CONFIRM_NOT_NEEDED');
  // The quarter's review task is done.
  const tasks = (await sfs.get(`/api/v1/persons/${p.id}/tasks`)).body.items.filter((t) => t.rule === 'R-REV-1' && t.state === 'done');
  assert.ok(tasks.length >= 1);
  // A general subject is not reviewed.
  const general = await person('考察乙');
  const refused = await zj.post(`/api/v1/persons/${general.id}/reviews`, { held_on: day(-1), conclusions: conclusions('does_not_hold'), recommendation: 'keep' });
  assert.equal(refused.body.error.code, 'NOT_KEY_SUBJECT');
});

test('R-CLS-3 a confirmed review reclassifies with the review as its reason; only review:confirm in the jurisdiction confirms', async () => {
  const p = await keySubject('考察丙');
  const r = await zj.post(`/api/v1/persons/${p.id}/reviews`, { held_on: day(-1), conclusions: conclusions('does_not_hold'), recommendation: 'change' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  let list = (await zj.get(`/api/v1/persons/${p.id}/reviews`)).body.items;
  assert.equal(list[0].state, 'awaiting_confirmation');
  assert.equal(list[0].can_confirm, false);
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}/reviews`)).body.items[0].can_confirm, true);
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}/classification`)).body.class, 'key');  // not before confirmation
  assert.equal((await zj.post(`/api/v1/persons/${p.id}/reviews/${r.body.id}/confirm`)).status, 403);
  const other = await loginAs(srv, 'sfs_002');
  assert.equal((await other.post(`/api/v1/persons/${p.id}/reviews/${r.body.id}/confirm`)).status, 404);
  assert.equal((await sfs.post(`/api/v1/persons/${p.id}/reviews/999999/confirm`)).body.error.code, 'REVIEW_NOT_FOUND');
  const ok = await sfs.post(`/api/v1/persons/${p.id}/reviews/${r.body.id}/confirm`);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}/classification`)).body.class, 'general');
  const tl = (await sfs.get(`/api/v1/persons/${p.id}/timeline`)).body.items;
  const change = tl.find((e) => e.code === 'class.general');
  assert.equal(change?.params.review_id, r.body.id);
  assert.ok(tl.some((e) => e.code === 'review.confirmed'));
  list = (await sfs.get(`/api/v1/persons/${p.id}/reviews`)).body.items;
  assert.equal(list[0].state, 'confirmed');
  assert.ok(list[0].confirmed_by);
  assert.equal((await sfs.post(`/api/v1/persons/${p.id}/reviews/${r.body.id}/confirm`)).body.error.code, 'REVIEW_ALREADY_CONFIRMED');
});

test('the demo has visits of several forms and outcomes, a person listed 脱管 after two not-found visits, and reviews', async () => {
  const lost = (await sfs.get('/api/v1/supervision/lost')).body.items.filter((x) => x.reason === 'whereabouts_unknown');
  assert.ok(lost.length >= 1, 'a demo person whose whereabouts are unknown');
  const visits = (await sfs.get(`/api/v1/persons/${lost[0].person_id}/visits`)).body.items;
  assert.deepEqual(visits.slice(0, 2).map((v) => v.outcome), ['not_found', 'not_found']);
});
