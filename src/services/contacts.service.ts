import { z } from 'zod';
import { idList, lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { contactFields, contactInputSchema, contactPatchSchema, type Contact, type ContactDraft, type ContactPatch } from '../domain/contact.ts';
import { notFound } from '../domain/errors.ts';
import { networksToMask } from '../domain/networks.ts';
import {
  contactIdsByEmail, loadContacts, refreshDue, updateContactRow, writeContactChildren, type ContactRow,
} from '../store/repositories/contacts.repository.ts';
import { deriveInsideOrganisation, findOrCreateOrganisation } from '../store/repositories/organisations.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam, type ServiceContext } from './operation.ts';
import { resolveContactRef } from './support/contact-ref.ts';
import { createContacts, type CreateContactsOptions } from './support/create-contacts.ts';
import { assertConnectionType, settingsAndDefaults } from './support/settings.ts';
import { chunks } from '../store/chunks.ts';
import { existingIds } from '../store/repositories/existing.repository.ts';
import { contactOutput, contactWriteOutput } from './schemas/contacts.ts';
import { changedOutput, erasedOutput } from './schemas/small.ts';

export interface ContactWrite {
  contact: Contact;
  warnings: string[];
}

async function duplicateEmailWarnings(store: Store, emails: readonly { address: string }[], selfId: number | null): Promise<string[]> {
  const hits = await contactIdsByEmail(store, emails.map((e) => e.address));
  return hits
    .filter((h) => h.contact_id !== selfId)
    .map((h) => `email ${h.address} already belongs to ${h.name} (#${h.contact_id})`);
}

export async function createContact(ctx: ServiceContext, draft: ContactDraft, opts: CreateContactsOptions = {}): Promise<ContactWrite> {
  const { ids, warnings } = await createContacts(ctx, [draft], opts);
  return { contact: await getContact(ctx.store, ids[0]!), warnings };
}

export async function updateContact(ctx: ServiceContext, id: number, patch: ContactPatch): Promise<ContactWrite> {
  const { store, clock } = ctx;
  const now = clock.now().toISOString();
  const { defaults } = await settingsAndDefaults(store);
  const [before] = await loadContacts(store, [id], defaults);
  if (!before) throw notFound('contact', id);
  if (patch.connectionType !== undefined) await assertConnectionType(store, patch.connectionType);
  const warnings = patch.emails ? await duplicateEmailWarnings(store, patch.emails, id) : [];
  const row: Partial<Omit<ContactRow, 'id'>> = { updated_at: now };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.givenName !== undefined) row.given_name = patch.givenName;
  if (patch.familyName !== undefined) row.family_name = patch.familyName;
  if (patch.organisation !== undefined) row.organisation_id = patch.organisation ? await findOrCreateOrganisation(store, patch.organisation, now) : null;
  if (patch.title !== undefined) row.title = patch.title;
  if (patch.location !== undefined) row.location = patch.location;
  if (patch.birthday !== undefined) row.birthday = patch.birthday;
  if (patch.metHow !== undefined) row.met_how = patch.metHow;
  if (patch.metWhere !== undefined) row.met_where = patch.metWhere;
  if (patch.notes !== undefined) row.notes = patch.notes;
  if (patch.networks !== undefined) row.networks = networksToMask(patch.networks);
  if (patch.connectionType !== undefined) row.connection_type = patch.connectionType;
  if (patch.insideOrganisation !== undefined) {
    row.inside_organisation = patch.insideOrganisation === null ? null : patch.insideOrganisation ? 1 : 0;
    row.inside_explicit = patch.insideOrganisation === null ? 0 : 1;
  }
  if (patch.industry !== undefined) row.industry = patch.industry;
  if (patch.cadenceDays !== undefined) row.cadence_days = patch.cadenceDays;
  if (patch.photo !== undefined) row.photo = patch.photo;
  await updateContactRow(store, id, row);
  // null means "follow the organisation again"; a new organisation changes what that gives.
  if (patch.organisation !== undefined || patch.insideOrganisation === null) await deriveInsideOrganisation(store, { contactIds: [id] });
  await writeContactChildren(store, id, { emails: patch.emails, phones: patch.phones, webLinks: patch.webLinks, tags: patch.tags });
  await refreshDue(store, [id], defaults, now);
  await store.search.reindex(store.db, store.workspaceId, [id]);
  const [contact] = await loadContacts(store, [id], defaults);
  return { contact: contact!, warnings };
}

