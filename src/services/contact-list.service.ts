import { z } from 'zod';
import { lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { connectionTypeKeySchema } from '../domain/connection-types.ts';
import { tagSchema } from '../domain/contact.ts';
import { addDays, toIsoDay } from '../domain/dates.ts';
import { networkSchema } from '../domain/networks.ts';
import { contactSummariesOf, listContactIds, listContactSummaries, type ContactFilter, type ContactSummary } from '../store/repositories/contact-list.repository.ts';
import { defineOperation, idParam, pageSchema, type Page, type ServiceContext } from './operation.ts';
import { pageOf } from './schemas/common.ts';
import { contactSummaryOutput } from './schemas/contacts.ts';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const contactListInput = pageSchema.extend({
  query: lineText(TEXT_LIMITS.name).optional(),
  network: networkSchema.optional(),
  connectionType: connectionTypeKeySchema.optional(),
  tag: tagSchema.optional(),
  organisationId: idParam.optional(),
  inside: flag.optional(),
  due: z.enum(['overdue', 'due-this-week', 'due', 'ok']).optional(),
  archived: flag.default(false),
  unsorted: flag.optional().describe('true: only contacts waiting in triage (imported, no network yet); false: only sorted ones'),
  sort: z.enum(['name', 'next-due', 'last-interaction']).default('name'),
});

// The filter part of the list (no paging, no order): what "select all N matching" acts on.
export const contactFilterInput = contactListInput.omit({ limit: true, offset: true, sort: true });
type ContactFilterInput = z.output<typeof contactFilterInput>;

function filterOf(input: ContactFilterInput, today: string): ContactFilter {
  const filter: ContactFilter = { archived: input.archived };
  if (input.network) filter.network = input.network;
  if (input.connectionType) filter.connectionType = input.connectionType;
  if (input.tag) filter.tag = input.tag;
  if (input.organisationId) filter.organisationId = input.organisationId;
  if (input.inside !== undefined) filter.inside = input.inside;
  if (input.unsorted !== undefined) filter.unsorted = input.unsorted;
  // An unsorted contact has no due date, so it is never 'ok' either.
  if (input.due === 'ok') filter.unsorted = false;
  if (input.due === 'overdue') filter.dueBy = addDays(today, -1);
  if (input.due === 'due-this-week') Object.assign(filter, { dueAfter: addDays(today, -1), dueBy: addDays(today, 7) });
  if (input.due === 'due') filter.dueBy = addDays(today, 7);
  if (input.due === 'ok') filter.dueAfter = addDays(today, 7);
  return filter;
}

// Every contact the list would show for this filter, all pages: the ids a bulk action by filter works on.
export async function matchingContactIds(ctx: ServiceContext, input: ContactFilterInput): Promise<number[]> {
  const filter = filterOf(input, toIsoDay(ctx.clock.now()));
  if (!input.query) return listContactIds(ctx.store, filter, 'name');
  const ranked = await ctx.store.search.search(ctx.store.db, ctx.store.workspaceId, input.query, 5000);
  return listContactIds(ctx.store, { ...filter, ids: ranked }, 'name');
}

export const contactList = defineOperation({
  name: 'contact.list',
  summary: 'Contacts, a page at a time: full-text query, filters by network, type, tag, organisation, inside/outside, due status',
  effect: 'read',
  input: contactListInput,
  output: pageOf(contactSummaryOutput),
  http: { method: 'get', path: '/contacts' },
  run: async ({ store, clock }, input): Promise<Page<ContactSummary>> => {
    const today = toIsoDay(clock.now());
    const filter = filterOf(input, today);
    if (input.query) {
      // Search ranks; filters and paging then apply to the ranked hits, keeping their order when sorted by relevance.
      const ranked = await store.search.search(store.db, store.workspaceId, input.query, 5000);
      const kept = await listContactIds(store, { ...filter, ids: ranked }, input.sort);
      const allowed = new Set(kept);
      const ordered = input.sort === 'name' ? ranked.filter((id) => allowed.has(id)) : kept;
      const items = await contactSummariesOf(store, ordered.slice(input.offset, input.offset + input.limit));
      return { items, total: ordered.length, limit: input.limit, offset: input.offset };
    }
    const page = await listContactSummaries(store, filter, input.sort, input.limit, input.offset);
    return { ...page, limit: input.limit, offset: input.offset };
  },
});

export const search = defineOperation({
  name: 'search',
  summary: 'Full-text search over names, organisations, notes, tags and interaction summaries',
  effect: 'read',
  input: z.object({ query: lineText(TEXT_LIMITS.name).min(1, 'say what to search for'), limit: z.coerce.number().int().min(1).max(200).default(20) }),
  output: z.array(contactSummaryOutput),
  http: { method: 'get', path: '/search' },
  run: async ({ store }, { query, limit }) => {
    const ids = await store.search.search(store.db, store.workspaceId, query, limit);
    return contactSummariesOf(store, ids);
  },
});
