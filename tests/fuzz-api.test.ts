import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ID } from '../src/domain/limits.ts';
import { CATALOGUE } from '../src/services/catalogue.ts';
import type { Operation } from '../src/services/operation.ts';
import type { OpenApiDocument } from '../src/server/openapi.ts';
import { PROBLEM_CODES } from '../src/server/problem.ts';
import { inputJsonSchema, pathParamsOf } from '../src/server/schemas.ts';
import { generate, mutate, Rng, type Json } from './support/fuzz-gen.ts';
import { testServerOn, type TestServer } from './support/server-app.ts';
import { DIALECTS } from './support/stores.ts';

// Every catalogue operation meets inputs generated from its own schema, valid and hostile, over HTTP on both
// dialects: no answer may be a 5xx, and every error must be problem+json with a status the OpenAPI document lists
// for that operation. Seeded: RAPPORT_FUZZ_SEED=<n> repeats a run exactly (each operation's inputs depend only on
// the seed and its name). The password operations are left out: setting one would lock the rest of the run out.

const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20261206);
const INPUTS_PER_OPERATION = Number(process.env.RAPPORT_FUZZ_INPUTS ?? 50);
// The demo goes first, so later operations find contacts, organisations, goals… to act on.
// sync.run and sync.test reach the account's server, and a fuzzed account names an outside address: they are
// left out (tests/carddav-sync.test.ts drives them against a local Radicale).
const REACHES_OUT = new Set(['sync.run', 'sync.test']);
const OPERATIONS = [...(CATALOGUE as readonly Operation[])].filter((op) => !REACHES_OUT.has(op.name)).sort((a, b) => Number(b.name === 'demo.load') - Number(a.name === 'demo.load'));

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Attempt {
  label: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const show = (v: unknown): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

function queryString(input: Record<string, Json>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, typeof v === 'string' ? v : JSON.stringify(v));
    else params.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// A lone surrogate cannot be percent-encoded as UTF-8; it goes as the invalid bytes a broken client would send.
const segmentOf = (text: string): string => text.split(/([\uD800-\uDFFF])/).map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part))).join('');

// Path parameters come out of the input into the URL; the rest is the query (GET) or the JSON body.
function attemptFor(op: Operation, input: Json, label: string, rng: Rng): Attempt {
  const rest: Record<string, Json> = input !== null && typeof input === 'object' && !Array.isArray(input) ? { ...input } : {};
  let path = `/api${op.http.path}`;
  for (const name of pathParamsOf(op)) {
    const value = name in rest ? rest[name] : 1;
    delete rest[name];
    const segment = rng.chance(0.04) ? rng.pick(['%E0%A4%A', '%25', '..', String(MAX_ID + 1), '-1']) : segmentOf(typeof value === 'string' ? value : JSON.stringify(value));
    path = path.replace(`{${name}}`, segment);
  }
  if (op.http.method === 'get') return { label, method: 'GET', path: `${path}${queryString(rest)}` };
  const isObject = input !== null && typeof input === 'object' && !Array.isArray(input);
  return { label, method: op.http.method.toUpperCase(), path, body: JSON.stringify(isObject ? rest : input), headers: { 'content-type': 'application/json' } };
}

// Broken at the transport: what a careless or hostile client sends instead of JSON.
function transportAttempt(op: Operation, rng: Rng): Attempt {
  const path = `/api${op.http.path}`.replace(/\{[^}]+\}/g, '1');
  const kind = rng.int(0, 4);
  const deep = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const bodies: [string, string][] = [['{"name": ', 'application/json'], ['name=Ada', 'application/x-www-form-urlencoded'], ['[1,2]', 'application/json'], [deep, 'application/json'], ['null', 'application/json']];
  const [body, type] = bodies[kind]!;
  return { label: `transport ${kind}`, method: op.http.method.toUpperCase(), path, body, headers: { 'content-type': type } };
}

function attemptsFor(op: Operation): Attempt[] {
  const rng = new Rng(SEED ^ hash(op.name));
  const root = inputJsonSchema(op.input);
  const options = { rng, root, maxLikelyId: 30 };
  const out: Attempt[] = [];
  const hasBody = op.http.method !== 'get';
  // Huge arrays are slow to send and check, so only a couple per operation.
  let hugeLeft = 2;
  for (let i = 0; i < INPUTS_PER_OPERATION; i++) {
    const valid = generate(root, '', options);
    const roll = rng.next();
    if (roll < 0.4) {
      out.push(attemptFor(op, valid, `valid #${i}`, rng));
    } else if (hasBody && roll > 0.92) {
      out.push(transportAttempt(op, rng));
    } else {
      const allowHuge = hugeLeft > 0 && rng.chance(0.1);
      if (allowHuge) hugeLeft--;
      out.push(attemptFor(op, mutate(valid, rng, allowHuge), `mutated #${i}`, rng));
    }
  }
  return out;
}

interface Failure { attempt: Attempt; status: number; why: string; body: string }

describe.each(DIALECTS)('API fuzz (%s)', (dialect) => {
  let server: TestServer;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    server = await testServerOn(dialect, { operations: CATALOGUE as readonly Operation[] });
    doc = (await (await server.request('/api/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(async () => { await server?.close(); });

  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s answers every generated input without a 5xx, as its document says', async (_name, op) => {
    const declared = Object.keys((doc.paths[op.http.path]?.[op.http.method] as { responses?: Record<string, unknown> } | undefined)?.responses ?? {});
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    for (const attempt of attemptsFor(op)) {
      const res = await server.request(attempt.path, { method: attempt.method, ...(attempt.headers ? { headers: attempt.headers } : {}), ...(attempt.body !== undefined ? { body: attempt.body } : {}) });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const fail = (why: string): void => { failures.push({ attempt, status: res.status, why, body: text.slice(0, 300) }); };
      if (res.status >= 500) { fail('server error'); continue; }
      if (!declared.includes(String(res.status))) fail(`status ${res.status} is not among the documented ${declared.join(', ')}`);
      if (res.status < 400) continue;
      if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json')) { fail(`error as ${res.headers.get('content-type')}`); continue; }
      let problem: { status?: unknown; code?: unknown; title?: unknown; detail?: unknown; type?: unknown };
      try {
        problem = JSON.parse(text) as typeof problem;
      } catch {
        fail('problem body is not JSON');
        continue;
      }
      if (problem.status !== res.status) fail(`problem.status ${String(problem.status)} differs from the HTTP status`);
      if (!(PROBLEM_CODES as readonly unknown[]).includes(problem.code)) fail(`problem.code ${String(problem.code)} is not a documented code`);
      if (typeof problem.title !== 'string' || typeof problem.detail !== 'string' || typeof problem.type !== 'string') fail('problem lacks type, title or detail');
    }
    // RAPPORT_FUZZ_STATS=1 shows how the answers spread, to see how deep the valid inputs reach.
    if (process.env.RAPPORT_FUZZ_STATS) console.log(`fuzz ${dialect} ${op.name}: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ')}`);
    const report = failures.slice(0, 8).map((f) => `  ${f.attempt.label}: ${f.attempt.method} ${show(f.attempt.path)} ${f.attempt.body !== undefined ? show(f.attempt.body) : ''}\n    → ${f.status} ${f.why}: ${f.body}`).join('\n');
    expect(failures.length, `${op.name} on ${dialect}, seed ${SEED} (RAPPORT_FUZZ_SEED=${SEED} to repeat):\n${report}`).toBe(0);
  }, 120_000);
});
