import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/services/catalogue.ts';
import type { Operation } from '../src/services/operation.ts';
import { inputJsonSchema, topLevelProperties } from '../src/server/schemas.ts';
import { testServer, type TestServer } from './support/server-app.ts';

interface ProblemBody {
  status: number;
  code: string;
  detail: string;
  problems?: { path: string; message: string }[];
  candidates?: { id: number; label: string }[];
}

let s: TestServer;
beforeEach(async () => { s = await testServer(); });
afterEach(async () => { await s.close(); });

async function problem(res: Response, status: number): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as ProblemBody;
  expect(body.status).toBe(status);
  return body;
}

describe('HTTP API over the catalogue', () => {
  it('creates, reads by path parameter, and lists a page of contacts', async () => {
    const created = await s.send('POST', '/api/contacts', { name: 'Ada Lovelace', networks: ['strategic'], organisation: 'Analytical Engines' });
    expect(created.status).toBe(200);
    const { contact } = (await created.json()) as { contact: { id: number } };
    const got = await s.request(`/api/contacts/${contact.id}`);
    expect(((await got.json()) as { name: string }).name).toBe('Ada Lovelace');
    for (const name of ['Charles Babbage', 'Mary Somerville']) await s.send('POST', '/api/contacts', { name });
    const page = (await (await s.request('/api/contacts?limit=2&offset=1')).json()) as { items: { name: string }[]; total: number; limit: number };
    expect(page).toMatchObject({ total: 3, limit: 2 });
    expect(page.items.map((c) => c.name)).toEqual(['Charles Babbage', 'Mary Somerville']);
  });

  it('reads filters from the query string with their proper types', async () => {
    await s.send('POST', '/api/contacts', { name: 'Ada Lovelace', networks: ['strategic'], insideOrganisation: true });
    await s.send('POST', '/api/contacts', { name: 'Grace Hopper', networks: ['personal'], insideOrganisation: false });
    const inside = (await (await s.request('/api/contacts?inside=true&network=strategic')).json()) as { items: { name: string }[] };
    expect(inside.items.map((c) => c.name)).toEqual(['Ada Lovelace']);
    const open = (await (await s.request('/api/follow-ups?includeDone=false')).json()) as unknown[];
    expect(open).toHaveLength(2);
  });

  it('answers bad input with problem+json naming each bad field', async () => {
    const res = await s.send('POST', '/api/contacts', { name: '', emails: ['not-an-email'], networks: ['cosmic'] });
    const body = await problem(res, 422);
    expect(body.code).toBe('invalid');
    expect(body.problems?.map((p) => p.path).sort()).toEqual(['emails.0.address', 'name', 'networks.0']);
  });

  it('answers malformed requests with 400/415 problems, never 500', async () => {
    expect((await problem(await s.request('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' }), 400)).code).toBe('malformed');
    expect((await problem(await s.request('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' }), 400)).detail).toMatch(/JSON object/);
    expect((await problem(await s.request('/api/contacts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=Ada' }), 415)).code).toBe('unsupported_media_type');
    expect((await problem(await s.request('/api/contacts/abc'), 422)).problems?.[0]?.path).toBe('id');
    expect((await problem(await s.request('/api/contacts?limit=100000'), 422)).problems?.[0]?.path).toBe('limit');
  });

  it('maps not found, ambiguity and unknown routes to 404, 409 and 404', async () => {
    await problem(await s.request('/api/contacts/999'), 404);
    await s.send('POST', '/api/contacts', { name: 'Ada Lovelace' });
    await s.send('POST', '/api/contacts', { name: 'Ada Byron' });
    const ambiguous = await problem(await s.request('/api/contacts/resolve?ref=ada'), 409);
    expect(ambiguous.code).toBe('ambiguous');
    expect(ambiguous.candidates?.map((c) => c.label).sort()).toEqual(['Ada Byron', 'Ada Lovelace']);
    const unique = await s.request('/api/contacts/resolve?ref=byron');
    expect(((await unique.json()) as { name: string }).name).toBe('Ada Byron');
    await problem(await s.request('/api/no-such-thing'), 404);
  });

  it('answers ?download=true on a file-producing operation with the file itself', async () => {
    await s.send('POST', '/api/contacts', { name: 'Ada Lovelace', emails: ['ada@example.org'] });
    const res = await s.request('/api/export?format=vcard&download=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/vcard/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rapport-contacts.vcf"');
    expect(await res.text()).toMatch(/BEGIN:VCARD[\s\S]*FN:Ada Lovelace/);
    const json = (await (await s.request('/api/export?format=csv')).json()) as { count: number; content: string };
    expect(json.count).toBe(1);
  });

  it('never answers 500 to wrong input for any operation', async () => {
    await s.send('POST', '/api/contacts', { name: 'Ada Lovelace' });
    const wrong: unknown[] = [{ nested: { deeply: true } }, -1, 'x'.repeat(300), [null], true, undefined];
    for (const op of CATALOGUE as readonly Operation[]) {
      const { properties } = topLevelProperties(inputJsonSchema(op.input));
      for (const value of wrong) {
        const path = op.http.path.replace(/\{[^}]+\}/g, value === undefined ? '1' : 'abc');
        const input = value === undefined ? {} : Object.fromEntries(Object.keys(properties).map((k) => [k, value]));
        const res = op.http.method === 'get'
          ? await s.request(`/api${path}?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, JSON.stringify(v)]))}`)
          : await s.send(op.http.method.toUpperCase(), `/api${path}`, input);
        expect(res.status, `${op.name} with ${String(JSON.stringify(value)).slice(0, 40)}`).toBeLessThan(500);
      }
    }
  });
});
