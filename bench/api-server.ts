// The API bench's server process: Rapport's full HTTP stack on the benchmark database, and beside it a bare
// Hono route, in one process so both share the same event loop and CPU. Reports its ports over IPC.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { systemClock } from '../src/domain/clock.ts';
import { startServer } from '../src/server/serve.ts';
import { openStore } from '../src/store/open-store.ts';

const [location, cacheFlag] = process.argv.slice(2);
const store = await openStore({ location: location! });
const rapport = await startServer({ store, clock: systemClock, host: '127.0.0.1', port: 0, readCache: cacheFlag !== 'no-cache' });

// /bare answers a tiny JSON object; /copy/N answers, byte for byte, what Rapport answered for a path the bench
// asked about, so Rapport's own overhead can be told apart from the cost of sending a larger body.
const copies: string[] = [];
const bare = new Hono();
bare.get('/bare', (c) => c.json({ ok: true }));
bare.get('/copy/:n', (c) => c.body(copies[Number(c.req.param('n'))] ?? 'null', 200, { 'Content-Type': 'application/json' }));
process.on('message', (m: { copy?: string }) => {
  if (!m.copy) return;
  void fetch(`http://127.0.0.1:${rapport.port}${m.copy}`).then((r) => r.text()).then((body) => {
    copies.push(body);
    process.send?.({ copied: copies.length - 1, bytes: Buffer.byteLength(body) });
  });
});
const bareServer = serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((resolve) => bareServer.once('listening', resolve));

process.send?.({ rapport: rapport.port, bare: (bareServer.address() as AddressInfo).port });
process.on('disconnect', () => {
  void rapport.close().then(() => store.close()).finally(() => process.exit(0));
});
