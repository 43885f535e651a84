// `npm run bench undo`: what the undo journal costs a 30,000-row LinkedIn import, and how long undoing it takes.
//  1. import.run into an empty SQLite file with the journal's triggers dropped (no journal at all);
//  2. the same through runOperation with the journal (every inserted row's image copied in the same transaction);
//  3. history.undo of that import (checks all rows against their images, deletes them, rebuilds search).
// Runs alternate so load from elsewhere falls on both; medians of RUNS. Targets: journalled import <= 1.2x
// without; undo < 3000 ms. BENCH_UNDO_SIZE / BENCH_UNDO_RUNS change the size and the number of runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../src/domain/clock.ts';
import { historyUndo } from '../src/services/history.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { parseInput, runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { linkedInCsv } from './peers/linkedin-bare.ts';

const SIZE = Number(process.env.BENCH_UNDO_SIZE ?? 30_000);
const RUNS = Number(process.env.BENCH_UNDO_RUNS ?? 3);

async function dropJournalTriggers(store: Store): Promise<void> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'rapport_journal_%'`.execute(store.db);
  for (const { name } of rows.rows) await sql.raw(`drop trigger ${name}`).execute(store.db);
}

interface Timing { ms: number; cpu: number }
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function timed<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  const [t, c] = [performance.now(), cpuMs()];
  const value = await fn();
  return { ms: performance.now() - t, cpu: cpuMs() - c, value };
}
const median = (xs: Timing[]): Timing => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)]!;

export default async function undoBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-undo-bench-'));
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`load average at start: ${load()}`);
  try {
    const raw = { content: Buffer.from(linkedInCsv(SIZE)).toString('base64'), base64: true, filename: 'Connections.csv' };
    const bare: Timing[] = [], journalled: Timing[] = [], undos: Timing[] = [];
    let rows = 0, journalRows = 0;
    for (let run = 0; run < RUNS; run++) {
      const plain = await openStore({ location: join(dir, `plain-${run}.db`) });
      await dropJournalTriggers(plain);
      const input = parseInput(importRun.input, raw);
      bare.push(await timed(() => plain.transaction((tx) => importRun.run({ store: tx, clock: systemClock }, input))));
      await plain.close();

      const store = await openStore({ location: join(dir, `journal-${run}.db`) });
      const ctx = { store, clock: systemClock };
      const imported = await timed(() => runOperation(ctx, importRun, raw));
      journalled.push(imported);
      rows = imported.value.counts.created;
      journalRows = Number((await sql<{ n: number }>`select count(*) as n from undo_rows`.execute(store.db)).rows[0]!.n);
      const undone = await timed(() => runOperation(ctx, historyUndo, {}));
      undos.push(undone);
      const left = Number((await sql<{ n: number }>`select count(*) as n from contacts`.execute(store.db)).rows[0]!.n);
      if (left !== 0) throw new Error(`undo left ${left} contacts`);
      await store.close();
    }
    const [b, j, u] = [median(bare), median(journalled), median(undos)];
    const ratio = j.ms / b.ms;
    const line = (what: string, t: Timing, note: string) => console.log(`${what.padEnd(40)} ${t.ms.toFixed(0).padStart(7)} ms ${t.cpu.toFixed(0).padStart(7)} ms   ${note}`);
    console.log(`\n${SIZE} LinkedIn rows into an empty SQLite file, median of ${RUNS}, load average now ${load()}`);
    console.log(`${'step'.padEnd(40)} ${'wall'.padStart(10)} ${'cpu'.padStart(10)}   result / target`);
    line('import.run, no journal (triggers dropped)', b, `${rows} contacts`);
    line('import.run, journalled', j, `${journalRows} row images; ${ratio.toFixed(2)}x (cpu ${(j.cpu / b.cpu).toFixed(2)}x) — <= 1.20x: ${ratio <= 1.2 ? 'met' : 'MISSED'}`);
    line('history.undo of that import', u, `all ${rows} contacts gone — < 3000 ms: ${u.ms < 3000 ? 'met' : 'MISSED'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
