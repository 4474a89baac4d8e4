// R-JUR-1, R-JUR-2 (journey 6): a person moves; until the receiving township accepts, the sending
// one keeps the duties; afterwards both see the person, daily duties follow the residence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);  // days from the servers' fixed today (TEST_TODAY)
let srv, sfs, other, units, person;

before(async () => {
  srv = await startServer({ persons: 10 });
  sfs = await loginAs(srv, 'sfs_001');
  other = await loginAs(srv, 'sfs_101');
  units = await unitsByCode(sfs);
  const made = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs), { name: '迁移丁', release_date: day(-40) }));
  assert.equal(made.status, 201);
  person = made.body;
});
after(async () => { await srv.stop(); });

test('R-JUR-1 a pending transfer changes nothing; the receiving township accepts; both then see the person', async () => {
  const req = await sfs.post(`/api/v1/persons/${person.id}/transfers`, { kind: 'residence', to_unit_id: units['500153101002'].id, reason: '外出务工后定居' });
  assert.equal(req.status, 201, JSON.stringify(req.body));
  assert.equal(req.body.state, 'pending');
  const dup = await sfs.post(`/api/v1/persons/${person.id}/transfers`, { kind: 'residence', to_unit_id: units['500153101003'].id });
  assert.equal(dup.body.error.code, 'TRANSFER_PENDING');
  // Pending: the receiving township does not see the file yet, the visit duty stays with the old village.
  assert.equal((await other.get(`/api/v1/persons/${person.id}`)).status, 404);
  let tasks = (await sfs.get(`/api/v1/persons/${person.id}/tasks`)).body.items;
  assert.ok(tasks.filter((t) => t.rule === 'R-VIS-1').every((t) => t.unit.name === units['500153001001'].name));
  const incoming = await other.get('/api/v1/transfers?box=incoming&state=pending');
  const item = incoming.body.items.find((t) => t.person_id === person.id);
  assert.ok(item);
  assert.equal(item.person_name, '迁移丁');
  // The sending side cannot accept its own request.
  assert.equal((await sfs.post(`/api/v1/transfers/${item.id}/accept`, {})).status, 404);
  const ok = await other.post(`/api/v1/transfers/${item.id}/accept`, { note: '已核实住址' });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.state, 'accepted');
  assert.equal((await other.post(`/api/v1/transfers/${item.id}/accept`, {})).body.error.code, 'TRANSFER_DECIDED');
  // Both places list the person (双列管); daily duties follow the residence, registration stays home.
  assert.equal((await other.get(`/api/v1/persons/${person.id}`)).status, 200);
  const file = await sfs.get(`/api/v1/persons/${person.id}`);
  assert.equal(file.body.separated, true);
  tasks = (await sfs.get(`/api/v1/persons/${person.id}/tasks`)).body.items;
  assert.ok(tasks.filter((t) => t.rule === 'R-VIS-1').every((t) => t.unit.name === units['500153101002'].name));
  assert.equal(tasks.find((t) => t.rule === 'R-REG-1').unit.name, '昌元街道司法所');
  const tl = (await sfs.get(`/api/v1/persons/${person.id}/timeline`)).body.items;
  assert.ok(tl.some((e) => e.kind === 'transfer' && e.code === 'transfer.accepted'));
});

test('R-JUR-2 an identity established moves the household place and marks the identity verified', async () => {
  const made = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs), {
    name: '无名戊', id_number: null, identity_verified: false, birth_date: '1980-05-05', gender: '1', release_date: day(-10),
  }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  // The household registration moves: the new address is asked for, and applied on acceptance.
  const noAddress = await sfs.post(`/api/v1/persons/${made.body.id}/transfers`, { kind: 'identity_established', to_unit_id: units['500153101004'].id, reason: '查清真实身份' });
  assert.equal(noAddress.status, 400);
  assert.equal(noAddress.body.error.code, 'FIELD_REQUIRED');
  assert.equal(noAddress.body.error.field, 'new_address');
  const req = await sfs.post(`/api/v1/persons/${made.body.id}/transfers`, { kind: 'identity_established', to_unit_id: units['500153101004'].id, reason: '查清真实身份', new_address: '仁义镇新街8号' });
  assert.equal(req.status, 201);
  assert.equal(req.body.new_address, '仁义镇新街8号');
  const ok = await other.post(`/api/v1/transfers/${req.body.id}/accept`, {});
  assert.equal(ok.status, 200);
  const file = await other.get(`/api/v1/persons/${made.body.id}`);
  assert.equal(file.body.identity_verified, true);
  assert.equal(file.body.household_unit.id, units['500153101004'].id);
  assert.equal(file.body.household_address, '仁义镇新街8号');
});

