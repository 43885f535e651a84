import { MAX_BULK_IDS, MAX_ID } from '../../src/domain/limits.ts';
import { mulberry32 } from '../../src/domain/random.ts';

// Inputs for the API fuzz test, generated from each operation's JSON Schema (the one the OpenAPI document shows)
// with a seeded PRNG, so a failing run is repeated exactly by its seed.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

export class Rng {
  readonly next: (this: void) => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

// Plausible text by field name, so valid-by-schema inputs often pass the refinements JSON Schema cannot express
// (real dates, phone numbers) and reach the store.
const HINTS: [RegExp, (r: Rng) => Json][] = [
  [/^(occurredAt|at|when)$/i, (r) => r.pick(['2026-11-20T10:00:00.000Z', '2026-11-23T09:30:00Z', '2025-01-01T00:00:00.000Z', 'yesterday'])],
  [/(On|Date|until|date|day|since|from|to)$/, (r) => r.pick(['2026-12-01', '2026-11-23', '2027-02-28', '2026-02-30'])],
  [/birthday/i, (r) => r.pick(['1990-05-01', '--07-14'])],
  [/email|address|^from$/i, (r) => r.pick(['ada@example.com', 'grace@navy.example', 'x@y.example'])],
  [/phone|number/i, (r) => r.pick(['+44 20 7946 0000', '555-123-4567'])],
  [/url|website|link/i, (r) => r.pick(['https://example.com', 'example.org/people', 'mailto:ada@example.com', 'javascript:alert(1)'])],
  [/^(ref|target|query|name|q)$/i, (r) => r.pick(['Ada', 'ada lovelace', 'Grace', '1', 'Analytical Engines', 'zz'])],
  [/^tags?$/i, (r) => r.pick(['friend', 'mentor', 'pm'])],
  [/content/i, (r) => r.pick(['name,email\nAda,ada@example.com\n', 'BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n', '{}', ''])],
  [/^map$/i, () => 'Name=name,Mail=email'],
  [/^(key|template)$/, (r) => r.pick(['warm-intro', 'thanks-for-help', 'reconnect', 'my-own-note'])],
];

export interface GenOptions {
  rng: Rng;
  root: Schema;
  // The ids most likely to exist in the seeded database.
  maxLikelyId: number;
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  const def = (root.$defs as Record<string, Schema> | undefined)?.[ref.slice('#/$defs/'.length)];
  return def ? { ...def, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) } : {};
}

function typesOf(schema: Schema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (isSchema(schema.properties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return ['string', 'integer', 'boolean'];
}

function genString(schema: Schema, name: string, o: GenOptions): string {
  const { rng } = o;
  const hint = HINTS.find(([re]) => re.test(name));
  if (hint && rng.chance(0.8)) {
    const v = hint[1](rng);
    if (typeof v === 'string') return v;
  }
  if (schema.format === 'email') return 'someone@example.com';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40);
  const len = rng.int(Math.max(min, 1), Math.max(min, max, 1));
  const letters = 'abcdefghij klmnopqrstuvwxyzÅéß';
  let out = '';
  for (let i = 0; i < len; i++) out += letters[rng.int(0, letters.length - 1)];
  return out.trim() || 'x';
}

function genNumber(schema: Schema, name: string, integer: boolean, o: GenOptions): number {
  const { rng } = o;
  const lo = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -1000;
  const hi = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : 1000;
  // Heavy operations (the demo) stay small.
  if (name === 'size') return rng.int(lo, lo + 20);
  // Ids: mostly ones that exist, sometimes the ends of the range.
  if (hi === MAX_ID || /id$/i.test(name)) return rng.chance(0.85) ? rng.int(1, o.maxLikelyId) : rng.pick([lo, hi, 1, 2]);
  if (rng.chance(0.2)) return rng.pick([lo, hi]);
  const top = Math.min(hi, lo + 500);
  return integer ? rng.int(Math.ceil(lo), Math.floor(top)) : lo + rng.next() * (top - lo);
}

export function generate(schemaIn: unknown, name: string, o: GenOptions, depth = 0): Json {
  const { rng } = o;
  if (!isSchema(schemaIn)) return null;
  const schema = resolve(schemaIn, o.root);
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return rng.pick(schema.enum as Json[]);
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    return generate(rng.pick((schema.anyOf ?? schema.oneOf) as Schema[]), name, o, depth);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Schema[]).map((p) => generate(p, name, o, depth));
    return parts.every((p) => isSchema(p)) ? Object.assign({}, ...parts) as Json : parts[0] ?? null;
  }
  const type = rng.pick(typesOf(schema).filter((t) => t !== 'null').concat(typesOf(schema).includes('null') && rng.chance(0.1) ? ['null'] : []));
  switch (type) {
    case 'string': return genString(schema, name, o);
    case 'integer': return genNumber(schema, name, true, o);
    case 'number': return genNumber(schema, name, false, o);
    case 'boolean': return rng.chance(0.5);
    case 'null': return null;
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, Math.max(min, 4));
      const n = depth > 3 ? min : rng.int(min, max);
      return Array.from({ length: n }, () => generate(schema.items, name.replace(/s$/, ''), o, depth + 1));
    }
    case 'object': {
      const props = isSchema(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const out: { [key: string]: Json } = {};
      for (const [key, prop] of Object.entries(props)) {
        if (required.has(key) || (depth < 4 && rng.chance(0.5))) out[key] = generate(prop, key, o, depth + 1);
      }
      return out;
    }
    default: return null;
  }
}

