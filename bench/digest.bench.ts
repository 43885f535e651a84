// `npm run bench digest`: building the digest (follow-ups, keep in touch, dates coming up, actions, events, each
// person with a ready draft) at 30,000 contacts of demo data, with 1 in 20 given a birthday spread over the year.
// Target: median < 200 ms. Baseline, measured in the same run: one bare SQL read of everyone due (the floor any
// digest pays). BENCH_DIGEST_SIZE=5000 runs it smaller. Figures are printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { systemClock } from '../src/domain/clock.ts';
import { toIsoDay } from '../src/domain/dates.ts';
import { buildDigest } from '../src/services/digest-build.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { ms, timeRuns } from './timing.ts';

const SIZE = Number(process.env.BENCH_DIGEST_SIZE ?? 30_000);
const RUNS = 30;
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

export default async function digestBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-digest-bench-'));
  console.log(`load average at start: ${load()} (on a shared 2-core machine other work skews every figure)`);
  try {
    const file = join(dir, 'digest.db');
    const store = await openStore({ location: file });
    const ctx: ServiceContext = { store, clock: systemClock };
    const t = performance.now();
    const demo = await runOperation(ctx, demoLoad, { size: SIZE });
    console.log(`demo --size ${SIZE}: ${((performance.now() - t) / 1000).toFixed(1)} s — ${demo.contacts} contacts`);
    // Birthdays on 1 in 20, a day of the year each (ids spread them), so every week has some.
    await sql`update contacts set birthday = printf('19%02d-%02d-%02d', 60 + id % 40, 1 + (id / 20) % 12, 1 + (id / 240) % 28) where id % 20 = 0`.execute(store.db);

    const day = toIsoDay(new Date());
    const sample = await buildDigest(ctx);
    const stats = await timeRuns(RUNS, () => buildDigest(ctx), 3);
    const weekly = await timeRuns(RUNS, () => buildDigest(ctx, { weekly: true }), 3);
    const raw = new SQLite(file, { readonly: true });
    const bare = raw.prepare(`select id, name, next_due_on from contacts where workspace_id = 1 and archived = 0 and next_due_on <= ? order by next_due_on, name`);
    const bareRows = bare.all(day).length;
    const bareStats = await timeRuns(RUNS, () => bare.all(day), 3);
    raw.close();
    await store.close();

    const shown = sample.sections.map((s) => `${s.key} ${s.entries.length}/${s.total}`).join(', ');
    console.log(`\n${SIZE} contacts on SQLite (load average now ${load()}); daily digest: ${sample.count} entries (${shown})`);
    const rows: string[][] = [
      ['measure', 'median ms', 'p99 ms', 'cpu ms', 'ratio', 'target', 'holds'],
      [`digest, daily, at ${SIZE} contacts (with drafts)`, ms(stats.median), ms(stats.p99), ms(stats.cpu), (stats.median / bareStats.median).toFixed(2), 'median < 200 ms', stats.median < 200 ? 'yes' : stats.cpu < 200 ? 'cpu only' : 'NO'],
      [`digest, weekly, at ${SIZE} contacts (with drafts)`, ms(weekly.median), ms(weekly.p99), ms(weekly.cpu), (weekly.median / bareStats.median).toFixed(2), 'median < 200 ms', weekly.median < 200 ? 'yes' : weekly.cpu < 200 ? 'cpu only' : 'NO'],
      [`(baseline) one bare SQL read of the ${bareRows} contacts due`, ms(bareStats.median), ms(bareStats.p99), ms(bareStats.cpu), '1', '', ''],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const [i, r] of rows.entries()) {
      console.log(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
      if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
