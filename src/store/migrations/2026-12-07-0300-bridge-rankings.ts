import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// The last bridge ranking (betweenness) of each workspace, keyed by the version of the graph it was computed on:
// exact betweenness at 30,000 contacts takes minutes, so it is computed once per change of the links and reused.
// Derived data: never backed up, never journalled, rebuilt whenever the version differs.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.createTable('bridge_rankings')
    .addColumn('workspace_id', 'integer', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('graph_version', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull()) // 'exact' | 'sampled'
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    // Little-endian float64 per node, base64: exact values, or (sampled) how often each node lay on a sampled path.
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
}
