// R-ORG-3, R-ORG-1, R-ORG-4, R-ORG-5 (issue 8): a help group formed member by member from the
// candidates, flagged while incomplete and listed; a membership ended stays in the history; refusals
// outside the jurisdiction and bad input answer codes; the help plan keeps its versions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, dayFrom } from '../support/server.mjs';
import { loginAs, unitsByCode, chargeId, personBody } from './helpers.mjs';

const day = (offset) => dayFrom(offset);
let srv, sfs, pcs, other, units, person;

before(async () => {
  srv = await startServer({ persons: 10 });
  sfs = await loginAs(srv, 'sfs_001');
  pcs = await loginAs(srv, 'pcs_001');
  other = await loginAs(srv, 'sfs_101');
  units = await unitsByCode(sfs);
  const made = await sfs.post('/api/v1/persons', personBody(units['500153001001'].id, await chargeId(sfs), { name: '帮教戊', release_date: day(-20) }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  person = made.body;
  const reg = await sfs.post(`/api/v1/persons/${person.id}/registrations`, { registered_on: day(-15), certificate_no: 'SF-API-1', policies_explained: true });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));
});
after(async () => { await srv.stop(); });

const group = async (c = sfs) => (await c.get(`/api/v1/persons/${person.id}/help-group`)).body;

