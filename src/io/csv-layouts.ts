import { stringify } from 'csv-stringify/sync';
import type { Address } from '../domain/card.ts';
import type { ExportContact } from './vcard-write.ts';

// Contacts in the CSV layouts Google Contacts and Outlook write and read: their own header names, one value per
// column (Google numbers its repeated groups; Outlook has fixed slots). Rapport's importers read both back.
export const CSV_LAYOUTS = ['rapport', 'google', 'outlook'] as const;
export type CsvLayout = (typeof CSV_LAYOUTS)[number];

const csv = (rows: string[][]) => `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
const most = (contacts: readonly ExportContact[], count: (c: ExportContact) => number) => contacts.reduce((m, c) => Math.max(m, count(c)), 0);

const ADDRESS_PARTS: [string, keyof Address][] = [
  ['Street', 'street'], ['City', 'locality'], ['PO Box', 'poBox'], ['Region', 'region'], ['Postal Code', 'postcode'], ['Country', 'country'], ['Extended Address', 'extended'],
];

export function contactsToGoogleCsv(contacts: readonly ExportContact[]): string {
  const emails = most(contacts, (c) => c.emails.length), phones = most(contacts, (c) => c.phones.length);
  const addresses = most(contacts, (c) => c.card?.addresses.length ?? 0), sites = most(contacts, (c) => c.webLinks.length);
  const header = ['First Name', 'Middle Name', 'Last Name', 'Name Prefix', 'Name Suffix', 'Nickname', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes', 'Labels'];
  for (let i = 1; i <= emails; i++) header.push(`E-mail ${i} - Label`, `E-mail ${i} - Value`);
  for (let i = 1; i <= phones; i++) header.push(`Phone ${i} - Label`, `Phone ${i} - Value`);
  for (let i = 1; i <= addresses; i++) header.push(`Address ${i} - Label`, ...ADDRESS_PARTS.map(([h]) => `Address ${i} - ${h}`));
  for (let i = 1; i <= sites; i++) header.push(`Website ${i} - Label`, `Website ${i} - Value`);
  const rows = contacts.map((c) => {
    const card = c.card;
    // Google takes the display name from the parts; a contact with none keeps its name as the first name.
    const given = c.givenName ?? (c.familyName ? '' : c.name);
    const row = [given, card?.middleName ?? '', c.familyName ?? '', card?.namePrefix ?? '', card?.nameSuffix ?? '', card?.nickname ?? '', c.organisation ?? '', c.title ?? '',
      card?.organisationUnit ?? '', c.birthday ?? '', c.notes ?? '', c.tags.join(' ::: ')];
    for (let i = 0; i < emails; i++) row.push(c.emails[i]?.label ?? '', c.emails[i]?.address ?? '');
    for (let i = 0; i < phones; i++) row.push(c.phones[i]?.label ?? '', c.phones[i]?.number ?? '');
    for (let i = 0; i < addresses; i++) {
      const a = card?.addresses[i];
      row.push(a?.label ?? '', ...ADDRESS_PARTS.map(([, k]) => a?.[k] ?? ''));
    }
    for (let i = 0; i < sites; i++) row.push(c.webLinks[i]?.label ?? '', c.webLinks[i]?.url ?? '');
    return row;
  });
  return csv([header, ...rows]);
}

// Outlook's phone slots by the label Rapport keeps; any other label goes to "Other Phone".
const OUTLOOK_PHONES: [string, RegExp][] = [
  ['Mobile Phone', /^(mobile|cell)$/i], ['Business Phone', /^(work|business)$/i], ['Business Phone 2', /^(work|business)$/i],
  ['Home Phone', /^home$/i], ['Home Phone 2', /^home$/i], ['Business Fax', /fax/i], ['Other Phone', /./],
];
const OUTLOOK_PLACES: [string, RegExp][] = [['Business', /^(work|business)$/i], ['Home', /^home$/i], ['Other', /./]];
const OUTLOOK_ADDRESS: [string, keyof Address][] = [['Street', 'street'], ['City', 'locality'], ['State', 'region'], ['Postal Code', 'postcode'], ['Country/Region', 'country']];

export function contactsToOutlookCsv(contacts: readonly ExportContact[]): { content: string; dropped: string[] } {
  const header = ['First Name', 'Middle Name', 'Last Name', 'Title', 'Suffix', 'Nickname', 'E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address',
    ...OUTLOOK_PHONES.map(([h]) => h), 'Company', 'Department', 'Job Title',
    ...OUTLOOK_PLACES.flatMap(([p]) => OUTLOOK_ADDRESS.map(([h]) => `${p} ${h}`)), 'Web Page', 'Birthday', 'Notes', 'Categories'];
  const dropped: string[] = [];
  const rows = contacts.map((c) => {
    const card = c.card;
    const phones = new Map<string, string>();
    for (const p of c.phones) {
      const slot = OUTLOOK_PHONES.find(([h, re]) => !phones.has(h) && (p.label ? re.test(p.label) : h === 'Other Phone'))
        ?? OUTLOOK_PHONES.find(([h]) => h === 'Other Phone' && !phones.has(h));
      if (slot) phones.set(slot[0], p.number);
      else dropped.push(`${c.name}: phone ${p.number} (Outlook has no slot left for it)`);
    }
    const places = new Map<string, Address>();
    for (const a of card?.addresses ?? []) {
      const slot = OUTLOOK_PLACES.find(([p, re]) => !places.has(p) && re.test(a.label ?? 'other')) ?? OUTLOOK_PLACES.find(([p]) => !places.has(p));
      if (slot) places.set(slot[0], a);
      else dropped.push(`${c.name}: an address (Outlook holds three)`);
    }
    if (c.emails.length > 3) dropped.push(`${c.name}: ${c.emails.length - 3} email(s) beyond Outlook's three`);
    if (c.webLinks.length > 1) dropped.push(`${c.name}: ${c.webLinks.length - 1} web address(es) beyond Outlook's one`);
    const given = c.givenName ?? (c.familyName ? '' : c.name);
    // Outlook's "Title" is the courtesy title (Dr., Ms.); the job goes in "Job Title".
    return [given, card?.middleName ?? '', c.familyName ?? '', card?.namePrefix ?? '', card?.nameSuffix ?? '', card?.nickname ?? '',
      c.emails[0]?.address ?? '', c.emails[1]?.address ?? '', c.emails[2]?.address ?? '', ...OUTLOOK_PHONES.map(([h]) => phones.get(h) ?? ''),
      c.organisation ?? '', card?.organisationUnit ?? '', c.title ?? '',
      ...OUTLOOK_PLACES.flatMap(([p]) => OUTLOOK_ADDRESS.map(([, k]) => places.get(p)?.[k] ?? '')),
      c.webLinks[0]?.url ?? '', outlookDay(c.birthday), c.notes ?? '', c.tags.join(';')];
  });
  return { content: csv([header, ...rows]), dropped };
}

// Outlook writes M/D/YYYY; a birthday without a year has no Outlook form and is left out.
const outlookDay = (b: string | null): string => {
  const m = b ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(b) : null;
  return m ? `${Number(m[2])}/${Number(m[3])}/${m[1]}` : '';
};
