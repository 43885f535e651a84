import { CsvError, parse } from 'csv-parse/sync';
import { RapportError } from '../domain/errors.ts';

export interface CsvRow {
  line: number;
  cells: string[];
  raw: string;
}

export const normaliseNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');

const fileError = (file: string, line: number, message: string) =>
  new RapportError('invalid', `${file} line ${line}: ${message}`, { problems: [{ path: `line ${line}`, message }] });

// Reads CSV text (newlines already \n) from a 1-based line of it (`from`), or, with `numberFrom`, text that is itself a
// fragment starting at that line of the file; each row keeps its first line number and raw text.
// With `onRow`, each row is handed over as it is read and none are kept (30,000 rows held at once cost the
// garbage collector more than the parsing), and the result is empty.
export function readCsv(text: string, file: string, at: { from?: number; numberFrom?: number } = {}, onRow?: (row: CsvRow) => void): CsvRow[] {
  const firstLine = at.from ?? at.numberFrom ?? 1;
  // Offsets of line starts let each row's raw text be a slice of the file, not a copy (30,000 copies weigh).
  const starts = lineStarts(text);
  const offset = at.from && at.from > 1 ? starts[at.from - 1] ?? text.length : 0;
  const body = offset > 0 ? text.slice(offset) : text;
  // Lines of `text` skipped before `body`, and the shift from a line of `body` to a line of the file.
  const skip = at.from && at.from > 1 ? at.from - 1 : 0;
  const shift = firstLine - 1;
  const rows: CsvRow[] = [];
  let next = 1;
  const take = (record: string[]): null => {
    // A record spans one line plus the newlines quoted inside its cells (csv-parse's per-record info objects
    // would say the same, at a cost 30,000 rows feel).
    let last = next;
    for (const cell of record) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) last++;
    const start = starts[next + skip - 1] ?? text.length;
    const end = last + skip < starts.length ? starts[last + skip]! - 1 : text.length;
    const row = { line: next + shift, cells: record, raw: text.slice(start, Math.max(start, end)) };
    if (onRow) onRow(row);
    else rows.push(row);
    next = last + 1;
    return null;
  };
  try {
    parse(body, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, ltrim: true, rtrim: true, on_record: take });
  } catch (e) {
    if (e instanceof CsvError) {
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        const at = unclosedQuoteLine(body);
        throw fileError(file, at + firstLine - 1, 'a quoted field opened here is never closed (a missing " ?); nothing was imported');
      }
      const line = typeof (e as CsvError & { lines?: number }).lines === 'number' ? (e as CsvError & { lines: number }).lines : 0;
      throw fileError(file, line + firstLine - 1, `${e.message.replace(/\s+at line \d+.*$/, '')}; nothing was imported`);
    }
    throw e;
  }
  return rows;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

// csv-parse reports where the file ended; the user needs the line where the quote opened.
function unclosedQuoteLine(text: string): number {
  let line = 1, openedAt = 1, inQuotes = false, fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && fieldStart) [inQuotes, openedAt] = [true, line];
    else if (c === '\n') line++;
    fieldStart = c === ',' || c === '\n' || ((c === ' ' || c === '\t') && fieldStart);
  }
  return openedAt;
}

// A header cell as people write it: "E-mail 1 - Value", "\uFEFFFirst Name", "First Name " → comparable text.
export const headerKey = (cell: string): string => cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

// A spreadsheet re-saved some rows wrapped whole in quotes (inner quotes doubled): one cell holding the whole row.
export function unwrapRow(cells: string[], width: number, file: string, line: number): string[] {
  if (width <= 1 || cells.length !== 1 || !cells[0]!.includes(',')) return cells;
  const inner = readCsv(cells[0]!, file, { numberFrom: line });
  return inner.length === 1 ? inner[0]!.cells : cells;
}
