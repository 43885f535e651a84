import { z } from 'zod';
import { connectionTypeKeySchema } from '../domain/connection-types.ts';
import { toIsoDay } from '../domain/dates.ts';
import { RapportError, invalid } from '../domain/errors.ts';
import { networkSchema, networksToMask, type Network } from '../domain/networks.ts';
import { reconnectScore, reconnectWhy, suggestTriage, TRIAGE_RULES, type TriageSuggestion } from '../domain/triage.ts';
import { refreshDue } from '../store/repositories/contacts.repository.ts';
import { archiveContacts, loadUnsorted, sortContacts, triageStates, type UnsortedRow } from '../store/repositories/triage.repository.ts';
import { defineOperation, idSchema, pageSchema, type ServiceContext } from './operation.ts';
import { assertConnectionType, settingsAndDefaults } from './support/settings.ts';
import { triagePageOutput, triageSortOutput } from './schemas/triage.ts';

export interface TriageItem {
  id: number;
  name: string;
  title: string | null;
  organisation: string | null;
  connectedOn: string | null;
  suggestion: TriageSuggestion;
  // Why it is high in "reconnect first", when there is something to say.
  priority: string | null;
  score: number;
}

export interface TriagePage {
  items: TriageItem[];
  // Matching the filter; `unsorted` is all waiting in triage.
  total: number;
  unsorted: number;
  limit: number;
  offset: number;
  // How the matching contacts split by suggested network and by rule, for "accept all N recruiters".
  byNetwork: Record<Network, number>;
  byRule: Partial<Record<(typeof TRIAGE_RULES)[number], number>>;
}

export const triageFilterSchema = z.object({
  network: networkSchema.optional().describe('only contacts whose suggested network is this'),
  rule: z.enum(TRIAGE_RULES).optional().describe('only contacts suggested by this rule, e.g. recruiter, founder, my-organisation'),
  connectionType: connectionTypeKeySchema.optional().describe('only contacts whose suggested connection type is this'),
  query: z.string().trim().max(200).optional().describe('words found in the name, title or organisation'),
});
type TriageFilter = z.output<typeof triageFilterSchema>;

