import type { Context, Hono } from 'hono';
import { toIsoDay } from '../domain/dates.ts';
import { MAX_JSON_DEPTH } from '../domain/limits.ts';
import { runJournalled, runOperation, type Operation, type ServiceContext } from '../services/operation.ts';
import type { JournalEntry } from '../store/journal/journal.repository.ts';
import { inputFromQuery, planInput, withPathParams } from './input.ts';
import { problemResponse, transportProblem } from './problem.ts';
import { cacheKey, type ReadCache } from './read-cache.ts';
import { honoPath } from './schemas.ts';

export interface MountOptions {
  context: () => ServiceContext;
  // Runs before an operation (e.g. the server refusing to drop its password while listening off loopback).
  before?: (op: Operation, input: unknown) => Promise<void> | void;
  // Runs after an operation succeeded, with the journal entry a write left (null for a read or no change).
  after?: (op: Operation, entry: JournalEntry | null) => Promise<void> | void;
  // Answers repeated GETs of read operations from memory until the database changes.
  cache?: ReadCache | null;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

class BodyError extends Error {
  constructor(readonly response: (c: Context) => Response) {
    super('bad body');
  }
}

// Without recursion: the point is to refuse values deep enough to overflow the stack of whatever walks them next.
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new BodyError((cx) => problemResponse(cx, transportProblem('unsupported_media_type', `send the body as application/json (got ${type || 'no Content-Type'})`)));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : 'unreadable';
    throw new BodyError((cx) => problemResponse(cx, transportProblem('malformed', `the body is not valid JSON: ${why}`)));
  }
  if (nestedDeeperThan(parsed, MAX_JSON_DEPTH)) {
    throw new BodyError((cx) => problemResponse(cx, transportProblem('malformed', `the body is nested more than ${MAX_JSON_DEPTH} levels deep`)));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BodyError((cx) => problemResponse(cx, transportProblem('malformed', 'the body must be a JSON object')));
  }
  return parsed as Record<string, unknown>;
}

interface FileResult { filename: string; mimeType: string; content: string }
const isFileResult = (r: unknown): r is FileResult =>
  typeof r === 'object' && r !== null && ['filename', 'mimeType', 'content'].every((k) => typeof (r as Record<string, unknown>)[k] === 'string');

// `?download=true` on an operation that produces a file (export, calendar) answers with the file itself, so a
// plain link downloads it.
function asDownload(c: Context, file: FileResult): Response {
  const safeName = file.filename.replace(/[^\w.-]+/g, '_');
  return c.body(file.content, 200, {
    'Content-Type': file.mimeType,
    'Content-Disposition': `attachment; filename="${safeName}"`,
    'Cache-Control': 'no-store',
  });
}

// Static segments before parameters, so GET /contacts/resolve is not read as GET /contacts/{id}.
function specificity(a: Operation, b: Operation): number {
  const as = a.http.path.split('/');
  const bs = b.http.path.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const ap = as[i]!.startsWith('{');
    const bp = bs[i]!.startsWith('{');
    if (ap !== bp) return ap ? 1 : -1;
  }
  return 0;
}

// Every operation becomes /api + its http path. GET (and DELETE) read the query string, the others a JSON body;
// path parameters join either. Validation, and so every 4xx for bad input, is runOperation's.
export function mountOperations(app: Hono, operations: readonly Operation[], options: MountOptions): void {
  for (const op of [...operations].sort(specificity)) {
    const plan = planInput(op);
    app.on(op.http.method.toUpperCase(), `/api${honoPath(op.http.path)}`, async (c) => {
      let raw: Record<string, unknown>;
      try {
        // `download` asks for the answer as a file; it is the transport's word, not the operation's input.
        const { download: _download, ...query } = c.req.queries();
        const fromQuery = inputFromQuery(plan, query);
        raw = op.http.method === 'get' ? fromQuery : { ...fromQuery, ...(await jsonBody(c)) };
      } catch (e) {
        if (e instanceof BodyError) return e.response(c);
        throw e;
      }
      const input = withPathParams(plan, raw, c.req.param() as Record<string, string>);
      await options.before?.(op, input);
      const ctx = options.context();
      const download = c.req.query('download') === 'true';
      const cache = op.effect === 'read' && op.http.method === 'get' && !download ? (options.cache ?? null) : null;
      if (cache) {
        await cache.sync();
        const key = cacheKey(op.name, input, toIsoDay(ctx.clock.now()));
        const body = await cache.fetch(key, async () => JSON.stringify((await runOperation(ctx, op, input)) ?? null));
        return c.body(body, 200, JSON_HEADERS);
      }
      let result: unknown;
      let undo: Record<string, string> = {};
      let entry: JournalEntry | null = null;
      try {
        const ran = await runJournalled(ctx, op, input);
        result = ran.output;
        entry = ran.entry;
        // The web app's "… — Undo" toast: which history entry this write made, and its line.
        if (ran.entry) undo = { 'Rapport-Undo-Id': String(ran.entry.id), 'Rapport-Undo-Summary': encodeURIComponent(ran.entry.summary) };
      } finally {
        // Cleared after failed writes too: cheaper than reasoning about what a failure may have touched.
        if (op.effect === 'write') options.cache?.clear();
      }
      if (op.effect === 'write') await options.after?.(op, entry);
      if (download && op.http.method === 'get' && isFileResult(result)) return asDownload(c, result);
      return c.body(JSON.stringify(result ?? null), 200, { ...JSON_HEADERS, ...undo });
    });
  }
}
