import type { Store } from '../store.ts';

export type OwnedTable = 'contacts' | 'organisations' | 'goals' | 'actions' | 'events' | 'communities';

// Which of these ids exist in this workspace (an id from another workspace counts as missing).
export async function existingIds(store: Store, table: OwnedTable, ids: readonly number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  const found = new Set<number>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await store.db.selectFrom(table).select('id').where('workspace_id', '=', store.workspaceId).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}
