// `npm run bench foundation`: the store and services at benchmark size, on SQLite.
//  1. `demo --size 30000` builds a 30,000-contact / ~300,000-interaction / 300,000-link file (timed).
//  2. `today`: median and p99 over 200 runs, against one hand-written SQL query computing the same due list.
//  3. 30,000 contacts created through the service path (validation + createContacts in one transaction)
//     against a bare prepared-insert loop in one transaction.
// BENCH_FOUNDATION_SIZE=5000 runs it smaller. Figures are printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { systemClock } from '../src/domain/clock.ts';
import { contactInputSchema, normaliseName } from '../src/domain/contact.ts';
import { addDays, toIsoDay } from '../src/domain/dates.ts';
import { DEFAULT_SETTINGS, cadenceDefaultsOf } from '../src/domain/settings.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { planDemo } from '../src/services/demo/plan.ts';
import { runOperation, parseInput, type ServiceContext } from '../src/services/operation.ts';
import { createContacts } from '../src/services/support/create-contacts.ts';
import { today } from '../src/services/today.service.ts';
import { insertOrganisationsBulk } from '../src/store/repositories/demo.repository.ts';
import { openStore } from '../src/store/open-store.ts';
import { bareInsert, dueFromColumn, dueFromInteractions } from './foundation-baselines.ts';
import { ms, timeRuns } from './timing.ts';

const SIZE = Number(process.env.BENCH_FOUNDATION_SIZE ?? 30_000);
const TODAY_RUNS = 200;
const defaults = cadenceDefaultsOf(DEFAULT_SETTINGS);
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

const ratio = (a: number, b: number): string => (a / b >= 0.01 ? (a / b).toFixed(2) : `1/${Math.round(b / a)}`);

interface Timed { wall: number; cpu: number }
const cpuNow = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function createBench(dir: string): Promise<{ service: Timed; bare: Timed }> {
  const plan = planDemo({ size: SIZE, seed: 7, defaults, followUpDays: { event: 2, newContact: 3 } });
  const organisations = plan.organisations.map((o) => ({ name: o.name, industry: o.industry, website: o.website, is_mine: o.isMine ? 1 : 0, notes: o.notes, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }));

  const store = await openStore({ location: join(dir, 'service.db') });
  await store.transaction((tx) => insertOrganisationsBulk(tx, organisations));
  const ctx: ServiceContext = { store, clock: systemClock };
  let t = performance.now();
  let c = cpuNow();
  await store.transaction(async (tx) => {
    const drafts = plan.contacts.map((c, i) => parseInput(contactInputSchema, c.input, `contact ${i}`));
    await createContacts({ ...ctx, store: tx }, drafts, { followUpDays: null });
  });
  const service = { wall: performance.now() - t, cpu: cpuNow() - c };
  await store.close();

  const bareStore = await openStore({ location: join(dir, 'bare.db') });
  const orgIds = await bareStore.transaction((tx) => insertOrganisationsBulk(tx, organisations));
  await bareStore.close();
  const raw = new SQLite(join(dir, 'bare.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const byKey = new Map(organisations.map((o, i) => [normaliseName(o.name), orgIds[i]!]));
  // Validated drafts are the bare loop's input too: it measures writing, the service path validation plus writing.
  const drafts = plan.contacts.map((c, i) => parseInput(contactInputSchema, c.input, `contact ${i}`));
  t = performance.now();
  c = cpuNow();
  bareInsert(raw, drafts, byKey, defaults, new Date().toISOString());
  const bare = { wall: performance.now() - t, cpu: cpuNow() - c };
  raw.close();
  return { service, bare };
}

export default async function foundationBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-foundation-bench-'));
  console.log(`load average at start: ${load()} (on a shared 2-core machine other work skews every figure)`);
  try {
    const file = join(dir, 'demo.db');
    const store = await openStore({ location: file });
    const ctx: ServiceContext = { store, clock: systemClock };
    const t = performance.now();
    const c = process.cpuUsage();
    const demo = await runOperation(ctx, demoLoad, { size: SIZE });
    const demoSeconds = (performance.now() - t) / 1000;
    const demoCpu = process.cpuUsage(c);
    console.log(`demo --size ${SIZE}: ${demoSeconds.toFixed(1)} s (${((demoCpu.user + demoCpu.system) / 1e6).toFixed(1)} s CPU) — ${demo.contacts} contacts, ${demo.interactions} interactions, ${demo.links} links, ${demo.events} events, ${demo.followUps} follow-ups`);

    // Building the demo leaves a heap full of garbage; collect it first, so `today` is timed in a steady state
    // rather than paying for a major collection of the demo's plan.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    const view = await runOperation(ctx, today, { limit: 50 });
    const todayStats = await timeRuns(TODAY_RUNS, () => runOperation(ctx, today, { limit: 50 }));
    await store.close();

    const raw = new SQLite(file, { readonly: true });
    const weekEnd = addDays(toIsoDay(new Date()), 7);
    const fromInteractions = dueFromInteractions(raw, defaults);
    const fromColumn = dueFromColumn(raw);
    const hand = fromInteractions(weekEnd, 50);
    const listed = [...view.overdue, ...view.dueThisWeek].map((c) => c.id);
    const same = JSON.stringify(hand.items.map((r) => r.id)) === JSON.stringify(listed) && hand.total === view.keepInTouchTotal;
    const handStats = await timeRuns(Math.max(20, TODAY_RUNS / 10), () => fromInteractions(weekEnd, 50));
    const columnStats = await timeRuns(TODAY_RUNS, () => fromColumn(weekEnd, 50));
    raw.close();

    const created = await createBench(dir);
    const createRatio = created.service.wall / created.bare.wall;
    const createCpuRatio = created.service.cpu / created.bare.cpu;

    console.log(`\n${SIZE} contacts, ${demo.interactions} interactions on SQLite (load average now ${load()})`);
    const rows: string[][] = [
      ['measure', 'median ms', 'p99 ms', 'cpu ms', 'ratio', 'target', 'holds'],
      ['today (follow-ups, due list + count, actions, met at events)', ms(todayStats.median), ms(todayStats.p99), ms(todayStats.cpu), '1.00', 'p99 < 20 ms', todayStats.p99 < 20 ? 'yes' : 'NO'],
      ['one hand-written SQL: due list from interactions (max + cadence)', ms(handStats.median), ms(handStats.p99), ms(handStats.cpu), ratio(todayStats.median, handStats.median), 'today / hand', same ? 'same list' : 'LISTS DIFFER'],
      ['(reference) hand-written SQL over the next_due_on column', ms(columnStats.median), ms(columnStats.p99), ms(columnStats.cpu), ratio(todayStats.median, columnStats.median), 'today / hand', ''],
      [`create ${SIZE} contacts via the service (zod + createContacts, 1 tx)`, ms(created.service.wall), '', ms(created.service.cpu), `${ratio(created.service.wall, created.bare.wall)} (cpu ${createCpuRatio.toFixed(2)})`, '≤ 3× bare', createRatio <= 3 ? 'yes' : createCpuRatio <= 3 ? 'cpu only' : 'NO'],
      ['bare prepared-insert loop, same rows + search rows (1 tx)', ms(created.bare.wall), '', ms(created.bare.cpu), '1', '', ''],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const [i, r] of rows.entries()) {
      console.log(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
      if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    }
    console.log(`today's list ${same ? 'matches' : 'does NOT match'} the hand-written query (${hand.total} due within a week; first ${listed.length} compared)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
