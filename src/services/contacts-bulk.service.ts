import { sql } from 'kysely';
import { z } from 'zod';
import { entryList, idList } from '../domain/limits.ts';
import { connectionTypeKeySchema } from '../domain/connection-types.ts';
import { invalid } from '../domain/errors.ts';
import { networkSchema, networksToMask, NETWORKS } from '../domain/networks.ts';
import { tagSchema } from '../domain/contact.ts';
import { refreshDue } from '../store/repositories/contacts.repository.ts';
import { addTags } from '../store/repositories/tags.repository.ts';
import { contactFilterInput, matchingContactIds } from './contact-list.service.ts';
import { defineOperation } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { assertConnectionType, settingsAndDefaults } from './support/settings.ts';
import { updatedOutput } from './schemas/small.ts';

const ALL = networksToMask(NETWORKS);

export const contactBulkUpdateInput = z.object({
  ids: idList('name at least one contact').optional(),
  filter: contactFilterInput.optional().describe('instead of ids: every contact the contact list shows for this filter ("select all N matching")'),
  addTags: entryList(tagSchema).optional(),
  archived: z.boolean().optional().describe('true archives them, false brings them back'),
  networks: entryList(networkSchema).optional().describe('replaces each contact\'s networks'),
  addNetworks: entryList(networkSchema).optional(),
  removeNetworks: entryList(networkSchema).optional(),
  connectionType: connectionTypeKeySchema.nullable().optional().describe('null clears it'),
});

// The web app's bulk actions: networks change each contact's cadence, so next due is recomputed in the same transaction.
// By ids, or by the contact list's filter so "all 30,000 matching" is one request, not a list of ids.
export const contactBulkUpdate = defineOperation({
  name: 'contact.bulk-update',
  summary: 'Change networks, connection type, tags or archived of several contacts at once (by ids or every one matching a filter); their next due dates follow',
  effect: 'write',
  input: contactBulkUpdateInput,
  output: updatedOutput,
  http: { method: 'post', path: '/contacts/bulk-update' },
  run: async ({ store, clock }, input) => {
    const { networks, addNetworks, removeNetworks, connectionType, addTags: tags, archived } = input;
    if ((input.ids === undefined) === (input.filter === undefined)) throw invalid('ids', 'give either ids or filter');
    if (networks !== undefined && (addNetworks !== undefined || removeNetworks !== undefined)) {
      throw invalid('networks', 'give either networks (replace) or addNetworks/removeNetworks, not both');
    }
    if (networks === undefined && addNetworks === undefined && removeNetworks === undefined && connectionType === undefined && tags === undefined && archived === undefined) {
      throw invalid('input', 'nothing to change: give networks, addNetworks, removeNetworks, connectionType, addTags or archived');
    }
    const ids = input.ids ?? await matchingContactIds({ store, clock }, input.filter!);
    if (input.ids) await assertContactsExist(store, ids, 'ids');
    if (connectionType !== undefined) await assertConnectionType(store, connectionType);
    const unique = [...new Set(ids)];
    const add = networksToMask(addNetworks ?? []);
    const keep = ALL & ~networksToMask(removeNetworks ?? []);
    for (let i = 0; i < unique.length; i += 500) {
      await store.db
        .updateTable('contacts')
        .set({
          updated_at: clock.now().toISOString(),
          ...(networks !== undefined ? { networks: networksToMask(networks) } : {}),
          ...(addNetworks !== undefined || removeNetworks !== undefined ? { networks: sql<number>`(networks | ${add}) & ${keep}` } : {}),
          ...(connectionType !== undefined ? { connection_type: connectionType } : {}),
          ...(archived !== undefined ? { archived: archived ? 1 : 0 } : {}),
        })
        .where('workspace_id', '=', store.workspaceId)
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
    }
    if (tags?.length) {
      await addTags(store, unique, tags);
      await store.search.reindex(store.db, store.workspaceId, unique);
    }
    const { defaults } = await settingsAndDefaults(store);
    await refreshDue(store, unique, defaults, clock.now().toISOString());
    return { updated: unique.length };
  },
});
