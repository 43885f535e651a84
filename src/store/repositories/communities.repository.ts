import type { Community } from '../../domain/entities.ts';
import type { Store } from '../store.ts';
import { chunks } from '../chunks.ts';

export interface CommunityFields {
  name: string;
  kind: Community['kind'];
  notes: string | null;
  iAmMember: boolean;
}
export type CommunitySummary = Omit<Community, 'members'> & { memberCount: number };

export async function insertCommunity(store: Store, fields: CommunityFields, now: string): Promise<number> {
  const row = await store.db
    .insertInto('communities')
    .values({ workspace_id: store.workspaceId, name: fields.name, kind: fields.kind, notes: fields.notes, i_am_member: fields.iAmMember ? 1 : 0, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommunityRow(store: Store, id: number, patch: Partial<CommunityFields>): Promise<void> {
  const values = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    ...(patch.iAmMember !== undefined ? { i_am_member: patch.iAmMember ? 1 : 0 } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await store.db.updateTable('communities').set(values).where('workspace_id', '=', store.workspaceId).where('id', '=', id).execute();
}

// A role given replaces the stored one; left out (null), an existing member keeps theirs.
export async function addMembers(store: Store, communityId: number, contactIds: readonly number[], role: string | null): Promise<void> {
  const rows = [...new Set(contactIds)].map((contact_id) => ({ workspace_id: store.workspaceId, community_id: communityId, contact_id, role }));
  for (let i = 0; i < rows.length; i += 500) {
    await store.db.insertInto('community_members').values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['community_id', 'contact_id']).doUpdateSet((eb) => ({ role: eb.fn.coalesce(eb.ref('excluded.role'), eb.ref('community_members.role')) })))
      .execute();
  }
}

export async function removeMembers(store: Store, communityId: number, contactIds: readonly number[]): Promise<number> {
  let removed = 0;
  for (const part of chunks([...new Set(contactIds)])) {
    const res = await store.db.deleteFrom('community_members')
      .where('workspace_id', '=', store.workspaceId).where('community_id', '=', communityId).where('contact_id', 'in', part).executeTakeFirst();
    removed += Number(res.numDeletedRows);
  }
  return removed;
}

function communitiesQuery(store: Store) {
  return store.db
    .selectFrom('communities')
    .selectAll('communities')
    .select((eb) => eb.selectFrom('community_members').select(eb.fn.countAll<number>().as('n')).whereRef('community_members.community_id', '=', 'communities.id').as('member_count'))
    .where('communities.workspace_id', '=', store.workspaceId);
}

type CommunityRow = Awaited<ReturnType<ReturnType<typeof communitiesQuery>['execute']>>[number];
const toSummary = (r: CommunityRow): CommunitySummary => ({
  id: r.id, name: r.name, kind: r.kind as Community['kind'], notes: r.notes, iAmMember: r.i_am_member === 1, memberCount: Number(r.member_count ?? 0),
});

// Every community, or with `memberId` only those that contact belongs to.
export async function listCommunities(store: Store, memberId?: number): Promise<CommunitySummary[]> {
  let q = communitiesQuery(store);
  if (memberId !== undefined) {
    q = q.where((eb) => eb.exists(eb.selectFrom('community_members as m').select('m.contact_id').whereRef('m.community_id', '=', 'communities.id').where('m.contact_id', '=', memberId)));
  }
  const rows = await q.orderBy('communities.name').orderBy('communities.id').execute();
  return rows.map(toSummary);
}

export async function loadCommunity(store: Store, id: number): Promise<Community | null> {
  const row = await communitiesQuery(store).where('communities.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const members = await store.db
    .selectFrom('community_members')
    .innerJoin('contacts', 'contacts.id', 'community_members.contact_id')
    .select(['contacts.id', 'contacts.name', 'community_members.role'])
    .where('community_members.community_id', '=', id)
    .orderBy('contacts.name_key')
    .orderBy('contacts.id')
    .execute();
  const { memberCount: _count, ...community } = toSummary(row);
  return { ...community, members };
}
