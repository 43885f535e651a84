import ical from 'ical-generator';

export interface CalendarItem {
  // Stable across exports, so a subscribed calendar updates an entry instead of duplicating it.
  uid: string;
  day: string;
  summary: string;
  description: string | null;
  // When the item was made: the DTSTAMP, so the same data gives the same file.
  createdAt: string;
}

export function calendarText(name: string, items: readonly CalendarItem[]): string {
  const cal = ical({ name, prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' } });
  for (const item of items) {
    cal.createEvent({
      id: item.uid,
      start: new Date(`${item.day}T00:00:00Z`),
      allDay: true,
      summary: item.summary,
      ...(item.description ? { description: item.description } : {}),
      stamp: new Date(item.createdAt),
    });
  }
  return cal.toString();
}
