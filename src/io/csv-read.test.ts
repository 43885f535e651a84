import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { RapportError } from '../domain/errors.ts';
import { readCsv, unwrapRow } from './csv-read.ts';

describe('readCsv', () => {
  it('numbers rows by their first line, through quoted newlines and blank lines, with raw text', () => {
    const rows = readCsv('a,b\n1,"two\nlines"\n\n3,4\n', 'f.csv');
    expect(rows.map((r) => [r.line, r.cells, r.raw])).toEqual([[1, ['a', 'b'], 'a,b'], [2, ['1', 'two\nlines'], '1,"two\nlines"'], [4, [''], ''], [5, ['3', '4'], '3,4']]);
  });
  it('starts at a line of the text, or numbers a fragment from a line of the file', () => {
    expect(readCsv('x\ny\na,b\n', 'f', { from: 3 })).toEqual([{ line: 3, cells: ['a', 'b'], raw: 'a,b' }]);
    expect(readCsv('a,b', 'f', { numberFrom: 9 })[0]!.line).toBe(9);
  });
  it('names the line where an unclosed quote opened', () => {
    expect(() => readCsv('a,b\n1,2\n3,"open\n4,5\n6,7\n', 'f.csv')).toThrow('f.csv line 3: a quoted field opened here is never closed');
  });
  it('unwraps a row a spreadsheet wrapped whole in quotes', () => {
    const [row] = readCsv('"Laura,Herbst,,Interhyp, ""Digital, Student"",07 May 2021"', 'f');
    expect(unwrapRow(row!.cells, 6, 'f', 1)).toEqual(['Laura', 'Herbst', '', 'Interhyp', 'Digital, Student', '07 May 2021']);
    expect(unwrapRow(['just one'], 6, 'f', 1)).toEqual(['just one']);
  });
});

// readCsv reads plain files itself and leaves the rest to csv-parse: on any text, the cells must be csv-parse's.
describe('readCsv and csv-parse agree', () => {
  const pieces = ['a', 'Bob', ' ', '  ', ',', ',', '"', '""', '\n', '\n', '\t', 'é', '\u00a0', '\uFEFF', '😀', 'x y', '\u2028', '\r\n'];
  // A small deterministic generator (mulberry32), so a failure names a seed that reproduces it.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const csvParse = (text: string): string[][] | string => {
    try {
      return parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, ltrim: true, rtrim: true }) as string[][];
    } catch (e) {
      return (e as Error).constructor.name;
    }
  };
  it('on thousands of random texts of quotes, commas, spaces and newlines', () => {
    for (let seed = 1; seed <= 4000; seed++) {
      const next = random(seed);
      const length = Math.floor(next() * 30);
      const text = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      let ours: string[][] | string;
      try {
        ours = readCsv(text, 'f.csv').map((r) => r.cells);
      } catch (e) {
        ours = e instanceof RapportError ? 'CsvError' : String(e);
      }
      expect(ours, `seed ${seed}: ${JSON.stringify(text)}`).toEqual(csvParse(text));
    }
  });
  it('on well-formed quoted cells, and starting at a later line', () => {
    const text = 'h1,h2,h3\n"a, b",c,"say ""hi"""\n"multi\nline",  spaced  ,""\n\nlast,"x"\n';
    expect(readCsv(text, 'f').map((r) => r.cells)).toEqual(csvParse(text));
    expect(readCsv(text, 'f', { from: 3 }).map((r) => [r.line, r.cells, r.raw])).toEqual([
      [3, ['multi\nline', 'spaced', ''], '"multi\nline",  spaced  ,""'], [5, [''], ''], [6, ['last', 'x'], 'last,"x"'],
    ]);
  });
  it('hands over to csv-parse from the first unusual record, numbering on', () => {
    const rows = readCsv('a,b\n"c" ,d\ne,"f\ng"\n', 'f');
    expect(rows.map((r) => [r.line, r.cells, r.raw])).toEqual([[1, ['a', 'b'], 'a,b'], [2, ['c', 'd'], '"c" ,d'], [3, ['e', 'f\ng'], 'e,"f\ng"']]);
  });
});
