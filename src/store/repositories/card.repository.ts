import { emptyCard, isEmptyCard, type ContactCard } from '../../domain/card.ts';
import type { Store } from '../store.ts';
import { chunks } from '../chunks.ts';
import { insertRows } from './bulk-insert.ts';

// The whole-card side tables (migration 0080), written for many contacts in few statements.
export async function insertCards(store: Store, ids: readonly number[], cards: readonly (ContactCard | undefined)[]): Promise<void> {
  const heads: { contact_id: number; nickname: string | null; name_prefix: string | null; middle_name: string | null; name_suffix: string | null; organisation_unit: string | null }[] = [];
  const addresses: Record<string, unknown>[] = [];
  const dates: Record<string, unknown>[] = [];
  const properties: { contact_id: number; position: number; line: string }[] = [];
  cards.forEach((c, k) => {
    if (!c || isEmptyCard(c)) return;
    const contact_id = ids[k]!;
    if (c.nickname || c.namePrefix || c.middleName || c.nameSuffix || c.organisationUnit) {
      heads.push({ contact_id, nickname: c.nickname, name_prefix: c.namePrefix, middle_name: c.middleName, name_suffix: c.nameSuffix, organisation_unit: c.organisationUnit });
    }
    c.addresses.forEach((a, position) => addresses.push({
      contact_id, position, label: a.label, po_box: a.poBox, extended: a.extended, street: a.street, locality: a.locality, region: a.region, postcode: a.postcode, country: a.country,
    }));
    c.dates.forEach((d, position) => dates.push({ contact_id, position, kind: d.kind, label: d.label, year: d.year, month: d.month, day: d.day }));
    c.properties.forEach((line, position) => properties.push({ contact_id, position, line }));
  });
  await insertRows(store, 'contact_card', ['contact_id', 'nickname', 'name_prefix', 'middle_name', 'name_suffix', 'organisation_unit'], heads);
  await insertRows(store, 'contact_addresses', ['contact_id', 'position', 'label', 'po_box', 'extended', 'street', 'locality', 'region', 'postcode', 'country'], addresses);
  await insertRows(store, 'contact_dates', ['contact_id', 'position', 'kind', 'label', 'year', 'month', 'day'], dates);
  await insertRows(store, 'contact_card_properties', ['contact_id', 'position', 'line'], properties);
}

export async function replaceCard(store: Store, contactId: number, card: ContactCard): Promise<void> {
  await replaceCards(store, [{ id: contactId, card }]);
}

// Many contacts' cards replaced in a few statements: deletes by lists of ids, then one bulk insert.
export async function replaceCards(store: Store, cards: readonly { id: number; card: ContactCard }[]): Promise<void> {
  if (cards.length === 0) return;
  for (const ids of chunks(cards.map((c) => c.id))) {
    for (const table of ['contact_card', 'contact_addresses', 'contact_dates', 'contact_card_properties'] as const) {
      await store.db.deleteFrom(table).where('contact_id', 'in', ids).where('workspace_id', '=', store.workspaceId).execute();
    }
  }
  await insertCards(store, cards.map((c) => c.id), cards.map((c) => c.card));
}

export async function loadCards(store: Store, ids: readonly number[]): Promise<Map<number, ContactCard>> {
  const out = new Map<number, ContactCard>();
  if (ids.length === 0) return out;
  const { db } = store;
  const get = (id: number) => out.get(id) ?? out.set(id, emptyCard()).get(id)!;
  const [heads, addresses, dates, properties] = await Promise.all([
    db.selectFrom('contact_card').selectAll().where('contact_id', 'in', ids).execute(),
    db.selectFrom('contact_addresses').selectAll().where('contact_id', 'in', ids).orderBy('contact_id').orderBy('position').execute(),
    db.selectFrom('contact_dates').selectAll().where('contact_id', 'in', ids).orderBy('contact_id').orderBy('position').execute(),
    db.selectFrom('contact_card_properties').selectAll().where('contact_id', 'in', ids).orderBy('contact_id').orderBy('position').execute(),
  ]);
  for (const h of heads) Object.assign(get(h.contact_id), { nickname: h.nickname, namePrefix: h.name_prefix, middleName: h.middle_name, nameSuffix: h.name_suffix, organisationUnit: h.organisation_unit });
  for (const a of addresses) get(a.contact_id).addresses.push({ label: a.label, poBox: a.po_box, extended: a.extended, street: a.street, locality: a.locality, region: a.region, postcode: a.postcode, country: a.country });
  for (const d of dates) get(d.contact_id).dates.push({ kind: d.kind as ContactCard['dates'][number]['kind'], label: d.label, year: d.year, month: d.month, day: d.day });
  for (const p of properties) get(p.contact_id).properties.push(p.line);
  return out;
}
