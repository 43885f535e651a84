import { createHash } from 'node:crypto';
import type { Contact, ContactDraft } from '../../domain/contact.ts';
import { emptyCard } from '../../domain/card.ts';
import { findConnectionType, type ConnectionType } from '../../domain/connection-types.ts';
import type { ParsedRecord } from '../../io/import-record.ts';
import { validateRecord } from '../../io/validate-record.ts';
import { parseVcardFile } from '../../io/vcard-read.ts';
import { contactToVcard, type ExportContact, type VcardVersion } from '../../io/vcard-write.ts';

// The fields a sync compares one by one: what Rapport models of a card (its own fields travel as X-RAPPORT-*,
// everything else it does not model is `card`, kept verbatim). Two sides that changed different fields merge.
export const SYNCED_FIELDS = ['name', 'givenName', 'familyName', 'emails', 'phones', 'webLinks', 'organisation', 'title', 'location', 'birthday',
  'metHow', 'metWhere', 'notes', 'tags', 'networks', 'connectionType', 'industry', 'cadenceDays', 'photo', 'card'] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];
export type CardFields = Pick<ContactDraft, SyncedField>;

export type ReadCard = { ok: true; fields: CardFields; uid: string | null; version: VcardVersion } | { ok: false; reason: string };

// One card as the importer reads it (the same parser and checks as `rapport import`), so a synced card and an
// imported file mean the same contact.
export function readCard(text: string, href: string, customTypes: readonly ConnectionType[] = []): ReadCard {
  const records: ParsedRecord[] = [];
  const parsed = parseVcardFile(text, href, {}, (r) => records.push(r));
  if (parsed.rejected.length) return { ok: false, reason: parsed.rejected[0]!.reason };
  const rec = records[0];
  if (!rec) return { ok: false, reason: 'no vCard in it' };
  const v = validateRecord(rec, { networks: [], connectionType: null, tags: [], isKnownType: (k) => findConnectionType(k, customTypes) !== undefined });
  if (v.kind === 'blank') return { ok: false, reason: 'the card is empty (no name, email or phone)' };
  if (v.kind === 'organisation') return { ok: false, reason: 'a KIND:org card (an organisation), which Rapport keeps apart from contacts' };
  if (v.kind === 'rejected') return { ok: false, reason: v.row.reason };
  const d = v.record.draft;
  const fields = Object.fromEntries(SYNCED_FIELDS.map((f) => [f, d[f] ?? null])) as CardFields;
  return { ok: true, fields, uid: uidOf(text), version: /^VERSION:4\.0/im.test(text) ? '4.0' : '3.0' };
}

// A card's UID (its value, without parameters), or null when it has none.
export const uidOf = (text: string): string | null => /^UID(?:;[^:\r\n]*)?:(.*)$/im.exec(text.replace(/\r?\n[ \t]/g, ''))?.[1]?.trim() || null;

// The contact with the UID its card has on the server: a card keeps the identity it was first agreed under, even
// when the contact's own would now be another (a merge moved the card to the contact kept, whose id differs).
export function withUid(contact: ExportContact, uid: string | null): ExportContact {
  if (!uid) return contact;
  const props = contact.card?.properties ?? [];
  const kept = props.find((l) => /^UID[:;]/i.test(l));
  if (kept ? uidOf(kept) === uid : uid === `urn:rapport:contact:${contact.id}`) return contact;
  const card = contact.card ?? emptyCard();
  return { ...contact, card: { ...card, properties: [`UID:${uid}`, ...props.filter((l) => l !== kept)] } };
}

// The card without the lines Rapport keeps verbatim from where the contact came from (a vCard 2.1 photo that is not
// valid base64, a UID another card on the server has): what a server that refused the whole card is sent instead.
// Rapport keeps the lines; only this server's copy goes without them.
export function withoutKeptLines(contact: ExportContact, uid: string | null): ExportContact {
  if (!contact.card?.properties.length) return contact;
  return withUid({ ...contact, card: { ...contact.card, properties: [] } }, uid);
}

// Rapport's card for a contact, in the version the server's card had (never 2.1: servers take 3.0 or 4.0), under
// the UID the server's card has; REV is left out of the hash (a touch that changed nothing is no change).
export function renderContact(contact: ExportContact, version: VcardVersion, uid: string | null = null): { text: string; hash: string } {
  const text = contactToVcard(withUid(contact, uid), version);
  const hash = createHash('sha256').update(text.replace(/\r\nREV:[^\r]*/, '')).digest('hex');
  return { text, hash };
}

export const versionOf = (text: string): VcardVersion => (/^VERSION:4\.0/im.test(text) ? '4.0' : '3.0');

export function fieldsOfContact(c: Contact & { photo: string | null }): CardFields {
  return {
    name: c.name, givenName: c.givenName, familyName: c.familyName, emails: c.emails, phones: c.phones, webLinks: c.webLinks,
    organisation: c.organisation, title: c.title, location: c.location, birthday: c.birthday, metHow: c.metHow, metWhere: c.metWhere,
    notes: c.notes, tags: c.tags, networks: c.networks, connectionType: c.connectionType, industry: c.industry, cadenceDays: c.cadenceDays,
    photo: c.photo, card: c.card,
  } as CardFields;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface Merged { fields: CardFields; conflicts: { field: SyncedField; rapport: unknown; server: unknown }[] }

// Three-way, field by field: a field only one side changed since the base takes that side's value; a field both
// changed to different values is a conflict, left as Rapport has it until the user decides.
export function mergeFields(base: CardFields, local: CardFields, remote: CardFields, localChanged: boolean): Merged {
  const fields = { ...local } as Record<SyncedField, unknown>;
  const conflicts: Merged['conflicts'] = [];
  for (const f of SYNCED_FIELDS) {
    const remoteMoved = !same(remote[f], base[f]);
    if (!remoteMoved) continue;
    const localMoved = localChanged && !same(local[f], base[f]);
    if (!localMoved || same(local[f], remote[f])) fields[f] = remote[f];
    else conflicts.push({ field: f, rapport: local[f], server: remote[f] });
  }
  return { fields: fields as CardFields, conflicts };
}

export const fieldsEqual = (a: CardFields, b: CardFields): boolean => SYNCED_FIELDS.every((f) => same(a[f], b[f]));
