import type { Insertable, Updateable } from 'kysely';
import type { Store } from '../store.ts';
import type { ConnectedAccountTable } from '../tables.ts';

export type NewAccount = Omit<Insertable<ConnectedAccountTable>, 'id' | 'workspace_id'>;

export async function insertAccount(store: Store, row: NewAccount): Promise<number> {
  const r = await store.db.insertInto('connected_accounts').values({ ...row, workspace_id: store.workspaceId }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function listAccounts(store: Store) {
  return store.db.selectFrom('connected_accounts').selectAll().where('workspace_id', '=', store.workspaceId).orderBy('name').execute();
}

export function accountByName(store: Store, name: string) {
  return store.db.selectFrom('connected_accounts').selectAll().where('workspace_id', '=', store.workspaceId).where('name', '=', name).executeTakeFirst();
}

export async function updateAccount(store: Store, id: number, patch: Updateable<ConnectedAccountTable>): Promise<void> {
  await store.db.updateTable('connected_accounts').set(patch).where('workspace_id', '=', store.workspaceId).where('id', '=', id).execute();
}

// The account's cards and issues go with it (the contacts stay).
export async function deleteAccount(store: Store, id: number): Promise<void> {
  await store.db.deleteFrom('carddav_cards').where('account_id', '=', id).execute();
  await store.db.deleteFrom('sync_issues').where('account_id', '=', id).execute();
  await store.db.deleteFrom('connected_accounts').where('workspace_id', '=', store.workspaceId).where('id', '=', id).execute();
}
