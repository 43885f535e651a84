// Dates arrive as ISO text (YYYY-MM-DD days, full UTC instants); they are shown in the reader's locale.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}

export function daysFrom(today: string, day: string): number {
  return Math.round((Date.parse(`${day.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

// "in 3 days", "today", "12 days ago": how far a due day is, in words.
export function relativeDay(day: string | null | undefined, today = todayIso()): string {
  if (!day) return '—';
  const n = daysFrom(today, day);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
