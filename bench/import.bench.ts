// `npm run bench import`: a generated 30,000-row LinkedIn Connections.csv (LinkedIn's cap on connections).
//  1. imported into an empty SQLite file through the service (`import.run`: decode, detect, parse, validate, match,
//     write in one transaction), against a bare csv-parse + prepared-insert loop writing the same rows
//     (organisations, contacts, emails, LinkedIn links, 'connected' interactions, search rows) in the same run;
//  2. the same file imported again (every row a duplicate: all unchanged);
//  3. the 30,000 exported as vCard 4.0 and as the JSON backup.
// Each import is run RUNS times (fresh databases) and the median shown, with the process CPU time beside the wall
// time: on a shared machine the CPU figure moves less with other people's load.
// BENCH_IMPORT_SIZE=5000 runs it smaller, BENCH_IMPORT_RUNS=1 once. Figures are printed, never asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/domain/clock.ts';
import { exportOp } from '../src/services/export.service.ts';
import { importRun, type ImportReport } from '../src/services/import.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { bareImport, linkedInCsv } from './peers/linkedin-bare.ts';

const SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 30_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
interface Timing<T> { ms: number; cpu: number; value: T }
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function timed<T>(fn: () => T | Promise<T>): Promise<Timing<T>> {
  const [t, c] = [performance.now(), cpuMs()];
  const value = await fn();
  return { ms: performance.now() - t, cpu: cpuMs() - c, value };
}

const median = <T>(runs: Timing<T>[]): Timing<T> => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;

export default async function importBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-bench-'));
  console.log(`load average at start: ${load()}`);
  try {
    const file = join(dir, 'Connections.csv');
    writeFileSync(file, linkedInCsv(SIZE));

    const input = () => ({ content: readFileSync(file).toString('base64'), base64: true, filename: 'Connections.csv' });
    const bareRuns: Timing<void>[] = [];
    const firstRuns: Timing<ImportReport>[] = [];
    // Alternating bare and service runs, so a burst of load elsewhere falls on both.
    for (let run = 0; run < RUNS; run++) {
      const barePath = join(dir, `bare-${run}.db`);
      // The schema comes from the migrations; the bare loop then writes with raw better-sqlite3.
      await (await openStore({ location: barePath })).close();
      bareRuns.push(await timed(() => bareImport(barePath, file)));
      const fresh = await openStore({ location: join(dir, `service-${run}.db`) });
      firstRuns.push(await timed(() => runOperation({ store: fresh, clock: systemClock }, importRun, input())));
      await fresh.close();
    }
    const bare = median(bareRuns);
    const first = median(firstRuns);

    const store = await openStore({ location: join(dir, 'service-0.db') });
    const ctx: ServiceContext = { store, clock: systemClock };
    const again = await timed(() => runOperation(ctx, importRun, input()));
    const vcard = await timed(() => runOperation(ctx, exportOp, { format: 'vcard' }));
    const json = await timed(() => runOperation(ctx, exportOp, { format: 'json' }));
    await store.close();

    const mb = (s: string) => `${(Buffer.byteLength(s) / 1e6).toFixed(1)} MB`;
    const row = (what: string, t: Timing<unknown>, note: string, target: string) =>
      console.log(`${what.padEnd(42)} ${t.ms.toFixed(0).padStart(7)} ms ${t.cpu.toFixed(0).padStart(7)} ms   ${note.padEnd(36)} ${target}`);
    console.log(`\n${SIZE} LinkedIn rows (${mb(readFileSync(file, 'utf8'))}), SQLite file, median of ${RUNS} for the first two, load average now ${load()}`);
    console.log(`${'step'.padEnd(42)} ${'wall'.padStart(10)} ${'cpu'.padStart(10)}   ${'result'.padEnd(36)} target`);
    row('bare csv-parse + prepared inserts', bare, 'same rows, no checks', '');
    const ratio = first.ms / bare.ms;
    row('import.run into an empty database', first, `${first.value.counts.created} created, ${ratio.toFixed(2)}x bare (cpu ${(first.cpu / bare.cpu).toFixed(2)}x)`,
      `< 3000 ms: ${first.ms < 3000 ? 'met' : 'MISSED'}; <= 3x bare: ${ratio <= 3 ? 'met' : 'MISSED'}`);
    row('import.run again (every row a duplicate)', again, `${again.value.counts.unchanged} unchanged, ${again.value.counts.created} created`, `< 5000 ms: ${again.ms < 5000 ? 'met' : 'MISSED'}`);
    row('export vCard 4.0', vcard, `${vcard.value.count} cards, ${mb(vcard.value.content)}`, '');
    row('export JSON backup', json, `${json.value.count} contacts, ${mb(json.value.content)}`, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
