// Exact bridges computed in the background after the graph changes (docs/bridges.md): what the report shows
// before and after, one computation at a time, and the CLI and the server starting it. Frozen clocks; the tests
// wait on the computation (its promise, or the child process), never on time.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, type NetworkReport } from '../src/analysis/report.ts';
import { computeStructure } from '../src/analysis/structure.ts';
import { renderReport } from '../src/cli/views/network.view.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { describeBridgeFreshness } from '../src/domain/bridge-freshness.ts';
import { startServer } from '../src/server/serve.ts';
import { claimBridgeWork, requestBridgeWork, runBridgeWork } from '../src/services/bridges-background.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { loadNetworkModel } from '../src/services/network.service.ts';
import { bridgeRankingFor, ownerName } from '../src/services/support/bridge-ranking.ts';
import { openStore } from '../src/store/open-store.ts';
import { loadBridgeJob, loadBridgeRanking, updateBridgeJob } from '../src/store/repositories/bridge-rankings.repository.ts';
import { runRapport } from './support/cli.ts';
import { buildNetworkWorld, type NetworkWorld } from './network-world.ts';
import { DIALECTS, freshStore, testContext, type TestContext } from './support/stores.ts';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
const names = (r: NetworkReport) => r.structure.bridges.map((p) => p.name);
const NOON = new Date('2026-11-23T12:00:00.000Z');
const later = (minutes: number) => new Date(NOON.getTime() + minutes * 60_000);

describe.each(DIALECTS)('background bridge ranking on %s', (dialect) => {
  let t: TestContext;
  let w: NetworkWorld;
  beforeEach(async () => {
    t = await testContext(dialect);
    w = await buildNetworkWorld(t);
  });
  afterEach(async () => { await t.close(); });

  // The report as a large network gets it: exact never fits inline (exactWorkBudget 0), sampling gets 50 ms.
  async function largeNetworkReport(): Promise<NetworkReport> {
    const { model, settings } = await loadNetworkModel(t);
    const { ranking, freshness } = await bridgeRankingFor(t, model, 'budget', { exactWorkBudget: 0, budgetMs: 50 });
    return buildReport(model, computeStructure(model, ranking), settings.situation, freshness);
  }

  it('before, during and after: sampled, then exact, then the old exact ranking marked as old, then exact again', async () => {
    const before = await largeNetworkReport();
    expect(before.structure.betweenness).toMatchObject({ method: 'sampled', current: true, settled: 0, recomputing: false });
    expect(before.advice.map((a) => a.kind)).not.toContain('bridge');

    expect(await runBridgeWork(t, { owner: ownerName() })).toEqual({ ran: true, computed: 1 });
    const exact = await largeNetworkReport();
    expect(exact.structure.betweenness).toMatchObject({ method: 'exact', current: true, settled: 2 });
    expect(names(exact)).toEqual(['Bob Stone', 'Charles Babbage']);
    expect(exact.advice.find((a) => a.kind === 'bridge')?.people.map((p) => p.name)).toEqual(['Bob Stone']);
    expect(plain(renderReport(exact, later(3)))).toContain('bridges (highest betweenness): exact, computed 3 min ago');

    // Dan now joins Erin to Charles's group: the kept ranking belongs to the graph as it was.
    await t.run(linkAdd, { aId: w.dan, bId: w.charles, strength: 3 });
    const old = await largeNetworkReport();
    expect(old.structure.betweenness).toMatchObject({ method: 'exact', current: false, settled: 0, changesSince: 1, recomputing: false });
    expect(names(old)).toEqual(['Bob Stone', 'Charles Babbage']);
    expect(old.advice.map((a) => a.kind)).not.toContain('bridge');
    const oldText = plain(renderReport(old, later(3)));
    expect(oldText).toContain('out of date; showing the exact ranking from before 1 change to your contacts and links (computed 3 min ago), so nobody is named as the bridge; `rapport bridges` recomputes it');
    expect(oldText).toMatch(/betweenness ≈2/);
    expect(oldText).not.toContain('exact, computed');

    // A computation asked for and under way (this process holds the lock).
    expect(await requestBridgeWork(t)).toBe(true);
    expect(await claimBridgeWork(t, ownerName())).toBe(true);
    const during = await largeNetworkReport();
    expect(during.structure.betweenness).toMatchObject({ current: false, recomputing: true });
    expect(plain(renderReport(during, later(3)))).toContain('being recomputed; showing the exact ranking from before 1 change');

    expect(await runBridgeWork(t, { owner: ownerName() })).toEqual({ ran: true, computed: 1 });
    const after = await largeNetworkReport();
    expect(after.structure.betweenness).toMatchObject({ method: 'exact', current: true, recomputing: false });
    expect(names(after)).toContain('Dan Brown');
    expect((await loadBridgeJob(t.store))?.owner).toBeNull();
  });

  it('runs one computation at a time; a request while it runs makes it go round again', async () => {
    const me = ownerName();
    expect(await requestBridgeWork(t)).toBe(true);
    expect(await claimBridgeWork(t, me)).toBe(true);
    // Another process on another host, while this one works: refused, and a new request starts nothing.
    expect(await runBridgeWork(t, { owner: 'other@elsewhere' })).toEqual({ ran: false, computed: 0 });
    expect(await requestBridgeWork(t)).toBe(false);

    // A change and a request arrive while the first computation is being kept: it goes round once more.
    let first = true;
    const result = await runBridgeWork(t, {
      owner: me,
      onKept: async () => {
        if (!first) return;
        first = false;
        await t.run(linkAdd, { aId: w.dan, bId: w.charles, strength: 3 });
        expect(await requestBridgeWork(t)).toBe(false);
      },
    });
    expect(result).toEqual({ ran: true, computed: 2 });
    const r = await largeNetworkReport();
    expect(r.structure.betweenness).toMatchObject({ method: 'exact', current: true });
    expect(names(r)).toContain('Dan Brown');
    expect((await loadBridgeJob(t.store))?.owner).toBeNull();
  });

  it('a lock whose owner is gone is free: a dead process here, a silent one elsewhere', async () => {
    await updateBridgeJob(t.store, { owner: `999999999@${hostname()}`, heartbeat_at: NOON.toISOString() });
    expect(await requestBridgeWork(t)).toBe(true);
    await updateBridgeJob(t.store, { owner: 'x@elsewhere', heartbeat_at: later(-3).toISOString() });
    expect(await requestBridgeWork(t)).toBe(true);
    await updateBridgeJob(t.store, { owner: 'x@elsewhere', heartbeat_at: later(-1).toISOString() });
    expect(await requestBridgeWork(t)).toBe(false);
  });
});

