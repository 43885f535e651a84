import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { createApp, type RapportApp } from '../src/server/app.ts';
import { allowedHostNames } from '../src/server/hosts.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { calendar, vevent } from './support/ics.ts';

// calendar.capture over the HTTP API, on a SQLite file (so another connection can try the write lock while a feed
// is being fetched). The clock is frozen at 2026-11-23 noon UTC.
const ICS = calendar([vevent({ uid: 'lunch@x', start: '20261118T120000Z', summary: 'Lunch', location: 'Café Central', attendees: ['ada@example.org'] })]);

describe('calendar.capture over HTTP', () => {
  let dir: string;
  let dbFile: string;
  let store: Store;
  let rapport: RapportApp;
  let feed: Server | null = null;
  const post = (body: unknown) => Promise.resolve(rapport.app.request('http://localhost:4173/api/calendar/capture', {
    method: 'POST', headers: { host: 'localhost:4173', 'content-type': 'application/json' }, body: JSON.stringify(body),
  }));
  const serveFeed = async (handler: (res: ServerResponse) => void): Promise<string> => {
    feed = createServer((_req, res) => handler(res));
    await new Promise<void>((r) => feed!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(feed.address() as AddressInfo).port}/work.ics`;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-capture-http-'));
    dbFile = join(dir, 'rapport.db');
    store = await openStore({ location: dbFile });
    const ctx: ServiceContext = { store, clock: fixedClock('2026-11-23T12:00:00.000Z') };
    await runOperation(ctx, contactCreate, { name: 'Ada Lovelace', emails: ['ada@example.org'], networks: ['operational'] });
    rapport = await createApp({ context: ctx, allowedHosts: allowedHostNames('127.0.0.1') });
  });
  afterEach(async () => {
    if (feed) {
      feed.closeAllConnections();
      await new Promise((r) => feed!.close(r));
      feed = null;
    }
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a path on the server\'s disk, naming the field, and reads nothing', async () => {
    const file = join(dir, 'secret.ics');
    writeFileSync(file, ICS);
    const res = await post({ source: file });
    expect(res.status).toBe(422);
    const problem = await res.json() as { code: string; detail: string; problems: { path: string; message: string }[] };
    expect(problem.code).toBe('invalid');
    expect(problem.problems).toEqual([expect.objectContaining({ path: 'source', message: expect.stringContaining('not an http(s) URL') })]);
    expect(problem.detail).toContain('content');
    const meetings = await store.db.selectFrom('interactions').select('id').execute();
    expect(meetings).toEqual([]);
  });

  it('captures a calendar uploaded as text', async () => {
    const res = await post({ source: 'work.ics', content: ICS });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 1, errors: [] });
    const again = await post({ source: 'work.ics', content: ICS });
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it('fetches a feed before the write transaction: another process can write while the feed is on its way', async () => {
    let lockFree: boolean | null = null;
    const url = await serveFeed((res) => {
      // The request has arrived and is not answered yet: is the database's write lock free?
      const other = new Database(dbFile, { timeout: 0 });
      try {
        other.exec('BEGIN IMMEDIATE; ROLLBACK;');
        lockFree = true;
      } catch {
        lockFree = false;
      } finally {
        other.close();
      }
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(ICS);
    });
    const res = await post({ source: url });
    expect(await res.json()).toMatchObject({ created: 1 });
    expect(lockFree).toBe(true);
  });

  it('gives up on a feed that does not answer, naming the URL and the wait', async () => {
    const url = await serveFeed(() => { /* never answers */ });
    const res = await post({ source: url, timeout: 1 });
    expect(res.status).toBe(422);
    const problem = await res.json() as { detail: string };
    expect(problem.detail).toBe(`${url}: no answer within 1 s; check the address and that the server is running, then capture again`);
  });

  it('names the URL of a feed whose server is not there', async () => {
    const url = await serveFeed(() => { /* closed below */ });
    feed!.close();
    feed = null;
    const res = await post({ source: url });
    const problem = await res.json() as { detail: string };
    expect(problem.detail).toContain(`${url}: cannot fetch it`);
  });
});
