// The API contract: api/openapi.yaml, loaded once, and a check of one HTTP response against the
// schema of its route and status (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
//   operations()            [{ method, path (full, e.g. /api/v1/persons/{id}), op }]
//   checkResponse(res)      throws ContractError when the response does not match the file
// Client (server.mjs) calls checkResponse for every response, so every API test checks the contract.
// ANBANG_CONTRACT_LOG=FILE appends "METHOD path status" of every checked response to FILE (to see
// which operations and statuses the tests reach).
import { appendFileSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SPEC_PATH = join(root, 'api', 'openapi.yaml');
export const spec = YAML.parse(readFileSync(SPEC_PATH, 'utf8'));

export class ContractError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ContractError';
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

// '/api/v1' + '/persons/{id}'; a path item's own servers (as /healthz has) win over the file's.
function fullPath(path, item) {
  const base = (item.servers?.[0]?.url ?? spec.servers?.[0]?.url ?? '/').replace(/\/+$/, '');
  return base + path;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ops = [];
for (const [path, item] of Object.entries(spec.paths || {})) {
  const full = fullPath(path, item);
  // Path parameters are decimal ids, as the server's router matches them.
  const re = new RegExp('^' + full.split(/\{[^}]+\}/).map(escapeRe).join('[0-9]+') + '$');
  for (const m of METHODS) {
    if (item[m]) ops.push({ method: m.toUpperCase(), path: full, specPath: path, re, op: item[m] });
  }
}

export function operations() {
  return ops.map(({ method, path, op }) => ({ method, path, op }));
}

// Schemas: components/schemas become $defs of one schema "openapi"; every local $ref is rewritten
// to point there, so inline response schemas compile on their own.
function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        out[k] = 'openapi#/$defs/' + v.slice('#/components/schemas/'.length);
      } else {
        out[k] = rewriteRefs(v);
      }
    }
    return out;
  }
  return node;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword('example');
ajv.addSchema({ $id: 'openapi', $defs: rewriteRefs(spec.components?.schemas || {}) });

function resolveResponse(r) {
  let seen = 0;
  while (r && r.$ref && seen++ < 10) {
    const m = /^#\/components\/responses\/(.+)$/.exec(r.$ref);
    if (!m) throw new ContractError(`unsupported response $ref ${r.$ref}`);
    r = spec.components?.responses?.[m[1]];
  }
  return r;
}

const compiled = new Map();
function validatorFor(key, schema) {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(rewriteRefs(schema)));
  return compiled.get(key);
}

const errorSchema = { $ref: '#/components/schemas/Error' };

// Compiles every response schema of the file (throws on a broken one); returns how many.
export function compileAll() {
  let n = 0;
  for (const o of ops) {
    for (const [status, raw] of Object.entries(o.op.responses || {})) {
      const r = resolveResponse(raw);
      for (const [type, media] of Object.entries(r?.content || {})) {
        if (type === 'application/json' && media.schema) {
          validatorFor(`${o.method} ${o.path} ${status}`, media.schema);
          n++;
        }
      }
    }
  }
  return n;
}

// Finds the operation for a request: { op } for a route, { known: true } for a path with other
// methods only, {} for a path that is in no route.
export function findOperation(method, urlPath) {
  let known = false;
  for (const o of ops) {
    if (!o.re.test(urlPath)) continue;
    if (o.method === method) return o;
    known = true;
  }
  return { known };
}

function describe(body, raw) {
  const text = body !== null && body !== undefined ? JSON.stringify(body) : raw?.toString('utf8') ?? '';
  return text.length > 600 ? text.slice(0, 600) + '…' : text;
}

function check(validate, body, what) {
  if (validate(body)) return;
  const errs = validate.errors.slice(0, 8).map((e) => {
    const extra = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties'
      ? ` (${e.params.additionalProperty ?? e.params.unevaluatedProperty})`
      : e.keyword === 'enum' ? ` (${JSON.stringify(e.params.allowedValues)})` : '';
    return `  body${e.instancePath} ${e.message}${extra}`;
  });
  throw new ContractError(`${what} does not match api/openapi.yaml:\n${errs.join('\n')}\n  body: ${describe(body)}`);
}

// res: { method, url (path with query), status, contentType, body (parsed JSON or null), raw (Buffer) }.
// Only /api/ and /healthz responses are checked (the web app's files are not in the contract).
export function checkResponse({ method, url, status, contentType, body, raw }) {
  const urlPath = url.split('?')[0];
  if (!urlPath.startsWith('/api/') && urlPath !== '/healthz') return;
  const what = `${method} ${urlPath} → ${status}`;
  const type = (contentType || '').split(';')[0].trim();
  const found = findOperation(method, urlPath);
  if (!found.op) {
    const expected = found.known ? 405 : 404;
    if (status !== expected) {
      throw new ContractError(`${what}: ${found.known ? 'this method is' : 'this path is'} not in api/openapi.yaml (expected the server to answer ${expected})`);
    }
    return check(validatorFor('unmatched', errorSchema), body, what);
  }
  if (process.env.ANBANG_CONTRACT_LOG) appendFileSync(process.env.ANBANG_CONTRACT_LOG, `${method} ${found.path} ${status}\n`);
  const responses = found.op.responses || {};
  let r = responses[String(status)];
  if (!r && status >= 400) r = responses.default;
  if (!r) {
    throw new ContractError(`${what}: status ${status} is not documented for ${method} ${found.path} in api/openapi.yaml (documented: ${Object.keys(responses).join(', ')}); body: ${describe(body, raw)}`);
  }
  r = resolveResponse(r);
  const content = r.content || {};
  if (Object.keys(content).length === 0) {
    if (raw && raw.length > 0) throw new ContractError(`${what}: api/openapi.yaml documents no body, got ${raw.length} bytes: ${describe(body, raw)}`);
    return;
  }
  if (!content[type]) {
    throw new ContractError(`${what}: content type '${type}' is not documented (documented: ${Object.keys(content).join(', ')}); body: ${describe(body, raw)}`);
  }
  if (type !== 'application/json') return;
  const key = `${found.method} ${found.path} ${responses[String(status)] ? status : 'default'}`;
  check(validatorFor(key, content[type].schema), body, what);
}
