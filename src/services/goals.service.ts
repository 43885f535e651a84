import { z } from 'zod';
import { optionalIdList } from '../domain/limits.ts';
import { GOAL_STATUSES, goalInputSchema, type Action, type Goal } from '../domain/entities.ts';
import { invalid, notFound } from '../domain/errors.ts';
import { patchSchema } from '../domain/patch.ts';
import { listActions } from '../store/repositories/actions.repository.ts';
import { insertGoal, linkGoal, loadGoals, unlinkGoal, updateGoalRow } from '../store/repositories/goals.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam } from './operation.ts';
import { assertIdsExist } from './support/params.ts';
import { goalDetailOutput, goalOutput } from './schemas/entities.ts';

export interface GoalDetail extends Goal {
  actions: Action[];
}

async function assertLinkable(store: Store, links: { contactIds?: readonly number[] | undefined; organisationIds?: readonly number[] | undefined }): Promise<void> {
  await assertIdsExist(store, 'contacts', links.contactIds ?? [], 'contactIds');
  await assertIdsExist(store, 'organisations', links.organisationIds ?? [], 'organisationIds');
}

async function goalOrThrow(store: Store, id: number): Promise<Goal> {
  const [goal] = await loadGoals(store, { ids: [id] });
  if (!goal) throw notFound('goal', id);
  return goal;
}

export const goalCreate = defineOperation({
  name: 'goal.create',
  summary: 'Set a networking goal (mentorship, job, insight, business, skill) and the people and organisations it needs',
  effect: 'write',
  input: goalInputSchema,
  output: goalOutput,
  http: { method: 'post', path: '/goals' },
  run: async ({ store, clock }, { contactIds, organisationIds, ...fields }): Promise<Goal> => {
    await assertLinkable(store, { contactIds, organisationIds });
    const id = await insertGoal(store, fields, clock.now().toISOString());
    await linkGoal(store, id, { contactIds, organisationIds });
    return goalOrThrow(store, id);
  },
});

export const goalUpdate = defineOperation({
  name: 'goal.update',
  summary: 'Change a goal; contactIds or organisationIds given replace the linked ones',
  effect: 'write',
  input: patchSchema(goalInputSchema).extend({ id: idParam }),
  output: goalOutput,
  http: { method: 'patch', path: '/goals/{id}' },
  run: async ({ store }, { id, contactIds, organisationIds, ...fields }): Promise<Goal> => {
    await goalOrThrow(store, id);
    await assertLinkable(store, { contactIds, organisationIds });
    await updateGoalRow(store, id, fields);
    await unlinkGoal(store, id, { contactIds: contactIds === undefined ? [] : 'all', organisationIds: organisationIds === undefined ? [] : 'all' });
    await linkGoal(store, id, { contactIds: contactIds ?? [], organisationIds: organisationIds ?? [] });
    return goalOrThrow(store, id);
  },
});

export const goalGet = defineOperation({
  name: 'goal.get',
  summary: 'One goal with its people, organisations and actions',
  effect: 'read',
  input: z.object({ id: idParam }),
  output: goalDetailOutput,
  http: { method: 'get', path: '/goals/{id}' },
  run: async ({ store }, { id }): Promise<GoalDetail> => ({ ...(await goalOrThrow(store, id)), actions: await listActions(store, { goalIds: [id] }) }),
});

export const goalList = defineOperation({
  name: 'goal.list',
  summary: 'Goals (open first), each with its people and how many of its actions are done',
  effect: 'read',
  input: z.object({ status: z.enum(GOAL_STATUSES).optional() }),
  output: z.array(goalOutput),
  http: { method: 'get', path: '/goals' },
  run: ({ store }, { status }) => loadGoals(store, { status }),
});

const goalLinks = z.object({ id: idParam, contactIds: optionalIdList().default([]), organisationIds: optionalIdList().default([]) });
const needSomething = (links: { contactIds: number[]; organisationIds: number[] }): void => {
  if (links.contactIds.length === 0 && links.organisationIds.length === 0) throw invalid('contactIds', 'name at least one contact or organisation');
};

export const goalLink = defineOperation({
  name: 'goal.link',
  summary: 'Tie more contacts or organisations to a goal (already tied ones stay once)',
  effect: 'write',
  input: goalLinks,
  output: goalOutput,
  http: { method: 'post', path: '/goals/{id}/link' },
  run: async ({ store }, { id, ...links }): Promise<Goal> => {
    needSomething(links);
    await goalOrThrow(store, id);
    await assertLinkable(store, links);
    await linkGoal(store, id, links);
    return goalOrThrow(store, id);
  },
});

export const goalUnlink = defineOperation({
  name: 'goal.unlink',
  summary: 'Untie contacts or organisations from a goal',
  effect: 'write',
  input: goalLinks,
  output: goalOutput,
  http: { method: 'post', path: '/goals/{id}/unlink' },
  run: async ({ store }, { id, ...links }): Promise<Goal> => {
    needSomething(links);
    await goalOrThrow(store, id);
    await unlinkGoal(store, id, links);
    return goalOrThrow(store, id);
  },
});