describe('the words for how fresh the ranking is', () => {
  const base = { method: 'exact', settled: 10, ranked: 10, confidence: 1, samples: 0, computedAt: NOON.toISOString(), current: true, changesSince: 0, changesAtLeast: false, recomputing: false, backgroundError: null } as const;
  it('says how long ago, how many changes, and what happens next', () => {
    expect(describeBridgeFreshness(base, later(0.5))).toBe('exact, computed just now');
    expect(describeBridgeFreshness(base, later(3))).toBe('exact, computed 3 min ago');
    expect(describeBridgeFreshness(base, later(150))).toBe('exact, computed 2 h ago');
    expect(describeBridgeFreshness({ ...base, current: false, settled: 0, changesSince: 4, recomputing: true }, later(10)))
      .toBe('being recomputed; showing the exact ranking from before 4 changes to your contacts and links (computed 10 min ago), so nobody is named as the bridge');
    expect(describeBridgeFreshness({ ...base, current: false, settled: 0, changesSince: 50, changesAtLeast: true, backgroundError: 'disk full' }, later(10)))
      .toContain('from before at least 50 changes');
    expect(describeBridgeFreshness({ ...base, current: false, settled: 0, changesSince: 2, backgroundError: 'disk full' }, later(10)))
      .toContain('the last background ranking failed (disk full), `rapport bridges` retries it');
    expect(describeBridgeFreshness({ ...base, method: 'sampled', settled: 3, samples: 12_000, confidence: 0.95, recomputing: true }, later(1)))
      .toBe('estimated from 12,000 sampled shortest paths, the first 3 places settled (95% sure); places 4–10 (≈) may swap with people just below; the exact ranking is being computed in the background');
  });
});

