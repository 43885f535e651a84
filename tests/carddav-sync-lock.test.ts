import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { createApp } from '../src/server/app.ts';
import { allowedHostNames } from '../src/server/hosts.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { syncAdd, syncRun } from '../src/services/sync/accounts.service.ts';
import { startSyncTimer } from '../src/services/sync/sync-timer.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { radicaleAvailable, startRadicale, type Radicale } from './support/radicale.ts';

const clock = fixedClock('2026-12-07T12:00:00.000Z');
const card = (uid: string, lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, ...lines, 'END:VCARD', ''].join('\r\n');

// A slow server: Radicale behind a proxy that holds the first request matching `hold` until released.
async function slowProxy(target: string, hold: (req: IncomingMessage) => boolean): Promise<{ url: string; arrived: Promise<void>; release(): void; close(): Promise<void> }> {
  let arrived!: () => void;
  let release!: () => void;
  const arrivedP = new Promise<void>((r) => { arrived = r; });
  const released = new Promise<void>((r) => { release = r; });
  let held = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const go = () => {
        const out = httpRequest(new URL(req.url!, target), { method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode!, up.headers);
          up.pipe(res);
        });
        out.end(Buffer.concat(chunks));
      };
      if (!held && hold(req)) { held = true; arrived(); void released.then(go); } else go();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`, arrived: arrivedP, release,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe.runIf(radicaleAvailable)('CardDAV sync beside other writers', () => {
  let r: Radicale;
  let dir: string;
  let syncing: Store;
  let cli: Store;
  beforeEach(async () => {
    r = await startRadicale();
    dir = mkdtempSync(join(tmpdir(), 'rapport-sync-lock-'));
    // Two connections to one file: the sync's process, and a `rapport` command run meanwhile (it waits 1 s at most).
    syncing = await openStore({ location: join(dir, 'r.db') });
    cli = await openStore({ location: join(dir, 'r.db'), writeWaitMs: 1000 });
  });
  afterEach(async () => {
    await cli.close();
    await syncing.close();
    await r.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a command writing while the sync waits on a slow server is not kept waiting, and its contact syncs next time', async () => {
    const ctx: ServiceContext = { store: syncing, clock };
    await r.put('server.vcf', card('server', ['FN:Server Side', 'N:Side;Server;;;', 'EMAIL:server@example.org']));
    await runOperation(ctx, contactCreate, { name: 'Only In Rapport', emails: [{ address: 'rapport@example.org' }] });
    // The upload is held: by then the sync has imported the server's card, and waits on the server.
    const proxy = await slowProxy(r.url, (req) => req.method === 'PUT');
    try {
      await runOperation(ctx, syncAdd, { kind: 'carddav', name: 'phone', url: proxy.url, username: r.user, password: r.password });
      const sync = runOperation(ctx, syncRun, { name: 'phone' });
      await proxy.arrived;
      await runOperation({ store: cli, clock }, contactCreate, { name: 'Typed Meanwhile', emails: [{ address: 'meanwhile@example.org' }] });
      proxy.release();
      const [first] = await sync;
      expect(first!.error).toBeNull();
      expect(first!.result).toMatchObject({ created: 2, errors: [] });
      expect((await cli.db.selectFrom('contacts').select('name').orderBy('name').execute()).map((c) => c.name)).toEqual(['Only In Rapport', 'Server Side', 'Typed Meanwhile']);
      const [second] = await runOperation(ctx, syncRun, { name: 'phone' });
      expect(second!.result).toMatchObject({ created: 1, errors: [] });
      expect(await r.list()).toHaveLength(3);
    } finally {
      proxy.release();
      await proxy.close();
    }
  });

  it('serve --sync-every: what a background sync brought shows in the next read, not a cached answer from before', async () => {
    const ctx: ServiceContext = { store: syncing, clock };
    const { app, cache } = await createApp({ context: ctx, allowedHosts: allowedHostNames('127.0.0.1') });
    const names = async () => ((await (await app.request('http://localhost/api/contacts', { headers: { host: 'localhost' } })).json()) as { items: { name: string }[] }).items.map((c) => c.name);
    await runOperation(ctx, syncAdd, { kind: 'carddav', name: 'phone', url: r.url, username: r.user, password: r.password });
    expect(await names()).toEqual([]);
    await r.put('ada.vcf', card('ada', ['FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'EMAIL:ada@example.org']));
    const log: string[] = [];
    const timer = startSyncTimer(ctx, 3_600_000, (l) => log.push(l), () => cache?.clear());
    try {
      await timer.tick();
    } finally {
      timer.stop();
    }
    expect(log).toEqual([]);
    expect(await names()).toEqual(['Ada Lovelace']);
  });

  it('a card the server refuses as Rapport keeps it (a vCard 2.1 photo that is not base64) goes up without the kept lines, which Rapport keeps', async () => {
    const ctx: ServiceContext = { store: syncing, clock };
    const android = ['BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96zt=C3=BCrk;Zeynep;;;', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zeynep =C3=96zt=C3=BCrk',
      'TEL;CELL:+90 532 000 0000', 'EMAIL;HOME:zeynep@example.com.tr', 'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ!!!notbase64', '', 'END:VCARD', ''].join('\r\n');
    await runOperation(ctx, importRun, { content: android, filename: 'android.vcf', format: 'vcard' });
    await runOperation(ctx, syncAdd, { kind: 'carddav', name: 'phone', url: r.url, username: r.user, password: r.password });
    const [first] = await runOperation(ctx, syncRun, { name: 'phone' });
    expect(first!.result).toMatchObject({ created: 1, errors: [] });
    expect(first!.result!.review?.join('\n')).toMatch(/Zeynep Öztürk \(card .*rapport-1\.vcf\): account "phone" refused the card .*400.*sent without them, and Rapport keeps them/);
    const [name] = await r.list();
    const up = await r.get(name!);
    expect(up.body).toMatch(/^VERSION:3\.0\r?$/m);
    expect(up.body).toContain('FN:Zeynep Öztürk');
    expect(up.body).toContain('zeynep@example.com.tr');
    // Rapport still has the photo line as it came, for an export.
    const exported = await runOperation(ctx, exportOp, { format: 'vcard' });
    expect(JSON.stringify(exported)).toContain('notbase64');
    // Nothing changed since: the next sync sends nothing again.
    const [second] = await runOperation(ctx, syncRun, { name: 'phone' });
    expect(second!.result).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(second!.result!.review).toBeUndefined();
  });
});
