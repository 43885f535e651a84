import { z } from 'zod';

// Dates travel as ISO strings: YYYY-MM-DD for calendar days, full ISO-8601 UTC for instants.
// Both sort as text, so SQLite and PostgreSQL share one query.
export const DAY_MS = 86_400_000;

const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// By arithmetic, not a Date round trip: an import checks a date on each of 30,000 rows.
export function isValidIsoDay(value: string): boolean {
  if (!isoDayPattern.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export const isoDay = z
  .string()
  .refine(isValidIsoDay, { message: 'must be a real date written YYYY-MM-DD' });

// Accepts a day or a full timestamp; stored normalised to a full UTC timestamp.
export const isoInstant = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD) or an ISO-8601 timestamp' });
    return z.NEVER;
  }
  return parsed;
});

export function parseInstant(value: string): string | null {
  const trimmed = value.trim();
  if (isValidIsoDay(trimmed)) return `${trimmed}T12:00:00.000Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const d = new Date(trimmed);
  if (Number.isNaN(d.getTime())) return null;
  if (!isValidIsoDay(trimmed.slice(0, 10))) return null;
  return d.toISOString();
}

export const toIsoDay = (d: Date): string => d.toISOString().slice(0, 10);

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

// Written out by hand rather than by toISOString, which is most of the cost when an import computes next due for
// 30,000 contacts; years outside 0000-9999 and invalid days still go through toIsoDay (and its RangeError).
export function addDays(day: string, days: number): string {
  const d = new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * DAY_MS);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return toIsoDay(d);
  return `${String(year).padStart(4, '0')}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())}`;
}

export function daysBetween(fromDay: string, toDay: string): number {
  const a = Date.parse(`${fromDay.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${toDay.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
}
