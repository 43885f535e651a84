import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { MAX_BULK_IDS, MAX_ID, MAX_JSON_DEPTH } from '../src/domain/limits.ts';
import { problemOf } from '../src/server/problem.ts';
import { testServerOn, type TestServer } from './support/server-app.ts';
import { DIALECTS } from './support/stores.ts';

// Issue 10, finding 3, over HTTP: each of these was a 500 before (on PostgreSQL, or on both dialects).

interface ProblemBody { status: number; code: string; detail: string; problems?: { path: string; message: string; value?: unknown }[] }

async function problem(res: Response, status: number): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as ProblemBody;
  expect(body.status).toBe(status);
  return body;
}

const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe.each(DIALECTS)('bounds over HTTP on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => { s = await testServerOn(dialect); });
  afterAll(async () => { await s.close(); });

  it('answers an id past 2^31-1 in a path or a body with 422 naming the field', async () => {
    const byPath = await problem(await s.request(`/api/contacts/${MAX_ID + 1}`), 422);
    expect(byPath.problems?.[0]).toMatchObject({ path: 'id', message: `no id is above ${MAX_ID}` });
    const inBody = await problem(await s.send('POST', '/api/follow-ups', { contactId: 2 ** 40, dueOn: '2026-12-01', reason: 'x' }), 422);
    expect(inBody.problems?.[0]?.path).toBe('contactId');
    await problem(await s.request(`/api/contacts/resolve?ref=${MAX_ID + 1}`), 404);
  });

  it('answers a NUL in a name with 422 naming the field, and stores nothing', async () => {
    const body = await problem(await s.send('POST', '/api/contacts', { name: 'Ada\u0000' }), 422);
    expect(body.problems?.[0]).toMatchObject({ path: 'name', message: expect.stringContaining('control characters (found U+0000)') });
    const list = (await (await s.request('/api/contacts')).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it('answers a body nested deeper than the limit with 400 problem+json; at the limit it is read', async () => {
    const deep = await problem(await s.request('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"name":${nested(5000)}}` }), 400);
    expect(deep).toMatchObject({ code: 'malformed', detail: `the body is nested more than ${MAX_JSON_DEPTH} levels deep` });
    await problem(await s.request('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"name":${nested(MAX_JSON_DEPTH)}}` }), 400);
    // One level less fits (the body object itself is a level): the operation then names the wrong field.
    const fits = await problem(await s.request('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"name":${nested(MAX_JSON_DEPTH - 1)}}` }), 422);
    expect(fits.problems?.[0]?.path).toBe('name');
  });

  it('answers more ids than a bulk call takes with 422 naming the limit', async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => i + 1);
    const body = await problem(await s.send('POST', '/api/contacts/archive', { ids }), 422);
    expect(body.detail).toContain(`ids: at most ${MAX_BULK_IDS} ids at once`);
  });

  it('refuses a javascript: website, and a path parameter that is not an id, without a 500', async () => {
    const body = await problem(await s.send('POST', '/api/organisations', { name: 'Evil', website: 'javascript:alert(20)' }), 422);
    expect(body.problems?.[0]?.path).toBe('website');
    await problem(await s.request('/api/contacts/%25'), 422);
    await problem(await s.request('/api/contacts/%E0%A4%A'), 422);
  });
});

describe('problem details', () => {
  it('echo a value nested thousands deep in short, instead of overflowing the stack', () => {
    let value: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) value = [value];
    const problem = problemOf(new RapportError('invalid', 'name: expected text', { problems: [{ path: 'name', message: 'expected text', value }] }));
    expect(problem.problems?.[0]?.value).toEqual([[[['[…]']]]]);
    expect(JSON.stringify(problem).length).toBeLessThan(500);
  });
});

describe('OpenAPI error responses', () => {
  let s: TestServer;
  beforeAll(async () => { s = await testServerOn('sqlite'); });
  afterAll(async () => { await s.close(); });

  it('lists 413 and 415 where a body is read, 404 where a record is named, 409 where a name can clash, and 429/503 everywhere', async () => {
    const doc = (await (await s.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { responses: Record<string, { headers?: Record<string, unknown> }> } };
    const codes = (path: string, method: string): string[] => Object.keys(doc.paths[path]![method]!.responses).sort();
    expect(codes('/contacts', 'post')).toEqual(['200', '400', '401', '403', '413', '415', '422', '429', '503']);
    expect(codes('/contacts/{id}', 'get')).toEqual(['200', '401', '403', '404', '422', '429', '503']);
    expect(codes('/contacts/archive', 'post')).toContain('404');
    expect(codes('/organisations', 'post')).toEqual(expect.arrayContaining(['409', '413', '415']));
    expect(codes('/today', 'get')).toEqual(['200', '401', '403', '422', '429', '503']);
    expect(doc.components.responses.TooManyRequests?.headers).toHaveProperty('Retry-After');
  });
});
