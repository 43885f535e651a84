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
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's migrator introspects every schema of the database (has_schema_privilege, pg_get_serial_sequence on
  // each table), so another store creating or dropping its schema at that moment (parallel test runs) fails the
  // lookup with "schema / relation / column … does not exist". Migrations run in a transaction, so nothing
  // half-done is left: try again. A real fault in a migration fails the same way every time and still surfaces.
  for (let attempt = 1; error && attempt <= 5 && isCatalogRace(error); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// PostgreSQL's undefined schema, table and column (SQLSTATE 3F000, 42P01, 42703).
function isCatalogRace(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '3F000' || code === '42P01' || code === '42703';
}
