import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import { createApp, type AppOptions, type RapportApp } from './app.ts';
import { allowedHostNames, isLoopback } from './hosts.ts';
import type { ThrottlePolicy } from './login-throttle.ts';

export interface ServeOptions {
  store: Store;
  clock: Clock;
  host: string;
  // 0 picks a free port (tests).
  port: number;
  token?: string | null;
  allowedHosts?: readonly string[];
  webRoot?: string | null;
  version?: string;
  readCache?: boolean;
  throttlePolicy?: ThrottlePolicy;
  backgroundBridges?: AppOptions['backgroundBridges'];
}

export interface RunningServer {
  url: string;
  port: number;
  rapport: RapportApp;
  close(): Promise<void>;
}

export class UnsafeBindError extends Error {}

// Listening beyond loopback without a credential would hand the whole network to anyone on the LAN: refuse.
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const offLoopback = !isLoopback(o.host);
  const rapport = await createApp({
    context: { store: o.store, clock: o.clock },
    allowedHosts: allowedHostNames(o.host, o.allowedHosts ?? []),
    token: o.token ?? null,
    offLoopback,
    webRoot: o.webRoot ?? null,
    version: o.version ?? '0.0.0',
    readCache: o.readCache !== false,
    ...(o.throttlePolicy ? { throttlePolicy: o.throttlePolicy } : {}),
    ...(o.backgroundBridges !== undefined ? { backgroundBridges: o.backgroundBridges } : {}),
  });
  if (offLoopback && !rapport.gate.required) {
    throw new UnsafeBindError(
      `refusing to listen on ${o.host}: anyone who can reach it would see your whole network. ` +
      'Set a password first (Settings → Password, while on 127.0.0.1) or set RAPPORT_TOKEN, then try again.',
    );
  }
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: rapport.app.fetch, hostname: o.host, port: o.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host === '0.0.0.0' ? 'localhost' : o.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    rapport,
    close: () => new Promise<void>((resolve, reject) => {
      // No new background ranking starts; one under way finishes on its own (or with the process).
      void rapport.background?.stop();
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
