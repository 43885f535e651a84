import { sql } from 'kysely';
import type { Store } from '../store.ts';

export interface UnsortedRow {
  id: number;
  name: string;
  title: string | null;
  organisation: string | null;
  organisationIsMine: boolean;
  organisationInGoal: boolean;
  connectedOn: string | null;
  sharedCommunities: { name: string; kind: string }[];
}

// Everything triage suggests from, for every unsorted contact still active: four reads, whatever the count.
export async function loadUnsorted(store: Store, ids?: readonly number[]): Promise<UnsortedRow[]> {
  const ws = store.workspaceId;
  let q = store.db
    .selectFrom('contacts as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.name', 'c.title', 'c.organisation_id', 'o.name as organisation', 'o.is_mine'])
    .select(sql<string | null>`(select max(i.occurred_at) from interaction_participants p join interactions i on i.id = p.interaction_id where p.contact_id = c.id and i.kind = 'connected')`.as('connected_on'))
    .where('c.workspace_id', '=', ws)
    .where('c.sorted_at', 'is', null)
    .where('c.archived', '=', 0);
  if (ids) q = q.where('c.id', 'in', ids.length ? ids : [-1]);
  const [rows, goalOrgs, shared] = await Promise.all([
    q.orderBy('c.id').execute(),
    store.db.selectFrom('goal_organisations as go').innerJoin('goals as g', 'g.id', 'go.goal_id')
      .select('go.organisation_id').where('go.workspace_id', '=', ws).where('g.status', '=', 'open').execute(),
    store.db.selectFrom('community_members as m').innerJoin('communities as k', 'k.id', 'm.community_id').innerJoin('contacts as c', 'c.id', 'm.contact_id')
      .select(['m.contact_id', 'k.name', 'k.kind']).where('m.workspace_id', '=', ws).where('k.i_am_member', '=', 1).where('c.sorted_at', 'is', null)
      .orderBy('k.name').execute(),
  ]);
  const inGoal = new Set(goalOrgs.map((g) => g.organisation_id));
  const communities = new Map<number, { name: string; kind: string }[]>();
  for (const s of shared) (communities.get(s.contact_id) ?? communities.set(s.contact_id, []).get(s.contact_id)!).push({ name: s.name, kind: s.kind });
  return rows.map((r) => ({
    id: r.id, name: r.name, title: r.title, organisation: r.organisation, organisationIsMine: r.is_mine === 1,
    organisationInGoal: r.organisation_id !== null && inGoal.has(r.organisation_id), connectedOn: r.connected_on,
    sharedCommunities: communities.get(r.id) ?? [],
  }));
}

// The state of these contacts as triage must find them: present, unsorted and active; anything else changed since.
export async function triageStates(store: Store, ids: readonly number[]): Promise<Map<number, { name: string; sortedAt: string | null; archived: boolean }>> {
  const out = new Map<number, { name: string; sortedAt: string | null; archived: boolean }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('contacts').select(['id', 'name', 'sorted_at', 'archived'])
      .where('workspace_id', '=', store.workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { name: r.name, sortedAt: r.sorted_at, archived: r.archived === 1 });
  }
  return out;
}

// Sorts these contacts into networks (one mask and type for all of them); a type already on the contact stays.
export async function sortContacts(store: Store, ids: readonly number[], networks: number, connectionType: string | null, now: string, replaceType: boolean): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await store.db.updateTable('contacts')
      .set({
        networks, sorted_at: now, updated_at: now,
        connection_type: replaceType ? connectionType : sql<string | null>`coalesce(connection_type, ${connectionType})`,
      })
      .where('workspace_id', '=', store.workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}

export async function archiveContacts(store: Store, ids: readonly number[], now: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await store.db.updateTable('contacts').set({ archived: 1, updated_at: now })
      .where('workspace_id', '=', store.workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
