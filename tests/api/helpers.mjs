import zlib from 'node:zlib';
import { Client } from '../support/server.mjs';
import { freshId } from '../support/ids.mjs';

export async function loginAs(srv, username, password) {
  const c = new Client(srv.baseUrl);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

// Units by code, from GET /units.
export async function unitsByCode(client) {
  const r = await client.get('/api/v1/units');
  return Object.fromEntries(r.body.items.map((u) => [u.code, u]));
}

export async function chargeId(client, name = '盗窃罪') {
  const r = await client.get('/api/v1/dicts/charges');
  return r.body.items.find((c) => c.name === name).id;
}

// A valid person body for a village unit id.
export function personBody(unitId, charge, over = {}) {
  return {
    name: '测试人员',
    gender: '1',
    ethnic_code: '01',
    id_number: freshId(),
    identity_verified: true,
    education_code: '71',
    household_unit_id: unitId,
    household_address: '一组12号',
    residence_unit_id: unitId,
    residence_address: '一组12号',
    charge_ids: [charge],
    sentence_type: 'fixed_term',
    sentence_months: 36,
    release_date: '2025-06-01',
    release_kind: 'prison',
    releasing_authority: '重庆市永川监狱',
    family_contact_name: '测试家属',
    family_contact_relation: '母亲',
    family_contact_phone: '13800000000',
    phone: '13900000000',
    ...over,
  };
}

/** The text of one file inside a zip (xlsx), read through the central directory. */
export function zipEntry(buf, wanted) {
  for (let i = buf.lastIndexOf(Buffer.from('PK\x05\x06')), n = buf.readUInt16LE(i + 10), p = buf.readUInt32LE(i + 16); n > 0; n--) {
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    if (name === wanted) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  return null;
}
