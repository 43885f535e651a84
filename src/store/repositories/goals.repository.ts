import { sql } from 'kysely';
import type { Goal } from '../../domain/entities.ts';
import type { Store } from '../store.ts';
import { chunks } from '../chunks.ts';

export interface GoalFields {
  kind: Goal['kind'];
  description: string;
  targetDate: string | null;
  status: Goal['status'];
}

export async function insertGoal(store: Store, fields: GoalFields, now: string): Promise<number> {
  const row = await store.db
    .insertInto('goals')
    .values({ workspace_id: store.workspaceId, kind: fields.kind, description: fields.description, target_date: fields.targetDate, status: fields.status, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGoalRow(store: Store, id: number, patch: Partial<GoalFields>): Promise<void> {
  const values = {
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.targetDate !== undefined ? { target_date: patch.targetDate } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await store.db.updateTable('goals').set(values).where('workspace_id', '=', store.workspaceId).where('id', '=', id).execute();
}

export async function linkGoal(store: Store, goalId: number, links: { contactIds: readonly number[]; organisationIds: readonly number[] }): Promise<void> {
  const ws = store.workspaceId;
  const contacts = [...new Set(links.contactIds)].map((contact_id) => ({ workspace_id: ws, goal_id: goalId, contact_id }));
  const organisations = [...new Set(links.organisationIds)].map((organisation_id) => ({ workspace_id: ws, goal_id: goalId, organisation_id }));
  for (const part of chunks(contacts)) await store.db.insertInto('goal_contacts').values(part).onConflict((oc) => oc.columns(['goal_id', 'contact_id']).doNothing()).execute();
  for (const part of chunks(organisations)) await store.db.insertInto('goal_organisations').values(part).onConflict((oc) => oc.columns(['goal_id', 'organisation_id']).doNothing()).execute();
}

// 'all' drops every link of that kind: how a re-link (replace) starts.
export async function unlinkGoal(store: Store, goalId: number, links: { contactIds: readonly number[] | 'all'; organisationIds: readonly number[] | 'all' }): Promise<void> {
  const { contactIds, organisationIds } = links;
  for (const part of contactIds === 'all' ? [null] : chunks(contactIds)) {
    let q = store.db.deleteFrom('goal_contacts').where('workspace_id', '=', store.workspaceId).where('goal_id', '=', goalId);
    if (part) q = q.where('contact_id', 'in', part);
    await q.execute();
  }
  for (const part of organisationIds === 'all' ? [null] : chunks(organisationIds)) {
    let q = store.db.deleteFrom('goal_organisations').where('workspace_id', '=', store.workspaceId).where('goal_id', '=', goalId);
    if (part) q = q.where('organisation_id', 'in', part);
    await q.execute();
  }
}

// Goals by id, or every goal (optionally of one status); open goals first, soonest target first.
export async function loadGoals(store: Store, which: { ids: readonly number[] } | { status?: Goal['status'] | undefined }): Promise<Goal[]> {
  let q = store.db
    .selectFrom('goals')
    .selectAll('goals')
    .select((eb) => [
      eb.selectFrom('actions').select(eb.fn.countAll<number>().as('n')).whereRef('actions.goal_id', '=', 'goals.id').as('actions_total'),
      eb.selectFrom('actions').select(eb.fn.countAll<number>().as('n')).whereRef('actions.goal_id', '=', 'goals.id').where('actions.done_at', 'is not', null).as('actions_done'),
    ])
    .where('goals.workspace_id', '=', store.workspaceId);
  if ('ids' in which) {
    if (which.ids.length === 0) return [];
    q = q.where('goals.id', 'in', which.ids);
  } else if (which.status !== undefined) {
    q = q.where('goals.status', '=', which.status);
  }
  const rows = await q
    .orderBy(sql`case goals.status when 'open' then 0 when 'achieved' then 1 else 2 end`)
    .orderBy(sql`coalesce(goals.target_date, '9999-12-31')`)
    .orderBy('goals.id')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [contacts, organisations] = await Promise.all([
    store.db.selectFrom('goal_contacts').innerJoin('contacts', 'contacts.id', 'goal_contacts.contact_id')
      .select(['goal_contacts.goal_id', 'contacts.id', 'contacts.name']).where('goal_contacts.goal_id', 'in', ids).orderBy('contacts.name_key').orderBy('contacts.id').execute(),
    store.db.selectFrom('goal_organisations').innerJoin('organisations', 'organisations.id', 'goal_organisations.organisation_id')
      .select(['goal_organisations.goal_id', 'organisations.id', 'organisations.name']).where('goal_organisations.goal_id', 'in', ids).orderBy('organisations.name_key').execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Goal['kind'],
    description: r.description,
    targetDate: r.target_date,
    status: r.status as Goal['status'],
    contacts: contacts.filter((c) => c.goal_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    organisations: organisations.filter((o) => o.goal_id === r.id).map((o) => ({ id: o.id, name: o.name })),
    actionsDone: Number(r.actions_done ?? 0),
    actionsTotal: Number(r.actions_total ?? 0),
  }));
}
