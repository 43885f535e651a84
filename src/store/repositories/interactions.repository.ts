import type { Channel, InteractionKind, ValueFlow } from '../../domain/channels.ts';
import type { Interaction } from '../../domain/entities.ts';
import type { Store } from '../store.ts';
import type { InteractionTable } from '../tables.ts';

export type InteractionRow = Omit<InteractionTable, 'id' | 'workspace_id'>;

export async function insertInteraction(store: Store, row: InteractionRow, contactIds: readonly number[]): Promise<number> {
  const { id } = await store.db.insertInto('interactions').values({ ...row, workspace_id: store.workspaceId }).returning('id').executeTakeFirstOrThrow();
  await store.db
    .insertInto('interaction_participants')
    .values([...new Set(contactIds)].map((contact_id) => ({ workspace_id: store.workspaceId, interaction_id: id, contact_id })))
    .execute();
  return id;
}

export async function loadInteractions(store: Store, ids: readonly number[]): Promise<Interaction[]> {
  if (ids.length === 0) return [];
  const rows = await store.db.selectFrom('interactions').selectAll().where('workspace_id', '=', store.workspaceId).where('id', 'in', ids).execute();
  const people = await store.db
    .selectFrom('interaction_participants as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .select(['p.interaction_id', 'c.id', 'c.name'])
    .where('p.interaction_id', 'in', ids)
    .orderBy('c.name')
    .execute();
  const byInteraction = new Map<number, { id: number; name: string }[]>();
  for (const p of people) (byInteraction.get(p.interaction_id) ?? byInteraction.set(p.interaction_id, []).get(p.interaction_id)!).push({ id: p.id, name: p.name });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      id: r.id,
      occurredAt: r.occurred_at,
      kind: r.kind as InteractionKind,
      channel: r.channel as Channel,
      summary: r.summary,
      value: r.value_flow as ValueFlow,
      valueNote: r.value_note,
      gratitude: r.gratitude === 1,
      participants: byInteraction.get(id) ?? [],
    }];
  });
}

export async function interactionIdsOfContact(store: Store, contactId: number, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
  const base = store.db
    .selectFrom('interaction_participants as p')
    .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .where('p.contact_id', '=', contactId)
    .where('i.workspace_id', '=', store.workspaceId);
  const rows = await base.select('i.id').orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(limit).offset(offset).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

export async function participantIds(store: Store, interactionId: number): Promise<number[]> {
  const rows = await store.db.selectFrom('interaction_participants').select('contact_id').where('interaction_id', '=', interactionId).execute();
  return rows.map((r) => r.contact_id);
}

// Only the differences are written, so a correction that keeps someone keeps their row.
export async function replaceParticipants(store: Store, interactionId: number, contactIds: readonly number[]): Promise<void> {
  const now = await participantIds(store, interactionId);
  const wanted = new Set(contactIds);
  const gone = now.filter((id) => !wanted.has(id));
  const added = [...wanted].filter((id) => !now.includes(id));
  if (gone.length) await store.db.deleteFrom('interaction_participants').where('interaction_id', '=', interactionId).where('contact_id', 'in', gone).execute();
  if (added.length) {
    await store.db.insertInto('interaction_participants')
      .values(added.map((contact_id) => ({ workspace_id: store.workspaceId, interaction_id: interactionId, contact_id }))).execute();
  }
}
