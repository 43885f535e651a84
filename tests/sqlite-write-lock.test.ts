import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { RapportError } from '../src/domain/errors.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { openSqlite } from '../src/store/sqlite/open.ts';
import { sqliteWriteTransaction } from '../src/store/sqlite/write-transaction.ts';

const clock = fixedClock('2026-11-23T12:00:00.000Z');

describe('a SQLite writer while another connection holds the write lock', () => {
  let dir: string;
  let path: string;
  let other: SQLite.Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-lock-'));
    path = join(dir, 'r.db');
    await (await openStore({ location: path })).close();
    other = new SQLite(path);
  });
  afterEach(() => {
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the write lock from its first read, so another process that commits in between cannot break it', async () => {
    const store = await openStore({ location: path });
    const impatient = new SQLite(path, { timeout: 0 });
    try {
      await runOperation({ store, clock }, contactCreate, { name: 'Ada Lovelace' });
      let otherWrite = 'not tried';
      await store.transaction(async (tx) => {
        await tx.db.selectFrom('contacts').select('id').execute();
        // With a plain BEGIN the other process's commit would land here, and the write below fail at once with
        // SQLITE_BUSY_SNAPSHOT; begun IMMEDIATE, it is the other one that has to wait its turn.
        try {
          impatient.prepare("update contacts set notes = 'from the CLI'").run();
          otherWrite = 'committed';
        } catch (e) {
          otherWrite = (e as { code: string }).code;
        }
        await tx.db.updateTable('contacts').set({ notes: 'from the server' }).execute();
      });
      expect(otherWrite).toBe('SQLITE_BUSY');
      expect(other.prepare('select notes from contacts').all()).toEqual([{ notes: 'from the server' }]);
    } finally {
      impatient.close();
      await store.close();
    }
  });

  it('waits for the lock to be released and then writes', async () => {
    const store = await openStore({ location: path });
    try {
      other.exec('begin immediate');
      other.prepare("insert into workspaces (name, created_at) values ('held', '2026-11-23')").run();
      const pending = runOperation({ store, clock }, contactCreate, { name: 'Ada Lovelace' });
      setTimeout(() => other.exec('commit'), 150);
      const created = await pending;
      expect(created.contact.name).toBe('Ada Lovelace');
      expect(other.prepare('select count(*) as n from workspaces').get()).toEqual({ n: 2 });
    } finally {
      await store.close();
    }
  });

  it('gives up after its bounded wait with a "busy" error naming the file, and the event loop stays free meanwhile', async () => {
    const { db, raw } = openSqlite(path);
    try {
      other.exec('begin immediate');
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 10);
      const error = await sqliteWriteTransaction(db, raw, path, 300)(async () => 'never').catch((e: unknown) => e);
      clearInterval(timer);
      other.exec('rollback');
      expect(error).toBeInstanceOf(RapportError);
      expect((error as RapportError).code).toBe('busy');
      expect((error as RapportError).message).toContain(`the database is busy: another process (an import?) has been writing to ${path}`);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      await db.destroy();
    }
  });
});
