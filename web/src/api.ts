// The web app's one way to the server: call(name, input) for any catalogue operation. Types come from the
// catalogue itself (type-only imports, erased from the bundle), the method and path from GET /api/operations.
import type { z } from 'zod';
import type { authClearPassword, authSetPassword, authStatus } from '../../src/services/auth.service.ts';
import type { CATALOGUE } from '../../src/services/catalogue.ts';

type AnyOp = (typeof CATALOGUE)[number] | typeof authStatus | typeof authSetPassword | typeof authClearPassword;
export type OpName = AnyOp['name'];
type OpOf<N extends OpName> = Extract<AnyOp, { name: N }>;
export type Input<N extends OpName> = z.input<OpOf<N>['input']>;
// What the server answers: the operation's output schema, the same one the OpenAPI document publishes.
export type Output<N extends OpName> = z.output<OpOf<N>['output']>;

export interface FieldProblem { path: string; message: string }
export interface Problem {
  status: number;
  title: string;
  detail: string;
  code: string;
  problems?: FieldProblem[];
  candidates?: { id: number; label: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
  // The message for one field of a form, if the server named it.
  field(path: string): string | undefined {
    return this.problem.problems?.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
  }
}

interface Route { name: string; method: 'get' | 'post' | 'patch' | 'delete'; path: string }

let routes: Promise<Map<string, Route>> | null = null;
function loadRoutes(): Promise<Map<string, Route>> {
  routes ??= fetch('/api/operations', { headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw await problemOf(res);
      return new Map(((await res.json()) as Route[]).map((r) => [r.name, r]));
    })
    .catch((e: unknown) => {
      routes = null;
      throw e;
    });
  return routes;
}

async function problemOf(res: Response): Promise<ApiError> {
  if (res.status === 401) {
    // The session ended (or a password was just set): the server's sign-in form brings the user back here.
    window.location.assign(`/auth/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  try {
    return new ApiError((await res.json()) as Problem);
  } catch {
    return new ApiError({ status: res.status, title: res.statusText, detail: `The server answered ${res.status}.`, code: 'internal' });
  }
}

function appendQuery(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
  else params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
}

export function call<N extends OpName>(name: N, input: Input<N>, init: { signal?: AbortSignal } = {}): Promise<Output<N>> {
  return request(name, input as Record<string, unknown>, init) as Promise<Output<N>>;
}

// One call as data, for a mutation that may run any of several operations (a row's "done" or "snooze").
export type AnyCall = { [N in OpName]: { name: N; input: Input<N> } }[OpName];
export const callAny = (c: AnyCall): Promise<unknown> => request(c.name, c.input as Record<string, unknown>, {});

async function request(name: string, input: Record<string, unknown>, init: { signal?: AbortSignal }): Promise<unknown> {
  const route = (await loadRoutes()).get(name);
  if (!route) throw new Error(`the server does not offer the operation ${name}`);
  const rest: Record<string, unknown> = { ...input };
  const path = route.path.replace(/\{([^}]+)\}/g, (_m, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value));
  });
  let url = `/api${path}`;
  const options: RequestInit = { method: route.method.toUpperCase(), headers: { accept: 'application/json' }, signal: init.signal ?? null };
  if (route.method === 'get') {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(rest)) appendQuery(params, k, v);
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  } else {
    options.headers = { accept: 'application/json', 'content-type': 'application/json' };
    options.body = JSON.stringify(rest);
  }
  const res = await fetch(url, options);
  if (!res.ok) throw await problemOf(res);
  const body = (await res.json()) as unknown;
  const undoId = res.headers.get('Rapport-Undo-Id');
  if (undoId) announceWrite({ id: Number(undoId), summary: decodeURIComponent(res.headers.get('Rapport-Undo-Summary') ?? '') });
  return body;
}

// Every write the server journalled, as it succeeds: the one place the "… — Undo" toast learns of writes,
// whichever page or dialog made them.
export interface UndoableWrite { id: number; summary: string }
const writeListeners = new Set<(write: UndoableWrite) => void>();
function announceWrite(write: UndoableWrite): void {
  for (const listener of writeListeners) listener(write);
}
export function onUndoableWrite(listener: (write: UndoableWrite) => void): () => void {
  writeListeners.add(listener);
  return () => { writeListeners.delete(listener); };
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
