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
  // Lines of `text` skipped before the first one read, and a line of `text` as a line of the file.
  const skip = at.from && at.from > 1 ? at.from - 1 : 0;
  const fileLine = (textLine: number): number => textLine - skip + firstLine - 1;
  const rows: CsvRow[] = [];
  // A record spans one line plus the newlines quoted inside its cells.
  const take = (textLine: number, cells: string[]): number => {
    let last = textLine;
    for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) last++;
    const start = starts[textLine - 1] ?? text.length;
    const end = last < starts.length ? starts[last]! - 1 : text.length;
    const row = { line: fileLine(textLine), cells, raw: text.slice(start, Math.max(start, end)) };
    if (onRow) onRow(row);
    else rows.push(row);
    return last + 1;
  };
  const from = skip + 1;
  const rest = plainRecords(text, starts, from, take);
  if (rest !== null) parsedRecords(text, starts, rest, file, fileLine, take);
  return rows;
}

// The usual file, read here directly: fields plain or wholly quoted ("a ""b"", c"), nothing else in a quoted cell's
// line. csv-parse reads exactly these the same way, and is left everything else (a quote inside a plain cell, spaces
// around a quoted one, an unclosed quote, carriage returns, text that is not well-formed UTF-16) from the first
// record that has any of it, so its rules and messages stay the only ones. Returns the line of `text` where csv-parse
// takes over, or null when every record was read. 30,000 rows through csv-parse cost more than the rest of reading.
function plainRecords(text: string, starts: readonly number[], fromLine: number, take: (textLine: number, cells: string[]) => number): number | null {
  let i = fromLine <= 1 ? 0 : starts[fromLine - 1] ?? text.length;
  if (text.indexOf('\r', i) >= 0 || !wellFormed(text)) return fromLine;
  const n = text.length;
  let line = fromLine;
  // The next quote at or after i (n when none): a line before it is split as it is.
  let quote = -1;
  while (i < n) {
    if (quote < i) {
      quote = text.indexOf('"', i);
      if (quote < 0) quote = n;
    }
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    if (eol < quote || quote === n) {
      const cells = text.slice(i, eol).split(',');
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k]!;
        if (cell.length > 0 && (maybeSpace(cell.charCodeAt(0)) || maybeSpace(cell.charCodeAt(cell.length - 1)))) cells[k] = cell.trim();
      }
      // Nothing but spaces after the last newline is no record.
      if (eol === n && cells.length === 1 && cells[0] === '') return null;
      i = eol + 1;
      line = take(line, cells);
      continue;
    }
    const cells: string[] = [];
    for (;;) {
      let c: number;
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return line;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        c = i < n ? text.charCodeAt(i) : NEWLINE;
        if (c !== COMMA && c !== NEWLINE) return line;
        cells.push(value);
      } else {
        let j = i;
        for (; j < n; j++) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === NEWLINE) break;
          if (c === QUOTE) return line;
        }
        c = j < n ? text.charCodeAt(j) : NEWLINE;
        const raw = text.slice(i, j);
        const value = j > i && (maybeSpace(text.charCodeAt(i)) || maybeSpace(text.charCodeAt(j - 1))) ? raw.trim() : raw;
        // Nothing but spaces after the last newline is no record.
        if (j >= n && cells.length === 0 && value === '') return null;
        cells.push(value);
        i = j;
      }
      i++;
      if (c === NEWLINE) break;
      // A comma ending the text leaves one more (empty) cell.
      if (i >= n) {
        cells.push('');
        break;
      }
    }
    line = take(line, cells);
  }
  return null;
}

const QUOTE = 34, COMMA = 44, NEWLINE = 10;
// csv-parse trims what String.prototype.trim does: ASCII spaces and controls, and some characters above U+007F.
const maybeSpace = (c: number): boolean => c <= 32 || c >= 0x80;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// csv-parse reads UTF-8 bytes, which turn a lone surrogate into U+FFFD; such text is left to it.
const wellFormed = (text: string): boolean => {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
};

// csv-parse from a line of `text` to its end.
function parsedRecords(text: string, starts: readonly number[], fromLine: number, file: string, fileLine: (textLine: number) => number, take: (textLine: number, cells: string[]) => number): void {
  const offset = fromLine <= 1 ? 0 : starts[fromLine - 1] ?? text.length;
  const body = offset > 0 ? text.slice(offset) : text;
  let next = fromLine;
  try {
    parse(body, {
      relax_column_count: true, relax_quotes: true, skip_empty_lines: false, ltrim: true, rtrim: true,
      on_record: (record: string[]): null => {
        next = take(next, record);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) {
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        const at = unclosedQuoteLine(body);
        throw fileError(file, fileLine(at + fromLine - 1), 'a quoted field opened here is never closed (a missing " ?); nothing was imported');
      }
      const line = typeof (e as CsvError & { lines?: number }).lines === 'number' ? (e as CsvError & { lines: number }).lines : 0;
      throw fileError(file, fileLine(line + fromLine - 1), `${e.message.replace(/\s+at line \d+.*$/, '')}; nothing was imported`);
    }
    throw e;
  }
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
