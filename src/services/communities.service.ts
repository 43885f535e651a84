import { z } from 'zod';
import { idList, lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { communityInputSchema, type Community } from '../domain/entities.ts';
import { notFound } from '../domain/errors.ts';
import { patchSchema } from '../domain/patch.ts';
import {
  addMembers, insertCommunity, listCommunities, loadCommunity, removeMembers, updateCommunityRow, type CommunitySummary,
} from '../store/repositories/communities.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { communityOutput, communitySummaryOutput } from './schemas/entities.ts';

async function communityOrThrow(store: Store, id: number): Promise<Community> {
  const community = await loadCommunity(store, id);
  if (!community) throw notFound('community', id);
  return community;
}

export const communityCreate = defineOperation({
  name: 'community.create',
  summary: 'Add a community (association, alumni, online, volunteer) you belong to or follow',
  effect: 'write',
  input: communityInputSchema,
  output: communityOutput,
  http: { method: 'post', path: '/communities' },
  run: async ({ store, clock }, input): Promise<Community> => communityOrThrow(store, await insertCommunity(store, input, clock.now().toISOString())),
});

export const communityUpdate = defineOperation({
  name: 'community.update',
  summary: 'Change some fields of a community',
  effect: 'write',
  input: patchSchema(communityInputSchema).extend({ id: idParam }),
  output: communityOutput,
  http: { method: 'patch', path: '/communities/{id}' },
  run: async ({ store }, { id, ...patch }): Promise<Community> => {
    await communityOrThrow(store, id);
    await updateCommunityRow(store, id, patch);
    return communityOrThrow(store, id);
  },
});

export const communityGet = defineOperation({
  name: 'community.get',
  summary: 'One community with its members and their roles',
  effect: 'read',
  input: z.object({ id: idParam }),
  output: communityOutput,
  http: { method: 'get', path: '/communities/{id}' },
  run: ({ store }, { id }) => communityOrThrow(store, id),
});

export const communityList = defineOperation({
  name: 'community.list',
  summary: 'Every community, by name, with how many of your contacts are members; with contactId, only those that contact belongs to',
  effect: 'read',
  input: z.object({ contactId: idParam.optional() }),
  output: z.array(communitySummaryOutput),
  http: { method: 'get', path: '/communities' },
  run: async ({ store }, { contactId }): Promise<CommunitySummary[]> => {
    if (contactId !== undefined) await assertContactsExist(store, [contactId], 'contactId');
    return listCommunities(store, contactId);
  },
});

export const communityAddMember = defineOperation({
  name: 'community.add-member',
  summary: 'Record contacts as members of a community, optionally with a role (a member already there gets the new role)',
  effect: 'write',
  input: z.object({
    id: idParam,
    contactIds: idList('name at least one contact'),
    role: lineText(TEXT_LIMITS.short).nullish().transform((v) => (v ? v : null)),
  }),
  output: communityOutput,
  http: { method: 'post', path: '/communities/{id}/members' },
  run: async ({ store }, { id, contactIds, role }): Promise<Community> => {
    await communityOrThrow(store, id);
    await assertContactsExist(store, contactIds, 'contactIds');
    await addMembers(store, id, contactIds, role);
    return communityOrThrow(store, id);
  },
});

export const communityRemoveMember = defineOperation({
  name: 'community.remove-member',
  summary: 'Remove contacts from a community',
  effect: 'write',
  input: z.object({ id: idParam, contactIds: idList('name at least one contact') }),
  output: communityOutput,
  http: { method: 'post', path: '/communities/{id}/members/remove' },
  run: async ({ store }, { id, contactIds }): Promise<Community> => {
    await communityOrThrow(store, id);
    await removeMembers(store, id, contactIds);
    return communityOrThrow(store, id);
  },
});
