import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCalendar } from '../src/io/calendar-read.ts';
import { BERLIN, calendar, vevent, weeklyWithExceptions } from './support/ics.ts';

// Recurrences, exceptions, cancellations and time zones as python3-icalendar with dateutil's rrule reads them
// (tests/oracles/ical_occurrences.py): an outside reader of the same text, not Rapport's own.
const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('./oracles/ical_occurrences.py', import.meta.url).pathname;
const available = spawnSync(PYTHON, ['-c', 'import icalendar, dateutil'], { stdio: 'ignore' }).status === 0;
if (!available && process.env.CI) throw new Error(`python3-icalendar and python3-dateutil are not importable by ${PYTHON}; CI requires them`);

const FROM = '2025-11-23T12:00:00.000Z';
const TO = '2026-11-23T12:00:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'rapport-ical-oracle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = [string, string, string, boolean];
const sorted = (rows: Row[]) => rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
function both(name: string, text: string): { ours: Row[]; theirs: Row[] } {
  const file = join(dir, `${name}.ics`);
  writeFileSync(file, text);
  const reading = readCalendar(text, new Date(FROM), new Date(TO));
  expect(reading.problems).toEqual([]);
  const ours = sorted(reading.occurrences.map((o): Row => [o.uid, o.recurrenceId, o.start, o.cancelled]));
  const theirs = sorted(JSON.parse(execFileSync(PYTHON, [SCRIPT, file, FROM, TO], { encoding: 'utf8' })) as Row[]);
  return { ours, theirs };
}

describe.skipIf(!available)('calendar reading against python3-icalendar', () => {
  it('a weekly meeting in Berlin time with an EXDATE, a moved occurrence and a cancelled one', () => {
    const { ours, theirs } = both('weekly', calendar(weeklyWithExceptions(), [BERLIN]));
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(5);
  });

  it('a weekly meeting across the spring clock change, with and without the zone defined in the file', () => {
    const events = [vevent({ uid: 'spring@x', start: 'TZID=Europe/Berlin:20260302T090000', rrule: 'FREQ=WEEKLY;COUNT=8', summary: 'Spring' })];
    const defined = both('spring-defined', calendar(events, [BERLIN]));
    expect(defined.ours).toEqual(defined.theirs);
    const platform = both('spring-platform', calendar(events));
    expect(platform.ours).toEqual(platform.theirs);
    // 09:00 in Berlin is 08:00 UTC in March before the 29th, 07:00 after.
    expect(defined.ours.map((r) => r[2].slice(5, 16))).toContain('03-23T08:00');
    expect(defined.ours.map((r) => r[2].slice(5, 16))).toContain('03-30T07:00');
  });

  it('a daily New York meeting until a UTC instant, across the autumn clock change', () => {
    const { ours, theirs } = both('autumn', calendar([vevent({ uid: 'ny@x', start: 'TZID=America/New_York:20261025T080000', rrule: 'FREQ=DAILY;UNTIL=20261105T130000Z', summary: 'NY' })]));
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(12);
  });

  it('an all-day weekly event with an excluded day and a cancelled day', () => {
    const { ours, theirs } = both('all-day', calendar([
      vevent({ uid: 'day@x', start: 'VALUE=DATE:20261001', rrule: 'FREQ=WEEKLY;COUNT=6', exdate: 'VALUE=DATE:20261015', summary: 'Offsite' }),
      vevent({ uid: 'day@x', start: 'VALUE=DATE:20261022', recurrenceId: 'VALUE=DATE:20261022', status: 'CANCELLED', summary: 'Offsite' }),
    ]));
    expect(ours).toEqual(theirs);
    expect(ours.filter((r) => r[3]).map((r) => r[1])).toEqual(['2026-10-22']);
  });

  it('a cancellation sent as METHOD:CANCEL cancels its event without STATUS', () => {
    const text = calendar([vevent({ uid: 'off@x', start: '20261110T090000Z', summary: 'Called off' })]).replace('VERSION:2.0', 'VERSION:2.0\r\nMETHOD:CANCEL');
    const { ours, theirs } = both('cancel', text);
    expect(ours).toEqual(theirs);
    expect(ours).toEqual([['off@x', '', '2026-11-10T09:00:00.000Z', true]]);
  });

  it('a daily stand-up running since 1960 gives the window\'s occurrences, not an error', () => {
    const { ours, theirs } = both('since-1960', calendar([vevent({ uid: 'standup@x', start: '19600104T090000Z', rrule: 'FREQ=DAILY', summary: 'Stand-up' })]));
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(365);
  });
});
