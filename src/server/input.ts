import type { Operation } from '../services/operation.ts';
import { inputJsonSchema, pathParamsOf, topLevelProperties, typesOf, type JsonSchema } from './schemas.ts';

// URLs carry only text. Where the operation's schema wants a number or a yes/no, a value that clearly is one is
// converted here, so an operation need not use z.coerce to be callable by GET; anything else goes to zod as is,
// which then names the field in its problem.
function coerceScalar(text: string, prop: JsonSchema | undefined): unknown {
  if (!prop) return text;
  const types = typesOf(prop);
  if (types.has('string')) return text;
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.has('null') && text === 'null') return null;
  return text;
}

function coerce(value: string | string[], prop: JsonSchema | undefined): unknown {
  const wantsArray = prop !== undefined && typesOf(prop).has('array');
  const items = prop && typeof prop.items === 'object' && prop.items !== null ? (prop.items as JsonSchema) : undefined;
  if (wantsArray) {
    // ?ids=1&ids=2 or ?ids=1,2: both read as a list.
    const list = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).filter((v) => v !== '');
    return list.map((v) => coerceScalar(v, items));
  }
  return coerceScalar(Array.isArray(value) ? value[value.length - 1]! : value, prop);
}

export interface InputPlan {
  pathParams: string[];
  properties: Record<string, JsonSchema>;
}

export function planInput(op: Operation): InputPlan {
  return { pathParams: pathParamsOf(op), properties: topLevelProperties(inputJsonSchema(op.input)).properties };
}

export function inputFromQuery(plan: InputPlan, query: Record<string, string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(query)) {
    // PHP-style ids[]=1 is common in hand-written clients.
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    out[name] = coerce(values.length === 1 ? values[0]! : values, plan.properties[name]);
  }
  return out;
}

export function withPathParams(plan: InputPlan, input: Record<string, unknown>, params: Record<string, string>): Record<string, unknown> {
  const out = { ...input };
  for (const name of plan.pathParams) {
    const raw = params[name];
    // Hono has already decoded it (leaving malformed %-escapes as sent); decoding again would turn "%25" into "%" and throw.
    if (raw !== undefined) out[name] = coerceScalar(raw, plan.properties[name]);
  }
  return out;
}
