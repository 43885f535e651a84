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

describe('OpenAPI document', () => {
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
