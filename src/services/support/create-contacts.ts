import { effectiveCadenceDays, nextDueOn } from '../../domain/cadence.ts';
import { splitName, normaliseName, type ContactDraft } from '../../domain/contact.ts';
import { findConnectionType } from '../../domain/connection-types.ts';
import { addDays, toIsoDay } from '../../domain/dates.ts';
import { RapportError } from '../../domain/errors.ts';
import { networksToMask } from '../../domain/networks.ts';
import { insertContactsBulk, myOrganisationIds, organisationIdsByKey, organisationNames } from '../../store/repositories/contacts-bulk.repository.ts';
import { contactIdsByEmail, type ContactRow } from '../../store/repositories/contacts.repository.ts';
import { insertOrganisationsBulk } from '../../store/repositories/demo.repository.ts';
import { searchDocument } from '../../store/search-text.ts';
import { loadCustomConnectionTypes } from '../../store/repositories/settings.repository.ts';
import type { ServiceContext } from '../operation.ts';
import { settingsAndDefaults } from './settings.ts';

export interface CreateContactsOptions {
  // Days until the first follow-up of each new contact; null for none (imports of old contacts, the demo).
  followUpDays?: number | null;
  // When each contact was added, if not now (the demo spreads them over two years).
  createdAt?: (index: number) => string;
  // The contact's latest conversation, when the caller writes some with it ('connected' is not one):
  // stored with the row, and next due counted from it, so no second pass over the new rows is needed.
  lastInteractionAt?: (index: number) => string | null;
  // false when the caller reindexes these contacts itself after writing more about them (the demo's interactions).
  searchIndex?: boolean;
  // Imports: a contact arriving without a network is left unsorted (no cadence, waiting in triage). A contact
  // made by hand is sorted as it is made, network or not (no network: the slow default cadence).
  unsortedWithoutNetwork?: boolean;
}

export interface CreatedContacts {
  ids: number[];
  warnings: string[];
}

// The one path that creates contacts, for one (contact.create) or thirty thousand (import, demo): validated
// drafts in, few multi-row statements out. Must run inside a transaction.
export async function createContacts(ctx: ServiceContext, drafts: readonly ContactDraft[], options: CreateContactsOptions = {}): Promise<CreatedContacts> {
  const { store, clock } = ctx;
  if (!store.inTransaction) throw new Error('createContacts must run inside a transaction');
  const now = clock.now().toISOString();
  const { settings, defaults } = await settingsAndDefaults(store);
  const custom = await loadCustomConnectionTypes(store);
  drafts.forEach((d, i) => {
    if (d.connectionType !== null && !findConnectionType(d.connectionType, custom)) {
      const path = drafts.length === 1 ? 'connectionType' : `${i}.connectionType`;
      throw new RapportError('invalid', `${path}: unknown connection type ${JSON.stringify(d.connectionType)} (see \`rapport types\`, or add it with \`rapport types add\`)`, {
        problems: [{ path, message: 'unknown connection type', value: d.connectionType }],
      });
    }
  });

  const warnings: string[] = [];
  const allEmails = [...new Set(drafts.flatMap((d) => d.emails.map((e) => e.address)))];
  for (let i = 0; i < allEmails.length; i += 500) {
    for (const hit of await contactIdsByEmail(store, allEmails.slice(i, i + 500))) {
      warnings.push(`email ${hit.address} already belongs to ${hit.name} (#${hit.contact_id})`);
    }
  }

  // Organisations not stored yet, each once, in one multi-row insert: thirty thousand contacts can name thousands.
  const orgIds = await organisationIdsByKey(store);
  const missing = new Map<string, string>();
  for (const d of drafts) {
    if (!d.organisation) continue;
    const key = normaliseName(d.organisation);
    if (!orgIds.has(key) && !missing.has(key)) missing.set(key, d.organisation.trim());
  }
  if (missing.size > 0) {
    const ids = await insertOrganisationsBulk(store, [...missing.values()].map((name) => ({ name, industry: null, website: null, is_mine: 0, notes: null, created_at: now, updated_at: now })));
    [...missing.keys()].forEach((key, i) => orgIds.set(key, ids[i]!));
  }
  const mine = await myOrganisationIds(store);

  const rows: ContactRow[] = drafts.map((d, i) => {
    const createdAt = options.createdAt?.(i) ?? now;
    const organisationId = d.organisation ? orgIds.get(normaliseName(d.organisation))! : null;
    const inside = d.insideOrganisation ?? (organisationId !== null ? mine.has(organisationId) : null);
    // From the display name only when the draft lacks a part (LinkedIn rows have both).
    const split = d.givenName === null || d.familyName === null ? splitName(d.name) : null;
    const lastInteractionAt = options.lastInteractionAt?.(i) ?? null;
    const sortedAt = options.unsortedWithoutNetwork && d.networks.length === 0 ? null : createdAt;
    return {
      name: d.name, given_name: d.givenName ?? split?.givenName ?? null, family_name: d.familyName ?? split?.familyName ?? null,
      organisation_id: organisationId, title: d.title, location: d.location, birthday: d.birthday, met_how: d.metHow,
      met_where: d.metWhere, notes: d.notes, networks: networksToMask(d.networks), connection_type: d.connectionType,
      inside_organisation: inside === null ? null : inside ? 1 : 0, inside_explicit: d.insideOrganisation === null ? 0 : 1,
      industry: d.industry, cadence_days: d.cadenceDays, archived: 0, photo: d.photo, last_interaction_at: lastInteractionAt,
      next_due_on: nextDueOn({ lastConversationAt: lastInteractionAt, sortedAt, cadenceDays: effectiveCadenceDays(d.networks, d.cadenceDays, defaults) }),
      snoozed_until: null, created_at: createdAt, updated_at: createdAt, sorted_at: sortedAt,
    };
  });
  const ids = await insertContactsBulk(store, rows, drafts);

  const followUpDays = options.followUpDays === undefined ? settings.newContactFollowUpDays : options.followUpDays;
  if (followUpDays !== null) {
    const due = addDays(toIsoDay(clock.now()), followUpDays);
    for (let i = 0; i < ids.length; i += 500) {
      await store.db.insertInto('follow_ups').values(ids.slice(i, i + 500).map((contact_id) => ({
        workspace_id: store.workspaceId, contact_id, due_on: due, reason: 'First follow-up: say thank you and stay in touch',
        source: 'new-contact', event_id: null, done_at: null, snoozed_until: null, created_at: now,
      }))).execute();
    }
  }
  if (options.searchIndex !== false) {
    // New contacts have no search rows and no interactions yet: their documents come from the drafts, not a read-back.
    const orgNames = await organisationNames(store, [...new Set(rows.map((r) => r.organisation_id).filter((id): id is number => id !== null))]);
    await store.search.add(store.db, store.workspaceId, drafts.map((d, i) => searchDocument({
      contactId: ids[i]!, name: d.name, emails: [...new Set(d.emails.map((e) => e.address))], organisation: rows[i]!.organisation_id === null ? null : orgNames.get(rows[i]!.organisation_id!) ?? null,
      title: d.title, industry: d.industry, location: d.location, notes: d.notes, metHow: d.metHow, metWhere: d.metWhere, tags: [...new Set(d.tags)].sort(), summaries: [],
    })));
  }
  return { ids, warnings };
}
