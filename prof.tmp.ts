import { readCalendar } from './src/io/calendar-read.ts';
import { calendar, vevent } from './tests/support/ics.ts';
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const people = (i: number): string[] => Array.from({ length: 3 + (i % 3) }, (_, k) => `person${(i * 7 + k * 13) % 600}@example.org`);
const ics: string[] = [];
for (let i = 0; i < 900; i++) { const at = new Date(Date.UTC(2025, 11, 1, 8 + (i % 9)) + Math.floor(i / 3) * 86_400_000); ics.push(vevent({ uid: `s-${i}`, start: stamp(at), summary: `M ${i}`, location: 'Room 4', organizer: 'me@example.org', attendees: people(i) })); }
for (let s = 0; s < 5; s++) ics.push(vevent({ uid: `series-${s}@bench`, start: stamp(new Date(Date.UTC(2026, 5, 1 + s, 9))), rrule: 'FREQ=WEEKLY;COUNT=20', summary: `Series ${s}`, organizer: 'me@example.org', attendees: people(1000 + s) }));
const text = calendar(ics);
for (let k = 0; k < 4; k++) { const c = process.cpuUsage(); const r = readCalendar(text, new Date('2025-11-23T12:00:00Z'), new Date('2026-11-23T12:00:00Z')); const u = process.cpuUsage(c); console.log(r.occurrences.length, (u.user + u.system) / 1000); }
