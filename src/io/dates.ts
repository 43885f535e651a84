import { isValidIsoDay } from '../domain/dates.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number | string) => String(n).padStart(2, '0');

function day(y: number | string, m: number | string, d: number | string): string | null {
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isValidIsoDay(iso) ? iso : null;
}

const monthIndex = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

// LinkedIn's "Connected On": "09 Oct 2024" in exports since about 2019; older ones and spreadsheets re-saving them vary.
export function parseExportDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(v);
  if (m && monthIndex(m[2]!) > 0) return day(m[3]!, monthIndex(m[2]!), m[1]!);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(v);
  if (m && monthIndex(m[1]!) > 0) return day(m[3]!, monthIndex(m[1]!), m[2]!);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) return day(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return day(m[3]!, m[1]!, m[2]!);
  return null;
}

// Birthdays as vCard, Google and Outlook write them → YYYY-MM-DD, or --MM-DD when the year is not shared.
// Returns null when the text is not a date this can read (the caller keeps it in the notes).
export function normaliseBirthday(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) return day(m[1]!, m[2]!, m[3]!);
  m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return isValidIsoDay(`2000-${m[1]}-${m[2]}`) ? `--${m[1]}-${m[2]}` : null;
  // US order: Outlook writes M/D/YYYY (and 0/0/00 for none, which callers treat as blank).
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return day(m[3]!, m[1]!, m[2]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (m) return day(m[3]!, m[2]!, m[1]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v);
  if (m) return day(m[1]!, m[2]!, m[3]!);
  return parseExportDate(v);
}

export const isBlankDate = (value: string): boolean => /^[0/.\-\s]*$/.test(value.trim());
