// Issue 3: linkage before release (R-LNK-1, R-LNK-2) and classification from verification (R-CLS-1, R-CLS-3),
// the back end of journeys 1 and 3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { makeId } from '../support/ids.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);  // days from the servers' fixed today (TEST_TODAY)
let srv, kss, sfs, units, form;

before(async () => {
  srv = await startServer({ persons: 10 });
  kss = await loginAs(srv, 'kss');
  sfs = await loginAs(srv, 'sfs_001');
  units = await unitsByCode(sfs);
  const person = personBody(units['500153001001'].id, await chargeId(sfs), {
    name: '衔接甲', id_number: makeId('500153', '19880808', 913), release_date: day(200), release_kind: undefined,
  });
  const r = await kss.post('/api/v1/documents/registration-forms', {
    person, received_into_custody: day(-20),
    form: { occupation: '务农', marital_status: '已婚', family_members: [{ name: '衔接母', relation: '母亲' }] },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  form = r.body;
});
after(async () => { await srv.stop(); });

test('R-LNK-1 the detention centre sends the form; it is routed to the household judicial office', async () => {
  assert.equal(form.kind, 'registration_form');
  assert.equal(form.sender.name, '荣昌区看守所');
  assert.equal(form.receiver.name, '昌元街道司法所');
  assert.equal(form.event_date, day(-20));
  const sent = await kss.get('/api/v1/documents?box=sent');
  assert.ok(sent.body.items.some((d) => d.id === form.id && d.answered_on === null));
  // A custody clerk sees what it sent, not person files.
  assert.equal((await kss.get(`/api/v1/persons/${form.person_id}`)).status, 403);
});

test('R-LNK-2 the judicial office’s inbox shows the form and the feedback it owes', async () => {
  const inbox = await sfs.get('/api/v1/documents?box=inbox');
  const item = inbox.body.items.find((d) => d.id === form.id);
  assert.ok(item);
  assert.ok(item.feedback_due);
  assert.equal(item.feedback_overdue, false);
  const other = await loginAs(srv, 'sfs_101');
  assert.ok(!(await other.get('/api/v1/documents?box=inbox')).body.items.some((d) => d.id === form.id));
  const tasks = (await sfs.get(`/api/v1/persons/${form.person_id}/tasks`)).body.items;
  assert.equal(tasks.find((t) => t.rule === 'R-LNK-2').state, 'open');
});

test('R-CLS-1 R-CLS-3 a confirmed false address makes a key subject at once, with the reason kept', async () => {
  const before = await sfs.get(`/api/v1/persons/${form.person_id}/classification`);
  assert.equal(before.body.class, 'general');
  const other = await loginAs(srv, 'sfs_101');
  const refused = await other.post(`/api/v1/documents/${form.id}/verification`, {
    false_name: 'cleared', false_identity: 'cleared', false_address: 'confirmed',
  });
  assert.equal(refused.status, 404);
  const bad = await sfs.post(`/api/v1/documents/${form.id}/verification`, { false_name: 'maybe', false_identity: 'cleared', false_address: 'cleared' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'false_name');
  const r = await sfs.post(`/api/v1/documents/${form.id}/verification`, {
    false_name: 'cleared', false_identity: 'cleared', false_address: 'confirmed',
    family_situation: '地址不存在', verifying_officer: '司法所王所长',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.receiver.name, '荣昌区看守所');
  const after = await sfs.get(`/api/v1/persons/${form.person_id}/classification`);
  assert.equal(after.body.class, 'key');
  assert.equal(after.body.reasons[0].criterion, 'false_address');
  assert.equal(after.body.reasons[0].finding, 'confirmed');
  // Issue 7 §5: the reason travels as codes, worded by the web app.
  const last = after.body.history.at(-1);
  assert.equal(last.code, 'class.key');
  assert.equal(last.reason, null);
  assert.deepEqual(last.reasons.map((x) => [x.criterion, x.finding]), [['false_address', 'confirmed']]);
  const tl = (await sfs.get(`/api/v1/persons/${form.person_id}/timeline`)).body.items;
  const entry = tl.find((e) => e.kind === 'classified');
  assert.equal(entry.code, 'class.key');
  assert.deepEqual(entry.params.criteria, ['false_address']);
  assert.equal(entry.params.reasons[0].finding, 'confirmed');
  const tasks = (await sfs.get(`/api/v1/persons/${form.person_id}/tasks`)).body.items;
  assert.equal(tasks.find((t) => t.rule === 'R-LNK-2').state, 'done');
  const sent = await kss.get('/api/v1/documents?box=sent');
  assert.equal(sent.body.items.find((d) => d.id === form.id).answered_on, day(0));
  // The police station of the township sees the person (journey 3).
  const police = await loginAs(srv, 'pcs_001');
  assert.equal((await police.get(`/api/v1/persons/${form.person_id}`)).status, 200);
});

test('a second form for a known ID number links to the existing file', async () => {
  const again = await kss.post('/api/v1/documents/registration-forms', {
    person: personBody(units['500153001001'].id, await chargeId(sfs), {
      name: '衔接甲', id_number: makeId('500153', '19880808', 913), release_date: day(300), release_kind: undefined,
    }),
    received_into_custody: day(-1),
  });
  assert.equal(again.status, 201);
  assert.equal(again.body.person_id, form.person_id);
});

test('only custody units send forms; bad forms are refused', async () => {
  const r = await sfs.post('/api/v1/documents/registration-forms', { person: {}, received_into_custody: day(0) });
  assert.equal(r.status, 403);
  const noDate = await kss.post('/api/v1/documents/registration-forms', { person: personBody(units['500153001001'].id, await chargeId(sfs)) });
  assert.equal(noDate.body.error.code, 'FIELD_REQUIRED');
  const future = await kss.post('/api/v1/documents/registration-forms', {
    person: personBody(units['500153001001'].id, await chargeId(sfs), { release_date: day(100), release_kind: undefined }),
    received_into_custody: day(5),
  });
  assert.equal(future.body.error.code, 'DATE_IN_FUTURE');
});

test('R-LNK-4 the release notice fixes the release date; a high risk makes a key subject; the reception arrangement answers it', async () => {
  const person = personBody(units['500153001002'].id, await chargeId(sfs), {
    name: '通知乙', id_number: makeId('500153', '19790101', 715), release_date: day(60), release_kind: undefined,
  });
  const f = await kss.post('/api/v1/documents/registration-forms', { person, received_into_custody: day(-300) });
  assert.equal(f.status, 201, JSON.stringify(f.body));
  const n = await kss.post('/api/v1/documents/release-notices', {
    form_id: f.body.id, release_date: day(30), place: '荣昌区看守所', conduct: '表现良好', officer: '刘警官',
    risk_level: 'high', risk_factors: ['无固定住所'], suggestions: { housing: true, work: true },
  });
  assert.equal(n.status, 201, JSON.stringify(n.body));
  const p = await sfs.get(`/api/v1/persons/${f.body.person_id}`);
  assert.equal(p.body.release_date, day(30));
  const cls = await sfs.get(`/api/v1/persons/${f.body.person_id}/classification`);
  assert.equal(cls.body.class, 'key');
  assert.equal(cls.body.reasons[0].criterion, 'reoffending_tendency');
  let tasks = (await sfs.get(`/api/v1/persons/${f.body.person_id}/tasks`)).body.items;
  const reply = tasks.find((t) => t.key === 'R-LNK-4/reply');
  assert.equal(reply.state, 'open');
  // The inbox row says when the reception arrangement is due — the task's date; the sender's form
  // row says its notice was sent, so 已发送 no longer offers to send one.
  const inbox = (await sfs.get('/api/v1/documents?box=inbox&kind=release_notice&page_size=100')).body.items;
  const row = inbox.find((d) => d.id === n.body.id);
  assert.equal(row.feedback_due, reply.due);
  assert.equal(row.feedback_overdue, false);
  const sentForms = (await kss.get('/api/v1/documents?box=sent&kind=registration_form&page_size=100')).body.items;
  assert.equal(sentForms.find((d) => d.id === f.body.id).release_notice_sent_on, n.body.sent_on);
  const bad = await sfs.post(`/api/v1/documents/${n.body.id}/reception`, { pickup_by: 'taxi', planned_date: day(30) });
  assert.equal(bad.body.error.field, 'pickup_by');
  const r = await sfs.post(`/api/v1/documents/${n.body.id}/reception`, {
    pickup_by: 'township_team', planned_date: day(30), contact: '镇综治办张主任', contact_phone: '023-46700000',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.receiver.name, '荣昌区看守所');
  tasks = (await sfs.get(`/api/v1/persons/${f.body.person_id}/tasks`)).body.items;
  assert.equal(tasks.find((t) => t.key === 'R-LNK-4/reply').state, 'done');
  // Key subject: the pick-up duty is the township team's (R-PCK-1).
  assert.ok(tasks.some((t) => t.rule === 'R-PCK-1'));
  const otherBox = await loginAs(srv, 'sfs_101');
  assert.equal((await otherBox.post(`/api/v1/documents/${n.body.id}/reception`, { pickup_by: 'family', planned_date: day(30) })).status, 404);
});

test('R-PCK-1 R-PCK-2 the pick-up record names who, when and where', async () => {
  const made = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs), { name: '接回丙', release_date: day(-1) }));
  assert.equal(made.status, 201);
  const zj = await loginAs(srv, 'zj_001');
  const r = await zj.post(`/api/v1/persons/${made.body.id}/pickups`, { picked_on: day(-1), place: '重庆市永川监狱', team: '家属及社区代表', kind: 'family' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const tasks = (await sfs.get(`/api/v1/persons/${made.body.id}/tasks`)).body.items;
  assert.equal(tasks.find((t) => t.rule === 'R-PCK-2').state, 'done');
  const tl = (await sfs.get(`/api/v1/persons/${made.body.id}/timeline`)).body.items;
  assert.ok(tl.some((e) => e.kind === 'pickup' && e.code === 'pickup.recorded' && /永川监狱/.test(e.params.place)));
  const bad = await zj.post(`/api/v1/persons/${made.body.id}/pickups`, { picked_on: day(2), kind: 'family' });
  assert.equal(bad.body.error.code, 'DATE_IN_FUTURE');
});

test('a feedback cannot be dated before the form it answers', async () => {
  const person = personBody(units['500153001003'].id, await chargeId(sfs), { release_date: day(90), release_kind: undefined });
  const f = await kss.post('/api/v1/documents/registration-forms', { person, received_into_custody: day(-10) });
  assert.equal(f.status, 201);
  const r = await sfs.post(`/api/v1/documents/${f.body.id}/verification`, {
    false_name: 'cleared', false_identity: 'cleared', false_address: 'cleared', sent_on: day(-30),
  });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'DATE_BEFORE_DOCUMENT');
});

test('R-CLS-2 三无 found by the verification: all three make a key subject, each factor shown', async () => {
  const person = personBody(units['500153001004'].id, await chargeId(sfs), { release_date: day(120), release_kind: undefined });
  const f = await kss.post('/api/v1/documents/registration-forms', { person, received_into_custody: day(-5) });
  assert.equal(f.status, 201);
  const two = await sfs.post(`/api/v1/documents/${f.body.id}/verification`, {
    false_name: 'cleared', false_identity: 'cleared', false_address: 'cleared', no_home: true, no_job: true, no_relatives: false,
  });
  assert.equal(two.status, 201);
  let cls = (await sfs.get(`/api/v1/persons/${f.body.person_id}/classification`)).body;
  assert.equal(cls.class, 'general');  // three_none_mode = all (default): two of three is not 三无
  assert.deepEqual(cls.three_none_factors, ['no_home', 'no_job']);
  const three = await sfs.post(`/api/v1/documents/${f.body.id}/verification`, {
    false_name: 'cleared', false_identity: 'cleared', false_address: 'cleared', no_home: true, no_job: true, no_relatives: true,
  });
  assert.equal(three.status, 201);
  cls = (await sfs.get(`/api/v1/persons/${f.body.person_id}/classification`)).body;
  assert.equal(cls.class, 'key');
  assert.equal(cls.reasons[0].criterion, 'three_none');
  assert.deepEqual(cls.reasons[0].factors, ['no_home', 'no_job', 'no_relatives']);
  const wrong = await sfs.post(`/api/v1/documents/${f.body.id}/verification`, {
    false_name: 'cleared', false_identity: 'cleared', false_address: 'cleared', no_home: 'yes',
  });
  assert.equal(wrong.body.error.field, 'no_home');
});

test('R-LNK-1 R-LNK-4 paper documents received by mail are entered by the judicial office', async () => {
  const person = personBody(units['500153001002'].id, await chargeId(sfs), {
    name: '邮寄戊', id_number: makeId('500153', '19790215', 517), release_date: day(25), release_kind: undefined,
  });
  const body = { person, received_into_custody: day(-400), channel: 'mail', sender_name: '重庆市永川监狱', sent_on: day(-5), received_on: day(-3) };
  const noSender = await sfs.post('/api/v1/documents/registration-forms', { ...body, sender_name: '' });
  assert.equal(noSender.body.error.code, 'FIELD_REQUIRED');
  const order = await sfs.post('/api/v1/documents/registration-forms', { ...body, sent_on: day(-2) });
  assert.equal(order.body.error.code, 'DATE_ORDER');
  const future = await sfs.post('/api/v1/documents/registration-forms', { ...body, received_on: day(1) });
  assert.equal(future.body.error.code, 'DATE_IN_FUTURE');
  const elsewhere = await (await loginAs(srv, 'sfs_101')).post('/api/v1/documents/registration-forms', body);
  assert.equal(elsewhere.body.error.code, 'HOUSEHOLD_OUT_OF_SCOPE');
  assert.equal((await kss.post('/api/v1/documents/registration-forms', body)).status, 403, 'a custody clerk sends, it does not enter mail');
  const electronic = await sfs.post('/api/v1/documents/registration-forms', { ...body, channel: 'electronic' });
  assert.equal(electronic.status, 403, 'a judicial office does not send forms itself');
  const r = await sfs.post('/api/v1/documents/registration-forms', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.channel, 'mail');
  assert.equal(r.body.sender, null);
  assert.equal(r.body.data.sender_name, '重庆市永川监狱');
  assert.equal(r.body.receiver.name, '昌元街道司法所');
  assert.deepEqual([r.body.sent_on, r.body.received_on], [day(-5), day(-3)]);
  const inbox = (await sfs.get('/api/v1/documents?box=inbox&kind=registration_form')).body.items;
  assert.ok(inbox.some((d) => d.id === r.body.id && d.channel === 'mail'));
  let tasks = (await sfs.get(`/api/v1/persons/${r.body.person_id}/tasks`)).body.items;
  const verify = tasks.find((t) => t.rule === 'R-LNK-2');
  assert.equal(verify.state, 'open');
  assert.equal(verify.window_from, day(-3), 'the verification month runs from the day the mail arrived');
  assert.ok(!tasks.some((t) => t.rule === 'R-LNK-1'), 'a prison outside the system owes nothing in it');
  // The release notice arrives by post too; the sender defaults to the form's.
  const notice = await sfs.post('/api/v1/documents/release-notices', {
    form_id: r.body.id, channel: 'mail', received_on: day(0), release_date: day(25), risk_level: 'low', place: '重庆市永川监狱',
  });
  assert.equal(notice.status, 201, JSON.stringify(notice.body));
  assert.equal(notice.body.data.sender_name, '重庆市永川监狱');
  assert.equal(notice.body.channel, 'mail');
  tasks = (await sfs.get(`/api/v1/persons/${r.body.person_id}/tasks`)).body.items;
  assert.equal(tasks.find((t) => t.key === 'R-LNK-4/reply').state, 'open');
  const timeline = (await sfs.get(`/api/v1/persons/${r.body.person_id}/timeline`)).body.items;
  assert.ok(timeline.some((e) => e.code === 'document.registration_form' && e.params.channel === 'mail' && e.params.sender === '重庆市永川监狱'));
});
