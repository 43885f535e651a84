import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_DUE } from '../src/domain/cadence.ts';
import { MIGRATIONS } from '../src/store/migrations/index.ts';

// A database made before triage existed, carrying what the old rule left: contacts due from their 'connected' day.
describe('migration 0040 (triage) on a database from before it', () => {
  let db: Kysely<unknown>;
  afterEach(async () => { await db.destroy(); });

  it('un-sorts connected-only imports with no network, keeps everyone else sorted, and recomputes due dates without "connected"', async () => {
    const raw = new SQLite(':memory:');
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const names = Object.keys(MIGRATIONS);
    const at = names.indexOf('2026-12-06-0040-contact-triage');
    for (const name of names.slice(0, at)) await MIGRATIONS[name]!.up(db, 'sqlite');
    raw.exec(`insert into settings (workspace_id, key, value) values (1, 'situation', '"job-seeking"')`);
    const contact = raw.prepare(`insert into contacts (workspace_id, name, name_key, networks, archived, last_interaction_at, next_due_on, created_at, updated_at)
      values (1, ?, ?, ?, 0, ?, ?, '2026-01-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z')`);
    const interaction = raw.prepare(`insert into interactions (workspace_id, occurred_at, kind, channel, value_flow, gratitude, created_at) values (1, ?, ?, 'social', 'none', 0, '2026-01-10T09:00:00.000Z')`);
    const with_ = raw.prepare('insert into interaction_participants (workspace_id, interaction_id, contact_id) values (1, ?, ?)');
    const add = (name: string, networks: number, kinds: [string, string][]) => {
      const id = Number(contact.run(name, name.toLowerCase(), networks, kinds.at(-1)?.[1] ?? null, '2019-07-01').lastInsertRowid);
      for (const [kind, day] of kinds) with_.run(Number(interaction.run(day, kind).lastInsertRowid), id);
      return id;
    };
    const imported = add('José Imported', 0, [['connected', '2019-01-02T12:00:00.000Z']]);
    const strategic = add('Priya Strategic', 4, [['connected', '2019-01-02T12:00:00.000Z']]);
    const spoken = add('Tom Spoken', 0, [['connected', '2019-01-02T12:00:00.000Z'], ['call', '2026-10-01T12:00:00.000Z']]);
    const byHand = add('Ada Byhand', 0, []);

    await MIGRATIONS['2026-12-06-0040-contact-triage']!.up(db, 'sqlite');
    const rows = raw.prepare('select id, sorted_at, last_interaction_at, next_due_on from contacts order by id').all() as { id: number; sorted_at: string | null; last_interaction_at: string | null; next_due_on: string }[];
    const row = (id: number) => rows.find((r) => r.id === id)!;
    expect(row(imported)).toMatchObject({ sorted_at: null, last_interaction_at: null, next_due_on: NEVER_DUE });
    // In a network: sorted when added, never spoken to, so strategic every 30 days (job-seeking) from 2026-01-10.
    expect(row(strategic)).toMatchObject({ sorted_at: '2026-01-10T09:00:00.000Z', last_interaction_at: null, next_due_on: '2026-02-09' });
    // A real conversation keeps a contact sorted, due from it (no network: every 180 days).
    expect(row(spoken)).toMatchObject({ sorted_at: '2026-01-10T09:00:00.000Z', last_interaction_at: '2026-10-01T12:00:00.000Z', next_due_on: '2027-03-30' });
    expect(row(byHand)).toMatchObject({ sorted_at: '2026-01-10T09:00:00.000Z', next_due_on: '2026-07-09' });
  });
});
