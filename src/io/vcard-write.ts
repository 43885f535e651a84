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

// One contact as a vCard 4.0 (RFC 6350), with Rapport's own fields as X-RAPPORT-* so a round trip keeps them.
export function contactToVcard(c: ExportContact): string {
  let item = 0;
  const next = () => `item${++item}`;
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Rapport//Rapport//EN', `UID:urn:rapport:contact:${c.id}`];
  lines.push(`FN:${escapeText(c.name)}`);
  lines.push(`N:${escapeText(c.familyName ?? '')};${escapeText(c.givenName ?? '')};;;`);
  for (const e of c.emails) lines.push(...labelled('EMAIL', e.address, e.label, next));
  for (const p of c.phones) lines.push(...labelled('TEL', escapeText(p.number), p.label, next, ';VALUE=text'));
  if (c.organisation) lines.push(`ORG:${escapeText(c.organisation)}`);
  if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
  if (c.location) lines.push(`ADR:;;;${escapeText(c.location)};;;`);
  for (const l of c.webLinks) lines.push(...labelled('URL', l.url, l.label, next));
  if (c.birthday) lines.push(`BDAY:${bday(c.birthday)}`);
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  // A data: URI is a URI value: no text escaping, or the picture would be corrupted.
  if (c.photo) lines.push(`PHOTO:${c.photo}`);
  const x = (name: string, value: string | number | null) => {
    if (value !== null && value !== '') lines.push(`X-RAPPORT-${name};VALUE=text:${escapeText(String(value))}`);
  };
  x('NETWORKS', c.networks.join(','));
  x('CONNECTION-TYPE', c.connectionType);
  x('MET-HOW', c.metHow);
  x('MET-WHERE', c.metWhere);
  x('INDUSTRY', c.industry);
  x('CADENCE-DAYS', c.cadenceDays);
  lines.push(`REV:${stamp(c.updatedAt)}`, 'END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export const contactsToVcard = (contacts: readonly ExportContact[]): string => contacts.map(contactToVcard).join('');
