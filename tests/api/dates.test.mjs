// End-to-end at chosen dates (`anbang --today`): the same database served on later days, as the
// district would live through them. R-PER-1 (a period ending), R-VIS-1 (a half-year boundary), the
// nightly refresh, R-LOST-1 (脱管 and 漏管 lists, on the right day and not a day earlier).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnbang, startServer } from '../support/server.mjs';
import { makeId } from '../support/ids.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const cleanup = [];
after(() => { for (const dir of cleanup) rmSync(dir, { recursive: true, force: true }); });

// A fresh database seeded with a small demo district on `today`; returns its path (kept to the end).
async function freshDatabase(today) {
  const srv = await startServer({ persons: 5, today });
  await srv.stop({ keep: true });
  cleanup.push(join(srv.dbPath, '..'));
  return srv.dbPath;
}

// Serves `dbPath` on `today`, runs `fn(srv)`, stops.
async function servedOn(dbPath, today, fn) {
  const srv = await startServer({ dbPath, today });
  try {
    return await fn(srv);
  } finally {
    await srv.stop();
  }
}

// Creates a person as the judicial office of 昌元街道 (household and residence 500153001001).
async function createPerson(srv, over) {
  const sfs = await loginAs(srv, 'sfs_001');
  const units = await unitsByCode(sfs);
  const r = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs), over));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

