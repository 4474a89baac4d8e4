// Issue 3: custody after release and assistance periods (R-PER-1), and family changes during the
// sentence with help for families and minor children in difficulty (R-LNK-3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { freshId } from '../support/ids.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);  // days from the servers' fixed today (TEST_TODAY)
let srv, kss, sfs, units, charge;

before(async () => {
  srv = await startServer({ persons: 10 });
  kss = await loginAs(srv, 'kss');
  sfs = await loginAs(srv, 'sfs_001');
  units = await unitsByCode(sfs);
  charge = await chargeId(sfs);
});
after(async () => { await srv.stop(); });

async function released(name, releaseOffset) {
  const body = personBody(units['500153001001'].id, charge, { name, release_date: day(releaseOffset) });
  const r = await sfs.post('/api/v1/persons', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { ...r.body, id_number: body.id_number };  // answers carry it masked
}
const tasksOf = async (id) => (await sfs.get(`/api/v1/persons/${id}/tasks`)).body.items;

test('R-PER-1 a detention interrupts the period: tasks due in custody are not applicable until it ends', async () => {
  const p = await released('羁押甲', -20);
  assert.equal((await tasksOf(p.id)).find((t) => t.rule === 'R-REG-1').state, 'open');
  const early = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: day(-30) });
  assert.equal(early.body.error.code, 'NOT_YET_RELEASED');
  const bad = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'arrest', from_date: day(-5) });
  assert.equal(bad.body.error.code, 'FIELD_VALUE');
  const r = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: day(-5), note: '涉嫌寻衅滋事被刑事拘留' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const exempt = (await tasksOf(p.id)).find((t) => t.rule === 'R-REG-1');
  assert.equal(exempt.state, 'not_applicable');
  assert.equal(exempt.exemption, 'in_custody');  // the web app words it 到期日在押
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}`)).body.status, 'detained', '羁押中, not 帮教中');
  const detainedList = (await sfs.get('/api/v1/persons?status=detained&page_size=100')).body.items;
  assert.ok(detainedList.some((x) => x.id === p.id && x.status === 'detained'));
  const again = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: day(-3) });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'CUSTODY_OPEN');
  const order = await sfs.post(`/api/v1/persons/${p.id}/custody/${r.body.id}/end`, { to_date: day(-6) });
  assert.equal(order.body.error.code, 'DATE_ORDER');
  const end = await sfs.post(`/api/v1/persons/${p.id}/custody/${r.body.id}/end`, { to_date: day(-1) });
  assert.equal(end.status, 200, JSON.stringify(end.body));
  assert.equal((await tasksOf(p.id)).find((t) => t.rule === 'R-REG-1').state, 'open');
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}`)).body.status, 'under_assistance');
  const twice = await sfs.post(`/api/v1/persons/${p.id}/custody/${r.body.id}/end`, { to_date: day(0) });
  assert.equal(twice.body.error.code, 'CUSTODY_ENDED');
  const periods = (await sfs.get(`/api/v1/persons/${p.id}/periods`)).body;
  assert.equal(periods.current.release_date, day(-20));
  assert.deepEqual(periods.custody.map((c) => [c.kind, c.from_date, c.to_date]), [['detention', day(-5), day(-1)]]);
  // Someone without custody:record (a village cadre) cannot record custody.
  const cadre = await loginAs(srv, 'cj_001_001');
  assert.equal((await cadre.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: day(-1) })).status, 403);
});

