import { RapportError } from '../domain/errors.ts';

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: Exclude<TextEncoding, 'auto'>;
  // Said when the encoding was guessed rather than marked, so the report can show it.
  note: string | null;
}

const fail = (file: string, message: string) =>
  new RapportError('invalid', `${file}: ${message}`, { problems: [{ path: 'content', message }] });

// Archives and documents people pick by mistake: a clearer message than "binary".
const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an .xlsx or .numbers spreadsheet?): export it as CSV first'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document, not a contact export'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image, not a contact export'],
  [[0xff, 0xd8, 0xff], 'a JPEG image, not a contact export'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.xls?): export it as CSV first'],
  [[0x1f, 0x8b], 'a gzip archive: unpack it first'],
];

// Node 20's TextDecoder('windows-1252') decodes as Latin-1, turning Word's dashes and quotes (0x80-0x9F) into
// control characters; this table is the WHATWG mapping for that range (0 = unassigned, kept as is).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    chars.push(String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b))));
  }
  return chars.join('');
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

// BOM-less UTF-16 (some Windows tools) shows as every other byte zero in mostly-ASCII text.
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 8) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

export function decodeBytes(bytes: Uint8Array, file: string, encoding: TextEncoding = 'auto'): DecodedText {
  if (bytes.length === 0) throw fail(file, 'the file is empty');
  for (const [sig, what] of MAGIC) if (startsWith(bytes, sig)) throw fail(file, `this is ${what}`);
  let chosen: Exclude<TextEncoding, 'auto'>;
  let note: string | null = null;
  let body = bytes;
  // The text the UTF-8 check decoded: the same as decoding again, so it is kept.
  let checked: string | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [chosen, body] = ['utf-8', bytes.subarray(3)];
  else if (startsWith(bytes, [0xff, 0xfe])) [chosen, body] = ['utf-16le', bytes.subarray(2)];
  else if (startsWith(bytes, [0xfe, 0xff])) [chosen, body] = ['utf-16be', bytes.subarray(2)];
  else if (encoding !== 'auto') chosen = encoding;
  else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) [chosen, note] = [utf16, `no byte-order mark: read as ${utf16.toUpperCase()}`];
    else {
      try {
        checked = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        chosen = 'utf-8';
      } catch {
        // Not valid UTF-8: Excel and Outlook on Windows write Windows-1252.
        [chosen, note] = ['windows-1252', 'not valid UTF-8: read as Windows-1252 (say --encoding if that is wrong)'];
      }
    }
  }
  if (encoding !== 'auto' && encoding !== chosen) {
    note = `the file's byte-order mark says ${chosen.toUpperCase()}; --encoding ${encoding} ignored`;
  }
  const text = checked ?? (chosen === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(chosen).decode(body));
  assertText(text, file);
  return { text: text.replace(/^\uFEFF/, ''), encoding: chosen, note };
}

// Text handed over already decoded (the web client's textarea, tests): only the checks apply.
export function checkedText(text: string, file: string): string {
  if (text.length === 0) throw fail(file, 'the file is empty');
  assertText(text, file);
  return text.replace(/^\uFEFF/, '');
}

function assertText(text: string, file: string): void {
  if (text.trim() === '') throw fail(file, 'the file is empty (only blank space)');
  const sample = text.slice(0, 65_536);
  const nul = sample.indexOf('\u0000');
  if (nul >= 0) throw fail(file, `this is a binary file, not a contact export (a NUL byte on line ${lineAt(sample, nul)})`);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  if (controls > 8 && controls > sample.length / 100) {
    throw fail(file, `this looks like a binary file, not a contact export (${controls} unprintable characters in the first ${sample.length})`);
  }
}

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;
