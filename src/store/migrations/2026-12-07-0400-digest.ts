import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Important dates can be one-off ("moved to Berlin" in 2019) as well as yearly; every date stored so far came from
// a vCard's BDAY/ANNIVERSARY, which recur, hence the default. The digest records each send per period and channel,
// so a restart never sends twice and a failure is retried with back-off and shown in Settings.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('contact_dates').addColumn('yearly', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createTable('digest_sends')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('period', 'text', (c) => c.notNull()) // 'daily:2026-12-07' | 'weekly:2026-12-07' (the scheduled local day)
    .addColumn('channel', 'text', (c) => c.notNull()) // 'email' | 'webhook' | 'ntfy'
    .addColumn('status', 'text', (c) => c.notNull()) // 'sent' | 'failed'
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('sent_at', 'text')
    .addPrimaryKeyConstraint('digest_sends_pk', ['workspace_id', 'period', 'channel'])
    .execute();
}
