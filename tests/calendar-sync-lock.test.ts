import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { syncAdd, syncRun } from '../src/services/sync/accounts.service.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { calendar, vevent } from './support/ics.ts';

const clock = fixedClock('2026-12-07T12:00:00.000Z');

let dir: string;
let syncing: Store;
let cli: Store;
let server: Server;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-calendar-lock-'));
  // Two connections to one file: the syncing process, and a `rapport` command run meanwhile (it waits 1 s at most).
  syncing = await openStore({ location: join(dir, 'r.db') });
  cli = await openStore({ location: join(dir, 'r.db'), writeWaitMs: 1000 });
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await cli.close();
  await syncing.close();
  rmSync(dir, { recursive: true, force: true });
});

it('an .ics account whose feed is slow to answer does not keep a command writing meanwhile waiting', async () => {
  const ctx: ServiceContext = { store: syncing, clock };
  await runOperation(ctx, contactCreate, { name: 'Ada Lovelace', emails: [{ address: 'ada@example.org' }] });
  let arrived!: () => void;
  let release!: () => void;
  const requested = new Promise<void>((r) => { arrived = r; });
  const released = new Promise<void>((r) => { release = r; });
  const feed = calendar([vevent({ uid: 'standup', start: '20261201T090000Z', summary: 'Stand-up', attendees: ['ada@example.org'] })]);
  server = createServer((_req, res) => {
    arrived();
    void released.then(() => res.writeHead(200, { 'content-type': 'text/calendar' }).end(feed));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/work.ics`;
  await runOperation(ctx, syncAdd, { kind: 'ics', name: 'work', url });
  const sync = runOperation(ctx, syncRun, { name: 'work' });
  await requested;
  await runOperation({ store: cli, clock }, contactCreate, { name: 'Typed Meanwhile' });
  release();
  const [result] = await sync;
  expect(result!.error).toBeNull();
  const meetings = await cli.db.selectFrom('interactions').select(['kind', 'summary']).execute();
  expect(meetings).toEqual([expect.objectContaining({ kind: 'meeting' })]);
  expect((await cli.db.selectFrom('contacts').select('name').orderBy('name').execute()).map((c) => c.name)).toEqual(['Ada Lovelace', 'Typed Meanwhile']);
});
