import { z } from 'zod';
import type { Operation } from '../services/operation.ts';

export type JsonSchema = { [key: string]: unknown };

// One JSON Schema per operation input, as a client writes it (io: 'input'), shared by the OpenAPI document
// and by query-string coercion. Transforms zod cannot describe become {} rather than failing the whole document.
const cache = new WeakMap<z.ZodType, JsonSchema>();
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  let json = cache.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    delete json.$schema;
    cache.set(schema, json);
  }
  return json;
}

export function outputJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const isRecord = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

// The top-level properties of an object schema, looking through allOf (z.intersection) so `.and()` inputs work too.
export function topLevelProperties(json: JsonSchema): { properties: Record<string, JsonSchema>; required: Set<string> } {
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  const visit = (s: JsonSchema): void => {
    if (isRecord(s.properties)) for (const [k, v] of Object.entries(s.properties)) if (isRecord(v)) properties[k] = v;
    if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') required.add(r);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) if (isRecord(part)) visit(part);
  };
  visit(json);
  return { properties, required };
}

// The JSON types a property accepts, looking through anyOf (nullable and union fields).
export function typesOf(prop: JsonSchema): Set<string> {
  const out = new Set<string>();
  if (typeof prop.type === 'string') out.add(prop.type);
  if (Array.isArray(prop.type)) for (const t of prop.type) if (typeof t === 'string') out.add(t);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = prop[key];
    if (Array.isArray(alts)) for (const alt of alts) if (isRecord(alt)) for (const t of typesOf(alt)) out.add(t);
  }
  return out;
}

export const pathParamsOf = (op: Operation): string[] => [...op.http.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

// "/contacts/{id}" → "/contacts/:id", Hono's syntax.
export const honoPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');
