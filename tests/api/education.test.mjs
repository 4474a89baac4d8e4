// R-EDU-1: sessions with attendees from the caller's scope, talks, the 教育 section of the file, the
// district's calendar and the township's targeted legal-education task.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

// Persons of another township: neither place in 昌元街道 (township 001), so sfs_001 cannot reach them.
const outside001 = (items) => items.filter((p) => ![p.household_unit, p.residence_unit].some((u) => (u.path ?? u.name).startsWith('昌元街道')));
let srv, sfs, admin, units, own, others;
before(async () => {
  srv = await startServer({ persons: 40 });
  sfs = await loginAs(srv, 'sfs_001');
  admin = await loginAs(srv, 'admin');
  units = await unitsByCode(sfs);
  own = (await sfs.post('/api/v1/persons/search', { status: 'under_assistance', page_size: 5 })).body.items;
  const qu = await loginAs(srv, 'qu_abb');
  others = outside001((await qu.post('/api/v1/persons/search', { status: 'under_assistance', page_size: 50 })).body.items);
  assert.ok(own.length >= 2 && others.length >= 1);
});
after(async () => { await srv.stop(); });

test('R-EDU-1 a session with attendees appears on each attendee’s file', async () => {
  const r = await sfs.post('/api/v1/education/sessions', {
    held_on: dayFrom(-2), kind: 'moral', topic: '家风家教讲座', speaker: '村干部',
    attendees: [{ person_id: own[0].id, attended: true }, { person_id: own[1].id, attended: false }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const file = (await sfs.get(`/api/v1/persons/${own[0].id}/education`)).body;
  const s = file.sessions.find((x) => x.id === r.body.id);
  assert.ok(s && s.attended && s.kind === 'moral' && s.topic === '家风家教讲座');
  const absent = (await sfs.get(`/api/v1/persons/${own[1].id}/education`)).body.sessions.find((x) => x.id === r.body.id);
  assert.equal(absent.attended, false);
  const timeline = (await sfs.get(`/api/v1/persons/${own[0].id}/timeline`)).body.items;
  assert.ok(timeline.some((e) => e.code === 'education.session' && e.params.topic === '家风家教讲座'));
  const list = (await sfs.get('/api/v1/education/sessions')).body.items.find((x) => x.id === r.body.id);
  assert.equal(list.attendees.length, 2);
  // Another township does not see the session.
  const other = await loginAs(srv, 'sfs_101');
  assert.ok(!(await other.get('/api/v1/education/sessions')).body.items.some((x) => x.id === r.body.id));
});

test('R-EDU-1 attendees only from the caller’s jurisdiction; bad input is named', async () => {
  const out = await sfs.post('/api/v1/education/sessions', {
    held_on: dayFrom(0), kind: 'legal', topic: '越界', attendees: [{ person_id: own[0].id }, { person_id: others[0].id }],
  });
  assert.equal(out.status, 404);
  assert.equal(out.body.error.code, 'PERSON_NOT_FOUND');
  const none = await sfs.post('/api/v1/education/sessions', { held_on: dayFrom(0), kind: 'legal', topic: '无人', attendees: [] });
  assert.equal(none.body.error.code, 'ATTENDEES_REQUIRED');
  const kind = await sfs.post('/api/v1/education/sessions', { held_on: dayFrom(0), kind: 'sports', topic: '体育', attendees: [{ person_id: own[0].id }] });
  assert.equal(kind.body.error.field, 'kind');
  const targeted = await sfs.post('/api/v1/education/sessions', { held_on: dayFrom(0), kind: 'cultural', topic: '文', targeted: true, attendees: [{ person_id: own[0].id }] });
  assert.equal(targeted.body.error.code, 'TARGETED_NOT_LEGAL');
  const shape = await sfs.post('/api/v1/education/sessions', { held_on: dayFrom(0), kind: 'legal', topic: '形', attendees: [own[0].id] });
  assert.equal(shape.body.error.code, 'FIELD_FORMAT');
  const future = await sfs.post('/api/v1/education/sessions', { held_on: dayFrom(2), kind: 'legal', topic: '未来', attendees: [{ person_id: own[0].id }] });
  assert.equal(future.body.error.code, 'DATE_IN_FUTURE');
  const pcs = await loginAs(srv, 'pcs_001');
  assert.equal((await pcs.post('/api/v1/education/sessions', { held_on: dayFrom(0), kind: 'legal', topic: '警', attendees: [{ person_id: own[0].id }] })).status, 403);
});

test('R-EDU-1 an individual talk is on the file; outside the jurisdiction it is refused', async () => {
  const r = await sfs.post(`/api/v1/persons/${own[2].id}/education-talks`, { held_on: dayFrom(-1), talked_by: '司法所王干事', topic: '近期思想', summary: '情绪稳定' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const file = (await sfs.get(`/api/v1/persons/${own[2].id}/education`)).body;
  assert.ok(file.talks.some((t) => t.id === r.body.id && t.talked_by === '司法所王干事'));
  assert.equal((await sfs.post(`/api/v1/persons/${others[0].id}/education-talks`, { held_on: dayFrom(-1), talked_by: '某', topic: '某' })).status, 404);
  assert.equal((await sfs.get(`/api/v1/persons/${others[0].id}/education`)).status, 404);
  const missing = await sfs.post(`/api/v1/persons/${own[2].id}/education-talks`, { held_on: dayFrom(-1), topic: '缺谈话人' });
  assert.equal(missing.body.error.field, 'talked_by');
});

test('R-EDU-1 the calendar is kept with policy:manage; a targeted session closes the township’s task', async () => {
  assert.equal((await sfs.post('/api/v1/education/events', { name: '测试', kind: 'holiday', starts_on: dayFrom(5), ends_on: dayFrom(6) })).status, 403);
  const bad = await admin.post('/api/v1/education/events', { name: '反了', kind: 'holiday', starts_on: dayFrom(5), ends_on: dayFrom(4) });
  assert.equal(bad.body.error.code, 'DATE_ORDER');
  const ev = await admin.post('/api/v1/education/events', { name: '测试重大活动', kind: 'major_event', starts_on: dayFrom(6), ends_on: dayFrom(8) });
  assert.equal(ev.status, 201, JSON.stringify(ev.body));
  const key = `R-EDU-1/event-${ev.body.id}`;
  const zj = await loginAs(srv, 'zj_001');
  const before = (await zj.get('/api/v1/education/tasks')).body.items.find((t) => t.key === key);
  assert.ok(before, 'the township owes it');
  assert.equal(before.state, 'open');
  assert.equal(before.anchor, 'event_start');
  assert.equal(before.due, dayFrom(5));
  assert.equal(before.window_from <= dayFrom(0), true);
  const r = await sfs.post('/api/v1/education/sessions', {
    held_on: dayFrom(0), kind: 'legal', topic: '活动前法治教育', targeted: true, event_id: ev.body.id, attendees: [{ person_id: own[0].id }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const after = (await zj.get('/api/v1/education/tasks')).body.items.find((t) => t.key === key);
  assert.equal(after.state, 'done');
  assert.equal(after.fulfilled_on, dayFrom(0));
  const other = (await (await loginAs(srv, 'zj_101')).get('/api/v1/education/tasks')).body.items.find((t) => t.key === key);
  assert.equal(other.state, 'open');
  // An event a session names cannot be deleted; another can, on record.
  assert.equal((await admin.req('DELETE', `/api/v1/education/events/${ev.body.id}`)).body.error.code, 'EVENT_IN_USE');
  const spare = await admin.post('/api/v1/education/events', { name: '临时', kind: 'holiday', starts_on: dayFrom(40), ends_on: dayFrom(41) });
  assert.equal((await admin.put(`/api/v1/education/events/${spare.body.id}`, { name: '临时二', kind: 'holiday', starts_on: dayFrom(40), ends_on: dayFrom(42) })).status, 200);
  assert.equal((await admin.req('DELETE', `/api/v1/education/events/${spare.body.id}`)).status, 204);
  const events = (await zj.get('/api/v1/education/events')).body.items;
  assert.ok(events.some((e) => e.name === '春节' && e.starts_on === '2027-02-06'));
  assert.ok(!events.some((e) => e.id === spare.body.id));
});
