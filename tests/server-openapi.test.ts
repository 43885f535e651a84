import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/services/catalogue.ts';
import type { Operation } from '../src/services/operation.ts';
import { testServer } from './support/server-app.ts';

type Doc = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

// Every "$ref" in the document points at something that exists.
function danglingRefs(doc: unknown): string[] {
  const out: string[] = [];
  const resolve = (ref: string): unknown => ref.slice(2).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && resolve(v) === undefined) out.push(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  return out;
}

// Where a success schema says nothing: an empty schema ({}) at the root or anywhere inside (a property, the items of a
// list, a member of a union), following $refs into the components.
function undescribed(doc: Doc, schema: unknown, at: string, seen = new Set<string>()): string[] {
  if (!schema || typeof schema !== 'object') return [at];
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    if (seen.has(s.$ref)) return [];
    seen.add(s.$ref);
    const target = s.$ref.replace('#/components/schemas/', '');
    return undescribed(doc, doc.components.schemas[target], `${at} → ${target}`, seen);
  }
  const says = ['type', 'anyOf', 'oneOf', 'allOf', 'const', 'enum'].some((k) => k in s);
  if (!says) return [at];
  const out: string[] = [];
  for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) out.push(...undescribed(doc, v, `${at}.${k}`, seen));
  if (s.type === 'object' && !s.properties && (s.additionalProperties === undefined || s.additionalProperties === true)) out.push(`${at} (an object with no properties)`);
  if (s.items) out.push(...undescribed(doc, s.items, `${at}[]`, seen));
  if (s.type === 'array' && !s.items) out.push(`${at}[] (a list of anything)`);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(...undescribed(doc, s.additionalProperties, `${at}{}`, seen));
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((m, i) => out.push(...undescribed(doc, m, `${at}|${i}`, seen)));
  return out;
}

describe('OpenAPI document', () => {
  it('describes every success response with the operation\'s output schema, nothing left empty', async () => {
    const s = await testServer();
    try {
      const doc = (await (await s.request('/api/openapi.json')).json()) as Doc;
      const gaps: string[] = [];
      let operations = 0;
      for (const methods of Object.values(doc.paths)) {
        for (const entry of Object.values(methods)) {
          operations++;
          const ok = entry.responses['200'] as { content?: { 'application/json'?: { schema?: unknown } } } | undefined;
          gaps.push(...undescribed(doc, ok?.content?.['application/json']?.schema, entry.operationId));
        }
      }
      expect(operations).toBeGreaterThanOrEqual(CATALOGUE.length);
      expect(gaps).toEqual([]);
      // Shared records are one named component each, which every operation returning one points at.
      const contactGet = doc.paths['/contacts/{id}']!.get!.responses['200'] as { content: { 'application/json': { schema: unknown } } };
      expect(contactGet.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Contact' });
      expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Contact', 'ContactSummary', 'Interaction', 'FollowUp', 'NetworkReport', 'ImportReport']));
    } finally {
      await s.close();
    }
  });

  it('covers every catalogue operation at its method and path', async () => {
    const s = await testServer();
    try {
      const res = await s.request('/api/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Doc;
      expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
      expect(doc.components.schemas.Problem).toBeDefined();
      expect(danglingRefs(doc)).toEqual([]);
      // Valid against the official OpenAPI 3.1 JSON Schema, not just shaped like it.
      const validation = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
      expect(validation.errors ?? [], JSON.stringify(validation.errors, null, 1)?.slice(0, 2000)).toEqual([]);
      expect(validation.valid).toBe(true);
      for (const op of CATALOGUE as readonly Operation[]) {
        const entry = doc.paths[op.http.path]?.[op.http.method];
        expect(entry, op.name).toBeDefined();
        expect(entry!.operationId).toBe(op.name);
        expect(entry!.responses['200']).toBeDefined();
        expect(entry!.responses['422']).toBeDefined();
        for (const [, param] of op.http.path.matchAll(/\{([^}]+)\}/g)) {
          expect(entry!.parameters.some((p) => p.in === 'path' && p.name === param), `${op.name} path param ${param}`).toBe(true);
        }
        if (op.http.method === 'get') expect(entry!.requestBody, op.name).toBeUndefined();
      }
      const ids = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await s.close();
    }
  });

  it('has a readable docs page listing every operation, without scripts', async () => {
    const s = await testServer();
    try {
      const html = await (await s.request('/api/docs')).text();
      for (const op of CATALOGUE as readonly Operation[]) expect(html).toContain(`id="${op.name}"`);
      expect(html).not.toMatch(/<script/i);
      const routes = (await (await s.request('/api/operations')).json()) as { name: string }[];
      expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining((CATALOGUE as readonly Operation[]).map((o) => o.name)));
    } finally {
      await s.close();
    }
  });
});

describe('calendar feed', () => {
  it('lists open follow-ups as all-day entries with stable ids', async () => {
    const s = await testServer();
    try {
      await s.send('POST', '/api/contacts', { name: 'Ada Lovelace' });
      const first = await (await s.request('/calendar.ics')).text();
      expect(first).toMatch(/BEGIN:VCALENDAR/);
      expect(first).toMatch(/UID:follow-up-1-[0-9a-f-]{36}@rapport/);
      expect(first).toContain('SUMMARY:Follow up with Ada Lovelace');
      expect(first).toMatch(/DTSTART;VALUE=DATE:20261126/);
      expect(await (await s.request('/calendar.ics')).text()).toContain(/UID:follow-up-1-[0-9a-f-]{36}@rapport/.exec(first)![0]);
    } finally {
      await s.close();
    }
  });
});