test('R-JUR-1 the sending side withdraws a pending transfer; the receiver cannot', async () => {
  const made = await sfs.post('/api/v1/persons', personBody(units['500153001003'].id, await chargeId(sfs), { name: '撤回庚', release_date: day(-60) }));
  assert.equal(made.status, 201);
  const req = await sfs.post(`/api/v1/persons/${made.body.id}/transfers`, { kind: 'residence', to_unit_id: units['500153101006'].id, reason: '拟迁居' });
  assert.equal(req.status, 201);
  // The file lists it as pending.
  let list = await sfs.get(`/api/v1/persons/${made.body.id}/transfers`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((t) => t.state), ['pending']);
  // The receiving side neither withdraws nor learns of it this way; an unknown id is the same 404.
  assert.equal((await other.post(`/api/v1/transfers/${req.body.id}/withdraw`, {})).status, 404);
  assert.equal((await sfs.post('/api/v1/transfers/999999/withdraw', {})).status, 404);
  const w = await sfs.post(`/api/v1/transfers/${req.body.id}/withdraw`, { note: '本人不再迁居' });
  assert.equal(w.status, 200, JSON.stringify(w.body));
  assert.equal(w.body.state, 'withdrawn');
  assert.equal(w.body.decision_note, '本人不再迁居');
  assert.equal((await sfs.post(`/api/v1/transfers/${req.body.id}/withdraw`, {})).body.error.code, 'TRANSFER_DECIDED');
  assert.equal((await other.post(`/api/v1/transfers/${req.body.id}/accept`, {})).body.error.code, 'TRANSFER_DECIDED');
  // Gone from the receiver's box; on the file and the timeline as withdrawn; nothing moved.
  const incoming = (await other.get('/api/v1/transfers?box=incoming&state=pending')).body.items;
  assert.ok(!incoming.some((t) => t.id === req.body.id));
  list = await sfs.get(`/api/v1/persons/${made.body.id}/transfers`);
  assert.deepEqual(list.body.items.map((t) => t.state), ['withdrawn']);
  const withdrawn = (await sfs.get('/api/v1/transfers?box=outgoing&state=withdrawn')).body.items;
  assert.ok(withdrawn.some((t) => t.id === req.body.id));
  const tl = (await sfs.get(`/api/v1/persons/${made.body.id}/timeline`)).body.items;
  assert.ok(tl.some((e) => e.kind === 'transfer' && e.code === 'transfer.withdrawn'));
  assert.equal((await sfs.get(`/api/v1/persons/${made.body.id}`)).body.residence_unit.id, units['500153001003'].id);
});

test('a refused transfer changes nothing', async () => {
  const made = await sfs.post('/api/v1/persons', personBody(units['500153001002'].id, await chargeId(sfs), { name: '退回己' }));
  const req = await sfs.post(`/api/v1/persons/${made.body.id}/transfers`, { kind: 'residence', to_unit_id: units['500153101005'].id });
  const pending = async () => (await other.get('/api/v1/transfers?box=incoming&state=pending')).body.items.map((t) => t.id);
  assert.ok((await pending()).includes(req.body.id));
  const no = await other.post(`/api/v1/transfers/${req.body.id}/reject`, { note: '查无此人' });
  assert.equal(no.body.state, 'rejected');
  // It leaves the receiver's incoming box (the page lists what is pending) and the sender sees it returned.
  assert.ok(!(await pending()).includes(req.body.id));
  const mine = (await sfs.get('/api/v1/transfers?box=outgoing')).body.items.find((t) => t.id === req.body.id);
  assert.equal(mine.state, 'rejected');
  assert.equal((await other.get(`/api/v1/persons/${made.body.id}`)).status, 404);
  const bad = await sfs.post(`/api/v1/persons/${made.body.id}/transfers`, { kind: 'residence', to_unit_id: units['SFS500153101'].id });
  assert.equal(bad.body.error.code, 'UNIT_NOT_AREA');
});
