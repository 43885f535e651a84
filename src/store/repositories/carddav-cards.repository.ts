import type { Selectable } from 'kysely';
import type { Store } from '../store.ts';
import type { CarddavCardTable, SyncIssueTable } from '../tables.ts';

export type CardRow = Selectable<CarddavCardTable>;
export type CardState = Pick<CardRow, 'contact_id' | 'href' | 'etag' | 'vcard' | 'local_hash'>;

export function cardsOfAccount(store: Store, accountId: number): Promise<CardRow[]> {
  return store.db.selectFrom('carddav_cards').selectAll().where('account_id', '=', accountId).execute();
}

// One card's state after both sides agree on it: inserted the first time, replaced after.
export async function saveCard(store: Store, accountId: number, card: CardState, now: string): Promise<void> {
  const existing = await store.db.selectFrom('carddav_cards').select('id').where('account_id', '=', accountId).where('href', '=', card.href).executeTakeFirst();
  if (existing) await store.db.updateTable('carddav_cards').set({ ...card, synced_at: now }).where('id', '=', existing.id).execute();
  else await store.db.insertInto('carddav_cards').values({ ...card, account_id: accountId, workspace_id: store.workspaceId, synced_at: now }).execute();
}

export async function forgetCard(store: Store, accountId: number, href: string): Promise<void> {
  await store.db.deleteFrom('carddav_cards').where('account_id', '=', accountId).where('href', '=', href).execute();
}

export async function setCardBase(store: Store, accountId: number, href: string, patch: { etag?: string | null; local_hash?: string }): Promise<void> {
  await store.db.updateTable('carddav_cards').set(patch).where('account_id', '=', accountId).where('href', '=', href).execute();
}

export type IssueRow = Selectable<SyncIssueTable>;

// One open issue per card: a later sync that finds the same conflict updates it rather than listing it twice.
export async function recordIssue(store: Store, issue: Pick<IssueRow, 'account_id' | 'contact_id' | 'kind' | 'item' | 'detail'>, now: string): Promise<void> {
  const open = await store.db.selectFrom('sync_issues').select('id').where('account_id', '=', issue.account_id).where('item', '=', issue.item)
    .where('kind', '=', issue.kind).where('resolved_at', 'is', null).executeTakeFirst();
  if (open) await store.db.updateTable('sync_issues').set({ detail: issue.detail, contact_id: issue.contact_id }).where('id', '=', open.id).execute();
  else await store.db.insertInto('sync_issues').values({ ...issue, workspace_id: store.workspaceId, created_at: now }).execute();
}

export async function resolveIssues(store: Store, accountId: number, item: string, kind: IssueRow['kind'], now: string): Promise<void> {
  await store.db.updateTable('sync_issues').set({ resolved_at: now }).where('account_id', '=', accountId).where('item', '=', item)
    .where('kind', '=', kind).where('resolved_at', 'is', null).execute();
}

export function openIssues(store: Store, accountId?: number): Promise<(IssueRow & { account: string; contact: string | null })[]> {
  let q = store.db.selectFrom('sync_issues').innerJoin('connected_accounts as a', 'a.id', 'sync_issues.account_id')
    .leftJoin('contacts as c', 'c.id', 'sync_issues.contact_id')
    .selectAll('sync_issues').select(['a.name as account', 'c.name as contact'])
    .where('sync_issues.workspace_id', '=', store.workspaceId).where('sync_issues.resolved_at', 'is', null);
  if (accountId !== undefined) q = q.where('sync_issues.account_id', '=', accountId);
  return q.orderBy('sync_issues.id').execute();
}

export function issueById(store: Store, id: number) {
  return store.db.selectFrom('sync_issues').selectAll().where('workspace_id', '=', store.workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function markIssueResolved(store: Store, id: number, now: string): Promise<void> {
  await store.db.updateTable('sync_issues').set({ resolved_at: now }).where('id', '=', id).execute();
}

// Rapport history a deleted card must not take with it.
export async function contactsWithHistory(store: Store, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const a = await store.db.selectFrom('interaction_participants').select('contact_id').where('contact_id', 'in', ids).execute();
  const b = await store.db.selectFrom('goal_contacts').select('contact_id').where('contact_id', 'in', ids).execute();
  return new Set([...a, ...b].map((r) => r.contact_id));
}
