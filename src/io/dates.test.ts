import { describe, expect, it } from 'vitest';
import { isBlankDate, normaliseBirthday, parseExportDate } from './dates.ts';

describe('dates from other tools', () => {
  it('reads LinkedIn "Connected On" and its variants', () => {
    expect(parseExportDate('09 Oct 2024')).toBe('2024-10-09');
    expect(parseExportDate('9 October 2024')).toBe('2024-10-09');
    expect(parseExportDate('Oct 9, 2024')).toBe('2024-10-09');
    expect(parseExportDate('2024-10-09')).toBe('2024-10-09');
    expect(parseExportDate('31 Feb 2024')).toBeNull();
    expect(parseExportDate('Octember 9')).toBeNull();
  });
  it('normalises birthdays, keeping a missing year missing', () => {
    expect(normaliseBirthday('19960415')).toBe('1996-04-15');
    expect(normaliseBirthday('1996-04-15T00:00:00Z')).toBe('1996-04-15');
    expect(normaliseBirthday('--0415')).toBe('--04-15');
    expect(normaliseBirthday('--04-15')).toBe('--04-15');
    expect(normaliseBirthday('12/9/1906')).toBe('1906-12-09');
    expect(normaliseBirthday('15.04.1996')).toBe('1996-04-15');
    expect(normaliseBirthday('--02-30')).toBeNull();
    expect(normaliseBirthday('circa 1800')).toBeNull();
    expect(isBlankDate('0/0/00')).toBe(true);
    expect(isBlankDate('1/1/00')).toBe(false);
  });
});
