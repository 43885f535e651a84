import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { startServer } from '../src/server/serve.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { runRapport, type CliRun } from './support/cli.ts';
import { bigLinkedIn } from './support/linkedin-csv.ts';

const IMPORT_ROWS = 30_000;
const LOGS = 6;
const WORKERS = 3;

// The README's own workflow: the web app's server and the CLI writing into one SQLite file at the same time.
describe('two processes writing one SQLite file', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'rapport-writers-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the server under a write load, a 30,000-row CLI import and `rapport log`s: none fails, nothing is lost', async () => {
    const dbPath = join(dir, 'rapport.db');
    const csv = join(dir, 'Connections.csv');
    writeFileSync(csv, bigLinkedIn(IMPORT_ROWS));
    const store = await openStore({ location: dbPath });
    const clock = fixedClock('2026-11-23T12:00:00.000Z');
    const grace = await runOperation({ store, clock }, contactCreate, { name: 'Grace Hopper' });
    const server = await startServer({ store, clock, host: '127.0.0.1', port: 0, readCache: true });
    try {
      let cliDone = false;
      const failures: string[] = [];
      const acknowledged: { id: number; name: string }[] = [];
      // Each worker creates contacts and logs interactions over HTTP, one after another, until the CLI is done.
      const worker = async (w: number): Promise<void> => {
        for (let i = 0; !cliDone || i < 5; i++) {
          const name = `Server Writer ${w}-${i}`;
          const res = await fetch(`${server.url}/api/contacts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, notes: `written while the CLI imports (${i})` }) });
          const body = await res.text();
          if (res.status !== 201 && res.status !== 200) failures.push(`${res.status} ${body}`);
          else acknowledged.push({ id: (JSON.parse(body) as { contact: { id: number } }).contact.id, name });
        }
      };
      const cli = (async (): Promise<CliRun[]> => {
        const imported = runRapport(dbPath, ['import', csv]);
        const logs: CliRun[] = [];
        for (let i = 0; i < LOGS; i++) logs.push(await runRapport(dbPath, ['log', String(grace.contact.id), '--when', `2026-11-${String(10 + i)}`, '--note', `cli log ${i}`]));
        const runs = [await imported, ...logs];
        cliDone = true;
        return runs;
      })();
      const [runs] = await Promise.all([cli, ...Array.from({ length: WORKERS }, (_, w) => worker(w))]);

      expect(failures).toEqual([]);
      for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(runs[0]!.stdout).toContain(`${IMPORT_ROWS}`);
      expect(acknowledged.length).toBeGreaterThanOrEqual(WORKERS * 5);

      const after = await openStore({ location: dbPath });
      try {
        const count = await after.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(1 + IMPORT_ROWS + acknowledged.length);
        const stored = await after.db.selectFrom('contacts').select(['id', 'name']).where('id', 'in', acknowledged.map((a) => a.id)).orderBy('id').execute();
        expect(stored).toEqual([...acknowledged].sort((a, b) => a.id - b.id));
        const notes = await after.db.selectFrom('interactions').select('summary').where('summary', 'like', 'cli log %').orderBy('summary').execute();
        expect(notes.map((n) => n.summary)).toEqual(Array.from({ length: LOGS }, (_, i) => `cli log ${i}`));
      } finally {
        await after.close();
      }
    } finally {
      await server.close();
      await store.close();
    }
  }, 180_000);
});
