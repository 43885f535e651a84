// ical.js reads vCard 3.0 and 4.0 well, but not vCard 2.1's bare parameters (TEL;WORK;VOICE), quoted-printable
// values with charsets and soft line breaks, or base64 blocks ended by a blank line. This rewrites a card's lines
// into the 3.0 form ical.js expects, changing nothing about their meaning.

import { decodeWindows1252 } from './decode.ts';

interface Logical {
  text: string;
  // Index in the card's lines of the line it starts on.
  at: number;
  qp: boolean;
  base64: boolean;
  // A base64 block still taking continuation lines (a blank line closes it).
  open: boolean;
}

interface Head {
  group: string | null;
  name: string;
  params: [string, string][];
}

const TEXT_PROPS = new Set(['fn', 'n', 'org', 'title', 'role', 'note', 'nickname', 'adr', 'label', 'email', 'sort-string', 'mailer', 'class']);

// Splits at the first ':' or ';' outside double quotes.
function splitOutsideQuotes(s: string, sep: string, limit = Infinity): string[] {
  const out: string[] = [];
  let inQuotes = false, start = 0;
  for (let i = 0; i < s.length && out.length < limit - 1; i++) {
    if (s[i] === '"') inQuotes = !inQuotes;
    else if (s[i] === sep && !inQuotes) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function parseHead(head: string): Head {
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot > 0 ? nameWithGroup.slice(0, dot) : null;
  const name = (dot > 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).toLowerCase();
  const params = rawParams.filter(Boolean).map((p): [string, string] => {
    const eq = p.indexOf('=');
    return eq < 0 ? ['', p.trim()] : [p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')];
  });
  return { group, name, params };
}

const isQp = (head: string) => /;(encoding=)?quoted-printable\b/i.test(head);
const isB64 = (head: string) => /;(encoding=)?(base64|b)\b(?!-)/i.test(head) && !isQp(head);

// A quoted-printable value ends in "=" while a soft line break carries it onto the next line.
const softBreak = (l: Logical | undefined): l is Logical => l !== undefined && l.qp && l.text.endsWith('=');

function logicalLines(lines: readonly string[]): Logical[] {
  const out: Logical[] = [];
  lines.forEach((raw, at) => {
    // A CR the card's lines still carry is a line ending, never content.
    const line = raw.replace(/\r+$/, '');
    const last = out[out.length - 1];
    if (line.trim() === '') {
      if (last) {
        last.open = false;
        // A soft line break onto a blank line ends the value (Android writes them): the blank line is no content,
        // and the line after it starts a property of its own (as vobject and ez-vcard read it).
        if (softBreak(last)) last.text = last.text.slice(0, -1);
      }
      return;
    }
    // END:VCARD closes the card even after a dangling soft line break.
    if (softBreak(last) && !/^end:vcard\s*$/i.test(line.trim())) {
      last.text = last.text.slice(0, -1) + line;
      return;
    }
    if (softBreak(last)) last.text = last.text.slice(0, -1);
    if (last && /^[ \t]/.test(line)) {
      last.text += last.open ? line.trim() : line.slice(1);
      return;
    }
    // Some 2.1 writers continue a base64 block without indenting it.
    if (last?.open && /^[A-Za-z0-9+/=]+$/.test(line)) {
      last.text += line;
      return;
    }
    const head = splitOutsideQuotes(line, ':', 2)[0] ?? '';
    const base64 = isB64(head);
    out.push({ text: line, at, qp: isQp(head), base64, open: base64 });
  });
  return out;
}

function decodeQuotedPrintable(value: string, charset: string | null): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(value[i]!)) bytes.push(b);
    }
  }
  const data = Uint8Array.from(bytes);
  const label = charset?.toLowerCase() ?? null;
  try {
    if (label && /^(windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(label)) return decodeWindows1252(data);
    if (label) return new TextDecoder(label).decode(data);
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return decodeWindows1252(data);
  }
}

// 2.1 text: keep escapes that are escapes, escape what 3.0 would read as structure (bare commas, newlines).
function escape21Text(value: string, commasSeparate: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[i + 1];
      if (next !== undefined && '\\;,nN'.includes(next)) {
        out += c + next;
        i++;
      } else out += '\\\\';
    } else if (c === ',' && !commasSeparate) out += '\\,';
    else if (c === '\n') out += '\\n';
    else out += c;
  }
  return out;
}

const unescapeRaw = (value: string) => value.replace(/\\([\\;,:])/g, '$1').replace(/\n/g, ' ');

const quoteParam = (v: string) => (/[:;,]/.test(v) ? `"${v.replace(/"/g, "'")}"` : v);

function rewrite(line: Logical, is21: boolean): string {
  const [head = '', value = ''] = splitOutsideQuotes(line.text, ':', 2);
  if (!is21 && !line.qp && !line.base64) return line.text;
  const { group, name, params } = parseHead(head);
  const types: string[] = [];
  const kept: string[] = [];
  let charset: string | null = null;
  for (const [k, v] of params) {
    const bare = k === '' ? v.toUpperCase() : null;
    if (bare && ['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'].includes(bare)) continue;
    if (k === 'encoding') continue;
    if (k === 'charset') charset = v;
    else if (k === '' || k === 'type') types.push(...v.split(','));
    else kept.push(`${k.toUpperCase()}=${quoteParam(v)}`);
  }
  if (types.length) kept.unshift(`TYPE=${types.map(quoteParam).join(',')}`);
  let text = value;
  if (line.base64) {
    kept.push('ENCODING=b');
    text = value.replace(/\s+/g, '');
  } else {
    if (line.qp) text = decodeQuotedPrintable(value, charset).replace(/\r\n?/g, '\n');
    text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    if (TEXT_PROPS.has(name) || name === 'categories') text = is21 ? escape21Text(text, name === 'categories') : text.replace(/\n/g, '\\n');
    else if (is21) text = unescapeRaw(text);
  }
  return `${group ? `${group}.` : ''}${name.toUpperCase()}${kept.length ? `;${kept.join(';')}` : ''}:${text}`;
}

export function cardVersion(lines: readonly string[]): string {
  for (const l of lines) {
    const m = /^version:\s*(\S+)/i.exec(l.trim());
    if (m) return m[1]!;
  }
  return '2.1';
}

export interface NormalisedLine {
  // The content line as ical.js reads it.
  text: string;
  // Index in the card's lines of the (first) line it came from.
  at: number;
}

// The card's lines (BEGIN..END) as content lines ical.js parses; vCard 2.1 (or a card without VERSION) is
// rewritten as 3.0. Each keeps where in the card it came from, so a problem can name its line.
export function normaliseCardLines(lines: readonly string[]): NormalisedLine[] {
  const is21 = cardVersion(lines) === '2.1';
  return logicalLines(lines).map((l) => ({ text: rewrite(l, is21).replace(/^VERSION:2\.1$/i, 'VERSION:3.0'), at: l.at }));
}

// The card's lines (BEGIN..END) as text ical.js parses.
export function normaliseCard(lines: readonly string[]): string {
  return normaliseCardLines(lines).map((l) => l.text).join('\r\n') + '\r\n';
}
