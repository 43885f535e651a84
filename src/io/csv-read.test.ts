import { describe, expect, it } from 'vitest';
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
