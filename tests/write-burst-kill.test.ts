import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ACKS_BEFORE_KILL = 300;

describe('a burst of writes killed midway (kill -9)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'rapport-burst-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every write it acknowledged, and the SQLite file stays whole', async () => {
    const dbPath = join(dir, 'rapport.db');
    await (await openStore({ location: dbPath })).close();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/write-burst-kill-child.ts'), dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: { id: number; name: string }[] = [];
    let partial = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const lines = (partial + d.toString()).split('\n');
        partial = lines.pop()!;
        for (const line of lines) {
          const m = /^ack (\d+) (.+)$/.exec(line);
          if (m) acked.push({ id: Number(m[1]), name: m[2]! });
        }
        if (acked.length >= ACKS_BEFORE_KILL && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`child ended before it was killed: ${err}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const store = await openStore({ location: dbPath });
    try {
      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db)).rows[0]!.integrity_check).toBe('ok');
      const stored = await store.db.selectFrom('contacts').select(['id', 'name']).orderBy('id').execute();
      const byId = new Map(stored.map((c) => [c.id, c.name]));
      expect(acked.filter((a) => byId.get(a.id) !== a.name)).toEqual([]);
      // A write that committed but was killed before it said so may be there too; nothing half-written is.
      expect(stored.length).toBeGreaterThanOrEqual(acked.length);
      const emails = await store.db.selectFrom('contact_emails').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(emails.n)).toBe(stored.length);
    } finally {
      await store.close();
    }
  }, 120_000);
});
