import { describe, expect, it } from 'vitest';
import { addDays, isValidIsoDay } from './dates.ts';

// isValidIsoDay and addDays work by arithmetic for speed; these hold them to what a Date round trip says.
const byDate = {
  valid: (value: string) => {
    const d = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  },
  add: (day: string, days: number) => new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
};
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('calendar days', () => {
  it('a day is valid exactly when the calendar has it (leap years by the Gregorian rule)', () => {
    for (const year of [0, 4, 99, 100, 400, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          expect(isValidIsoDay(value), value).toBe(byDate.valid(value));
        }
      }
    }
    for (const value of ['2024-1-01', '2024-01-01T00:00', ' 2024-01-01', '２０２４-01-01', '']) expect(isValidIsoDay(value), value).toBe(false);
  });

  it('adds days across months, leap days and centuries, from a day or a timestamp', () => {
    for (const day of ['0000-01-01', '0099-12-31', '1900-02-28', '2000-02-28', '2024-02-29T12:00:00.000Z', '2024-12-31', '9999-12-01']) {
      for (const n of [-366, -1, 0, 1, 29, 180, 365, 3650]) expect(addDays(day, n), `${day} + ${n}`).toBe(byDate.add(day, n));
    }
    expect(() => addDays('not a day', 1)).toThrow(RangeError);
  });
});