const deep = (levels: number): Json => {
  let v: Json = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

// Values that break a schema, or sit at its edges: wrong types, ids past the column type, control characters,
// very long text, deep nesting and (rarely, they are slow) huge arrays.
export function hostileValue(rng: Rng, allowHuge: boolean): Json {
  const kind = rng.int(0, allowHuge ? 24 : 22);
  switch (kind) {
    case 0: return MAX_ID + 1;
    case 1: return 2 ** 53;
    case 2: return -1;
    case 3: return 0;
    case 4: return 1.5;
    case 5: return 1e308;
    case 6: return 'a\u0000b';
    case 7: return '\u001b[2J\u001b]0;pwned\u0007';
    case 8: return 'x'.repeat(rng.pick([201, 1_001, 20_001, 100_001]));
    case 9: return '';
    case 10: return '   ';
    case 11: return '\ud800 lone surrogate';
    case 12: return true;
    case 13: return null;
    case 14: return { nested: { deeper: 'x' } };
    case 15: return [1, 'two', null];
    case 16: return deep(70);
    case 17: return String(MAX_ID + 1);
    case 18: return '1e400';
    case 19: return 'javascript:alert(1)';
    case 20: return "'; drop table contacts; --";
    case 21: return '%00%ZZ../../etc/passwd';
    case 22: return Array.from({ length: 200 }, (_, i) => i + 1);
    case 23: return Array.from({ length: MAX_BULK_IDS + 1 }, (_, i) => i + 1);
    default: return Array.from({ length: 40_000 }, (_, i) => (i % 60) + 1);
  }
}

// One field of a valid input replaced by a hostile value (or one added, or the whole input replaced); the field
// may sit inside a nested object or list, so the parts of a template or an attendee meet hostile values too.
export function mutate(valid: Json, rng: Rng, allowHuge: boolean): Json {
  if (rng.chance(0.05)) return hostileValue(rng, false);
  const root: Json = isSchema(valid) ? structuredClone(valid) : {};
  let target = root as Record<string, Json>;
  for (;;) {
    const nested = Object.keys(target).filter((k) => isSchema(target[k]) && Object.keys(target[k] as object).length > 0);
    if (nested.length === 0 || !rng.chance(0.3)) break;
    target = target[rng.pick(nested)] as Record<string, Json>;
  }
  const keys = Object.keys(target);
  if (keys.length === 0 || rng.chance(0.08)) {
    // defineProperty, so "__proto__" becomes an own key that JSON.stringify sends, not the object's prototype.
    Object.defineProperty(target, rng.pick(['__proto__', 'constructor', 'extra', 'id', 'ids', 'limit']), { value: hostileValue(rng, allowHuge), enumerable: true, writable: true, configurable: true });
    return root;
  }
  const key = rng.pick(keys);
  const current = target[key];
  if (Array.isArray(current) && current.length > 0 && rng.chance(0.4)) {
    const copy = [...current];
    copy[rng.int(0, copy.length - 1)] = hostileValue(rng, false);
    target[key] = copy;
  } else {
    target[key] = hostileValue(rng, allowHuge);
  }
  return root;
}
