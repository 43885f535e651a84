import { z } from 'zod';
import { entryList, idList } from '../domain/limits.ts';
import { tagSchema } from '../domain/contact.ts';
import { addTags, removeTags, tagCounts } from '../store/repositories/tags.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { tagCountsOutput } from './schemas/entities.ts';
import { addedOutput, removedOutput } from './schemas/small.ts';

const tagChange = z.object({
  ids: idList('name at least one contact'),
  tags: entryList(tagSchema).min(1, 'name at least one tag'),
});

// Tags are part of each contact's search text, so the index follows every change.
async function reindex(store: Store, ids: readonly number[]): Promise<void> {
  await store.search.reindex(store.db, store.workspaceId, [...new Set(ids)]);
}

export const tagAdd = defineOperation({
  name: 'tag.add',
  summary: 'Tag several contacts at once (tags are lowercase; a tag they already have is kept once)',
  effect: 'write',
  input: tagChange,
  output: addedOutput,
  http: { method: 'post', path: '/contacts/tags/add' },
  run: async ({ store }, { ids, tags }) => {
    await assertContactsExist(store, ids, 'ids');
    const added = await addTags(store, ids, tags);
    await reindex(store, ids);
    return { added };
  },
});

export const tagRemove = defineOperation({
  name: 'tag.remove',
  summary: 'Remove tags from several contacts at once',
  effect: 'write',
  input: tagChange,
  output: removedOutput,
  http: { method: 'post', path: '/contacts/tags/remove' },
  run: async ({ store }, { ids, tags }) => {
    await assertContactsExist(store, ids, 'ids');
    const removed = await removeTags(store, ids, tags);
    await reindex(store, ids);
    return { removed };
  },
});

export const tagList = defineOperation({
  name: 'tag.list',
  summary: 'Every tag in use, with how many contacts carry it',
  effect: 'read',
  input: z.object({}),
  output: tagCountsOutput,
  http: { method: 'get', path: '/tags' },
  run: ({ store }) => tagCounts(store),
});
