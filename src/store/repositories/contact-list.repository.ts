import { sql } from 'kysely';
import { dueOrNull } from '../../domain/cadence.ts';
import { maskToNetworks, networkBit, type Network } from '../../domain/networks.ts';
import type { Store } from '../store.ts';

export interface ContactSummary {
  id: number;
  name: string;
  organisation: string | null;
  title: string | null;
  networks: Network[];
  connectionType: string | null;
  insideOrganisation: boolean | null;
  lastInteractionAt: string | null;
  // Null while unsorted.
  nextDueOn: string | null;
  unsorted: boolean;
  archived: boolean;
}

export interface ContactFilter {
  ids?: readonly number[];
  network?: Network;
  connectionType?: string;
  tag?: string;
  organisationId?: number;
  inside?: boolean;
  dueBy?: string;
  dueAfter?: string;
  archived?: boolean;
  // true: only contacts waiting in triage; false: only sorted ones.
  unsorted?: boolean;
}

export type ContactSort = 'name' | 'next-due' | 'last-interaction';

function filtered(store: Store, filter: ContactFilter) {
  let q = store.db
    .selectFrom('contacts as c')
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.archived', '=', filter.archived ? 1 : 0);
  if (filter.ids) q = q.where('c.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.network) q = q.where(sql<number>`c.networks & ${networkBit(filter.network)}`, '<>', 0);
  if (filter.connectionType) q = q.where('c.connection_type', '=', filter.connectionType);
  if (filter.organisationId) q = q.where('c.organisation_id', '=', filter.organisationId);
  if (filter.inside !== undefined) q = q.where('c.inside_organisation', '=', filter.inside ? 1 : 0);
  if (filter.unsorted !== undefined) q = q.where('c.sorted_at', filter.unsorted ? 'is' : 'is not', null);
  if (filter.dueBy) q = q.where('c.next_due_on', '<=', filter.dueBy);
  if (filter.dueAfter) q = q.where('c.next_due_on', '>', filter.dueAfter);
  if (filter.tag) {
    const tag = filter.tag;
    q = q.where((eb) => eb.exists(eb.selectFrom('contact_tags as t').select('t.tag').whereRef('t.contact_id', '=', 'c.id').where(sql<string>`lower(t.tag)`, '=', tag.toLowerCase())));
  }
  return q;
}

// Ids of the contacts the filter keeps, in the sort's order; limit and offset page them.
export async function listContactIds(store: Store, filter: ContactFilter, sort: ContactSort, limit?: number, offset = 0): Promise<number[]> {
  let ordered = filtered(store, filter).select('c.id');
  if (sort === 'next-due') ordered = ordered.orderBy('c.next_due_on').orderBy('c.name_key').orderBy('c.id');
  else if (sort === 'last-interaction') ordered = ordered.orderBy(sql`c.last_interaction_at is null`).orderBy('c.last_interaction_at', 'desc').orderBy('c.name_key').orderBy('c.id');
  else ordered = ordered.orderBy('c.name_key').orderBy('c.id');
  if (limit !== undefined) ordered = ordered.limit(limit).offset(offset);
  return (await ordered.execute()).map((r) => r.id);
}

export async function countContacts(store: Store, filter: ContactFilter): Promise<number> {
  const { n } = await filtered(store, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

// The list rows of these contacts, in the order given.
export async function contactSummariesOf(store: Store, ids: readonly number[]): Promise<ContactSummary[]> {
  if (ids.length === 0) return [];
  const fetched = await store.db
    .selectFrom('contacts as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.id', 'in', ids)
    .select(['c.id', 'c.name', 'o.name as organisation', 'c.title', 'c.networks', 'c.connection_type', 'c.inside_organisation', 'c.last_interaction_at', 'c.next_due_on', 'c.sorted_at', 'c.archived'])
    .execute();
  const byId = new Map(fetched.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      id: r.id,
      name: r.name,
      organisation: r.organisation,
      title: r.title,
      networks: maskToNetworks(r.networks),
      connectionType: r.connection_type,
      insideOrganisation: r.inside_organisation === null ? null : r.inside_organisation === 1,
      lastInteractionAt: r.last_interaction_at,
      nextDueOn: dueOrNull(r.next_due_on),
      unsorted: r.sorted_at === null,
      archived: r.archived === 1,
    }];
  });
}

// A page of the list: the page's ids first, then their rows, so an offset skips index entries, not joined rows.
export async function listContactSummaries(store: Store, filter: ContactFilter, sort: ContactSort, limit: number, offset: number): Promise<{ items: ContactSummary[]; total: number }> {
  const total = await countContacts(store, filter);
  const ids = await listContactIds(store, filter, sort, limit, offset);
  return { total, items: await contactSummariesOf(store, ids) };
}
