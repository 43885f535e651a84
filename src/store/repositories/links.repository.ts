import { sql } from 'kysely';
import type { Link } from '../../domain/entities.ts';
import type { Store } from '../store.ts';

// The table keeps each pair once, smaller id first (a check constraint enforces it).
export const orderedPair = (x: number, y: number): [number, number] => (x < y ? [x, y] : [y, x]);

// Re-adding a pair keeps what it knew: strength and note given replace the stored ones, left out keep them.
export async function upsertLink(store: Store, link: { aId: number; bId: number; strength: number | null; note: string | null }, now: string): Promise<void> {
  const [a, b] = orderedPair(link.aId, link.bId);
  await store.db
    .insertInto('links')
    .values({ workspace_id: store.workspaceId, a_id: a, b_id: b, strength: link.strength, note: link.note, created_at: now })
    .onConflict((oc) => oc.columns(['a_id', 'b_id']).doUpdateSet((eb) => ({
      strength: eb.fn.coalesce(eb.ref('excluded.strength'), eb.ref('links.strength')),
      note: eb.fn.coalesce(eb.ref('excluded.note'), eb.ref('links.note')),
    })))
    .execute();
}

export async function deleteLink(store: Store, x: number, y: number): Promise<boolean> {
  const [a, b] = orderedPair(x, y);
  const res = await store.db.deleteFrom('links').where('workspace_id', '=', store.workspaceId).where('a_id', '=', a).where('b_id', '=', b).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

function linksQuery(store: Store) {
  return store.db
    .selectFrom('links')
    .innerJoin('contacts as ca', 'ca.id', 'links.a_id')
    .innerJoin('contacts as cb', 'cb.id', 'links.b_id')
    .select(['links.a_id', 'ca.name as a_name', 'links.b_id', 'cb.name as b_name', 'links.strength', 'links.note'])
    .where('links.workspace_id', '=', store.workspaceId);
}

type LinkRow = { a_id: number; a_name: string; b_id: number; b_name: string; strength: number | null; note: string | null };
const toLink = (r: LinkRow): Link => ({ aId: r.a_id, aName: r.a_name, bId: r.b_id, bName: r.b_name, strength: r.strength, note: r.note });

export async function loadLink(store: Store, x: number, y: number): Promise<Link | null> {
  const [a, b] = orderedPair(x, y);
  const row = await linksQuery(store).where('links.a_id', '=', a).where('links.b_id', '=', b).executeTakeFirst();
  return row ? toLink(row) : null;
}

// For one contact, every link is turned so that a is that contact and b the person they know; strongest first.
export async function listLinks(store: Store, opts: { contactId?: number | undefined; limit: number; offset: number }): Promise<{ items: Link[]; total: number }> {
  const { contactId } = opts;
  let items = linksQuery(store);
  let count = store.db.selectFrom('links').select((eb) => eb.fn.countAll<number>().as('n')).where('links.workspace_id', '=', store.workspaceId);
  if (contactId !== undefined) {
    items = items
      .where((eb) => eb.or([eb('links.a_id', '=', contactId), eb('links.b_id', '=', contactId)]))
      .orderBy(sql`coalesce(links.strength, 0)`, 'desc')
      .orderBy(sql`case when links.a_id = ${contactId} then cb.name_key else ca.name_key end`);
    count = count.where((eb) => eb.or([eb('links.a_id', '=', contactId), eb('links.b_id', '=', contactId)]));
  } else {
    items = items.orderBy('ca.name_key').orderBy('cb.name_key');
  }
  const rows = await items.orderBy('links.a_id').orderBy('links.b_id').limit(opts.limit).offset(opts.offset).execute();
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const turned = rows.map((r) => (contactId !== undefined && r.a_id !== contactId
    ? { ...r, a_id: r.b_id, a_name: r.b_name, b_id: r.a_id, b_name: r.a_name }
    : r));
  return { items: turned.map(toLink), total };
}
