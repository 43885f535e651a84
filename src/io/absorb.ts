import { addressLine, emptyCard, formatDay, isEmptyCard, type ContactCard } from '../domain/card.ts';
import type { ContactDraft } from '../domain/contact.ts';
import { linkedInKey, phoneKey } from './match-keys.ts';

// A contact as an import or a merge sees it: the draft fields, whatever their source.
export type MergeableContact = Omit<ContactDraft, 'photo'> & { photo: string | null };

const SCALARS = [
  'givenName', 'familyName', 'organisation', 'title', 'location', 'birthday', 'metHow', 'metWhere',
  'connectionType', 'insideOrganisation', 'industry', 'cadenceDays', 'photo',
] as const;
export type ScalarField = (typeof SCALARS)[number];

export interface Absorbed {
  // Names of the fields that changed, for the report ("title", "emails"...).
  fields: string[];
  scalars: ScalarField[];
  emails: ContactDraft['emails'];
  phones: ContactDraft['phones'];
  webLinks: ContactDraft['webLinks'];
  tags: string[];
  networksChanged: boolean;
  notesChanged: boolean;
  // Name parts, addresses, dates or kept vCard lines were added (the card is rewritten whole).
  cardChanged: boolean;
}

const urlIdentity = (u: string) => linkedInKey(u) ?? u.toLowerCase().replace(/\/+$/, '');

// `into` takes what `from` knows and it lacks: empty fields filled, new emails, phones, links, tags and networks
// added; nothing it has is replaced or erased. Mutates `into`; returns what changed.
export function absorb(into: MergeableContact, from: MergeableContact, region: string | null = null): Absorbed {
  const phoneIdentity = (n: string) => phoneKey(n, region) ?? n.replace(/\D/g, '');
  const out: Absorbed = { fields: [], scalars: [], emails: [], phones: [], webLinks: [], tags: [], networksChanged: false, notesChanged: false, cardChanged: false };
  for (const key of SCALARS) {
    const value = from[key];
    if (into[key] === null && value !== null) {
      (into as Record<ScalarField, unknown>)[key] = value;
      out.scalars.push(key);
      out.fields.push(key);
    }
  }
  if (from.notes && (!into.notes || !into.notes.includes(from.notes))) {
    into.notes = into.notes ? `${into.notes}\n\n${from.notes}` : from.notes;
    out.notesChanged = true;
    out.fields.push('notes');
  }
  const emails = new Set(into.emails.map((e) => e.address.toLowerCase()));
  for (const e of from.emails) if (!emails.has(e.address.toLowerCase())) { emails.add(e.address.toLowerCase()); into.emails.push(e); out.emails.push(e); }
  const phones = new Set(into.phones.map((p) => phoneIdentity(p.number)));
  for (const p of from.phones) if (!phones.has(phoneIdentity(p.number))) { phones.add(phoneIdentity(p.number)); into.phones.push(p); out.phones.push(p); }
  const links = new Set(into.webLinks.map((l) => urlIdentity(l.url)));
  for (const l of from.webLinks) if (!links.has(urlIdentity(l.url))) { links.add(urlIdentity(l.url)); into.webLinks.push(l); out.webLinks.push(l); }
  const tags = new Set(into.tags.map((t) => t.toLowerCase()));
  for (const t of from.tags) if (!tags.has(t.toLowerCase())) { tags.add(t.toLowerCase()); into.tags.push(t); out.tags.push(t); }
  for (const n of from.networks) if (!into.networks.includes(n)) { into.networks.push(n); out.networksChanged = true; }
  if (from.card && absorbCard(into, from.card)) { out.cardChanged = true; out.fields.push('card'); }
  if (out.emails.length) out.fields.push('emails');
  if (out.phones.length) out.fields.push('phones');
  if (out.webLinks.length) out.fields.push('webLinks');
  if (out.tags.length) out.fields.push('tags');
  if (out.networksChanged) out.fields.push('networks');
  return out;
}

const CARD_SCALARS = ['nickname', 'namePrefix', 'middleName', 'nameSuffix', 'organisationUnit'] as const;

// The card's part of absorb: empty name parts filled, addresses, dates and kept lines not already there added.
function absorbCard(into: MergeableContact, from: ContactCard): boolean {
  if (isEmptyCard(from)) return false;
  const card = into.card ? copyCard(into.card) : emptyCard();
  let changed = false;
  for (const k of CARD_SCALARS) if (card[k] === null && from[k] !== null) { card[k] = from[k]; changed = true; }
  const addresses = new Set(card.addresses.map((a) => addressLine(a).toLowerCase()));
  for (const a of from.addresses) if (!addresses.has(addressLine(a).toLowerCase())) { addresses.add(addressLine(a).toLowerCase()); card.addresses.push(a); changed = true; }
  const dates = new Set(card.dates.map((d) => `${d.kind}|${formatDay(d)}`));
  for (const d of from.dates) if (!dates.has(`${d.kind}|${formatDay(d)}`)) { dates.add(`${d.kind}|${formatDay(d)}`); card.dates.push(d); changed = true; }
  const lines = new Set(card.properties);
  for (const l of from.properties) if (!lines.has(l)) { lines.add(l); card.properties.push(l); changed = true; }
  if (changed) into.card = card;
  return changed;
}

const copyCard = (c: ContactCard): ContactCard => ({ ...c, addresses: [...c.addresses], dates: [...c.dates], properties: [...c.properties] });

export const copyDraft = (d: MergeableContact): MergeableContact => ({
  ...d, emails: [...d.emails], phones: [...d.phones], webLinks: [...d.webLinks], tags: [...d.tags], networks: [...d.networks], ...(d.card ? { card: copyCard(d.card) } : {}),
});
