// api/openapi.yaml is the contract: the routes the server registers (`anbang routes`) and the
// operations of the file are the same set, every response schema compiles, and the response check
// that every API test runs through Client (tests/support/contract.mjs) refuses what the file does
// not allow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN } from '../support/server.mjs';
import { operations, compileAll, checkResponse, ContractError } from '../support/contract.mjs';

function serverRoutes() {
  const out = execFileSync(BIN, ['routes'], { encoding: 'utf8' });
  return JSON.parse(out).map((r) => `${r.method} ${r.path}`);
}

test('every route of the server is in api/openapi.yaml and every operation of the file is a route', () => {
  const server = new Set(serverRoutes());
  const file = new Set(operations().map((o) => `${o.method} ${o.path}`));
  assert.ok(server.size > 40, `anbang routes listed only ${server.size} routes`);
  const notInFile = [...server].filter((r) => !file.has(r)).sort();
  const notInServer = [...file].filter((r) => !server.has(r)).sort();
  assert.deepEqual(
    { notInFile, notInServer },
    { notInFile: [], notInServer: [] },
    `routes and api/openapi.yaml differ:\n  in the code, not in the file: ${notInFile.join(', ') || '—'}\n  in the file, not in the code: ${notInServer.join(', ') || '—'}`,
  );
});

test('every operation documents a success response and an error body', () => {
  for (const o of operations()) {
    const statuses = Object.keys(o.op.responses || {});
    assert.ok(statuses.some((s) => /^2\d\d$/.test(s)), `${o.method} ${o.path}: no 2xx response`);
    if (o.path !== '/healthz') assert.ok(statuses.includes('default'), `${o.method} ${o.path}: no default (error) response`);
  }
});

test('every response schema of the file compiles', () => {
  assert.ok(compileAll() > 40);
});

const unit = { id: 1, parent_id: null, code: '500153', name: '荣昌区', kind: 'district', subkind: '', active: true, area_unit_id: 1 };
const json = (status, body) => ({
  method: 'GET', url: '/api/v1/units', status, contentType: 'application/json', body, raw: Buffer.from(JSON.stringify(body)),
});

test('the response check accepts a response the file allows', () => {
  checkResponse(json(200, { items: [unit] }));
  checkResponse(json(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录', field: '' } }));
});

test('the response check refuses a missing field, an extra field, a wrong enum and an undocumented status', () => {
  const { area_unit_id, ...missing } = unit;
  assert.throws(() => checkResponse(json(200, { items: [missing] })), (e) => e instanceof ContractError && /area_unit_id/.test(e.message));
  assert.throws(() => checkResponse(json(200, { items: [{ ...unit, extra: 1 }] })), /must NOT have additional properties \(extra\)/);
  assert.throws(() => checkResponse(json(200, { items: [{ ...unit, kind: 'planet' }] })), /kind must be equal to one of the allowed values/);
  assert.throws(() => checkResponse(json(201, { items: [] })), /status 201 is not documented for GET \/api\/v1\/units/);
  assert.throws(() => checkResponse(json(400, { error: { code: 'X' } })), /message/);
});

test('the response check refuses a route that is not in the file', () => {
  const ok = { error: { code: 'NOT_FOUND', message: '请求的地址不存在', field: '' } };
  checkResponse({ ...json(404, ok), url: '/api/v1/nothing' });
  assert.throws(() => checkResponse({ ...json(200, {}), url: '/api/v1/nothing' }), /not in api\/openapi.yaml/);
  assert.throws(() => checkResponse({ ...json(200, {}), method: 'DELETE', url: '/api/v1/persons/1' }), /this method is not in/);
});