// Every unsorted contact with its suggestion and reconnect-first score, filtered and ordered.
async function suggestions(ctx: ServiceContext, filter: TriageFilter, order: 'reconnect' | 'name', ids?: readonly number[]): Promise<{ all: number; items: TriageItem[] }> {
  const today = toIsoDay(ctx.clock.now());
  const { settings } = await settingsAndDefaults(ctx.store);
  const rows = await loadUnsorted(ctx.store, ids);
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matchesText = (r: UnsortedRow) => {
    if (words.length === 0) return true;
    const hay = `${r.name} ${r.title ?? ''} ${r.organisation ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const items: TriageItem[] = [];
  for (const r of rows) {
    if (!matchesText(r)) continue;
    const suggestion = suggestTriage(r);
    if (filter.network && suggestion.network !== filter.network) continue;
    if (filter.rule && suggestion.rule !== filter.rule) continue;
    if (filter.connectionType && suggestion.connectionType !== filter.connectionType) continue;
    items.push({
      id: r.id, name: r.name, title: r.title, organisation: r.organisation, connectedOn: r.connectedOn?.slice(0, 10) ?? null, suggestion,
      priority: reconnectWhy(r, settings.situation, today), score: reconnectScore(r, suggestion, settings.situation, today),
    });
  }
  if (order === 'reconnect') items.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id - b.id);
  else items.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return { all: rows.length, items };
}

export const triageList = defineOperation({
  name: 'triage.list',
  summary: 'Unsorted contacts (imported without a network) with a suggested network and connection type and the reason, "reconnect first" order by default',
  effect: 'read',
  input: pageSchema.extend(triageFilterSchema.shape).extend({
    order: z.enum(['reconnect', 'name']).default('reconnect').describe('reconnect: what fits your situation first (job-seeking: target organisations, recruiters, recent connections)'),
  }),
  output: triagePageOutput,
  http: { method: 'get', path: '/triage' },
  run: async (ctx, input): Promise<TriagePage> => {
    const { all, items } = await suggestions(ctx, input, input.order);
    const byNetwork: Record<Network, number> = { operational: 0, personal: 0, strategic: 0 };
    const byRule: TriagePage['byRule'] = {};
    for (const it of items) {
      byNetwork[it.suggestion.network]++;
      byRule[it.suggestion.rule] = (byRule[it.suggestion.rule] ?? 0) + 1;
    }
    return { items: items.slice(input.offset, input.offset + input.limit), total: items.length, unsorted: all, limit: input.limit, offset: input.offset, byNetwork, byRule };
  },
});

export const triageSortInput = z.object({
  ids: z.array(idSchema).min(1, 'name at least one contact').optional().describe('these contacts'),
  filter: triageFilterSchema.optional().describe('or every unsorted contact matching this filter ({} for all of them)'),
  apply: z.enum(['suggestion', 'network', 'archive']).describe('suggestion: each takes its own suggested network and type; network: all go to `network` (and `connectionType`); archive'),
  network: networkSchema.optional(),
  connectionType: connectionTypeKeySchema.nullable().optional().describe('with apply=network: the type to give (null clears it)'),
});

export interface TriageSortResult {
  sorted: number;
  archived: number;
  ids: number[];
}

// Finds the named contacts as triage left them; one merged, deleted or sorted since is reported and nothing changes.
async function unsortedIds(ctx: ServiceContext, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const states = await triageStates(ctx.store, unique);
  const missing = unique.filter((id) => !states.has(id));
  if (missing.length) {
    throw new RapportError('not_found', `ids: no contact with id ${missing.join(', ')} (merged or deleted since?); nothing was sorted`, {
      problems: missing.map((id) => ({ path: 'ids', message: 'no such contact', value: id })),
    });
  }
  const done = unique.filter((id) => states.get(id)!.sortedAt !== null || states.get(id)!.archived);
  if (done.length) {
    const names = done.slice(0, 5).map((id) => `${states.get(id)!.name} (#${id}, ${states.get(id)!.archived ? 'archived' : 'already sorted'})`).join(', ');
    throw new RapportError('conflict', `ids: not waiting in triage any more: ${names}${done.length > 5 ? ` and ${done.length - 5} more` : ''}; nothing was sorted`, {
      problems: done.map((id) => ({ path: 'ids', message: 'not unsorted', value: id })),
    });
  }
  return unique;
}

export const triageSort = defineOperation({
  name: 'triage.sort',
  summary: 'Sort unsorted contacts: accept their suggestions, put them in a network, or archive them; by ids or every one matching a filter. Their cadence starts',
  // Refuses with 409 when the data changed since (merged, deleted, edited by a later write).
  conflicts: true,
  effect: 'write',
  input: triageSortInput,
  output: triageSortOutput,
  http: { method: 'post', path: '/triage/sort' },
  run: async (ctx, input): Promise<TriageSortResult> => {
    if ((input.ids === undefined) === (input.filter === undefined)) throw invalid('ids', 'give either ids or filter (use filter {} for every unsorted contact)');
    if (input.apply === 'network' && input.network === undefined) throw invalid('network', 'apply=network needs a network: operational, personal or strategic');
    if (input.apply !== 'network' && (input.network !== undefined || input.connectionType !== undefined)) {
      throw invalid('network', `network and connectionType go with apply=network, not apply=${input.apply}`);
    }
    if (input.connectionType) await assertConnectionType(ctx.store, input.connectionType);
    const now = ctx.clock.now().toISOString();
    const ids = input.ids ? await unsortedIds(ctx, input.ids) : (await suggestions(ctx, input.filter!, 'name')).items.map((i) => i.id);
    if (ids.length === 0) return { sorted: 0, archived: 0, ids: [] };
    if (input.apply === 'archive') {
      await archiveContacts(ctx.store, ids, now);
      return { sorted: 0, archived: ids.length, ids };
    }
    if (input.apply === 'network') {
      await sortContacts(ctx.store, ids, networksToMask([input.network!]), input.connectionType ?? null, now, input.connectionType !== undefined);
    } else {
      const { items } = await suggestions(ctx, {}, 'name', ids);
      const groups = new Map<string, { s: TriageSuggestion; ids: number[] }>();
      for (const it of items) {
        const key = `${it.suggestion.network}|${it.suggestion.connectionType ?? ''}`;
        (groups.get(key) ?? groups.set(key, { s: it.suggestion, ids: [] }).get(key)!).ids.push(it.id);
      }
      for (const { s, ids: group } of groups.values()) await sortContacts(ctx.store, group, networksToMask([s.network]), s.connectionType, now, false);
    }
    const { defaults } = await settingsAndDefaults(ctx.store);
    await refreshDue(ctx.store, ids, defaults, now);
    return { sorted: ids.length, archived: 0, ids };
  },
});
