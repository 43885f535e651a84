import { RapportError } from '../domain/errors.ts';
import { headerKey, isBlankRow, readCsv, unwrapRow } from './csv-read.ts';
import { rowToRecord, type Target } from './csv-columns.ts';
import type { ParsedFile, RecordSink } from './import-record.ts';

const COLUMNS: Record<string, Omit<Target, 'column'>> = {
  'first name': { to: 'givenName' },
  'last name': { to: 'familyName' },
  url: { to: 'webLinks', label: 'LinkedIn' },
  'profile url': { to: 'webLinks', label: 'LinkedIn' },
  'email address': { to: 'emails' },
  company: { to: 'organisation' },
  position: { to: 'title' },
  'connected on': { to: 'connectedOn' },
};

const MODERN = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];
const OLDER = ['First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On'];

const splitHeader = (line: string): string[] => line.split(',').map((c) => headerKey(c.replace(/"/g, '')));

// LinkedIn puts a "Notes:" preamble (quoted or not, sometimes after a BOM) above the header; exporters differ in its length.
export function findLinkedInHeader(lines: readonly string[]): number | null {
  for (let i = 0; i < Math.min(lines.length, 25); i++) {
    const cells = splitHeader(lines[i]!);
    if (cells.includes('first name') && cells.includes('last name') && (cells.includes('connected on') || cells.includes('position'))) return i;
  }
  return null;
}

// Names as LinkedIn shows them keep titles, nicknames and emoji; given/family names are for sorting, so they drop them.
const forSorting = (part: string | null): string | null => {
  if (part === null) return null;
  if (/^[A-Za-z0-9' -]+$/.test(part) && !/^(dr|mr|mrs|ms|prof|sir)\s/i.test(part)) return part.trim() || null;
  const cleaned = part
    .replace(/\([^)]*\)|"[^"]*"/g, ' ')
    .replace(/^\s*(dr|mr|mrs|ms|prof|sir)\.?\s+/i, '')
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? null : cleaned;
};

export function parseLinkedIn(text: string, file: string, sink: RecordSink): ParsedFile {
  // The header is near the top; splitting the whole file into lines would copy it for nothing.
  const lines = text.slice(0, 16_384).split('\n').slice(0, 25);
  const headerAt = findLinkedInHeader(lines);
  let header: string[];
  let firstDataLine: number;
  const warnings: string[] = [];
  if (headerAt !== null) {
    header = readCsv(lines[headerAt]!, file, { numberFrom: headerAt + 1 })[0]?.cells ?? [];
    firstDataLine = headerAt + 2;
  } else {
    // Some people strip the preamble and header before sharing a file: tell the layouts apart by width.
    const first = readCsv(text.slice(0, 16_384), file).find((r) => !isBlankRow(r.cells));
    if (!first) throw new RapportError('invalid', `${file}: no LinkedIn connections in the file`);
    const width = first.cells.length === 1 ? unwrapRow(first.cells, 7, file, first.line).length : first.cells.length;
    if (width !== 6 && width !== 7) {
      throw new RapportError('invalid', `${file} line ${first.line}: no LinkedIn header ("First Name,Last Name,...") and ${width} columns, not LinkedIn's 6 or 7`);
    }
    header = width === 7 ? MODERN : OLDER;
    firstDataLine = 1;
    warnings.push(`no header row: read as LinkedIn's ${width === 7 ? 'current' : 'older'} ${width}-column layout`);
  }
  const targets = header.map((h) => {
    const known = COLUMNS[headerKey(h)];
    return known ? { ...known, column: h.trim() } : null;
  });
  const ignored = header.filter((_, i) => targets[i] === null).map((h) => h.trim()).filter(Boolean);
  if (ignored.length) warnings.push(`columns not imported: ${ignored.join(', ')}`);

  const out: ParsedFile = { format: 'linkedin', blankLines: [], rejected: [], warnings, header: headerAt === null ? header.join(',') : lines[headerAt]! };
  readCsv(text, file, { from: firstDataLine }, (row) => {
    const cells = unwrapRow(row.cells, header.length, file, row.line);
    if (isBlankRow(cells)) {
      out.blankLines.push(row.line);
      return;
    }
    const record = rowToRecord(cells, targets, row.line, row.raw);
    if (cells !== row.cells) record.warnings.push('the whole row was wrapped in quotes (re-saved by a spreadsheet?): unwrapped');
    record.fields.givenName = forSorting(record.fields.givenName);
    record.fields.familyName = forSorting(record.fields.familyName);
    sink(record);
  });
  return out;
}
