import { MAX_BODY_BYTES as API_BODY_LIMIT, MAX_ID, MAX_JSON_DEPTH } from '../domain/limits.ts';
import type { Operation } from '../services/operation.ts';
import { PROBLEM_CODES } from './problem.ts';
import { inputJsonSchema, outputJsonSchema, pathParamsOf, topLevelProperties, type JsonSchema } from './schemas.ts';

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
}

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `problems` names each bad field by its path in the input.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: [...PROBLEM_CODES] },
    problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, value: {} }, required: ['path', 'message'] } },
    candidates: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } }, required: ['id', 'label'] } },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
};

const problemRef = (description: string): JsonSchema => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

const withRetryAfter = (response: JsonSchema): JsonSchema => ({
  ...response,
  headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } } },
});

// zod puts shared or recursive parts in $defs; OpenAPI wants them among the components, so they move there.
function hoistDefs(schema: JsonSchema, prefix: string, components: Record<string, JsonSchema>): JsonSchema {
  const defs = schema.$defs as Record<string, JsonSchema> | undefined;
  if (!defs) return schema;
  const { $defs: _drop, ...rest } = schema;
  const rename = (name: string): string => `${prefix}.${name}`.replace(/[^\w.-]/g, '_');
  const rewrite = (s: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(s).replace(/"#\/\$defs\/([^"]+)"/g, (_m, n: string) => JSON.stringify(`#/components/schemas/${rename(n)}`))) as JsonSchema;
  for (const [name, def] of Object.entries(defs)) components[rename(name)] = rewrite(def);
  return rewrite(rest);
}

// Output schemas name their shared records (Contact, Interaction…) with zod ids: one component each, under that name,
// so every operation returning a Contact points at the same schema and a generated client has one Contact type.
function hoistNamedDefs(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const rewrite = (s: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(s).replace(/"#\/\$defs\/([^"]+)"/g, (_m, n: string) => JSON.stringify(`#/components/schemas/${n}`))) as JsonSchema;
  const { $defs: defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [name, def] of Object.entries(defs ?? {})) {
    const shared = rewrite(def);
    const taken = components[name];
    if (taken && JSON.stringify(taken) !== JSON.stringify(shared)) throw new Error(`two different output schemas are both named ${name}`);
    components[name] = shared;
  }
  return rewrite(rest);
}

// Does the input name a stored record by id anywhere (ids carry MAX_ID as their maximum)?
const refersToIds = (input: JsonSchema): boolean => JSON.stringify(input).includes(`"maximum":${MAX_ID}`);

// The error statuses an operation can answer, each listed only where it can happen (the fuzz test holds every
// answer to this list).
export function errorResponses(op: Operation, input: JsonSchema, hasPathParams: boolean): Record<string, JsonSchema> {
  const hasBody = op.http.method !== 'get';
  const out: Record<string, JsonSchema> = {};
  // A body that is not JSON, not an object, or nested too deep.
  if (hasBody) out[400] = { $ref: '#/components/responses/Malformed' };
  out[401] = { $ref: '#/components/responses/Unauthorized' };
  out[403] = { $ref: '#/components/responses/Forbidden' };
  if (hasPathParams || op.conflicts || refersToIds(input)) out[404] = { $ref: '#/components/responses/NotFound' };
  if (op.conflicts) out[409] = { $ref: '#/components/responses/Conflict' };
  if (hasBody) {
    out[413] = { $ref: '#/components/responses/TooLarge' };
    out[415] = { $ref: '#/components/responses/UnsupportedMediaType' };
  }
  out[422] = { $ref: '#/components/responses/Invalid' };
  out[429] = { $ref: '#/components/responses/TooManyRequests' };
  out[503] = { $ref: '#/components/responses/Busy' };
  return out;
}

function describeOperation(op: Operation, components: Record<string, JsonSchema>): JsonSchema {
  const input = hoistDefs(inputJsonSchema(op.input), op.name, components);
  const { properties, required } = topLevelProperties(input);
  const inPath = new Set(pathParamsOf(op));
  const parameters: JsonSchema[] = [...inPath].map((name) => ({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } }));
  const spec: JsonSchema = {
    operationId: op.name,
    summary: op.summary,
    tags: [op.name.split('.')[0]],
    'x-rapport-effect': op.effect,
    parameters,
    responses: {
      200: {
        description: 'The result',
        content: { 'application/json': { schema: hoistNamedDefs(outputJsonSchema(op.output), components) } },
      },
      ...errorResponses(op, input, inPath.size > 0),
    },
  };
  const rest = Object.entries(properties).filter(([name]) => !inPath.has(name));
  if (op.http.method === 'get') {
    for (const [name, schema] of rest) {
      const isArray = schema.type === 'array';
      parameters.push({ name, in: 'query', required: required.has(name), schema, ...(isArray ? { style: 'form', explode: true } : {}) });
    }
  } else {
    const body: JsonSchema = { type: 'object', properties: Object.fromEntries(rest) };
    const requiredInBody = [...required].filter((n) => !inPath.has(n));
    if (requiredInBody.length) body.required = requiredInBody;
    spec.requestBody = { required: requiredInBody.length > 0, content: { 'application/json': { schema: body } } };
  }
  return spec;
}

// OpenAPI 3.1 from the very zod schemas runOperation validates with, so the document cannot drift from the API.
export function buildOpenApi(operations: readonly Operation[], version: string): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { Problem: PROBLEM_SCHEMA };
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const entry = (paths[op.http.path] ??= {});
    entry[op.http.method] = describeOperation(op, schemas);
  }
  const tags = [...new Set(operations.map((op) => op.name.split('.')[0]!))].map((name) => ({ name, description: `${name} operations` }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport API',
      version,
      description: 'Every operation of Rapport, the local-first personal CRM for intentional networking. GET operations take their input as query parameters, the others as a JSON object body; path parameters are part of the input. Errors are application/problem+json. The iCalendar feed of follow-ups and actions is at /calendar.ics.',
    },
    servers: [{ url: '/api' }],
    paths,
    components: {
      schemas,
      responses: {
        Malformed: problemRef(`The request could not be read (not JSON, not a JSON object, or nested more than ${MAX_JSON_DEPTH} levels)`),
        Unauthorized: problemRef('Sign in, or send Authorization: Bearer'),
        Forbidden: problemRef('Not allowed'),
        NotFound: problemRef('No such thing'),
        Conflict: problemRef('Conflicts with what is stored, or a name that matches several contacts (see candidates)'),
        Invalid: problemRef('The input breaks a rule; problems[].path names each bad field'),
        TooLarge: problemRef(`The body is larger than the server accepts (${API_BODY_LIMIT / 1024 / 1024} MB)`),
        UnsupportedMediaType: problemRef('The body is not sent as application/json'),
        TooManyRequests: withRetryAfter(problemRef('Too many failed sign-ins from this client or overall; wait as Retry-After says')),
        Busy: withRetryAfter(problemRef('The database is busy with another writer; try again shortly')),
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'RAPPORT_TOKEN, or the password' },
        session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
      },
    },
    security: [{}, { bearer: [] }, { session: [] }],
    tags,
  };
}
