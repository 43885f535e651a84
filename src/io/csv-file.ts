import { RapportError } from '../domain/errors.ts';
import { rowToRecord, type Target } from './csv-columns.ts';
import { googleTarget, outlookTarget } from './csv-flavours.ts';
import { assertMapColumns, genericTarget, NAME_FIELDS, parseColumnMap } from './csv-generic.ts';
import { headerKey, isBlankRow, readCsv, unwrapRow, type CsvRow } from './csv-read.ts';
import type { ImportFormat, ParsedFile, RecordSink } from './import-record.ts';
import { parseLinkedIn } from './linkedin.ts';

type CsvFormat = Extract<ImportFormat, 'linkedin' | 'google' | 'outlook' | 'csv'>;
type Rule = Omit<Target, 'column'>;

const RULES: Record<Exclude<CsvFormat, 'linkedin'>, (header: string) => Rule | null> = {
  google: googleTarget,
  outlook: outlookTarget,
  csv: genericTarget,
};

// Any CSV with a header row: Google, Outlook, or anything else by header names plus --map.
export function parseCsvFile(text: string, file: string, format: CsvFormat, mapSpec: string | undefined, sink: RecordSink): ParsedFile {
  const map = parseColumnMap(mapSpec);
  if (format === 'linkedin' && map.size === 0) return parseLinkedIn(text, file, sink);
  const headerRow = firstNonBlankRow(text, file);
  if (!headerRow) throw new RapportError('invalid', `${file}: no header row`);
  const header = headerRow.cells;
  assertMapColumns(map, header, file);
  const rule = format === 'linkedin' ? genericTarget : RULES[format];
  const targets: (Target | null)[] = header.map((h) => {
    const r = map.get(headerKey(h)) ?? rule(h) ?? (format === 'csv' ? null : genericTarget(h));
    return r ? { ...r, column: h.trim() } : null;
  });
  if (!targets.some((t) => t && NAME_FIELDS.has(t.to))) {
    throw new RapportError('invalid', `${file} line ${headerRow.line}: no column holds a name, email or organisation (columns: ${header.map((h) => h.trim()).join(', ')}); say which with --map "Column=name"`, {
      problems: [{ path: 'map', message: 'no name column' }],
    });
  }
  const warnings: string[] = [];
  const ignored = header.filter((h, i) => (targets[i] === null || targets[i]!.to === 'ignore') && h.trim() !== '' && !map.has(headerKey(h)));
  if (ignored.length) warnings.push(`columns not imported: ${ignored.map((h) => h.trim()).join(', ')}`);
  const out: ParsedFile = { format, blankLines: [], rejected: [], warnings, header: headerRow.raw };
  readCsv(text, file, { from: headerRow.line + 1 }, (row) => {
    const cells = unwrapRow(row.cells, header.length, file, row.line);
    if (isBlankRow(cells)) {
      out.blankLines.push(row.line);
      return;
    }
    const record = rowToRecord(cells, targets, row.line, row.raw);
    if (cells !== row.cells) record.warnings.push('the whole row was wrapped in quotes: unwrapped');
    sink(record);
  });
  return out;
}

// The header: the first line with something in it (a header row never spans lines).
function firstNonBlankRow(text: string, file: string): CsvRow | null {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const physical = text.slice(start, end < 0 ? text.length : end);
    if (physical.trim() !== '') {
      const row = readCsv(physical, file, { numberFrom: line })[0];
      if (row && !isBlankRow(row.cells)) return row;
    }
    if (end < 0) return null;
    start = end + 1;
  }
  return null;
}
