import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assertUnreachable, RapportError, type FieldProblem, type RapportErrorCode } from '../domain/errors.ts';

// RFC 9457 problem details: every error the API returns has this shape.
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: RapportErrorCode | 'malformed' | 'unsupported_media_type' | 'too_large' | 'method_not_allowed' | 'too_many_requests' | 'internal';
  problems?: FieldProblem[];
  candidates?: { id: number; label: string }[];
}

// The one place a RapportError code becomes an HTTP status (the CLI has its own map to exit codes).
export function statusOf(code: RapportErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'invalid': return 422;
    case 'not_found': return 404;
    // A name that matches several contacts: the client should name one by id (candidates are listed).
    case 'ambiguous': return 409;
    case 'conflict': return 409;
    case 'unauthorized': return 401;
    case 'forbidden': return 403;
    // Another process holds the write lock (an import): the request may simply be sent again.
    case 'busy': return 503;
    default: return assertUnreachable(code);
  }
}

const TITLES: Record<Problem['code'], string> = {
  invalid: 'Invalid input',
  not_found: 'Not found',
  ambiguous: 'Ambiguous reference',
  conflict: 'Conflict',
  unauthorized: 'Sign-in required',
  forbidden: 'Forbidden',
  busy: 'Database busy',
  malformed: 'Malformed request',
  unsupported_media_type: 'Unsupported media type',
  too_large: 'Request too large',
  method_not_allowed: 'Method not allowed',
  too_many_requests: 'Too many attempts',
  internal: 'Internal error',
};

// Every code a problem can carry, for the OpenAPI document's Problem schema.
export const PROBLEM_CODES = Object.keys(TITLES) as Problem['code'][];

const STATUS_OF_TRANSPORT: Record<Exclude<Problem['code'], RapportErrorCode>, ContentfulStatusCode> = {
  malformed: 400,
  unsupported_media_type: 415,
  too_large: 413,
  method_not_allowed: 405,
  too_many_requests: 429,
  internal: 500,
};

// A client told the database is busy tries again after this many seconds (an import of 30,000 rows takes a few).
const BUSY_RETRY_AFTER_S = 5;

// Values echoed back are cut short: a rejected 2 MB photo should not come back whole, and a value nested
// thousands deep is summarised without recursing into it (JSON.stringify would overflow the stack).
const ECHO_DEPTH = 4;
const ECHO_CHARS = 500;

function preview(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (depth >= ECHO_DEPTH) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => preview(v, depth + 1));
  return Object.fromEntries(Object.entries(value).slice(0, 20).map(([k, v]) => [k, preview(v, depth + 1)]));
}

export function trimValue(value: unknown): unknown {
  const shown = preview(value, 0);
  if (shown !== null && typeof shown === 'object') {
    const json = JSON.stringify(shown);
    if (json.length > ECHO_CHARS) return `${json.slice(0, ECHO_CHARS)}…`;
  }
  return shown;
}

export function problemOf(error: RapportError): Problem {
  const problem: Problem = {
    type: `https://rapport.invalid/problems/${error.code}`,
    title: TITLES[error.code],
    status: statusOf(error.code),
    detail: error.message,
    code: error.code,
  };
  if (error.problems.length) problem.problems = error.problems.map((p) => ({ ...p, ...('value' in p ? { value: trimValue(p.value) } : {}) }));
  if (error.candidates.length) problem.candidates = error.candidates;
  return problem;
}

export function transportProblem(code: Exclude<Problem['code'], RapportErrorCode>, detail: string): Problem {
  return { type: `https://rapport.invalid/problems/${code}`, title: TITLES[code], status: STATUS_OF_TRANSPORT[code], detail, code };
}

export function problemResponse(c: Context, problem: Problem): Response {
  c.header('Content-Type', 'application/problem+json');
  c.header('Cache-Control', 'no-store');
  if (problem.code === 'busy') c.header('Retry-After', String(BUSY_RETRY_AFTER_S));
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode);
}

// Anything thrown while handling a request: a user's mistake keeps its code; a bug is logged and stays vague.
export function problemFromError(error: unknown): Problem {
  if (error instanceof RapportError) return problemOf(error);
  console.error('rapport: unexpected error while handling a request:', error);
  return transportProblem('internal', 'Something went wrong on the server; the details are in its log.');
}
