import { sql, type Generated, type Kysely } from 'kysely';
import type { Database } from '../tables.ts';
import type { Store } from '../store.ts';

// Declared beside their only queries, as the outreach tables are.
export type LoginFailureTables = {
  login_failures: { id: Generated<number>; workspace_id: number; at: string; client: string; kind: string };
  login_failure_totals: { workspace_id: number; kind: string; total: number; first_at: string };
};
const db = (store: Store): Kysely<Database & LoginFailureTables> => store.db.withTables<LoginFailureTables>();

export const KEPT_LOGIN_FAILURES = 100;

export interface LoginFailureRow { at: string; client: string; kind: string }

export async function insertLoginFailure(store: Store, failure: LoginFailureRow): Promise<void> {
  const ws = store.workspaceId;
  await db(store).insertInto('login_failures').values({ workspace_id: ws, ...failure }).execute();
  await db(store).insertInto('login_failure_totals').values({ workspace_id: ws, kind: failure.kind, total: 1, first_at: failure.at })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind']).doUpdateSet({ total: sql`login_failure_totals.total + 1` }))
    .execute();
  // Only the latest rows are kept, so a long attack cannot fill the disk.
  const cutoff = await db(store).selectFrom('login_failures').select('id').where('workspace_id', '=', ws)
    .orderBy('id', 'desc').offset(KEPT_LOGIN_FAILURES).limit(1).executeTakeFirst();
  if (cutoff) await db(store).deleteFrom('login_failures').where('workspace_id', '=', ws).where('id', '<=', cutoff.id).execute();
}

export async function latestLoginFailures(store: Store): Promise<LoginFailureRow[]> {
  return db(store).selectFrom('login_failures').select(['at', 'client', 'kind']).where('workspace_id', '=', store.workspaceId)
    .orderBy('id', 'desc').limit(KEPT_LOGIN_FAILURES).execute();
}

export async function loginFailureTotals(store: Store): Promise<{ kind: string; total: number; firstAt: string }[]> {
  const rows = await db(store).selectFrom('login_failure_totals').select(['kind', 'total', 'first_at']).where('workspace_id', '=', store.workspaceId).orderBy('kind').execute();
  return rows.map((r) => ({ kind: r.kind, total: Number(r.total), firstAt: r.first_at }));
}
