import { sql, type Selectable } from 'kysely';
import { normaliseName } from '../../domain/contact.ts';
import type { Organisation } from '../../domain/entities.ts';
import type { Store } from '../store.ts';
import type { OrganisationTable } from '../tables.ts';

export interface OrganisationFields {
  name: string;
  industry: string | null;
  website: string | null;
  isMine: boolean;
  notes: string | null;
}

export async function organisationIdByName(store: Store, name: string): Promise<number | null> {
  const row = await store.db
    .selectFrom('organisations')
    .select('id')
    .where('workspace_id', '=', store.workspaceId)
    .where('name_key', '=', normaliseName(name))
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertOrganisation(store: Store, fields: OrganisationFields, now: string): Promise<number> {
  const row = await store.db
    .insertInto('organisations')
    .values({
      workspace_id: store.workspaceId, name: fields.name.trim(), name_key: normaliseName(fields.name), industry: fields.industry,
      website: fields.website, is_mine: fields.isMine ? 1 : 0, notes: fields.notes, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Contacts name their organisation in free text; the same name (ignoring case and accents) is the same organisation.
export async function findOrCreateOrganisation(store: Store, name: string, now: string): Promise<number> {
  const existing = await organisationIdByName(store, name);
  if (existing !== null) return existing;
  return insertOrganisation(store, { name, industry: null, website: null, isMine: false, notes: null }, now);
}

export async function organisationIsMine(store: Store, id: number): Promise<boolean> {
  const row = await store.db.selectFrom('organisations').select('is_mine').where('workspace_id', '=', store.workspaceId).where('id', '=', id).executeTakeFirst();
  return row?.is_mine === 1;
}

export async function updateOrganisationRow(store: Store, id: number, patch: Partial<OrganisationFields>, now: string): Promise<void> {
  await store.db
    .updateTable('organisations')
    .set({
      updated_at: now,
      ...(patch.name !== undefined ? { name: patch.name.trim(), name_key: normaliseName(patch.name) } : {}),
      ...(patch.industry !== undefined ? { industry: patch.industry } : {}),
      ...(patch.website !== undefined ? { website: patch.website } : {}),
      ...(patch.isMine !== undefined ? { is_mine: patch.isMine ? 1 : 0 } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    })
    .where('workspace_id', '=', store.workspaceId)
    .where('id', '=', id)
    .execute();
}

// Inside/outside follows the organisation unless the user set it: is_mine of the contact's organisation, null without one.
export async function deriveInsideOrganisation(store: Store, which: { organisationId: number } | { contactIds: readonly number[] }): Promise<void> {
  let update = store.db
    .updateTable('contacts')
    .set({ inside_organisation: sql<number | null>`(select o.is_mine from organisations o where o.id = contacts.organisation_id)` })
    .where('workspace_id', '=', store.workspaceId)
    .where('inside_explicit', '=', 0);
  if ('organisationId' in which) update = update.where('organisation_id', '=', which.organisationId);
  else if (which.contactIds.length === 0) return;
  else update = update.where('id', 'in', which.contactIds);
  await update.execute();
}

export async function organisationContactIds(store: Store, id: number): Promise<number[]> {
  const rows = await store.db.selectFrom('contacts').select('id').where('workspace_id', '=', store.workspaceId).where('organisation_id', '=', id).execute();
  return rows.map((r) => r.id);
}

// Contacts stay; they just no longer name an organisation.
export async function deleteOrganisationRow(store: Store, id: number): Promise<void> {
  await store.db.updateTable('contacts').set({ organisation_id: null }).where('workspace_id', '=', store.workspaceId).where('organisation_id', '=', id).execute();
  await store.db.deleteFrom('goal_organisations').where('workspace_id', '=', store.workspaceId).where('organisation_id', '=', id).execute();
  await store.db.deleteFrom('organisations').where('workspace_id', '=', store.workspaceId).where('id', '=', id).execute();
}

const toOrganisation = (r: Selectable<OrganisationTable> & { contact_count: number | string | bigint }): Organisation => ({
  id: r.id, name: r.name, industry: r.industry, website: r.website, isMine: r.is_mine === 1, notes: r.notes, contactCount: Number(r.contact_count),
});

function organisationsQuery(store: Store) {
  return store.db
    .selectFrom('organisations')
    .selectAll('organisations')
    .select((eb) => eb.selectFrom('contacts').select(eb.fn.countAll<number>().as('n')).whereRef('contacts.organisation_id', '=', 'organisations.id').as('contact_count'))
    .where('organisations.workspace_id', '=', store.workspaceId);
}

export async function loadOrganisation(store: Store, id: number): Promise<Organisation | null> {
  const row = await organisationsQuery(store).where('organisations.id', '=', id).executeTakeFirst();
  return row ? toOrganisation({ ...row, contact_count: row.contact_count ?? 0 }) : null;
}

export async function organisationContacts(store: Store, id: number): Promise<{ id: number; name: string; title: string | null }[]> {
  return store.db
    .selectFrom('contacts')
    .select(['id', 'name', 'title'])
    .where('workspace_id', '=', store.workspaceId)
    .where('organisation_id', '=', id)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
}

// Name filter matches any part of the name, ignoring case and accents (name_key is the normalised name).
export async function listOrganisations(store: Store, opts: { query?: string | undefined; limit: number; offset: number }): Promise<{ items: Organisation[]; total: number }> {
  const key = opts.query ? normaliseName(opts.query) : '';
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const filter = sql<boolean>`organisations.name_key like ${pattern} escape '\\'`;
  let items = organisationsQuery(store);
  let count = store.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).where('organisations.workspace_id', '=', store.workspaceId);
  if (key !== '') {
    items = items.where(filter);
    count = count.where(filter);
  }
  const rows = await items.orderBy('organisations.name_key').orderBy('organisations.id').limit(opts.limit).offset(opts.offset).execute();
  const total = await count.executeTakeFirstOrThrow();
  return { items: rows.map((r) => toOrganisation({ ...r, contact_count: r.contact_count ?? 0 })), total: Number(total.n) };
}