export async function getContact(store: Store, id: number): Promise<Contact> {
  const { defaults } = await settingsAndDefaults(store);
  const [contact] = await loadContacts(store, [id], defaults);
  if (!contact) throw notFound('contact', id);
  return contact;
}

export const contactCreate = defineOperation({
  name: 'contact.create',
  summary: 'Add a contact, with its networks, connection type and organisation; warns on an email already stored',
  effect: 'write',
  input: contactInputSchema,
  output: contactWriteOutput,
  http: { method: 'post', path: '/contacts' },
  run: (ctx, input) => createContact(ctx, input),
});

export const contactUpdate = defineOperation({
  name: 'contact.update',
  summary: 'Change some fields of a contact; fields left out stay as they are, null clears',
  effect: 'write',
  input: contactPatchSchema.extend({ id: idParam }),
  output: contactWriteOutput,
  http: { method: 'patch', path: '/contacts/{id}' },
  run: (ctx, { id, ...patch }) => updateContact(ctx, id, patch),
});

export const contactGet = defineOperation({
  name: 'contact.get',
  summary: 'One contact with everything stored about it',
  effect: 'read',
  input: z.object({ id: idParam }),
  output: contactOutput,
  http: { method: 'get', path: '/contacts/{id}' },
  run: (ctx, { id }) => getContact(ctx.store, id),
});

export const contactResolve = defineOperation({
  name: 'contact.resolve',
  conflicts: true,
  summary: 'Find the one contact an id or part of a name means (ambiguous names list candidates)',
  effect: 'read',
  input: z.object({ ref: lineText(TEXT_LIMITS.name).min(1, 'say which contact') }),
  output: contactOutput,
  http: { method: 'get', path: '/contacts/resolve' },
  run: async (ctx, { ref }) => getContact(ctx.store, await resolveContactRef(ctx.store, ref)),
});

export const contactArchive = defineOperation({
  name: 'contact.archive',
  summary: 'Archive contacts (kept, but off every due list) or bring them back',
  effect: 'write',
  input: z.object({ ids: idList('name at least one contact'), archived: z.boolean().default(true) }),
  output: changedOutput,
  http: { method: 'post', path: '/contacts/archive' },
  run: async (ctx, { ids, archived }) => {
    const { store, clock } = ctx;
    const res = await store.db.updateTable('contacts').set({ archived: archived ? 1 : 0, updated_at: clock.now().toISOString() })
      .where('workspace_id', '=', store.workspaceId).where('id', 'in', ids).executeTakeFirst();
    return { changed: Number(res.numUpdatedRows) };
  },
});

// Erase is for privacy: the person disappears from every table, including interactions no one else took part in.
export const contactErase = defineOperation({
  name: 'contact.erase',
  summary: 'Erase contacts everywhere (privacy): interactions only they took part in go too',
  effect: 'write',
  input: z.object({ ids: idList('name at least one contact') }),
  output: erasedOutput,
  http: { method: 'post', path: '/contacts/erase' },
  run: async ({ store }, { ids }) => {
    const { db, workspaceId } = store;
    const erase = [...(await existingIds(store, 'contacts', ids))];
    if (erase.length === 0) return { erased: 0 };
    // In chunks (a call may name 50,000 contacts): the interactions they took part in, then of those the ones
    // with no participant outside the erased set.
    const erasing = new Set(erase);
    const touched = new Set<number>();
    for (const part of chunks(erase)) {
      for (const r of await db.selectFrom('interaction_participants').select('interaction_id').where('contact_id', 'in', part).execute()) touched.add(r.interaction_id);
    }
    const kept = new Set<number>();
    for (const part of chunks([...touched])) {
      const rows = await db.selectFrom('interaction_participants').select(['interaction_id', 'contact_id']).where('interaction_id', 'in', part).execute();
      for (const r of rows) if (!erasing.has(r.contact_id)) kept.add(r.interaction_id);
    }
    const sole = [...touched].filter((id) => !kept.has(id));
    for (const part of chunks(sole)) await db.deleteFrom('interactions').where('id', 'in', part).execute();
    await store.search.remove(db, workspaceId, erase);
    for (const part of chunks(erase)) await db.deleteFrom('contacts').where('id', 'in', part).execute();
    return { erased: erase.length };
  },
});

export { contactFields };
