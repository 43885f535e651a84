import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './dialect.ts';
import { MIGRATIONS } from './migrations/index.ts';

// Kysely's migrator, fed our ordered list, with the dialect passed to each step.
// On PostgreSQL the bookkeeping tables are named with their schema: Kysely would otherwise see another schema's copy and skip creating ours.
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName, schema?: string): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () => {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (d) => m.up(d as Kysely<unknown>, dialect) };
      return out;
    },
  };
  const migrator = new Migrator({ db, provider, migrationTableName: 'rapport_migrations', migrationLockTableName: 'rapport_migrations_lock', ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
