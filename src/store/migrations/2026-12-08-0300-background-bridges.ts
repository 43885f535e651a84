import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Exact bridges are computed in the background after the links change (docs/bridges.md), so the cache learns:
// - journal_mark: the newest journal entry when the graph was read, to say "from before N changes" once it is old;
// - top: the exact top places as [contact id, betweenness] (JSON), shown, marked as old, while a new one is computed;
// - structure_version / structure: Louvain clusters and Burt's constraint of the same graph with its link strengths,
//   which the report reuses instead of recomputing (JSON header line + base64 arrays, see the repository);
// and bridge_rankings_job (one row per workspace) is the lock that lets one background computation run at a time:
// its owner, when it last said it was alive, and how many computations were asked for (a newer request while one
// runs makes it go round again instead of starting a second). Derived data, like bridge_rankings: never backed up,
// never journalled (journal/shapes.ts leaves out every table named bridge_rankings…).
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('bridge_rankings').addColumn('journal_mark', 'integer').execute();
  await db.schema.alterTable('bridge_rankings').addColumn('top', 'text').execute();
  await db.schema.alterTable('bridge_rankings').addColumn('structure_version', 'text').execute();
  await db.schema.alterTable('bridge_rankings').addColumn('structure', 'text').execute();
  await db.schema.createTable('bridge_rankings_job')
    .addColumn('workspace_id', 'integer', (c) => c.primaryKey().references('workspaces.id'))
    // "pid@host" of the process computing, or null when none is.
    .addColumn('owner', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
}
