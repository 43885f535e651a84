import { z } from 'zod';
import { actionInputSchema, type Action } from '../domain/entities.ts';
import { isoDay } from '../domain/dates.ts';
import { notFound } from '../domain/errors.ts';
import { patchSchema } from '../domain/patch.ts';
import { insertAction, listActions, updateActionRow } from '../store/repositories/actions.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam } from './operation.ts';
import { assertIdsExist, flagParam } from './support/params.ts';
import { actionOutput } from './schemas/entities.ts';

async function assertRefs(store: Store, refs: { goalId?: number | null | undefined; contactId?: number | null | undefined }): Promise<void> {
  if (refs.goalId != null) await assertIdsExist(store, 'goals', [refs.goalId], 'goalId');
  if (refs.contactId != null) await assertIdsExist(store, 'contacts', [refs.contactId], 'contactId');
}

async function actionOrThrow(store: Store, id: number): Promise<Action> {
  const [action] = await listActions(store, { ids: [id] });
  if (!action) throw notFound('action', id);
  return action;
}

export const actionCreate = defineOperation({
  name: 'action.create',
  summary: 'Plan a networking action (informational interview, coffee, introduction request, ...), for a goal and/or a contact',
  effect: 'write',
  input: actionInputSchema,
  output: actionOutput,
  http: { method: 'post', path: '/actions' },
  run: async ({ store, clock }, input): Promise<Action> => {
    await assertRefs(store, input);
    return actionOrThrow(store, await insertAction(store, input, clock.now().toISOString()));
  },
});

export const actionUpdate = defineOperation({
  name: 'action.update',
  summary: 'Change an action; fields left out stay, null clears',
  effect: 'write',
  input: patchSchema(actionInputSchema).extend({ id: idParam }),
  output: actionOutput,
  http: { method: 'patch', path: '/actions/{id}' },
  run: async ({ store }, { id, ...patch }): Promise<Action> => {
    await actionOrThrow(store, id);
    await assertRefs(store, patch);
    await updateActionRow(store, id, patch);
    return actionOrThrow(store, id);
  },
});

export const actionDone = defineOperation({
  name: 'action.done',
  summary: 'Mark an action done (now), or reopen it with done: false',
  effect: 'write',
  input: z.object({ id: idParam, done: flagParam.default(true) }),
  output: actionOutput,
  http: { method: 'post', path: '/actions/{id}/done' },
  run: async ({ store, clock }, { id, done }): Promise<Action> => {
    const before = await actionOrThrow(store, id);
    // Marking done twice keeps the first time it was done.
    const doneAt = done ? (before.doneAt ?? clock.now().toISOString()) : null;
    await updateActionRow(store, id, { doneAt });
    return actionOrThrow(store, id);
  },
});

export const actionList = defineOperation({
  name: 'action.list',
  summary: 'Actions, open first and soonest due first; filter by goal, contact, open, or due before a day',
  effect: 'read',
  input: z.object({
    goalId: idParam.optional(),
    contactId: idParam.optional(),
    open: flagParam.optional(),
    dueBefore: isoDay.optional().describe('only actions due strictly before this day (YYYY-MM-DD)'),
  }),
  output: z.array(actionOutput),
  http: { method: 'get', path: '/actions' },
  run: ({ store }, { goalId, ...filter }) => listActions(store, { ...filter, ...(goalId !== undefined ? { goalIds: [goalId] } : {}) }),
});
