import { isConversation } from '../domain/cadence.ts';
import { normaliseName, type ContactDraft } from '../domain/contact.ts';
import { networksToMask } from '../domain/networks.ts';
import type { ScalarField } from '../io/absorb.ts';
import type { ContactCard } from '../domain/card.ts';
import { updateRowsById } from '../store/repositories/bulk-update.ts';
import { refreshDue, type ContactRow } from '../store/repositories/contacts.repository.ts';
import { organisationIdsByKey } from '../store/repositories/contacts-bulk.repository.ts';
import { insertInteractionsBulk, insertOrganisationsBulk } from '../store/repositories/demo.repository.ts';
import { replaceCards } from '../store/repositories/card.repository.ts';
import { appendContactChildren, type ChildAdditions } from '../store/repositories/import.repository.ts';
import { deriveInsideOrganisation } from '../store/repositories/organisations.repository.ts';
import type { ImportPlan, Target } from './import-plan.ts';
import type { ServiceContext } from './operation.ts';
import { createContacts } from './support/create-contacts.ts';
import { settingsAndDefaults } from './support/settings.ts';

const COLUMN: Record<Exclude<ScalarField, 'organisation' | 'insideOrganisation'>, keyof ContactRow> = {
  givenName: 'given_name', familyName: 'family_name', title: 'title', location: 'location', birthday: 'birthday', metHow: 'met_how',
  metWhere: 'met_where', connectionType: 'connection_type', industry: 'industry', cadenceDays: 'cadence_days', photo: 'photo',
};

// The organisations an import names, by name key: stored ones read once, new ones created together in a few
// statements (an import names thousands of companies; one lookup or insert each would be a query per row).
async function organisationIdsFor(ctx: ServiceContext, names: readonly string[], now: string): Promise<Map<string, number>> {
  const ids = await organisationIdsByKey(ctx.store);
  const missing = new Map<string, string>();
  for (const name of names) {
    const key = normaliseName(name);
    if (!ids.has(key) && !missing.has(key)) missing.set(key, name.trim());
  }
  if (missing.size === 0) return ids;
  const created = await insertOrganisationsBulk(ctx.store, [...missing.values()].map((name) => ({ name, industry: null, website: null, is_mine: 0, notes: null, created_at: now, updated_at: now })));
  [...missing.keys()].forEach((key, i) => ids.set(key, created[i]!));
  return ids;
}

export interface WriteResult {
  createdIds: number[];
  warnings: string[];
}

