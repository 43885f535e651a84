import { sql } from 'kysely';
import type { Store } from '../store.ts';
import { chunks } from '../chunks.ts';
import { byTag } from './contacts.repository.ts';


const lowered = (tags: readonly string[]) => [...new Set(tags.map((t) => t.toLowerCase()))];

// Returns how many (contact, tag) pairs were new; pairs already there are left alone.
export async function addTags(store: Store, contactIds: readonly number[], tags: readonly string[]): Promise<number> {
  let added = 0;
  for (const ids of chunks([...new Set(contactIds)])) {
    // Tags keep their case and are compared without it: "AI" is already there when "ai" is added.
    const existing = await store.db.selectFrom('contact_tags').select(['contact_id', 'tag'])
      .where('workspace_id', '=', store.workspaceId).where('contact_id', 'in', ids).where(sql<string>`lower(tag)`, 'in', lowered(tags)).execute();
    const have = new Set(existing.map((r) => `${r.contact_id}\u0000${r.tag.toLowerCase()}`));
    const unique = [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];
    const rows = ids.flatMap((id) => unique.filter((tag) => !have.has(`${id}\u0000${tag.toLowerCase()}`)).map((tag) => ({ workspace_id: store.workspaceId, contact_id: id, tag })));
    for (const part of chunks(rows)) await store.db.insertInto('contact_tags').values(part).execute();
    added += rows.length;
  }
  return added;
}

export async function removeTags(store: Store, contactIds: readonly number[], tags: readonly string[]): Promise<number> {
  let removed = 0;
  for (const ids of chunks([...new Set(contactIds)])) {
    const res = await store.db.deleteFrom('contact_tags')
      .where('workspace_id', '=', store.workspaceId).where('contact_id', 'in', ids).where(sql<string>`lower(tag)`, 'in', lowered(tags)).executeTakeFirst();
    removed += Number(res.numDeletedRows);
  }
  return removed;
}

export async function tagCounts(store: Store): Promise<{ tag: string; count: number }[]> {
  const rows = await store.db.selectFrom('contact_tags').select((eb) => ['tag', eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', store.workspaceId).groupBy('tag').orderBy('tag').execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) })).sort((a, b) => byTag(a.tag, b.tag));
}