test('R-PER-1 a new sentence ends the period; its duties leave the work lists; a later release starts a new one', async () => {
  const p = await released('再犯乙', -400);
  const owed = async () => [
    ...(await sfs.get(`/api/v1/tasks?person_id=${p.id}&state=open`)).body.items,
    ...(await sfs.get(`/api/v1/tasks?person_id=${p.id}&state=overdue`)).body.items,
  ];
  assert.ok((await owed()).some((t) => t.rule === 'R-VIS-1'), 'this half-year’s follow-up is owed before the new sentence');
  const visit = await sfs.post(`/api/v1/persons/${p.id}/follow-ups`, { kind: 'visit', held_on: day(-35), form: 'home', situation: '在家务农' });
  assert.equal(visit.status, 201, JSON.stringify(visit.body));
  const noRelease = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'new_sentence', from_date: day(-30) });
  assert.equal(noRelease.status, 400);
  const r = await sfs.post(`/api/v1/persons/${p.id}/custody`, {
    kind: 'new_sentence', from_date: day(-30), expected_release_date: day(300), release_kind: 'prison', note: '犯盗窃罪被判处有期徒刑一年',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const periods = (await sfs.get(`/api/v1/persons/${p.id}/periods`)).body;
  assert.equal(periods.earlier.length, 1);
  assert.deepEqual([periods.earlier[0].release_date, periods.earlier[0].ended_on, periods.earlier[0].end_reason],
    [day(-400), day(-30), 'new_sentence']);
  assert.equal(periods.current.release_date, day(300));
  const file = (await sfs.get(`/api/v1/persons/${p.id}`)).body;
  assert.equal(file.status, 'in_custody');
  assert.equal(file.release_date, day(300));
  const now = await owed();
  assert.ok(now.every((t) => t.key.startsWith(`${day(300)}/`)), `only the new period is owed: ${JSON.stringify(now)}`);
  const all = (await sfs.get(`/api/v1/tasks?person_id=${p.id}`)).body.items;
  assert.ok(all.some((t) => t.key.startsWith(`${day(-400)}/R-VIS-1/`) && t.state === 'done' && t.fulfilled_on === day(-35)),
    'the ended period’s tasks are kept as history');
  const live = await tasksOf(p.id);
  assert.ok(!live.some((t) => t.rule === 'R-REG-1'), 'the new period’s registration is not due before release');
  const timeline = (await sfs.get(`/api/v1/persons/${p.id}/timeline`)).body.items;
  assert.ok(timeline.some((e) => e.kind === 'custody' && e.code === 'custody.new_sentence'));
  // A detention cannot be recorded in a period that is over.
  const late = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: day(-1) });
  assert.equal(late.body.error.code, 'NOT_YET_RELEASED');
});

test('R-PER-1 R-LNK-1 a registration form for a person under assistance is a report of new custody: the household judicial office confirms it, which ends the period; the new period’s linkage starts afresh', async () => {
  const p = await released('再犯丙', -200);
  const id = p.id_number;
  const person = personBody(units['500153001001'].id, charge, { name: '再犯丙', id_number: id, release_date: day(400), release_kind: undefined });
  const form = await kss.post('/api/v1/documents/registration-forms', { person, received_into_custody: day(-10), form: {} });
  assert.equal(form.status, 201, JSON.stringify(form.body));
  assert.equal(form.body.person_id, p.id);
  assert.equal(form.body.data.new_custody, true);
  // Nothing of the running period changes before the confirmation.
  let periods = (await sfs.get(`/api/v1/persons/${p.id}/periods`)).body;
  assert.deepEqual(periods.earlier, []);
  assert.equal(periods.current.release_date, day(-200));
  // Another township cannot confirm; the household judicial office does, once.
  const other = await loginAs(srv, 'sfs_101');
  assert.equal((await other.post(`/api/v1/documents/${form.body.id}/confirm-custody`, {})).status, 404);
  const confirmed = await sfs.post(`/api/v1/documents/${form.body.id}/confirm-custody`, {});
  assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
  assert.equal((await sfs.post(`/api/v1/documents/${form.body.id}/confirm-custody`, {})).body.error.code, 'ALREADY_CONFIRMED');
  periods = (await sfs.get(`/api/v1/persons/${p.id}/periods`)).body;
  assert.deepEqual(periods.earlier.map((e) => [e.release_date, e.ended_on, e.end_reason]), [[day(-200), day(-10), 'new_sentence']]);
  assert.equal(periods.current.release_date, day(400));
  assert.equal(periods.current.release_kind, 'detention_centre');
  const live = await tasksOf(p.id);
  assert.equal(live.find((t) => t.rule === 'R-LNK-2').state, 'open');
  assert.equal(live.find((t) => t.rule === 'R-LNK-1').state, 'done');
});