// Carries out an import plan inside the caller's transaction: new contacts through the one bulk creation path,
// additions to stored ones, then the 'connected' interactions and the due dates they move.
export async function writeImportPlan(ctx: ServiceContext, plan: ImportPlan, onProgress?: (done: number, total: number) => void): Promise<WriteResult> {
  const { store, clock } = ctx;
  const now = clock.now().toISOString();
  const total = plan.creates.length + plan.updates.size + plan.interactions.length;
  onProgress?.(0, total);
  const drafts = plan.creates.map((c) => c.draft as ContactDraft);
  // A new contact's last conversation is written with the row (next due follows from it); an import's 'connected'
  // day is a fact on the timeline, not a conversation, so it starts no cadence.
  const lastByNew = new Map<number, string>();
  for (const { target, interaction } of plan.interactions) {
    if (target.kind !== 'new' || !isConversation(interaction.kind)) continue;
    const prev = lastByNew.get(target.index);
    if (!prev || interaction.occurredAt > prev) lastByNew.set(target.index, interaction.occurredAt);
  }
  await organisationIdsFor(ctx, drafts.flatMap((d) => (d.organisation ? [d.organisation] : [])), now);
  const created = drafts.length
    ? await createContacts(ctx, drafts, { followUpDays: null, lastInteractionAt: (i) => lastByNew.get(i) ?? null, unsortedWithoutNetwork: true })
    : { ids: [], warnings: [] };
  onProgress?.(drafts.length, total);
  // Archived and snoozed, as a Rapport vCard export said (X-RAPPORT-ARCHIVED, X-RAPPORT-SNOOZED-UNTIL); written with
  // the updates below, in the same few statements.
  const rowUpdates: ({ id: number } & Partial<Omit<ContactRow, 'id'>>)[] = [];
  for (const [i, c] of plan.creates.entries()) {
    if (c.state) rowUpdates.push({ id: created.ids[i]!, archived: c.state.archived ? 1 : 0, snoozed_until: c.state.snoozedUntil });
  }

  const refresh: number[] = [];
  const children: ChildAdditions = { emails: [], phones: [], webLinks: [], tags: [] };
  const orgChanged: number[] = [];
  const cards: { id: number; card: ContactCard }[] = [];
  const organisationIds = await organisationIdsFor(ctx, [...plan.updates.values()].flatMap((u) =>
    u.changes.some((c) => c.fields.length > 0 && c.scalars.includes('organisation')) ? [u.working.organisation!] : []), now);
  for (const u of plan.updates.values()) {
    const changes = u.changes.filter((c) => c.fields.length > 0);
    if (changes.length === 0) continue;
    const row: { id: number } & Partial<Omit<ContactRow, 'id'>> = { id: u.id, updated_at: now };
    for (const field of new Set(changes.flatMap((c) => c.scalars))) {
      if (field === 'organisation') {
        row.organisation_id = organisationIds.get(normaliseName(u.working.organisation!))!;
        orgChanged.push(u.id);
      } else if (field !== 'insideOrganisation') {
        (row as Record<string, unknown>)[COLUMN[field]] = u.working[field];
      }
    }
    if (changes.some((c) => c.notesChanged)) row.notes = u.working.notes;
    if (changes.some((c) => c.networksChanged)) row.networks = networksToMask(u.working.networks);
    rowUpdates.push(row);
    if (changes.some((c) => c.cardChanged) && u.working.card) cards.push({ id: u.id, card: u.working.card });
    const add = (list: 'emails' | 'phones' | 'webLinks') => {
      let position = u.before[list].length;
      for (const c of changes) for (const item of c[list]) (children[list] as unknown[]).push({ ...item, contact_id: u.id, position: position++ });
    };
    add('emails');
    add('phones');
    add('webLinks');
    for (const c of changes) for (const tag of c.tags) children.tags.push({ contact_id: u.id, tag });
    if (changes.some((c) => c.networksChanged || c.scalars.includes('cadenceDays'))) refresh.push(u.id);
  }
  await updateRowsById(store, 'contacts', rowUpdates);
  await replaceCards(store, cards);
  await appendContactChildren(store, children);
  await deriveInsideOrganisation(store, { contactIds: orgChanged });
  onProgress?.(drafts.length + plan.updates.size, total);

  const idOf = (t: Target) => (t.kind === 'existing' ? t.id : created.ids[t.index]!);
  await insertInteractionsBulk(store, plan.interactions.map(({ target, interaction }) => ({
    row: { occurred_at: interaction.occurredAt, kind: interaction.kind, channel: interaction.channel, summary: interaction.summary, value_flow: 'none', value_note: null, gratitude: 0, created_at: now },
    contactIds: [idOf(target)],
  })));

  // Stored contacts given an interaction go through the cadence rule's one place (new ones got theirs when created).
  const { defaults } = await settingsAndDefaults(store);
  for (const { target } of plan.interactions) if (target.kind === 'existing') refresh.push(target.id);
  const touched = [...new Set(refresh)];
  await refreshDue(store, touched, defaults, now);
  const updatedIds = [...plan.updates.values()].filter((u) => u.changes.some((c) => c.fields.length)).map((u) => u.id);
  await store.search.reindex(store.db, store.workspaceId, [...new Set([...updatedIds, ...touched])]);
  onProgress?.(total, total);
  return { createdIds: created.ids, warnings: created.warnings };
}
