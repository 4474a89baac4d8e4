// R-PCK-1: before a key subject's release the household-registration judicial office notifies the
// township government and the police station; the police station lists the key subjects of its
// township released in the coming month with the notification's state. And the district office's
// workbench filters (by township, by rule).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, TEST_TODAY } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

let srv, qu, units;

before(async () => {
  srv = await startServer({ persons: 600 });
  qu = await loginAs(srv, 'qu_abb');
  units = await unitsByCode(qu);
});
after(async () => { await srv.stop(); });

const townSuffix = (unitId) => Object.values(units).find((u) => u.id === unitId).code.slice(6, 9);

test('R-PCK-1 the notification closes the task and shows on the police station\'s list', async () => {
  const all = await qu.get('/api/v1/supervision/upcoming-releases');
  assert.equal(all.status, 200);
  assert.ok(all.body.items.length > 0, 'the demo has key subjects released soon');
  for (const u of all.body.items) assert.ok(u.release_date >= TEST_TODAY);
  // The demo has some notified and some not.
  assert.ok(all.body.items.some((u) => u.task_state === 'done'));
  const todo = all.body.items.find((u) => u.task_state === 'open' && !u.township_notified_on && !u.police_notified_on);
  assert.ok(todo, 'a key subject not notified yet');
  const sfx = townSuffix(todo.household_unit.id);
  const sfs = await loginAs(srv, `sfs_${sfx}`);
  const pcs = await loginAs(srv, `pcs_${sfx}`);
  const onList = async () => (await pcs.get('/api/v1/supervision/upcoming-releases')).body.items.find((u) => u.person_id === todo.person_id);
  assert.equal((await onList()).task_state, 'open');
  let tasks = (await sfs.get(`/api/v1/persons/${todo.person_id}/tasks`)).body.items;
  const task = tasks.find((t) => t.key === 'R-PCK-1/notice');
  assert.ok(task);
  assert.equal(task.unit.kind, 'judicial_office');
  // The police station may read but not record; bad input is refused by field.
  assert.equal((await pcs.post(`/api/v1/persons/${todo.person_id}/release-notifications`, { notified_on: TEST_TODAY, method: 'phone', recipients: ['township'] })).status, 403);
  const bad = await sfs.post(`/api/v1/persons/${todo.person_id}/release-notifications`, { notified_on: TEST_TODAY, method: 'fax', recipients: ['township'] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'method');
  const none = await sfs.post(`/api/v1/persons/${todo.person_id}/release-notifications`, { notified_on: TEST_TODAY, method: 'phone', recipients: [] });
  assert.equal(none.body.error.field, 'recipients');
  // Both at once: two rows, the task done, the list says so.
  const ok = await sfs.post(`/api/v1/persons/${todo.person_id}/release-notifications`, {
    notified_on: TEST_TODAY, method: 'document', recipients: ['township', 'police_station'], contact: '综治办张主任',
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.deepEqual(ok.body.items.map((n) => n.recipient), ['township', 'police_station']);
  assert.equal(ok.body.items[1].recipient_unit.kind, 'police_station');
  const listed = await onList();
  assert.equal(listed.task_state, 'done');
  assert.equal(listed.township_notified_on, TEST_TODAY);
  assert.equal(listed.police_notified_on, TEST_TODAY);
  tasks = (await sfs.get(`/api/v1/persons/${todo.person_id}/tasks`)).body.items;
  assert.equal(tasks.find((t) => t.key === 'R-PCK-1/notice').state, 'done');
  // On the file for the police station and the township too; on the timeline.
  const seen = await pcs.get(`/api/v1/persons/${todo.person_id}/release-notifications`);
  assert.equal(seen.status, 200);
  assert.equal(seen.body.items.length, 2);
  const zj = await loginAs(srv, `zj_${sfx}`);
  assert.equal((await zj.get(`/api/v1/persons/${todo.person_id}/release-notifications`)).body.items.length, 2);
  const tl = (await sfs.get(`/api/v1/persons/${todo.person_id}/timeline`)).body.items;
  assert.ok(tl.some((e) => e.kind === 'notification' && e.code === 'release.notified'));
  // Another township's police station does not see this person on its list.
  const otherSfx = sfx === '001' ? '101' : '001';
  const otherPcs = await loginAs(srv, `pcs_${otherSfx}`);
  assert.ok(!(await otherPcs.get('/api/v1/supervision/upcoming-releases')).body.items.some((u) => u.person_id === todo.person_id));
});

test('the district office\'s workbench and task list filter by township and by rule', async () => {
  const town = units['500153001'];
  const whole = await qu.get('/api/v1/workbench');
  const filtered = await qu.get(`/api/v1/workbench?unit_id=${town.id}&rule=R-VIS-1`);
  assert.equal(filtered.status, 200);
  for (const k of ['overdue', 'open', 'done', 'missed']) assert.ok(filtered.body.scope[k] <= whole.body.scope[k], k);
  assert.ok(filtered.body.scope.done > 0);
  const page = await qu.get(`/api/v1/tasks?unit_id=${town.id}&rule=R-VIS-1&state=done&page_size=50`);
  assert.equal(page.status, 200);
  assert.equal(page.body.total, filtered.body.scope.done);
  assert.ok(page.body.items.length > 0);
  for (const t of page.body.items) {
    assert.equal(t.rule, 'R-VIS-1');
    assert.ok(t.unit.path.startsWith(town.name), t.unit.path);
  }
  // Page 2 continues page 1.
  const p1 = await qu.get(`/api/v1/tasks?rule=R-VIS-1&state=done&page_size=5&page=1`);
  const p2 = await qu.get(`/api/v1/tasks?rule=R-VIS-1&state=done&page_size=5&page=2`);
  assert.equal(p1.body.items.length, 5);
  assert.ok(!p2.body.items.some((t) => p1.body.items.some((u) => u.id === t.id)));
  // Unknown rule or unit: 400.
  assert.equal((await qu.get('/api/v1/tasks?rule=R-XYZ-9')).body.error.code, 'FIELD_VALUE');
  assert.equal((await qu.get('/api/v1/workbench?rule=nope')).status, 400);
  assert.equal((await qu.get('/api/v1/workbench?unit_id=99999999')).body.error.code, 'UNIT_UNKNOWN');
});
