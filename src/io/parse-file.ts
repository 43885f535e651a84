import { RapportError } from '../domain/errors.ts';
import { isGoogleHeader, isOutlookHeader } from './csv-flavours.ts';
import { parseCsvFile } from './csv-file.ts';
import { genericTarget } from './csv-generic.ts';
import { normaliseNewlines, readCsv } from './csv-read.ts';
import type { ImportFormat, ParsedFile, ParsedRecord, RecordSink } from './import-record.ts';
import { findLinkedInHeader } from './linkedin.ts';
import { parseVcardFile } from './vcard-read.ts';

export const BACKUP_MARKER = 'rapport-backup';

// From what the file says, never its name: people rename exports, and browsers hand over "blob".
export function detectFormat(text: string, file: string): ImportFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (new RegExp(`"format"\\s*:\\s*"${BACKUP_MARKER}"`).test(head)) return 'json';
    throw new RapportError('invalid', `${file}: this JSON is not a Rapport backup (no "format": "${BACKUP_MARKER}")`);
  }
  const lines = normaliseNewlines(head).split('\n');
  const meaningful = lines.filter((l) => l.trim() !== '');
  if (meaningful.slice(0, 20).some((l) => /^begin:vcard\s*$/i.test(l.trim()))) return 'vcard';
  if (/^"?notes:"?\s*$/i.test(meaningful[0]?.trim() ?? '') || findLinkedInHeader(lines) !== null) return 'linkedin';
  const first = meaningful[0] ?? '';
  const cells = readCsv(first, file)[0]?.cells ?? [];
  if (isGoogleHeader(cells)) return 'google';
  if (isOutlookHeader(cells)) return 'outlook';
  if (cells.length >= 2 || (cells.length === 1 && genericTarget(cells[0]!) !== null)) return 'csv';
  throw new RapportError('invalid', `${file}: cannot tell what this file is (not a vCard, a CSV with a header row, or a Rapport backup); name it with --format`);
}

export interface ParseOptions {
  format: ImportFormat | 'auto';
  map?: string | undefined;
  noPhotos?: boolean | undefined;
}

// Contact files only; a JSON backup is restored whole, not parsed into rows.
export function parseContactFile(text: string, file: string, options: ParseOptions, sink: RecordSink): ParsedFile {
  const normalised = normaliseNewlines(text);
  const format = options.format === 'auto' ? detectFormat(normalised, file) : options.format;
  switch (format) {
    case 'vcard': return parseVcardFile(normalised, file, { noPhotos: options.noPhotos }, sink);
    case 'json': throw new Error('parseContactFile: a backup is restored, not parsed into rows');
    default: return parseCsvFile(normalised, file, format, options.map, sink);
  }
}

// Every record at once, for tests and small files.
export function readAllRecords(text: string, file: string, options: ParseOptions): { parsed: ParsedFile; records: ParsedRecord[] } {
  const records: ParsedRecord[] = [];
  const parsed = parseContactFile(text, file, options, (r) => records.push(r));
  return { parsed, records };
}
