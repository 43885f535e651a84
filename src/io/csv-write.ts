import { stringify } from 'csv-stringify/sync';
import type { ExportContact } from './vcard-write.ts';

// Header names the generic CSV import recognises, so an exported CSV imports back without a --map.
const COLUMNS: [string, (c: ExportContact) => string][] = [
  ['Name', (c) => c.name],
  ['Given Name', (c) => c.givenName ?? ''],
  ['Family Name', (c) => c.familyName ?? ''],
  ['Emails', (c) => c.emails.map((e) => e.address).join('; ')],
  ['Phones', (c) => c.phones.map((p) => p.number).join('; ')],
  ['Organisation', (c) => c.organisation ?? ''],
  ['Title', (c) => c.title ?? ''],
  ['Location', (c) => c.location ?? ''],
  ['Web Links', (c) => c.webLinks.map((l) => l.url).join('; ')],
  ['Birthday', (c) => c.birthday ?? ''],
  ['Notes', (c) => c.notes ?? ''],
  ['Tags', (c) => c.tags.join(', ')],
  ['Networks', (c) => c.networks.join(', ')],
  ['Connection Type', (c) => c.connectionType ?? ''],
  ['Met How', (c) => c.metHow ?? ''],
  ['Met Where', (c) => c.metWhere ?? ''],
  ['Industry', (c) => c.industry ?? ''],
  ['Cadence Days', (c) => (c.cadenceDays === null ? '' : String(c.cadenceDays))],
  ['Last Interaction', (c) => c.lastInteractionAt?.slice(0, 10) ?? ''],
  ['Next Due', (c) => c.nextDueOn ?? ''],
];

// RFC 4180 via csv-stringify: quotes where needed, CRLF rows, a UTF-8 BOM so Excel reads accents right.
export function contactsToCsv(contacts: readonly ExportContact[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...contacts.map((c) => COLUMNS.map(([, get]) => get(c)))];
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
}