test('R-ORG-3 the group is formed from candidates; incomplete is flagged and listed, never refused; four make it complete', async () => {
  assert.deepEqual((await group()).members, []);
  const tasks = (await sfs.get(`/api/v1/persons/${person.id}/tasks`)).body.items;
  const formTask = tasks.find((t) => t.rule === 'R-ORG-3');
  assert.equal(formTask.anchor, 'registration_date');
  assert.equal(formTask.due, day(-15 + 7));
  assert.equal(formTask.state, 'overdue');

  const cands = (await sfs.get(`/api/v1/persons/${person.id}/help-group/candidates`)).body.items;
  const police = cands.find((c) => c.role_code === 'police_officer');
  const office = cands.find((c) => c.role_code === 'judicial_officer');
  const cadre = cands.find((c) => c.role_code === 'village_cadre' && c.unit.id === units['500153001001'].id);
  assert.ok(police && office && cadre, JSON.stringify(cands));
  assert.ok(!cands.some((c) => c.unit.id === units['500153101001']?.id), 'no user of another township');

  const first = await sfs.post(`/api/v1/persons/${person.id}/help-group/members`, { role: 'police_officer', user_id: police.user_id, joined_on: day(-1) });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  let g = await group();
  assert.equal(g.complete, false);
  assert.equal(g.too_few, true);
  assert.deepEqual(g.missing_roles, ['judicial_assistant', 'village_cadre', 'family_member']);
  const listed = (await sfs.get('/api/v1/help-groups/incomplete?problem=incomplete&page_size=100')).body;
  const row = listed.items.find((r) => r.person_id === person.id);
  assert.ok(row, 'an incomplete group is listed');
  assert.deepEqual(row.missing_roles, ['judicial_assistant', 'village_cadre', 'family_member']);

  for (const body of [
    { role: 'judicial_assistant', user_id: office.user_id, joined_on: day(-1) },
    { role: 'village_cadre', user_id: cadre.user_id, joined_on: day(0) },
    { role: 'family_member', name: '帮教戊之母', unit_or_relation: '母亲', phone: '13900002222', joined_on: day(0), is_contact: true },
  ]) {
    const r = await sfs.post(`/api/v1/persons/${person.id}/help-group/members`, body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  g = await group();
  assert.equal(g.complete, true);
  assert.equal(g.current_count, 4);
  assert.deepEqual(g.family_contact, { name: '帮教戊之母', relation: '母亲', phone: '13900002222' });
  const done = (await sfs.get(`/api/v1/persons/${person.id}/tasks`)).body.items.find((t) => t.rule === 'R-ORG-3');
  assert.equal(done.state, 'done');
  assert.equal(done.fulfilled_on, day(-1));
  assert.equal(done.late, true);
  // 我帮教的对象 of the police officer.
  const mine = (await pcs.get('/api/v1/help-groups/mine?page_size=100')).body;
  assert.ok(mine.items.some((r) => r.person_id === person.id && r.complete));
  // The timeline has the entries as codes.
  const tl = (await sfs.get(`/api/v1/persons/${person.id}/timeline`)).body.items;
  assert.ok(tl.some((e) => e.code === 'help.member_added' && e.params.role === 'family_member' && e.params.contact === true));
});

test('R-ORG-3 ending a membership keeps it in the history and flags the group again', async () => {
  const g = await group();
  const police = g.members.find((m) => m.role === 'police_officer' && m.current);
  const ended = await sfs.post(`/api/v1/persons/${person.id}/help-group/members/${police.id}/end`, { left_on: day(0), reason: '调离' });
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  const again = await sfs.post(`/api/v1/persons/${person.id}/help-group/members/${police.id}/end`, { left_on: day(0) });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'MEMBER_ALREADY_LEFT');
  const after = await group();
  const kept = after.members.find((m) => m.id === police.id);
  assert.equal(kept.current, false);
  assert.equal(kept.left_on, day(0));
  assert.equal(after.complete, false);
  assert.deepEqual(after.missing_roles, ['police_officer']);
  // The task stays done: the group was formed (one-off).
  const t = (await sfs.get(`/api/v1/persons/${person.id}/tasks`)).body.items.find((x) => x.rule === 'R-ORG-3');
  assert.equal(t.state, 'done');
});

test('R-ORG-3 refusals: another township, no permission, a user who cannot see the person, bad input', async () => {
  const far = await other.post(`/api/v1/persons/${person.id}/help-group/members`, { role: 'volunteer', name: '志愿者甲', joined_on: day(0) });
  assert.equal(far.status, 404);
  assert.equal(far.body.error.code, 'PERSON_NOT_FOUND');
  assert.equal((await other.get(`/api/v1/persons/${person.id}/help-group`)).status, 404);
  const police = await pcs.post(`/api/v1/persons/${person.id}/help-group/members`, { role: 'volunteer', name: '志愿者甲', joined_on: day(0) });
  assert.equal(police.status, 403);
  assert.equal(police.body.error.code, 'PERMISSION_DENIED');
  assert.equal((await pcs.get(`/api/v1/persons/${person.id}/help-group`)).status, 200, 'the police read the group');
  const otherUser = (await other.get('/api/v1/auth/me')).body.user;
  const outside = await sfs.post(`/api/v1/persons/${person.id}/help-group/members`, { role: 'judicial_assistant', user_id: otherUser.id, joined_on: day(0) });
  assert.equal(outside.status, 409);
  assert.equal(outside.body.error.code, 'MEMBER_OUT_OF_SCOPE');
  const cases = [
    [{ role: 'neighbour', name: '甲', joined_on: day(0) }, 'FIELD_VALUE', 'role'],
    [{ role: 'volunteer', joined_on: day(0) }, 'MEMBER_NAME_REQUIRED', 'name'],
    [{ role: 'volunteer', name: '甲', joined_on: day(1) }, 'DATE_IN_FUTURE', 'joined_on'],
    [{ role: 'volunteer', name: '甲', joined_on: day(0), is_contact: true }, 'CONTACT_NOT_FAMILY', 'is_contact'],
    [{ role: 'volunteer', name: '甲', joined_on: day(0), phone: 'abc' }, null, 'phone'],
  ];
  for (const [body, code, field] of cases) {
    const r = await sfs.post(`/api/v1/persons/${person.id}/help-group/members`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    if (code) assert.equal(r.body.error.code, code, JSON.stringify(r.body));
    assert.equal(r.body.error.field, field);
  }
});

test('R-ORG-4 the help plan keeps its versions; a revision needs a reason; the responsible member must be current', async () => {
  const g = await group();
  const office = g.members.find((m) => m.role === 'judicial_assistant' && m.current);
  const police = g.members.find((m) => m.role === 'police_officer' && !m.current);
  const base = { made_on: day(0), review_on: day(90), needs: [{ need: 'work', goal: '稳定就业', measures: '推荐岗位', member_id: office.id }] };
  const bad = [
    [{ ...base, needs: [] }, 'PLAN_NEEDS_REQUIRED'],
    [{ ...base, needs: [{ ...base.needs[0], need: 'money' }] }, 'FIELD_VALUE'],
    [{ ...base, needs: [base.needs[0], base.needs[0]] }, 'PLAN_NEED_DUPLICATE'],
    [{ ...base, needs: [{ ...base.needs[0], member_id: police.id }] }, 'PLAN_MEMBER_NOT_CURRENT'],
    [{ ...base, review_on: day(-1) }, 'PLAN_REVIEW_BEFORE_MADE'],
  ];
  for (const [body, code] of bad) {
    const r = await sfs.post(`/api/v1/persons/${person.id}/help-plans`, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error.code, code);
  }
  const v1 = await sfs.post(`/api/v1/persons/${person.id}/help-plans`, base);
  assert.equal(v1.status, 201, JSON.stringify(v1.body));
  assert.equal(v1.body.version, 1);
  const noReason = await sfs.post(`/api/v1/persons/${person.id}/help-plans`, base);
  assert.equal(noReason.body.error.code, 'FIELD_REQUIRED');
  assert.equal(noReason.body.error.field, 'reason');
  const v2 = await sfs.post(`/api/v1/persons/${person.id}/help-plans`, { ...base, reason: '家庭情况变化', needs: [...base.needs, { need: 'family', goal: '修复家庭关系', measures: '每月沟通', member_id: office.id }] });
  assert.equal(v2.body.version, 2);
  const plans = (await sfs.get(`/api/v1/persons/${person.id}/help-plans`)).body;
  assert.deepEqual(plans.versions.map((v) => v.version), [2, 1]);
  assert.equal(plans.versions[0].needs[1].member.name, office.name);
  assert.equal(plans.versions[1].needs.length, 1, 'the first version is kept as it was');
  const t = (await sfs.get(`/api/v1/persons/${person.id}/tasks`)).body.items.find((x) => x.key === 'R-ORG-4');
  assert.equal(t.state, 'done');
  const ag = await sfs.post(`/api/v1/persons/${person.id}/help-agreements`, { signed_on: day(0), parties: ['白塔社区居委会', '家属', '昌元街道司法所'] });
  assert.equal(ag.status, 201, JSON.stringify(ag.body));
  const none = await sfs.post(`/api/v1/persons/${person.id}/help-agreements`, { signed_on: day(0), parties: [] });
  assert.equal(none.body.error.code, 'AGREEMENT_PARTIES_REQUIRED');
  assert.equal((await sfs.get(`/api/v1/persons/${person.id}/help-plans`)).body.agreements.length, 1);
  // The police may read the plan but not record one.
  assert.equal((await pcs.post(`/api/v1/persons/${person.id}/help-plans`, base)).status, 403);
  assert.equal((await pcs.get(`/api/v1/persons/${person.id}/help-plans`)).status, 200);
});
