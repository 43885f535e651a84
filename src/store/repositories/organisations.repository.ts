import { normaliseName } from '../../domain/contact.ts';
import type { Store } from '../store.ts';

export async function organisationIdByName(store: Store, name: string): Promise<number | null> {
  const row = await store.db
    .selectFrom('organisations')
    .select('id')
    .where('workspace_id', '=', store.workspaceId)
    .where('name_key', '=', normaliseName(name))
    .executeTakeFirst();
  return row?.id ?? null;
}

// Contacts name their organisation in free text; the same name (ignoring case and accents) is the same organisation.
export async function findOrCreateOrganisation(store: Store, name: string, now: string): Promise<number> {
  const existing = await organisationIdByName(store, name);
  if (existing !== null) return existing;
  const row = await store.db
    .insertInto('organisations')
    .values({ workspace_id: store.workspaceId, name: name.trim(), name_key: normaliseName(name), industry: null, website: null, is_mine: 0, notes: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function organisationIsMine(store: Store, id: number): Promise<boolean> {
  const row = await store.db.selectFrom('organisations').select('is_mine').where('id', '=', id).executeTakeFirst();
  return row?.is_mine === 1;
}
