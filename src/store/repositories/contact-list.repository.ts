import { sql } from 'kysely';
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
  nextDueOn: string;
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
}

export type ContactSort = 'name' | 'next-due' | 'last-interaction';

export async function listContactSummaries(store: Store, filter: ContactFilter, sort: ContactSort, limit: number, offset: number): Promise<{ items: ContactSummary[]; total: number }> {
  let q = store.db
    .selectFrom('contacts as c')
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.archived', '=', filter.archived ? 1 : 0);
  if (filter.ids) q = q.where('c.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.network) q = q.where(sql<number>`c.networks & ${networkBit(filter.network)}`, '<>', 0);
  if (filter.connectionType) q = q.where('c.connection_type', '=', filter.connectionType);
  if (filter.organisationId) q = q.where('c.organisation_id', '=', filter.organisationId);
  if (filter.inside !== undefined) q = q.where('c.inside_organisation', '=', filter.inside ? 1 : 0);
  if (filter.dueBy) q = q.where('c.next_due_on', '<=', filter.dueBy);
  if (filter.dueAfter) q = q.where('c.next_due_on', '>', filter.dueAfter);
  if (filter.tag) {
    const tag = filter.tag;
    q = q.where((eb) => eb.exists(eb.selectFrom('contact_tags as t').select('t.tag').whereRef('t.contact_id', '=', 'c.id').where('t.tag', '=', tag)));
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let ordered = q.select('c.id');
  if (sort === 'next-due') ordered = ordered.orderBy('c.next_due_on').orderBy('c.name_key').orderBy('c.id');
  else if (sort === 'last-interaction') ordered = ordered.orderBy(sql`c.last_interaction_at is null`).orderBy('c.last_interaction_at', 'desc').orderBy('c.name_key').orderBy('c.id');
  else ordered = ordered.orderBy('c.name_key').orderBy('c.id');
  // The page's ids first, then their rows: an offset skips over index entries, not over joined, fetched rows.
  const pageIds = (await ordered.limit(limit).offset(offset).execute()).map((r) => r.id);
  const fetched = pageIds.length === 0 ? [] : await store.db
    .selectFrom('contacts as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .where('c.id', 'in', pageIds)
    .select(['c.id', 'c.name', 'o.name as organisation', 'c.title', 'c.networks', 'c.connection_type', 'c.inside_organisation', 'c.last_interaction_at', 'c.next_due_on', 'c.archived'])
    .execute();
  const byId = new Map(fetched.map((r) => [r.id, r]));
  const found = pageIds.map((id) => byId.get(id)!);
  return {
    total: Number(n),
    items: found.map((r) => ({
      id: r.id,
      name: r.name,
      organisation: r.organisation,
      title: r.title,
      networks: maskToNetworks(r.networks),
      connectionType: r.connection_type,
      insideOrganisation: r.inside_organisation === null ? null : r.inside_organisation === 1,
      lastInteractionAt: r.last_interaction_at,
      nextDueOn: r.next_due_on,
      archived: r.archived === 1,
    })),
  };
}
