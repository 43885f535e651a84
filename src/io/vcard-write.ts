import { formatDay, splitUnits } from '../domain/card.ts';
import type { Contact } from '../domain/contact.ts';

export type ExportContact = Contact & { photo: string | null };

// RFC 6350 §3.4: backslash, newline, comma and semicolon are escaped in text values.
export const escapeText = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

const encoder = new TextEncoder();

// RFC 6350 §3.2: lines longer than 75 octets are folded (CRLF + one space), never inside a UTF-8 character.
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const STANDARD_TYPES: Record<'email' | 'tel' | 'url', Set<string>> = {
  email: new Set(['home', 'work']),
  tel: new Set(['home', 'work', 'cell', 'mobile', 'fax', 'voice', 'text', 'video', 'pager', 'textphone']),
  url: new Set(['home', 'work']),
};

// Labels vCard has a TYPE for go there; any other label ("LinkedIn", "assistant") goes in an itemN.X-ABLabel
// group, which Apple, Google and Android read, so it survives the round trip with its capitals.
function labelled(name: 'EMAIL' | 'TEL' | 'URL', value: string, label: string | null, next: () => string, extra = ''): string[] {
  const kind = name.toLowerCase() as 'email' | 'tel' | 'url';
  const words = label?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (label && words.length && words.every((w) => STANDARD_TYPES[kind].has(w))) {
    const types = words.map((w) => (w === 'mobile' ? 'cell' : w)).join(',');
    return [`${name}${extra};TYPE=${types}:${value}`];
  }
  if (!label) return [`${name}${extra}:${value}`];
  const group = next();
  return [`${group}.${name}${extra}:${value}`, `${group}.X-ABLABEL:${escapeText(label)}`];
}

const bday = (b: string) => (b.startsWith('--') ? `--${b.slice(2).replace('-', '')}` : b.replace(/-/g, ''));
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const dayValue = (d: { year: number | null; month: number; day: number }) => bday(formatDay(d));

export type VcardVersion = '3.0' | '4.0';

const ADR_TYPES = new Set(['home', 'work', 'postal', 'parcel', 'dom', 'intl']);

function photoLine(photo: string, version: VcardVersion): string {
  if (version === '4.0') return `PHOTO:${photo}`;
  // 3.0 readers (and older Outlook) expect inline base64 with ENCODING=b, not a data: URI.
  const m = /^data:image\/([\w.+-]+);base64,(.*)$/s.exec(photo);
  if (!m) return `PHOTO;VALUE=uri:${photo}`;
  return `PHOTO;ENCODING=b;TYPE=${m[1]!.toUpperCase()}:${m[2]}`;
}

// One contact as a vCard 4.0 (RFC 6350) or 3.0 (RFC 2426), with Rapport's own fields as X-RAPPORT-* and every
// property it kept from an imported card re-emitted as it came, so a round trip keeps them.
export function contactToVcard(c: ExportContact, version: VcardVersion = '4.0'): string {
  let item = 0;
  const card = c.card;
  const kept = card?.properties ?? [];
  // A group a kept line uses (item1.X-SOCIALPROFILE) is not handed out again.
  const taken = new Set(kept.map((l) => /^([^.:;]+)\./.exec(l)?.[1]?.toLowerCase()).filter(Boolean));
  const next = () => { do item++; while (taken.has(`item${item}`)); return `item${item}`; };
  // The card's own UID, when it had one, stays its identity; it is written where Rapport writes its own.
  const uid = kept.find((l) => /^UID[:;]/i.test(l));
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Rapport//Rapport//EN', uid ?? `UID:urn:rapport:contact:${c.id}`];
  lines.push(`FN:${escapeText(c.name)}`);
  const n = [c.familyName, c.givenName, card?.middleName, card?.namePrefix, card?.nameSuffix].map((p) => escapeText(p ?? ''));
  lines.push(`N:${n.join(';')}`);
  // One line per nickname: 3.0 readers (vobject) take a list's first value only.
  for (const nick of card?.nickname?.split(',') ?? []) if (nick.trim()) lines.push(`NICKNAME:${escapeText(nick.trim())}`);
  for (const e of c.emails) lines.push(...labelled('EMAIL', e.address, e.label, next, version === '3.0' ? ';TYPE=INTERNET' : ''));
  for (const p of c.phones) lines.push(...labelled('TEL', escapeText(p.number), p.label, next, version === '4.0' ? ';VALUE=text' : ''));
  if (c.organisation) lines.push(`ORG:${[c.organisation, ...(card?.organisationUnit ? splitUnits(card.organisationUnit) : [])].map(escapeText).join(';')}`);
  if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
  const addresses = card?.addresses ?? [];
  for (const a of addresses) {
    const value = [a.poBox, a.extended, a.street, a.locality, a.region, a.postcode, a.country].map((p) => escapeText(p ?? '')).join(';');
    const words = a.label?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    if (!a.label) lines.push(`ADR:${value}`);
    else if (words.every((w) => ADR_TYPES.has(w))) lines.push(`ADR;TYPE=${words.join(',')}:${value}`);
    else { const g = next(); lines.push(`${g}.ADR:${value}`, `${g}.X-ABLABEL:${escapeText(a.label)}`); }
  }
  // A location typed in Rapport (no address from a card) is the locality of an address.
  if (c.location && addresses.length === 0) lines.push(`ADR:;;;${escapeText(c.location)};;;`);
  for (const l of c.webLinks) lines.push(...labelled('URL', l.url, l.label, next));
  if (c.birthday) lines.push(`BDAY:${bday(c.birthday)}`);
  for (const d of card?.dates ?? []) {
    if (d.kind === 'anniversary' && d.label === null) lines.push(`${version === '4.0' ? 'ANNIVERSARY' : 'X-ANNIVERSARY'}:${version === '4.0' ? dayValue(d) : formatDay(d)}`);
    else {
      // Apple's form for any other day, read by Apple, Google and Android: a date with a label in its group.
      const g = next();
      const label = d.kind === 'anniversary' && /^anniversary$/i.test(d.label ?? '') ? '_$!<Anniversary>!$_' : d.label ?? (d.kind === 'birthday' ? 'birthday' : 'other');
      lines.push(`${g}.X-ABDATE:${formatDay(d)}`, `${g}.X-ABLABEL:${escapeText(label)}`);
    }
  }
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  // A data: URI is a URI value: no text escaping, or the picture would be corrupted.
  if (c.photo) lines.push(photoLine(c.photo, version));
  const x = (name: string, value: string | number | null) => {
    if (value !== null && value !== '') lines.push(`X-RAPPORT-${name}${version === '4.0' ? ';VALUE=text' : ''}:${escapeText(String(value))}`);
  };
  x('NETWORKS', c.networks.join(','));
  x('CONNECTION-TYPE', c.connectionType);
  x('MET-HOW', c.metHow);
  x('MET-WHERE', c.metWhere);
  x('INDUSTRY', c.industry);
  x('CADENCE-DAYS', c.cadenceDays);
  if (c.archived) x('ARCHIVED', 'true');
  x('SNOOZED-UNTIL', c.snoozedUntil);
  lines.push(...kept.filter((l) => l !== uid));
  lines.push(`REV:${stamp(c.updatedAt)}`, 'END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export const contactsToVcard = (contacts: readonly ExportContact[], version: VcardVersion = '4.0'): string => contacts.map((c) => contactToVcard(c, version)).join('');
