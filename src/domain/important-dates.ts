import { z } from 'zod';
import { DATE_KINDS, parseDay, type DateKind } from './card.ts';
import { addDays } from './dates.ts';
import { lineText } from './limits.ts';

// A day that matters to a contact: a birthday, an anniversary, "started at Northstar", "moved to Berlin".
// Yearly unless told otherwise; the year may be unknown for a yearly day (many people give "--06-15"), never for a
// one-off day, which happens only once and so needs its year.
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (year: number | null, month: number): number => (month === 2 ? (year === null || isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);

export const importantDateFields = {
  kind: z.enum(DATE_KINDS).default('other'),
  label: lineText(60).nullish().transform((v) => (v == null || v === '' ? null : v)),
  yearly: z.boolean().default(true),
  year: z.number().int().min(1).max(9999).nullish().transform((v) => v ?? null),
  month: z.number().int().min(1, 'month must be 1 to 12').max(12, 'month must be 1 to 12'),
  day: z.number().int().min(1, 'day must be 1 to 31').max(31, 'day must be 1 to 31'),
};

type DateFields = { yearly: boolean; year: number | null; month: number; day: number };

// Shared by add and edit: February 30 is refused naming `day`; a one-off day without a year naming `year`.
export function checkImportantDate(d: DateFields, ctx: z.RefinementCtx): void {
  const last = daysIn(d.year, d.month);
  if (d.day > last) {
    ctx.addIssue({ code: 'custom', path: ['day'], input: d.day, message: `${d.day} is not a day of month ${d.month}${d.year === null ? '' : ` in ${d.year}`} (it has ${last} days)` });
  }
  if (!d.yearly && d.year === null) ctx.addIssue({ code: 'custom', path: ['year'], message: 'a one-off date needs its year (or make it yearly)' });
}

export const importantDateSchema = z.object(importantDateFields).superRefine(checkImportantDate);
export type ImportantDateInput = z.output<typeof importantDateSchema>;

export interface ImportantDate extends DateFields {
  // null for a birthday kept on the contact itself (contacts.birthday): edited with the contact, not here.
  id: number | null;
  contactId: number;
  kind: DateKind;
  label: string | null;
}

// Rule for February 29 (documented in docs/important-dates.md): a yearly February 29 is kept on February 28 in a
// year without one, so it is never skipped and never lands in March.
export function occurrenceIn(d: Pick<ImportantDate, 'month' | 'day'>, year: number): string {
  const day = d.month === 2 && d.day === 29 && !isLeap(year) ? 28 : d.day;
  return `${String(year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// The first day on or after `from` the date falls on, or null for a one-off date already past.
export function nextOccurrence(d: DateFields, from: string): string | null {
  if (!d.yearly) {
    const on = occurrenceIn(d, d.year!);
    return on >= from ? on : null;
  }
  const year = Number(from.slice(0, 4));
  const thisYear = occurrenceIn(d, year);
  return thisYear >= from ? thisYear : occurrenceIn(d, year + 1);
}

export interface UpcomingDate {
  contactId: number;
  contactName: string;
  dateId: number | null;
  kind: DateKind;
  label: string | null;
  on: string;
  daysAway: number;
  // Years since the first one, when its year is known (the 40th birthday, the 5th work anniversary).
  years: number | null;
}

// Dates falling from `from` to `days` days after it, soonest first.
export function upcoming<T extends ImportantDate & { contactName: string }>(dates: readonly T[], from: string, days: number): UpcomingDate[] {
  const until = addDays(from, days);
  const out: UpcomingDate[] = [];
  for (const d of dates) {
    const on = nextOccurrence(d, from);
    if (on === null || on > until) continue;
    const daysAway = Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    const years = d.yearly && d.year !== null ? Number(on.slice(0, 4)) - d.year : null;
    out.push({ contactId: d.contactId, contactName: d.contactName, dateId: d.id, kind: d.kind, label: d.label, on, daysAway, years: years !== null && years > 0 ? years : null });
  }
  return out.sort((a, b) => a.on.localeCompare(b.on) || a.contactName.localeCompare(b.contactName) || a.contactId - b.contactId);
}

// A contact's birthday field ("1969-06-15" or "--06-15") as a yearly date, or null when it is empty or unreadable.
export function birthdayDate(contactId: number, birthday: string | null): ImportantDate | null {
  if (!birthday) return null;
  const parsed = parseDay(birthday);
  return parsed ? { id: null, contactId, kind: 'birthday', label: null, yearly: true, ...parsed } : null;
}

const ordinal = (n: number): string => {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${tail}`;
};

// How the day reads in a list and in a draft: "40th birthday", "work anniversary", "started at Northstar".
export function occasionPhrase(d: Pick<UpcomingDate, 'kind' | 'label' | 'years'>): string {
  const base = d.kind === 'birthday' ? 'birthday' : d.label ?? (d.kind === 'anniversary' ? 'anniversary' : 'special day');
  return d.years !== null && d.kind !== 'other' ? `${ordinal(d.years)} ${base}` : base;
}

export function occasionSubject(d: Pick<UpcomingDate, 'kind' | 'label' | 'years'>): string {
  if (d.kind === 'birthday') return 'Happy birthday!';
  return `Happy ${occasionPhrase(d)}!`;
}
