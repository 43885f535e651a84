import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { backupJson } from '../src/services/backup-restore.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { bigLinkedIn } from './support/linkedin-csv.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Everything the database holds, as one fingerprint (the backup is every table in a stable order).
async function fingerprint(dbPath: string): Promise<{ hash: string; contacts: number; integrity: string }> {
  const store = await openStore({ location: dbPath });
  try {
    const json = await backupJson({ store, clock: fixedClock('2026-11-23T12:00:00Z') });
    const contacts = Number((await store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const integrity = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db)).rows[0]!.integrity_check;
    return { hash: createHash('sha256').update(json).digest('hex'), contacts, integrity };
  } finally {
    await store.close();
  }
}

describe('an import killed midway (kill -9)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'rapport-kill-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the SQLite database exactly as it was', async () => {
    const dbPath = join(dir, 'rapport.db');
    const store = await openStore({ location: dbPath });
    const ctx = { store, clock: fixedClock('2026-11-23T12:00:00Z') };
    await runOperation(ctx, contactCreate, { name: 'Already Here', emails: ['here@example.org'], tags: ['keep'] });
    await runOperation(ctx, importRun, { content: bigLinkedIn(500), filename: 'first.csv' });
    await store.close();
    const before = await fingerprint(dbPath);
    expect(before.contacts).toBe(501);

    const file = join(dir, 'Connections.csv');
    writeFileSync(file, bigLinkedIn(80_000, 250));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/import-kill-child.ts'), dbPath, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const walBefore = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
    let walAtKill = 0;
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // Thousands of contacts written, the transaction still open: kill it without warning.
        if (out.includes('written') && walAtKill === 0) {
          walAtKill = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
          child.kill('SIGKILL');
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`child ended before it was killed: ${out} ${err}`)));
    });
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('done');
    // Uncommitted pages had spilled to the write-ahead log: the kill landed inside the transaction's writes.
    expect(walAtKill).toBeGreaterThan(walBefore);
    expect(out).toMatch(/written \d{5}/);

    const after = await fingerprint(dbPath);
    expect(after.integrity).toBe('ok');
    expect(after).toEqual(before);
  }, 120_000);
});
