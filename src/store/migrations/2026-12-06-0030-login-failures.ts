import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Failed sign-ins, so Settings can show who has been guessing: the latest rows (the repository keeps 100) and
// running totals per kind that outlive the pruning.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.createTable('login_failures')
    .addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('login_failure_totals')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_failure_totals_pk', ['workspace_id', 'kind'])
    .execute();
}
