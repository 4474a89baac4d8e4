// R-ORG-1: the "1112" unit groups — who keeps which group, members with their history, the list of
// units that lack their group, refusals outside one's area and bad input codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

let srv, sfs, units;
before(async () => {
  srv = await startServer({ persons: 20 });
  sfs = await loginAs(srv, 'sfs_001');
  units = await unitsByCode(sfs);
});
after(async () => { await srv.stop(); });

test('R-ORG-1 the list shows the district’s groups and the township’s villages that lack one', async () => {
  const all = (await sfs.get('/api/v1/org-groups')).body;
  assert.ok(all.items.some((s) => s.unit_kind === 'district' && s.group_kind === 'office' && s.group));
  assert.ok(all.items.some((s) => s.unit_kind === 'district' && s.group_kind === 'leading_group' && s.group?.name.includes('领导小组')));
  assert.ok(all.items.every((s) => s.unit_kind === 'district' || s.unit.path?.startsWith('昌元街道') || s.unit.name === '昌元街道'), 'only its own area');
  const lacking = (await sfs.get('/api/v1/org-groups?unit_kind=village&lacking=true')).body;
  assert.ok(lacking.items.length > 0 && lacking.items.every((s) => s.group === null && s.unit_kind === 'village'));
  assert.equal(lacking.lacking, lacking.items.length);
  const qu = await loginAs(srv, 'qu_abb');
  const town = (await qu.get(`/api/v1/org-groups?unit_kind=township&township_id=${units['500153101'].id}`)).body;
  assert.equal(town.items.length, 1);
  const bad = await qu.get('/api/v1/org-groups?unit_kind=county');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'unit_kind');
});

test('R-ORG-1 a township establishes its village’s working group and keeps the members’ history', async () => {
  const lacking = (await sfs.get('/api/v1/org-groups?unit_kind=village&lacking=true')).body.items;
  const village = lacking[0].unit;
  const made = await sfs.post('/api/v1/org-groups', { unit_id: village.id, kind: 'working_group', name: `${village.name}安置帮教工作小组`, established_on: dayFrom(-10) });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const again = await sfs.post('/api/v1/org-groups', { unit_id: village.id, kind: 'working_group', name: '重复', established_on: dayFrom(-10) });
  assert.equal(again.body.error.code, 'GROUP_EXISTS');
  const m1 = await sfs.post(`/api/v1/org-groups/${made.body.id}/members`, { name: '周主任', position: '村委会主任', role: 'leader', phone: '13800000011', joined_on: dayFrom(-10) });
  assert.equal(m1.status, 201);
  const m2 = await sfs.post(`/api/v1/org-groups/${made.body.id}/members`, { name: '吴网格员', role: 'member', joined_on: dayFrom(-9) });
  assert.equal(m2.status, 201);
  const early = await sfs.post(`/api/v1/org-groups/${made.body.id}/members`, { name: '早到者', role: 'member', joined_on: dayFrom(-30) });
  assert.equal(early.body.error.code, 'DATE_ORDER');
  const badRole = await sfs.post(`/api/v1/org-groups/${made.body.id}/members`, { name: '某', role: 'boss', joined_on: dayFrom(-1) });
  assert.equal(badRole.body.error.field, 'role');
  const left = await sfs.post(`/api/v1/org-group-members/${m2.body.id}/leave`, { left_on: dayFrom(0) });
  assert.equal(left.status, 200);
  assert.equal((await sfs.post(`/api/v1/org-group-members/${m2.body.id}/leave`, { left_on: dayFrom(0) })).body.error.code, 'MEMBER_ALREADY_LEFT');
  const g = (await sfs.get(`/api/v1/org-groups/${made.body.id}`)).body;
  assert.deepEqual(g.members.map((m) => [m.name, m.current]), [['周主任', true], ['吴网格员', false]]);
  const edited = await sfs.put(`/api/v1/org-groups/${made.body.id}`, { name: '新名称', established_on: dayFrom(-10), note: '调整' });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.name, '新名称');
  const now = (await sfs.get('/api/v1/org-groups?unit_kind=village')).body.items.find((s) => s.unit.id === village.id);
  assert.equal(now.current_members, 1);
});

test('R-ORG-1 refused outside one’s own level and area', async () => {
  const lacking = (await sfs.get('/api/v1/org-groups?unit_kind=village&lacking=true')).body.items;
  const village = lacking[0].unit;
  const other = await loginAs(srv, 'zj_101');
  const r = await other.post('/api/v1/org-groups', { unit_id: village.id, kind: 'working_group', name: '越界', established_on: dayFrom(-1) });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'GROUP_NOT_YOURS');
  const district = await sfs.post('/api/v1/org-groups', { unit_id: units['500153'].id, kind: 'office', name: '越级', established_on: dayFrom(-1) });
  assert.equal(district.body.error.code, 'GROUP_NOT_YOURS');
  const cadre = await loginAs(srv, 'cj_001_001');
  assert.equal((await cadre.post('/api/v1/org-groups', { unit_id: village.id, kind: 'working_group', name: '村', established_on: dayFrom(-1) })).status, 403);
  const kind = await sfs.post('/api/v1/org-groups', { unit_id: village.id, kind: 'office', name: '错', established_on: dayFrom(-1) });
  assert.equal(kind.body.error.code, 'GROUP_KIND_MISMATCH');
  const future = await sfs.post('/api/v1/org-groups', { unit_id: village.id, kind: 'working_group', name: '未来', established_on: dayFrom(3) });
  assert.equal(future.body.error.code, 'DATE_IN_FUTURE');
  const groups = (await other.get('/api/v1/org-groups')).body.items.filter((s) => s.group);
  const own = groups.find((s) => s.unit_kind === 'village');
  // Another township's group is not found for sfs_001.
  assert.equal((await sfs.get(`/api/v1/org-groups/${own.group.id}`)).status, 404);
});

test('R-ORG-1 each row and group says whether the caller may keep it (no button for what the server refuses)', async () => {
  const mine = (await sfs.get('/api/v1/org-groups')).body.items;
  assert.ok(mine.filter((s) => s.unit_kind === 'district').every((s) => s.can_keep === false), 'a township does not keep the district’s groups');
  assert.ok(mine.filter((s) => s.unit_kind !== 'district').every((s) => s.can_keep === true), 'a township keeps its own and its villages’ groups');
  const districtGroup = mine.find((s) => s.unit_kind === 'district' && s.group).group;
  assert.equal((await sfs.get(`/api/v1/org-groups/${districtGroup.id}`)).body.can_keep, false);
  const qu = await loginAs(srv, 'qu_abb');
  const all = (await qu.get('/api/v1/org-groups')).body.items;
  assert.ok(all.filter((s) => s.unit_kind === 'district').every((s) => s.can_keep === true));
  assert.ok(all.filter((s) => s.unit_kind !== 'district').every((s) => s.can_keep === false), 'the district office does not keep townships’ or villages’ groups');
  assert.equal((await qu.get(`/api/v1/org-groups/${districtGroup.id}`)).body.can_keep, true);
  const cadre = await loginAs(srv, 'cj_001_001');
  assert.ok((await cadre.get('/api/v1/org-groups')).body.items.every((s) => s.can_keep === false), 'no org_group:manage, nothing to keep');
});
