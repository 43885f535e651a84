import { sql } from 'kysely';
import type { Action } from '../../domain/entities.ts';
import type { Store } from '../store.ts';

export interface ActionFields {
  kind: Action['kind'];
  description: string;
  dueOn: string | null;
  goalId: number | null;
  contactId: number | null;
}

export interface ActionFilter {
  ids?: readonly number[];
  goalIds?: readonly number[];
  contactId?: number | undefined;
  open?: boolean | undefined;
  dueBefore?: string | undefined;
}

export async function insertAction(store: Store, fields: ActionFields, now: string): Promise<number> {
  const row = await store.db
    .insertInto('actions')
    .values({
      workspace_id: store.workspaceId, kind: fields.kind, description: fields.description, due_on: fields.dueOn,
      done_at: null, goal_id: fields.goalId, contact_id: fields.contactId, created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActionRow(store: Store, id: number, patch: Partial<ActionFields> & { doneAt?: string | null }): Promise<void> {
  const values = {
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
    ...(patch.goalId !== undefined ? { goal_id: patch.goalId } : {}),
    ...(patch.contactId !== undefined ? { contact_id: patch.contactId } : {}),
    ...(patch.doneAt !== undefined ? { done_at: patch.doneAt } : {}),
  };
  // An empty patch changes nothing (and "update … set" with nothing to set is a syntax error on both dialects).
  if (Object.keys(values).length === 0) return;
  await store.db
    .updateTable('actions')
    // The revision is the calendar's SEQUENCE: a subscribed calendar replaces an entry only when it grows.
    .set((eb) => ({ revision: eb('revision', '+', 1), ...values }))
    .where('workspace_id', '=', store.workspaceId)
    .where('id', '=', id)
    .execute();
}

// Open actions first, then by due day (undated last), then in the order they were made.
export async function listActions(store: Store, filter: ActionFilter): Promise<Action[]> {
  if (filter.ids?.length === 0 || filter.goalIds?.length === 0) return [];
  let q = store.db
    .selectFrom('actions')
    .leftJoin('contacts', 'contacts.id', 'actions.contact_id')
    .selectAll('actions')
    .select('contacts.name as contact_name')
    .where('actions.workspace_id', '=', store.workspaceId);
  if (filter.ids) q = q.where('actions.id', 'in', filter.ids);
  if (filter.goalIds) q = q.where('actions.goal_id', 'in', filter.goalIds);
  if (filter.contactId !== undefined) q = q.where('actions.contact_id', '=', filter.contactId);
  if (filter.open === true) q = q.where('actions.done_at', 'is', null);
  if (filter.open === false) q = q.where('actions.done_at', 'is not', null);
  if (filter.dueBefore !== undefined) q = q.where('actions.due_on', '<', filter.dueBefore);
  const rows = await q
    .orderBy(sql`case when actions.done_at is null then 0 else 1 end`)
    .orderBy(sql`coalesce(actions.due_on, '9999-12-31')`)
    .orderBy('actions.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, kind: r.kind as Action['kind'], description: r.description, dueOn: r.due_on, doneAt: r.done_at,
    goalId: r.goal_id, contactId: r.contact_id, contactName: r.contact_name,
  }));
}
