import { z } from 'zod';
import { invalid, notFound } from '../domain/errors.ts';
import { networksToMask } from '../domain/networks.ts';
import { absorb, type ScalarField } from '../io/absorb.ts';
import { nameKey } from '../io/match-keys.ts';
import { loadContacts, refreshDue, updateContactRow, writeContactChildren, type ContactRow } from '../store/repositories/contacts.repository.ts';
import { contactCreatedAt, contactPhoto, moveContactReferences } from '../store/repositories/merge.repository.ts';
import { deriveInsideOrganisation, findOrCreateOrganisation } from '../store/repositories/organisations.repository.ts';
import { contactAsDraft } from './import-plan.ts';
import { defineOperation, idParam, type ServiceContext } from './operation.ts';
import { getContact } from './contacts.service.ts';
import { keepDemoMarkOnMerge } from './demo-remove.service.ts';
import { settingsAndDefaults } from './support/settings.ts';
import { phoneRegion } from '../store/repositories/settings.repository.ts';
import { contactMergeOutput } from './schemas/contacts.ts';

const COLUMN: Partial<Record<ScalarField, keyof ContactRow>> = {
  givenName: 'given_name', familyName: 'family_name', title: 'title', location: 'location', birthday: 'birthday', metHow: 'met_how',
  metWhere: 'met_where', connectionType: 'connection_type', industry: 'industry', cadenceDays: 'cadence_days',
};

// A absorbs B: B's fields fill A's empty ones, and every interaction, link, tag, follow-up, goal, action, event
// and community of B becomes A's. B is then erased. One transaction (the operation's).
export async function mergeContacts(ctx: ServiceContext, keepId: number, goneId: number) {
  const { store, clock } = ctx;
  if (keepId === goneId) throw invalid('mergeId', 'a contact cannot be merged with itself', goneId);
  const { defaults } = await settingsAndDefaults(store);
  const [a, b] = [await loadContacts(store, [keepId], defaults), await loadContacts(store, [goneId], defaults)].map((l) => l[0]);
  if (!a) throw notFound('contact', keepId);
  if (!b) throw notFound('contact', goneId);
  const now = clock.now().toISOString();
  const merged = contactAsDraft(a);
  const changed = absorb(merged, contactAsDraft(b), await phoneRegion(store));
  if (nameKey(a.name) !== nameKey(b.name)) merged.notes = [merged.notes, `Also known as ${b.name}`].filter(Boolean).join('\n\n');

  const row: Partial<Omit<ContactRow, 'id'>> = { updated_at: now, notes: merged.notes, networks: networksToMask(merged.networks) };
  for (const field of changed.scalars) {
    const column = COLUMN[field];
    if (column) (row as Record<string, unknown>)[column] = merged[field];
  }
  if (changed.scalars.includes('organisation')) row.organisation_id = await findOrCreateOrganisation(store, merged.organisation!, now);
  if (changed.scalars.includes('photo')) row.photo = await contactPhoto(store, goneId);
  // The relationship began when the first of the two records did.
  const [createdA, createdB] = [await contactCreatedAt(store, keepId), await contactCreatedAt(store, goneId)];
  if (createdA && createdB && createdB < createdA) row.created_at = createdB;

  await keepDemoMarkOnMerge(store, keepId, goneId);
  await moveContactReferences(store, keepId, goneId);
  await store.search.remove(store.db, store.workspaceId, [goneId]);
  await store.db.deleteFrom('contacts').where('id', '=', goneId).where('workspace_id', '=', store.workspaceId).execute();
  await updateContactRow(store, keepId, row);
  await writeContactChildren(store, keepId, { emails: merged.emails, phones: merged.phones, webLinks: merged.webLinks, tags: merged.tags, ...(merged.card ? { card: merged.card } : {}) });
  await deriveInsideOrganisation(store, { contactIds: [keepId] });
  await refreshDue(store, [keepId], defaults, now);
  await store.search.reindex(store.db, store.workspaceId, [keepId]);
  return { contact: await getContact(store, keepId), merged: { id: goneId, name: b.name }, filled: changed.fields };
}

export const contactMerge = defineOperation({
  name: 'contact.merge',
  summary: 'Merge two contacts: the first absorbs the second (fields, emails, phones, interactions, links, tags, follow-ups, goals, events); the second is erased',
  effect: 'write',
  input: z.object({ keepId: idParam, mergeId: idParam }),
  output: contactMergeOutput,
  http: { method: 'post', path: '/contacts/{keepId}/merge' },
  run: (ctx, { keepId, mergeId }) => mergeContacts(ctx, keepId, mergeId),
});
