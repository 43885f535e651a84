import { fixedClock } from '../../src/domain/clock.ts';
import { createApp, type AppOptions, type RapportApp } from '../../src/server/app.ts';
import { allowedHostNames } from '../../src/server/hosts.ts';
import type { ServiceContext } from '../../src/services/operation.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface TestServer extends RapportApp {
  ctx: ServiceContext;
  // app.request with Host: localhost unless the test sets its own.
  request(path: string, init?: RequestInit): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

// The HTTP app over a fresh in-memory store with the test suites' frozen clock.
export async function testServer(options: Partial<Omit<AppOptions, 'context'>> = {}): Promise<TestServer> {
  return serverOver(await openStore({ location: ':memory:' }), options);
}

// The same app over a fresh store of either dialect (the fuzz test runs on both). stores.ts is loaded only here:
// it checks PostgreSQL at import, which the SQLite-only server tests need not wait for.
export async function testServerOn(dialect: 'sqlite' | 'postgres', options: Partial<Omit<AppOptions, 'context'>> = {}): Promise<TestServer> {
  const { freshStore } = await import('./stores.ts');
  return serverOver(await freshStore(dialect), options);
}

async function serverOver(store: Store, options: Partial<Omit<AppOptions, 'context'>>): Promise<TestServer> {
  const ctx: ServiceContext = { store, clock: fixedClock('2026-11-23T12:00:00.000Z') };
  const rapport = await createApp({ context: ctx, allowedHosts: allowedHostNames('127.0.0.1'), ...options });
  const request = (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has('host')) headers.set('host', 'localhost:4173');
    return Promise.resolve(rapport.app.request(`http://localhost:4173${path}`, { ...init, headers }));
  };
  return {
    ...rapport,
    ctx,
    request,
    send: (method, path, body, headers = {}) =>
      request(path, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    close: () => store.close(),
  };
}
