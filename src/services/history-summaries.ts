import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Interaction } from '../domain/entities.ts';
import { entryRows } from '../store/journal/journal.repository.ts';
import type { Store } from '../store/store.ts';

// The line a journal entry is listed under ("Logged a call with Isaac Svensson"): written once, when the
// operation commits, from what it was given, what it returned, and the rows it changed.
type Describe = (store: Store, input: unknown, output: unknown, entryId: number) => Promise<string>;

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const kindWords = (kind: string) => (kind === 'connected' ? 'a connection' : article(kind.replace(/-/g, ' ')));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return 'nobody';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

async function contactNames(store: Store, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await store.db.selectFrom('contacts').select(['id', 'name']).where('id', 'in', ids.slice(0, 50)).execute();
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.slice(0, 50).map((id) => byId.get(id) ?? `contact ${id}`);
}

// Names of the rows an entry removed from a table, from their before-images.
async function removedNames(store: Store, entryId: number, table: string): Promise<string[]> {
  return (await entryRows(store, entryId, { table })).flatMap((r) => {
    const name = r.after === null ? r.before?.name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}

const interactionWith = (verb: string): Describe => async (store, _input, output) => {
  const it = output as Interaction;
  return `${verb} ${kindWords(it.kind)} with ${listNames(it.participants.map((p) => p.name))}`;
};

// The contacts named by a column of the rows an entry touched in a table (the follow-ups' contact_id…).
async function peopleIn(store: Store, entryId: number, table: string, column = 'contact_id'): Promise<string> {
  const ids = [...new Set((await entryRows(store, entryId, { table })).flatMap((r) => {
    const v = (r.after ?? r.before)?.[column];
    return typeof v === 'number' ? [v] : [];
  }))];
  return listNames(await contactNames(store, ids));
}

const DESCRIBE: Record<string, Describe> = {
  'follow-up.add': async (store, _i, _o, entryId) => `Planned a follow-up with ${await peopleIn(store, entryId, 'follow_ups')}`,
  'follow-up.done': async (store, input, _o, entryId) =>
    `${(input as { done?: boolean }).done === false ? 'Reopened' : 'Marked done'} the follow-up with ${await peopleIn(store, entryId, 'follow_ups')}`,
  'follow-up.snooze': async (store, _i, _o, entryId) => `Snoozed the follow-up with ${await peopleIn(store, entryId, 'follow_ups')}`,
  'contact.snooze': async (store, _i, _o, entryId) => `Snoozed ${await peopleIn(store, entryId, 'contacts', 'id')}`,
  'tag.add': async (_s, input) => {
    const { ids, tags } = input as { ids: number[]; tags: string[] };
    return `Tagged ${plural(ids.length, 'contact')} ${tags.map((t) => `“${t}”`).join(', ')}`;
  },
  'tag.remove': async (_s, input) => {
    const { ids, tags } = input as { ids: number[]; tags: string[] };
    return `Removed ${tags.map((t) => `“${t}”`).join(', ')} from ${plural(ids.length, 'contact')}`;
  },
  'settings.update': async () => 'Changed settings',
  // What was sent stays sent: undo takes back Rapport's record of it.
  'draft.send': async (store, _i, _o, entryId) => `Recorded a message sent to ${await peopleIn(store, entryId, 'interaction_participants')}`,
  'interaction.log': interactionWith('Logged'),
  'interaction.update': interactionWith('Edited'),
  'interaction.delete': async (store, _input, _output, entryId) => {
    const it = (await entryRows(store, entryId, { table: 'interactions' })).find((r) => r.after === null)?.before;
    const people = (await entryRows(store, entryId, { table: 'interaction_participants' })).flatMap((r) => (r.after === null && r.before ? [Number(r.before.contact_id)] : []));
    return `Deleted ${kindWords(String(it?.kind ?? 'interaction'))} with ${listNames(await contactNames(store, people))}`;
  },
  'triage.sort': async (store, input, output) => {
    const { apply, network } = input as { apply: 'suggestion' | 'network' | 'archive'; network?: string };
    const { ids } = output as { ids: number[] };
    const who = ids.length > 3 ? plural(ids.length, 'contact') : listNames(await contactNames(store, ids));
    if (apply === 'archive') return `Archived ${who} from triage`;
    return apply === 'network' ? `Sorted ${who} into ${network}` : `Sorted ${who} as suggested`;
  },
  'contact.create': async (_s, _i, output) => `Added ${String((output as { contact?: { name?: string }; name?: string }).contact?.name ?? (output as { name?: string }).name ?? 'a contact')}`,
  'contact.update': async (store, input) => `Edited ${listNames(await contactNames(store, [(input as { id: number }).id]))}`,
  'contact.archive': async (store, input) => {
    const { ids, archived } = input as { ids: number[]; archived: boolean };
    return `${archived ? 'Archived' : 'Restored'} ${ids.length > 3 ? plural(ids.length, 'contact') : listNames(await contactNames(store, ids))}`;
  },
  'contact.erase': async (store, _input, _output, entryId) => `Erased ${listNames(await removedNames(store, entryId, 'contacts'))}`,
  'contact.merge': async (store, input, _output, entryId) => {
    const { keepId } = input as { keepId: number };
    const gone = await removedNames(store, entryId, 'contacts');
    return `Merged ${listNames(gone)} into ${listNames(await contactNames(store, [keepId]))}`;
  },
  'contact.bulk-update': async (store, _input, _output, entryId) => {
    const n = new Set((await entryRows(store, entryId)).flatMap((r) => {
      const img = r.after ?? r.before;
      return r.table === 'contacts' ? [img!.id] : img && 'contact_id' in img ? [img.contact_id] : [];
    })).size;
    return `Updated ${plural(n, 'contact')} in bulk`;
  },
  'import.run': async (_store, input, output) => {
    const { filename } = input as { filename?: string };
    const c = (output as { counts: { created: number; updated: number; merged: number } }).counts;
    const parts = [c.created && `${plural(c.created, 'new contact')}`, c.updated && `${plural(c.updated, 'updated')}`, c.merged && `${plural(c.merged, 'merged')}`].filter(Boolean);
    return `Imported ${parts.join(', ') || 'nothing new'}${filename ? ` from ${basename(filename)}` : ''}`;
  },
  'demo.load': async (_s, _i, output) => `Loaded the demo network (${plural((output as { contacts: number }).contacts, 'contact')})`,
  'demo.remove': async (_s, _i, output) => `Removed the demo data (${plural((output as { contacts: number }).contacts, 'contact')})`,
  'history.undo': async (store, input, output) => {
    const undone = (output as { undone: { id: number; summary: string } }).undone;
    void store; void input;
    return `Undid #${undone.id}: ${undone.summary}`;
  },
};

// For the rest: the operation's name and what it changed ("tag.add: 3 contact tags added").
async function generic(store: Store, name: string, entryId: number): Promise<string> {
  const counts = await sql<{ tbl: string; added: number; changed: number; removed: number }>`
    select tbl, sum(case when before is null then 1 else 0 end) as added, sum(case when before is not null and after is not null then 1 else 0 end) as changed,
      sum(case when after is null then 1 else 0 end) as removed
    from undo_rows where entry_id = ${entryId} group by tbl order by count(*) desc limit 2`.execute(store.db as unknown as Kysely<unknown>);
  const what = counts.rows.flatMap((r) => {
    const noun = r.tbl.replace(/_/g, ' ').replace(/s$/, '');
    return (['added', 'changed', 'removed'] as const).filter((k) => Number(r[k]) > 0).map((k) => `${plural(Number(r[k]), noun)} ${k}`);
  });
  return `${name}${what.length ? `: ${what.join(', ')}` : ''}`;
}

export async function describeWrite(store: Store, name: string, input: unknown, output: unknown, entryId: number): Promise<string> {
  const describe = DESCRIBE[name];
  if (describe) {
    try {
      return await describe(store, input, output, entryId);
    } catch (e) {
      // A summary is a label; an unexpected output shape must not fail a write that succeeded. Say so in the label.
      return `${await generic(store, name, entryId)} (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  return generic(store, name, entryId);
}

