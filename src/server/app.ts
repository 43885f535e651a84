import type { ChildProcess } from 'node:child_process';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { RapportError } from '../domain/errors.ts';
import { MAX_BODY_BYTES } from '../domain/limits.ts';
import { AUTH_OPERATIONS } from '../services/auth.service.ts';
import { calendar } from '../services/calendar.service.ts';
import { CATALOGUE } from '../services/catalogue.ts';
import { recordLoginFailure } from '../services/login-failures.service.ts';
import { runOperation, type Operation, type ServiceContext } from '../services/operation.ts';
import { BackgroundBridges } from '../services/bridges-background.ts';
import { ownerName } from '../services/support/bridge-ranking.ts';
import type { JournalEntry } from '../store/journal/journal.repository.ts';
import { entryChangesGraph } from '../store/repositories/bridge-rankings.repository.ts';
import { AuthGate } from './auth-gate.ts';
import { childCanOpen, rankInChild } from './bridges-child.ts';
import { mountDigestRoutes } from './digest-routes.ts';
import { mountLogin, requireAuth } from './auth-routes.ts';
import type { ThrottlePolicy } from './login-throttle.ts';
import { DOCS_CSS, docsPage } from './docs-page.ts';
import { buildOpenApi } from './openapi.ts';
import { mountOperations } from './operation-routes.ts';
import { readCacheFor, type ReadCache } from './read-cache.ts';
import { problemFromError, problemOf, problemResponse, transportProblem } from './problem.ts';
import { hostCheck, sameOriginWrites, securityHeaders } from './security.ts';
import { loadStaticFiles, staticFiles } from './static-files.ts';

export interface AppOptions {
  context: ServiceContext;
  // Names the Host header may carry (see allowedHostNames).
  allowedHosts: ReadonlySet<string>;
  // RAPPORT_TOKEN, if set: a bearer token (and login-form password) that needs no stored hash.
  token?: string | null;
  // True when listening beyond this computer: then the last credential may not be removed.
  offLoopback?: boolean;
  // The built web app (web/dist); null serves the API alone.
  webRoot?: string | null;
  version?: string;
  // Operations to serve; the catalogue and the password operations unless told.
  operations?: readonly Operation[];
  // Keep read results in memory until the data changes (on unless false).
  readCache?: boolean;
  // Sign-in throttling (DEFAULT_THROTTLE_POLICY unless told; the login benchmark compares it with none).
  throttlePolicy?: ThrottlePolicy;
  // Recompute the exact bridges in the background after writes that change contacts or links (docs/bridges.md):
  // on unless false, or unless RAPPORT_NO_BACKGROUND=1 (the test suite sets it). debounceMs: quiet time first.
  // Computed by a child process (`rapport bridges --background`) unless the store is in memory or inProcess is
  // set (the benchmark's baseline); onChildStart sees each child started.
  backgroundBridges?: boolean | { debounceMs: number; inProcess?: boolean; onChildStart?: (child: ChildProcess) => void };
}

export const API_BODY_LIMIT = MAX_BODY_BYTES;

export interface RapportApp {
  app: Hono;
  gate: AuthGate;
  operations: readonly Operation[];
  // The background bridge ranking, when on (tests wait on its idle()).
  background: BackgroundBridges | null;
  // Cleared by writes this process makes outside a request (the background sync of `serve --sync-every`).
  cache: ReadCache | null;
}

