import { z } from 'zod';

// Dates travel as ISO strings: YYYY-MM-DD for calendar days, full ISO-8601 UTC for instants.
// Both sort as text, so SQLite and PostgreSQL share one query.
export const DAY_MS = 86_400_000;

const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDay(value: string): boolean {
  if (!isoDayPattern.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
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

export function addDays(day: string, days: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return toIsoDay(new Date(d.getTime() + days * DAY_MS));
}

export function daysBetween(fromDay: string, toDay: string): number {
  const a = Date.parse(`${fromDay.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${toDay.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
}