test('R-LNK-3 family changes go both ways; a family in difficulty gives the township a help task that help closes', async () => {
  const person = personBody(units['500153001001'].id, charge, { name: '家变丁', id_number: freshId(), release_date: day(300), release_kind: undefined });
  const form = await kss.post('/api/v1/documents/registration-forms', { person, received_into_custody: day(-15), form: {} });
  assert.equal(form.status, 201, JSON.stringify(form.body));
  const pid = form.body.person_id;
  const empty = await kss.post(`/api/v1/persons/${pid}/family-changes`, { occurred_on: day(-2), summary: ' ' });
  assert.equal(empty.body.error.code, 'FIELD_REQUIRED');
  const change = await kss.post(`/api/v1/persons/${pid}/family-changes`, {
    occurred_on: day(-2), summary: '其妻病故,两名未成年子女无人照料', children_in_difficulty: true, needs: '子女临时监护、生活救助',
  });
  assert.equal(change.status, 201, JSON.stringify(change.body));
  assert.equal(change.body.receiver.name, '昌元街道司法所');
  assert.equal(change.body.data.needs_help, true);
  const inbox = (await sfs.get('/api/v1/documents?box=inbox&kind=family_change')).body.items;
  assert.ok(inbox.some((d) => d.id === change.body.id));
  const task = (await tasksOf(pid)).find((t) => t.rule === 'R-LNK-3');
  assert.equal(task.state, 'open');
  assert.equal(task.due, day(30));
  assert.equal(task.unit.name, '昌元街道');
  assert.equal(task.anchor, 'family_report_received');
  // The other way: the judicial office tells the detention centre; no difficulty, no task.
  const back = await sfs.post(`/api/v1/persons/${pid}/family-changes`, { occurred_on: day(-1), summary: '其父已办理低保' });
  assert.equal(back.status, 201, JSON.stringify(back.body));
  assert.equal(back.body.receiver.name, '荣昌区看守所');
  assert.ok((await kss.get('/api/v1/documents?box=inbox')).body.items.some((d) => d.id === back.body.id));
  assert.equal((await tasksOf(pid)).filter((t) => t.rule === 'R-LNK-3').length, 1);
  // Another detention centre's clerk, or another township, cannot report on this person.
  const other = await loginAs(srv, 'sfs_101');
  assert.equal((await other.post(`/api/v1/persons/${pid}/family-changes`, { occurred_on: day(-1), summary: 'x' })).status, 404);
  // The township records the help; the task closes.
  const zj = await loginAs(srv, 'zj_001');
  const early = await zj.post(`/api/v1/documents/${change.body.id}/family-help`, { given_on: day(-5), help: '落实临时监护' });
  assert.equal(early.body.error.code, 'DATE_BEFORE_DOCUMENT');
  const help = await zj.post(`/api/v1/documents/${change.body.id}/family-help`, { given_on: day(0), help: '落实临时监护,申请临时救助', helpers: '镇民政办、村委会' });
  assert.equal(help.status, 201, JSON.stringify(help.body));
  const done = (await tasksOf(pid)).find((t) => t.rule === 'R-LNK-3');
  assert.equal(done.state, 'done');
  const list = (await sfs.get(`/api/v1/persons/${pid}/family-changes`)).body.items;
  assert.equal(list.length, 2);
  const reported = list.find((x) => x.id === change.body.id);
  assert.equal(reported.help.length, 1);
  assert.equal(reported.help[0].data.helpers, '镇民政办、村委会');
});

test('R-PER-1 a new sentence after the period expired keeps the expired period on record and starts the next', async () => {
  const p = await released('期满戊', -2000);
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}`)).body.status, 'ended');
  const detention = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: day(-10) });
  assert.equal(detention.body.error.code, 'PERIOD_OVER');
  const r = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'new_sentence', from_date: day(-10), expected_release_date: day(200) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const periods = (await sfs.get(`/api/v1/persons/${p.id}/periods`)).body;
  assert.deepEqual(periods.earlier.map((e) => [e.release_date, e.end_reason]), [[day(-2000), 'expired']]);
  assert.equal(periods.current.release_date, day(200));
  assert.equal((await sfs.get(`/api/v1/persons/${p.id}`)).body.status, 'in_custody');
});
