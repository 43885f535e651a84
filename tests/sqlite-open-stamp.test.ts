import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, sqliteSchemaStamp } from '../src/store/open-store.ts';

// A SQLite file brought up to date records it in user_version, so the next open skips the migrations' bookkeeping
// and the journal triggers' catalogue reads; a file without that mark (older, or from another build) is checked
// in full again, and anything missing is put back.
describe('opening a SQLite file', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'rapport-stamp-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const triggers = (file: string): string[] => {
    const raw = new SQLite(file, { readonly: true });
    try {
      return (raw.prepare("select name from sqlite_master where type = 'trigger' and name like 'rapport_journal_%' order by name").all() as { name: string }[]).map((r) => r.name);
    } finally {
      raw.close();
    }
  };

  it('marks a file it brought up to date, and checks an unmarked one in full again', async () => {
    const file = join(dir, 'rapport.db');
    await (await openStore({ location: file })).close();
    const complete = triggers(file);
    expect(complete).toContain('rapport_journal_contacts_update');

    const raw = new SQLite(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(sqliteSchemaStamp());
    // As a file from an older Rapport would be: no mark, and a trigger it never had.
    raw.exec('drop trigger rapport_journal_contacts_update');
    raw.pragma('user_version = 0');
    raw.close();

    await (await openStore({ location: file })).close();
    expect(triggers(file)).toEqual(complete);
    const after = new SQLite(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(sqliteSchemaStamp());
    after.close();
  });
});