export async function createApp(options: AppOptions): Promise<RapportApp> {
  const operations = options.operations ?? [...(CATALOGUE as readonly Operation[]), ...AUTH_OPERATIONS];
  const cache = options.readCache === false ? null : readCacheFor(options.context.store);
  const gate = new AuthGate(options.context.store, options.token, {
    now: () => options.context.clock.now().getTime(),
    ...(options.throttlePolicy ? { policy: options.throttlePolicy } : {}),
    recordFailure: async (failure) => {
      await recordLoginFailure(options.context.store, failure);
      cache?.clear();
    },
  });
  await gate.reload();
  const app = new Hono();
  const bgOption = options.backgroundBridges ?? process.env.RAPPORT_NO_BACKGROUND !== '1';
  const bg = typeof bgOption === 'object' ? bgOption : null;
  // In a child process, so the server's event loop never waits on reading the graph or on Louvain; when it exits,
  // the cache is cleared (PostgreSQL writes by another process do not show in it otherwise).
  const inChild = bgOption !== false && bg?.inProcess !== true && childCanOpen(options.context);
  const background = bgOption === false ? null
    : new BackgroundBridges(options.context, {
      owner: ownerName(),
      ...(bg ? { debounceMs: bg.debounceMs } : {}),
      ...(inChild ? { run: () => rankInChild(options.context, { onDone: () => cache?.clear(), ...(bg?.onChildStart ? { onStart: bg.onChildStart } : {}) }) } : {}),
      // Written on this server's own connection, which SQLite's data_version does not count: clear by hand.
      onKept: () => cache?.clear(),
      onError: (e) => process.stderr.write(`background bridge ranking failed: ${e.message}\n`),
    });
  // Only writes that changed contacts or links ask for a new ranking (the job itself compares the graph's version).
  const graphWrite = async (entry: JournalEntry | null): Promise<void> => {
    if (background !== null && entry !== null && (await entryChangesGraph(options.context.store, entry.id))) background.notify();
  };

  app.use('*', securityHeaders);
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 413) return problemResponse(c, transportProblem('too_large', `a request body may be at most ${API_BODY_LIMIT / 1024 / 1024} MB`));
    if (error instanceof HTTPException && error.status < 500) return problemResponse(c, { ...transportProblem('malformed', error.message), status: error.status });
    return problemResponse(c, problemFromError(error));
  });
  app.use('*', hostCheck(options.allowedHosts));
  mountDigestRoutes(app, () => options.context);
  app.use('*', sameOriginWrites);
  const limit = bodyLimit({ maxSize: API_BODY_LIMIT, onError: (c) => problemResponse(c, transportProblem('too_large', `a request body may be at most ${API_BODY_LIMIT / 1024 / 1024} MB`)) });
  // Only where a body is expected: bodyLimit reads c.req.raw, which makes @hono/node-server build a full Request.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)));
  mountLogin(app, gate);
  app.use('*', requireAuth(gate));

  const document = buildOpenApi(operations, options.version ?? '0.0.0');
  const docsHtml = docsPage(document);
  app.get('/api/openapi.json', (c) => c.json(document));
  app.get('/api/docs', (c) => c.html(docsHtml));
  app.get('/api/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  // What the web client needs to call an operation by name: its method and path (the types come from the catalogue).
  const routes = operations.map((op) => ({ name: op.name, method: op.http.method, path: op.http.path, effect: op.effect }));
  app.get('/api/operations', (c) => c.json(routes));

  mountOperations(app, operations, {
    context: () => options.context,
    cache,
    before: (op) => {
      if (op.name === 'auth.clear-password' && options.offLoopback && !gate.hasToken) {
        throw new RapportError('forbidden', 'This server listens beyond this computer, so it keeps its password. Restart it on 127.0.0.1 to remove the password.');
      }
    },
    after: async (op, entry) => {
      if (op.name.startsWith('auth.')) await gate.reload();
      await graphWrite(entry);
    },
  });
  // MCP for assistants over HTTP, behind the same sign-in as the API; the SDK loads with the first request.
  app.all('/mcp', async (c) => {
    const { handleMcpRequest } = await import('../mcp/http.ts');
    return handleMcpRequest(c.req.raw, { context: options.context, version: options.version ?? '0.0.0', onWrite: () => { cache?.clear(); background?.notify(); } });
  });
  app.all('/api/*', (c) => problemResponse(c, problemOf(new RapportError('not_found', `no API route ${c.req.method} ${c.req.path}; see /api/docs`))));

  // The stable address a calendar app subscribes to; the feed itself is the catalogue's calendar operation.
  app.get('/calendar.ics', async (c) => {
    const { content } = await runOperation(options.context, calendar, {});
    return c.body(content, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="rapport.ics"',
      'Cache-Control': 'no-cache',
    });
  });

  if (options.webRoot) app.use('*', staticFiles(loadStaticFiles(options.webRoot)));
  app.notFound((c) => c.text('Not found', 404));
  return { app, gate, operations, background, cache };
}
