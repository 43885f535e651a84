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
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { systemClock } from '../src/domain/clock.ts';
import { normaliseLinkedInUrl, normaliseName } from '../src/domain/contact.ts';
import { exportOp, type ExportResult } from '../src/services/export.service.ts';
import { importRun, type ImportReport } from '../src/services/import.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';

const SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 30_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Deterministic rows with the real file's shape: a few emails, companies shared by many, commas in some fields.
export function linkedInCsv(rows: number): string {
  const first = ['Ada', 'Grace', 'Alan', 'Katherine', 'Tim', 'Margaret', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Dr. Radia', 'Linus'];
  const last = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Berners-Lee', 'Hamilton', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Perlman', 'Torvalds 🔸'];
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const company = i % 17 === 0 ? `"Company ${i % 2500}, Inc."` : `Company ${i % 2500}`;
    const position = i % 11 === 0 ? '"Principal Consultant, Business Performance"' : `Engineer ${i % 40}`;
    const email = i % 9 === 0 ? `person${i}@example.org` : '';
    const day = `${String(1 + (i % 28)).padStart(2, '0')} ${MONTHS[i % 12]} ${2012 + (i % 13)}`;
    lines.push(`${first[i % first.length]},${last[(i * 7) % last.length]} ${i},https://www.linkedin.com/in/person-${i}-${(i * 2654435761) % 100000},${email},${company},${position},${day}`);
  }
  return `${lines.join('\n')}\n`;
}

// The hand-written import: the same rows, prepared statements, one transaction, no validation, no matching.
function bareImport(dbPath: string, file: string): void {
  const raw = new SQLite(dbPath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const text = readFileSync(file, 'utf8');
  const rows = parse(text, { from_line: 4, columns: true, relax_column_count: true }) as Record<string, string>[];
  const now = new Date().toISOString();
  const org = raw.prepare('insert into organisations (workspace_id, name, name_key, is_mine, created_at, updated_at) values (1, ?, ?, 0, ?, ?)');
  const contact = raw.prepare(`insert into contacts (workspace_id, name, name_key, given_name, family_name, organisation_id, title, networks, archived,
    last_interaction_at, next_due_on, created_at, updated_at) values (1, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`);
  const email = raw.prepare('insert into contact_emails (workspace_id, contact_id, address, position) values (1, ?, ?, 0)');
  const link = raw.prepare('insert into contact_web_links (workspace_id, contact_id, url, url_key, label, position) values (1, ?, ?, ?, ?, 0)');
  const interaction = raw.prepare(`insert into interactions (workspace_id, occurred_at, kind, channel, value_flow, gratitude, created_at) values (1, ?, 'connected', 'social', 'none', 0, ?)`);
  const participant = raw.prepare('insert into interaction_participants (workspace_id, interaction_id, contact_id) values (1, ?, ?)');
  const search = raw.prepare('insert into contact_search (rowid, name, organisation, notes, interactions) values (?, ?, ?, ?, ?)');
  const orgIds = new Map<string, number>();
  raw.transaction(() => {
    for (const r of rows) {
      const name = `${r['First Name']} ${r['Last Name']}`.trim();
      const company = r.Company ?? '';
      const key = normaliseName(company);
      let orgId = orgIds.get(key) ?? null;
      if (orgId === null && company) orgIds.set(key, (orgId = Number(org.run(company, key, now, now).lastInsertRowid)));
      const [d, m, y] = (r['Connected On'] ?? '').split(' ');
      const at = `${y}-${String(MONTHS.indexOf(m!) + 1).padStart(2, '0')}-${d}T12:00:00.000Z`;
      const id = Number(contact.run(name, normaliseName(name), r['First Name'], r['Last Name'], orgId, r.Position, at, at.slice(0, 10), now, now).lastInsertRowid);
      if (r['Email Address']) email.run(id, r['Email Address'].toLowerCase());
      link.run(id, r.URL, normaliseLinkedInUrl(r.URL!), 'LinkedIn');
      participant.run(Number(interaction.run(at, now).lastInsertRowid), id);
      search.run(id, [name, r['Email Address']].filter(Boolean).join(' '), [company, r.Position].join(' '), '', '');
    }
  })();
  raw.close();
}

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
      firstRuns.push(await timed(() => runOperation({ store: fresh, clock: systemClock }, importRun, input()) as Promise<ImportReport>));
      await fresh.close();
    }
    const bare = median(bareRuns);
    const first = median(firstRuns);

    const store = await openStore({ location: join(dir, 'service-0.db') });
    const ctx: ServiceContext = { store, clock: systemClock };
    const again = await timed(() => runOperation(ctx, importRun, input()) as Promise<ImportReport>);
    const vcard = await timed(() => runOperation(ctx, exportOp, { format: 'vcard' }) as Promise<ExportResult>);
    const json = await timed(() => runOperation(ctx, exportOp, { format: 'json' }) as Promise<ExportResult>);
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