const ids = (items) => items.map((x) => x.person_id);
const visitKeys = (items) => items.filter((t) => t.rule === 'R-VIS-1').map((t) => t.key.replace(/^[^/]*\//, '')).sort();

test('R-PER-1 served on the end date the person is no longer under assistance, and not a day earlier', async () => {
  const db = await freshDatabase('2026-11-26');
  // Community correction ended 2023-12-01: 3 years of assistance, the last day is 2026-11-30.
  const p = await servedOn(db, '2026-11-26', (srv) =>
    createPerson(srv, { name: '期满甲', release_date: '2023-12-01', release_kind: 'community_correction' }));
  assert.equal(p.assistance_end_date, '2026-12-01');
  const statusOn = (today) => servedOn(db, today, async (srv) => {
    const sfs = await loginAs(srv, 'sfs_001');
    const file = (await sfs.get(`/api/v1/persons/${p.id}`)).body;
    const listed = (await sfs.post('/api/v1/persons/search', { status: 'under_assistance', q: '期满甲' })).body.items;
    return { status: file.status, listed: listed.some((x) => x.id === p.id) };
  });
  assert.deepEqual(await statusOn('2026-11-30'), { status: 'under_assistance', listed: true });
  assert.deepEqual(await statusOn('2026-12-01'), { status: 'ended', listed: false });
});

test('R-PER-1 served after the end date, the automatic 解除帮教 is recorded on the timeline and in the periods',
  async () => {
    const db = await freshDatabase('2026-11-26');
    const p = await servedOn(db, '2026-11-26', (srv) =>
      createPerson(srv, { name: '期满乙', release_date: '2023-12-01', release_kind: 'community_correction' }));
    await servedOn(db, '2026-12-03', async (srv) => {
      const sfs = await loginAs(srv, 'sfs_001');
      const timeline = (await sfs.get(`/api/v1/persons/${p.id}/timeline`)).body.items;
      const ended = timeline.filter((e) => e.kind === 'released_from_assistance');
      assert.equal(ended.length, 1, JSON.stringify(timeline.map((e) => e.kind)));
      assert.equal(ended[0].code, 'period.expired');
      assert.equal(ended[0].params.end_date, '2026-12-01');
      const periods = (await sfs.get(`/api/v1/persons/${p.id}/periods`)).body;
      assert.deepEqual([periods.current.ended_on, periods.current.end_reason], ['2026-12-01', 'expired']);
    });
  });

test('R-VIS-1 on 1 July the next half-year’s visit task appears for a person visited in the first half', async () => {
  const db = await freshDatabase('2026-06-20');
  const p = await servedOn(db, '2026-06-20', async (srv) => {
    const person = await createPerson(srv, { name: '半年甲', release_date: '2026-01-10' });
    const cadre = await loginAs(srv, 'cj_001_001');
    const v = await cadre.post(`/api/v1/persons/${person.id}/follow-ups`, { kind: 'visit', held_on: '2026-06-15', form: '入户走访' });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    return person;
  });
  // The work lists (the tasks table, refreshed at start) on either side of the boundary.
  const tasksOn = (today) => servedOn(db, today, async (srv) => {
    const sfs = await loginAs(srv, 'sfs_001');
    return (await sfs.get(`/api/v1/tasks?person_id=${p.id}&page_size=100`)).body.items;
  });
  // The engine lists the first period not yet started as the next task (src/rules/README.md).
  const june30 = await tasksOn('2026-06-30');
  assert.deepEqual(visitKeys(june30), ['R-VIS-1/2026H1', 'R-VIS-1/2026H2']);
  assert.equal(june30.find((t) => t.key.endsWith('R-VIS-1/2026H1')).state, 'done');
  const july1 = await tasksOn('2026-07-01');
  assert.deepEqual(visitKeys(july1), ['R-VIS-1/2026H1', 'R-VIS-1/2026H2', 'R-VIS-1/2027H1']);
  const h2 = july1.find((t) => t.key.endsWith('R-VIS-1/2026H2'));
  assert.deepEqual([h2.state, h2.window_from, h2.due], ['open', '2026-07-01', '2026-12-31']);
  const next = july1.find((t) => t.key.endsWith('R-VIS-1/2027H1'));
  assert.deepEqual([next.state, next.window_from, next.due], ['open', '2027-01-01', '2027-06-30']);
});

test('nightly refresh: a database served on a later day has that day’s tasks, the same as `tasks refresh` gives', async () => {
  const db = await freshDatabase('2026-06-20');
  const p = await servedOn(db, '2026-06-20', (srv) => createPerson(srv, { name: '刷新甲', release_date: '2026-01-10' }));
  // A copy refreshed by the command first, then served on the same later day.
  const dir = mkdtempSync(join(tmpdir(), 'anbang-refresh-'));
  cleanup.push(dir);
  const copy = join(dir, 'anbang.db');
  copyFileSync(db, copy);
  const out = runAnbang(['--db', copy, 'tasks', 'refresh'], { today: '2026-07-02' });
  assert.match(out, /已重新计算 \d+ 名人员的任务/);
  const tasksOn = (path) => servedOn(path, '2026-07-02', async (srv) => {
    const sfs = await loginAs(srv, 'sfs_001');
    const items = (await sfs.get(`/api/v1/tasks?person_id=${p.id}&page_size=100`)).body.items;
    return items.map((t) => [t.key, t.state, t.window_from, t.due]).sort();
  });
  const atStart = await tasksOn(db);
  assert.ok(atStart.some(([key, state]) => key.endsWith('R-VIS-1/2026H2') && state === 'open'), JSON.stringify(atStart));
  // The first half-year closed without a visit: missed (未按期完成), no longer to do.
  assert.ok(atStart.some(([key, state]) => key.endsWith('R-VIS-1/2026H1') && state === 'missed'), JSON.stringify(atStart));
  assert.deepEqual(await tasksOn(copy), atStart);
});

test('R-LOST-1 a follow-up overdue by more than lost_contact_days puts the person on 脱管 on the right day, not a day earlier', async () => {
  const db = await freshDatabase('2026-03-01');
  // Released 2026-01-10, no visit in the first half-year: R-VIS-1/2026H1 is due 2026-06-30.
  const p = await servedOn(db, '2026-03-01', (srv) => createPerson(srv, { name: '脱管甲', release_date: '2026-01-10' }));
  // lost_contact_days is 30 (the default): on the list once 31 days overdue.
  const lostOn = (today, fn) => servedOn(db, today, async (srv) => {
    const sfs = await loginAs(srv, 'sfs_001');
    const lost = (await sfs.get('/api/v1/supervision/lost')).body.items;
    if (fn) await fn(srv);
    return lost;
  });
  assert.ok(!ids(await lostOn('2026-07-30')).includes(p.id), '30 days overdue is not more than lost_contact_days');
  const day31 = await lostOn('2026-07-31', async (srv) => {
    // A visit today takes the person off the list.
    const cadre = await loginAs(srv, 'cj_001_001');
    const v = await cadre.post(`/api/v1/persons/${p.id}/follow-ups`, { kind: 'visit', held_on: '2026-07-31', form: '入户走访' });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    const sfs = await loginAs(srv, 'sfs_001');
    assert.ok(!ids((await sfs.get('/api/v1/supervision/lost')).body.items).includes(p.id), 'visited today');
  });
  const entry = day31.find((x) => x.person_id === p.id);
  assert.ok(entry, JSON.stringify(day31));
  assert.equal(entry.due, '2026-06-30');
  assert.equal(entry.reason, 'follow_up_overdue');
});

test('R-LOST-1 a person in custody is not on the 脱管 list',
  async () => {
    const db = await freshDatabase('2026-03-01');
    const p = await servedOn(db, '2026-03-01', (srv) => createPerson(srv, { name: '羁押甲', release_date: '2026-01-10' }));
    await servedOn(db, '2026-07-20', async (srv) => {
      const sfs = await loginAs(srv, 'sfs_001');
      const r = await sfs.post(`/api/v1/persons/${p.id}/custody`, { kind: 'detention', from_date: '2026-07-15' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    });
    await servedOn(db, '2026-08-05', async (srv) => {
      const sfs = await loginAs(srv, 'sfs_001');
      assert.ok(!ids((await sfs.get('/api/v1/supervision/lost')).body.items).includes(p.id));
    });
  });

test('R-LOST-1 a registration form whose person never registered is on 漏管 once the R-REG-1 deadline has passed', async () => {
  const db = await freshDatabase('2026-11-26');
  // The detention centre sends the form of an inmate released on 2026-12-01: registration is due by 2026-12-31.
  const personId = await servedOn(db, '2026-11-26', async (srv) => {
    const kss = await loginAs(srv, 'kss');
    const sfs = await loginAs(srv, 'sfs_001');
    const units = await unitsByCode(sfs);
    const person = personBody(units['500153001001'].id, await chargeId(sfs), {
      name: '漏管甲', id_number: makeId('500153', '19900101', 915), release_date: '2026-12-01', release_kind: undefined,
    });
    const r = await kss.post('/api/v1/documents/registration-forms', {
      person, received_into_custody: '2026-05-01', form: { occupation: '务农', marital_status: '未婚' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.person_id;
  });
  const missedOn = (today) => servedOn(db, today, async (srv) => {
    const sfs = await loginAs(srv, 'sfs_001');
    return ids((await sfs.get('/api/v1/supervision/missed')).body.items);
  });
  assert.ok(!(await missedOn('2026-12-31')).includes(personId), 'the last day to register');
  assert.ok((await missedOn('2027-01-01')).includes(personId), 'the day after the deadline');
});
