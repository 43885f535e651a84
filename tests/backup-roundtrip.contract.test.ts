import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { backupRestore } from '../src/services/backup-restore.ts';
import { calendar } from '../src/services/calendar.service.ts';
import { search } from '../src/services/contact-list.service.ts';
import { contactCreate, contactGet } from '../src/services/contacts.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { BACKUP_TABLES, DERIVED_COLUMNS, UNCARRIED_IDS } from '../src/store/repositories/backup.repository.ts';
import { buildWorld, PNG, type World } from './backup-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Tables that are not user data: the workspace itself, migration bookkeeping, the search index (rebuilt on restore),
// the log of failed sign-ins (about this server and its clients, not your network), the undo journal, the cached
// bridge ranking (recomputed from the links), the record of digests sent (this machine's schedule), and the
// connected accounts (servers this machine syncs with, and their credentials, which a backup never carries).
const NOT_BACKED_UP = /^(workspaces|rapport_migrations.*|contact_search.*|kysely_.*|login_failure.*|undo_.*|bridge_rankings.*|connected_accounts|carddav_cards|sync_issues|digest_sends)$/;
// What a calendar capture remembers between runs (its sources, the events it made meetings of, the people met): not
// carried by backups yet, so after a restore a capture starts afresh.
const CAPTURE_STATE = /^(captured_sources|captured_events|met_people)$/;
// Marks the demo's rows in this database only: everything a backup restores is the user's.
const LOCAL_COLUMNS = ['demo'];

describe.each(DIALECTS)('JSON backup on %s', (dialect) => {
  let t: TestContext;
  let fresh: TestContext;
  let world: World;
  beforeEach(async () => {
    t = await testContext(dialect);
    fresh = await testContext(dialect);
    world = await buildWorld(t);
  });
  afterEach(async () => {
    await t.close();
    await fresh.close();
  });

  const backupOf = async (ctx: TestContext) => (await ctx.run(exportOp, { format: 'json' })).content;

  it('export → import into an empty database → export is byte-identical', async () => {
    const first = await backupOf(t);
    const report = await fresh.run(importRun, { content: first, filename: 'rapport-backup.json' });
    expect(report).toMatchObject({ format: 'json', written: true });
    // Follow-ups include the automatic ones for each new contact and after the event.
    expect(report.restored).toMatchObject({ contacts: 4, organisations: 2, interactions: 2, followUps: 7, links: 2, goals: 1, actions: 2, events: 1, communities: 1, connectionTypes: 1, messageTemplates: 1, sentMessages: 1 });
    const second = await backupOf(fresh);
    expect(second).toBe(first);
    expect(second.length).toBeGreaterThan(3000);
  });

  it('restores ids, photos, archived and snoozed state, and search; new rows get fresh ids', async () => {
    await fresh.run(backupRestore, { content: await backupOf(t) });
    const ada = await fresh.run(contactGet, { id: world.ada.id });
    expect(ada).toEqual(await t.run(contactGet, { id: world.ada.id }));
    const photo = await fresh.store.db.selectFrom('contacts').select('photo').where('id', '=', world.ada.id).executeTakeFirstOrThrow();
    expect(photo.photo).toBe(PNG);
    expect((await fresh.run(contactGet, { id: world.alan.id })).archived).toBe(true);
    expect((await fresh.run(contactGet, { id: world.grace.id })).snoozedUntil).toBe('2027-01-22');
    expect((await fresh.run(search, { query: 'poetical' })).map((c) => c.id)).toEqual([world.ada.id]);
    // On PostgreSQL the identity sequences must have moved past the restored ids.
    const created = (await fresh.run(contactCreate, { name: 'Someone New' })).contact;
    expect(created.id).toBeGreaterThan(world.alan.id);
  });

  it('keeps the calendar feed\'s event UIDs, so a subscribed calendar does not show every event twice after a restore', async () => {
    const uids = async (ctx: TestContext) => [...(await ctx.run(calendar, {})).content.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
    const before = await uids(t);
    expect(before.length).toBeGreaterThan(3);
    await fresh.run(backupRestore, { content: await backupOf(t) });
    expect(await uids(fresh)).toEqual(before);
  });

  it('refuses to restore into a database that holds anything, and changes nothing', async () => {
    const backup = await backupOf(t);
    const error = await t.run(importRun, { content: backup, filename: 'b.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).code).toBe('conflict');
    expect((error as RapportError).message).toMatch(/^b\.json: a backup restores only into an empty database, and this one holds .*4 contacts.*; restore into a new one \(--db new\.db\)$/);
    expect(await backupOf(t)).toBe(backup);
  });

  it('refuses a backup from a newer Rapport, naming the field', async () => {
    const newer = (await backupOf(t)).replace('"version": 2', '"version": 3');
    await expect(fresh.run(backupRestore, { content: newer, filename: 'new.json' })).rejects.toThrow('new.json: version: this backup was made by a newer Rapport (format version above 2)');
  });

  it('covers every table and column of the schema (a new one must be added to backups)', async () => {
    const tables = await t.store.db.introspection.getTables();
    const carried = BACKUP_TABLES as Record<string, readonly string[]>;
    const missing: string[] = [];
    for (const table of tables) {
      if (NOT_BACKED_UP.test(table.name) || CAPTURE_STATE.test(table.name)) continue;
      const columns = carried[table.name];
      if (!columns) { missing.push(`table ${table.name}`); continue; }
      for (const c of table.columns) {
        const derived = (DERIVED_COLUMNS as readonly string[]).includes(c.name) || LOCAL_COLUMNS.includes(c.name) || (c.name === 'id' && UNCARRIED_IDS.includes(table.name as never));
        if (!derived && !columns.includes(c.name)) missing.push(`${table.name}.${c.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe.runIf(DIALECTS.includes('postgres'))('JSON backup across dialects', () => {
  it('a SQLite backup restored on PostgreSQL exports the same text', async () => {
    const lite = await testContext('sqlite');
    const pg = await testContext('postgres');
    try {
      await buildWorld(lite);
      const backup = (await lite.run(exportOp, { format: 'json' })).content;
      await pg.run(backupRestore, { content: backup });
      expect((await pg.run(exportOp, { format: 'json' })).content).toBe(backup);
    } finally {
      await lite.close();
      await pg.close();
    }
  });
});
