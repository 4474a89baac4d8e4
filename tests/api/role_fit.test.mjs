// User administration: a user's role must fit the kind of their unit (domain::role_fits_unit_kind).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { loginAs, unitsByCode } from './helpers.mjs';

let srv;
before(async () => { srv = await startServer({ persons: 20 }); });
after(async () => { await srv.stop(); });

async function setup() {
  const admin = await loginAs(srv, 'admin');
  const units = await unitsByCode(admin);
  const roles = Object.fromEntries((await admin.get('/api/v1/roles')).body.items.map((r) => [r.code, r]));
  return { admin, units, roles };
}

test('a user is refused a role that does not fit the kind of their unit', async () => {
  const { admin, units, roles } = await setup();
  const village = units['500153001002'];
  const office = units['SFS500153101'];
  assert.equal(village.kind, 'village');
  assert.equal(office.kind, 'judicial_office');
  const body = { display_name: '新村干部', phone: '', initial_password: 'Initial2026pw' };

  const wrong = await admin.post('/api/v1/users', { ...body, username: 'cadre_in_office', unit_id: office.id, role_id: roles.village_cadre.id });
  assert.equal(wrong.status, 400, JSON.stringify(wrong.body));
  assert.equal(wrong.body.error.code, 'ROLE_UNIT_MISMATCH');
  assert.equal(wrong.body.error.field, 'role_id');
  const wrongOfficer = await admin.post('/api/v1/users', { ...body, username: 'officer_in_village', unit_id: village.id, role_id: roles.judicial_officer.id });
  assert.equal(wrongOfficer.status, 400);
  assert.equal(wrongOfficer.body.error.code, 'ROLE_UNIT_MISMATCH');

  const made = await admin.post('/api/v1/users', { ...body, username: 'cadre_in_village', unit_id: village.id, role_id: roles.village_cadre.id });
  assert.equal(made.status, 201, JSON.stringify(made.body));

  // Moving the cadre to the judicial office without a fitting role is refused; with one it is not.
  const edit = { display_name: '新村干部', phone: '', active: true };
  const moved = await admin.put(`/api/v1/users/${made.body.id}`, { ...edit, unit_id: office.id, role_id: roles.village_cadre.id });
  assert.equal(moved.status, 400);
  assert.equal(moved.body.error.code, 'ROLE_UNIT_MISMATCH');
  const fitting = await admin.put(`/api/v1/users/${made.body.id}`, { ...edit, unit_id: office.id, role_id: roles.judicial_officer.id });
  assert.equal(fitting.status, 200, JSON.stringify(fitting.body));
  assert.equal(fitting.body.role.code, 'judicial_officer');
});

test('every demo account keeps a role that fits its unit', async () => {
  const { admin, units, roles } = await setup();
  const byId = new Map(Object.values(units).map((u) => [u.id, u]));
  const fits = {
    admin: ['district'], district_officer: ['district'], auditor: ['district'], judicial_officer: ['judicial_office'],
    police_officer: ['police_station'], township_officer: ['township'], village_cadre: ['village'],
    custody_clerk: ['detention_centre', 'prison'], department_officer: ['department'],
    civil_affairs_leader: ['township'],
  };
  assert.deepEqual(Object.keys(fits).sort(), Object.keys(roles).sort());
  for (const q of ['admin', 'qu_abb', 'auditor', 'kss', 'mz', 'sfs_001', 'pcs_001', 'zj_001', 'mzld_001', 'cj_001_001']) {
    const { items } = (await admin.get(`/api/v1/users?q=${q}`)).body;
    const u = items.find((x) => x.username === q);
    assert.ok(fits[u.role.code].includes(byId.get(u.unit.id).kind), `${q}: ${u.role.code} in ${byId.get(u.unit.id).kind}`);
  }
});
