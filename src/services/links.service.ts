import { z } from 'zod';
import { linkInputSchema, type Link } from '../domain/entities.ts';
import { RapportError } from '../domain/errors.ts';
import { deleteLink, listLinks, loadLink, upsertLink } from '../store/repositories/links.repository.ts';
import { defineOperation, idParam, pageSchema, type Page } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { pageOf } from './schemas/common.ts';
import { linkOutput } from './schemas/entities.ts';
import { linkRemovedOutput } from './schemas/small.ts';

export const linkAdd = defineOperation({
  name: 'link.add',
  summary: 'Record that two contacts know each other (again: updates strength and note)',
  effect: 'write',
  input: linkInputSchema,
  output: linkOutput,
  http: { method: 'post', path: '/links' },
  run: async ({ store, clock }, input): Promise<Link> => {
    await assertContactsExist(store, [input.aId], 'aId');
    await assertContactsExist(store, [input.bId], 'bId');
    await upsertLink(store, input, clock.now().toISOString());
    return (await loadLink(store, input.aId, input.bId))!;
  },
});

export const linkRemove = defineOperation({
  name: 'link.remove',
  summary: 'Forget that two contacts know each other',
  effect: 'write',
  input: z.object({ aId: idParam, bId: idParam }),
  output: linkRemovedOutput,
  http: { method: 'delete', path: '/links/{aId}/{bId}' },
  run: async ({ store }, { aId, bId }) => {
    if (!(await deleteLink(store, aId, bId))) throw new RapportError('not_found', `link not found: contacts ${aId} and ${bId} are not linked`);
    return { removed: true };
  },
});

export const linkList = defineOperation({
  name: 'link.list',
  summary: 'Who knows whom: with contactId, the people that contact knows (as b), strongest first; without, every link',
  effect: 'read',
  input: pageSchema.extend({ contactId: idParam.optional() }),
  output: pageOf(linkOutput),
  http: { method: 'get', path: '/links' },
  run: async ({ store }, { contactId, limit, offset }): Promise<Page<Link>> => {
    if (contactId !== undefined) await assertContactsExist(store, [contactId], 'contactId');
    return { ...(await listLinks(store, { contactId, limit, offset })), limit, offset };
  },
});
