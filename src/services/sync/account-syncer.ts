import type { Selectable } from 'kysely';
import type { ConnectedAccountTable } from '../../store/tables.ts';
import type { ServiceContext } from '../operation.ts';

export type ConnectedAccount = Selectable<ConnectedAccountTable>;

// What one sync run did, counted per item; an item that failed is named with its reason and does not stop the run.
export interface SyncResult {
  created: number;
  updated: number;
  deleted: number;
  archived: number;
  conflicts: number;
  skipped: number;
  errors: { item: string; message: string }[];
  // Things for the user to look at that are not errors: a name-only match kept apart, listed in `rapport duplicates`.
  review?: string[];
}

// One kind of connected account (CardDAV address book, CalDAV calendar, .ics feed). The sync service looks the
// syncer up by the account's kind (syncers.ts), so adding a kind never touches the account operations.
export interface AccountSyncer {
  // Reaches the server with the account's credentials; throws a RapportError naming the account when it cannot.
  test(ctx: ServiceContext, account: ConnectedAccount): Promise<{ ok: true; detail: string }>;
  sync(ctx: ServiceContext, account: ConnectedAccount, options?: { signal?: AbortSignal }): Promise<SyncResult>;
  // True when sync opens its own short write transactions between network waits; otherwise the whole sync runs in
  // one transaction (simple, but it holds the database's write lock while the server answers).
  ownTransactions?: boolean;
}

export function emptyResult(): SyncResult {
  return { created: 0, updated: 0, deleted: 0, archived: 0, conflicts: 0, skipped: 0, errors: [] };
}