describe('who starts the background ranking', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'rapport-bg-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('the CLI, after a command that changed the graph (here waited for); not when turned off', async () => {
    const off = join(dir, 'off.db');
    expect((await runRapport(off, ['demo', '--size', '200', '--json'], { RAPPORT_NO_BACKGROUND: '1' })).code).toBe(0);
    const offStore = await openStore({ location: off });
    expect(await loadBridgeRanking(offStore)).toBeNull();
    await offStore.close();

    const on = join(dir, 'on.db');
    const demo = await runRapport(on, ['demo', '--size', '200', '--json'], { RAPPORT_NO_BACKGROUND: '', RAPPORT_BACKGROUND: 'wait' });
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    const store = await openStore({ location: on });
    expect(await loadBridgeRanking(store)).toMatchObject({ method: 'exact' });
    expect(await loadBridgeJob(store)).toMatchObject({ owner: null, lastError: null });
    await store.close();
    const report = await runRapport(on, ['report', '--json'], { RAPPORT_NO_BACKGROUND: '1' });
    expect(JSON.parse(report.stdout).structure.betweenness).toMatchObject({ method: 'exact', current: true, reused: true });
    // A read starts nothing.
    expect(JSON.parse((await runRapport(on, ['report', '--json'], { RAPPORT_NO_BACKGROUND: '', RAPPORT_BACKGROUND: 'wait' })).stdout).structure.betweenness.reused).toBe(true);
  }, 120_000);

  // A file and a PostgreSQL URL: another process can open them, so a child computes; in memory: this process.
  const served = [
    ['a SQLite file, in a child process', async () => openStore({ location: join(dir, 'served.db') })],
    ['memory, in this process', async () => openStore({ location: ':memory:' })],
    ...(DIALECTS.includes('postgres') ? [['PostgreSQL, in a child process', () => freshStore('postgres')] as const] : []),
  ] as const;
  it.each(served)('the server, after an API write that changed the links, off the request path: %s', async (_, open) => {
    const store = await open();
    const t = { store, clock: fixedClock(NOON.toISOString()) };
    const children: ChildProcess[] = [];
    const server = await startServer({ ...t, host: '127.0.0.1', port: 0, backgroundBridges: { debounceMs: 0, onChildStart: (c) => children.push(c) } });
    try {
      const post = (path: string, body: unknown) => fetch(`${server.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });
      const ids: number[] = [];
      for (const name of ['Ada', 'Bob', 'Cy']) {
        const created = (await (await post('/contacts', { name, networks: ['personal'] })).json()) as { id?: number; contact?: { id: number } };
        ids.push(created.contact?.id ?? created.id!);
      }
      await server.rapport.background!.idle();
      // The report before the links are ranked: read (and cached) by the server.
      expect(((await (await fetch(`${server.url}/api/network/report`)).json()) as NetworkReport).structure.bridges).toEqual([]);
      expect((await post('/links', { aId: ids[0], bId: ids[1] })).status).toBe(200);
      expect((await post('/links', { aId: ids[1], bId: ids[2] })).status).toBe(200);
      await server.rapport.background!.idle();
      expect(server.rapport.background!.lastError).toBeNull();
      expect(children.length > 0).toBe(store.location !== ':memory:');
      expect(await loadBridgeRanking(store)).toMatchObject({ method: 'exact' });
      expect(await loadBridgeJob(store)).toMatchObject({ owner: null, lastError: null });
      const report = (await (await fetch(`${server.url}/api/network/report`)).json()) as NetworkReport;
      expect(report.structure.betweenness).toMatchObject({ method: 'exact', current: true, reused: true });
      expect(names(report)).toEqual(['Bob']);
    } finally {
      await server.close();
      await store.close();
    }
  }, 120_000);

  it('the server answers while the child ranks the bridges of a 200-contact demo', async () => {
    const db = join(dir, 'demo.db');
    expect((await runRapport(db, ['demo', '--size', '200', '--json'], { RAPPORT_NO_BACKGROUND: '1' })).code).toBe(0);
    const store = await openStore({ location: db });
    let started!: (c: ChildProcess) => void;
    const child = new Promise<ChildProcess>((resolve) => { started = resolve; });
    const server = await startServer({ store, clock: fixedClock(NOON.toISOString()), host: '127.0.0.1', port: 0, backgroundBridges: { debounceMs: 0, onChildStart: (c) => started(c) } });
    try {
      const res = await fetch(`${server.url}/api/links`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ aId: 1, bId: 200, strength: 2 }) });
      expect(res.status).toBe(200);
      const c = await child;
      const exited = new Promise<string>((resolve) => { c.once('exit', () => resolve('the child exited')); });
      // A report asked for once the child is at work comes back before the child is done.
      const answered = fetch(`${server.url}/api/contacts`).then((r) => `answered ${r.status}`);
      expect(await Promise.race([answered, exited])).toBe('answered 200');
      expect(server.rapport.background!.busy).toBe(true);
      await server.rapport.background!.idle();
      expect(c.exitCode).toBe(0);
      const report = (await (await fetch(`${server.url}/api/network/report`)).json()) as NetworkReport;
      expect(report.structure.betweenness).toMatchObject({ method: 'exact', current: true, reused: true });
    } finally {
      await server.close();
      await store.close();
    }
  }, 120_000);
});
