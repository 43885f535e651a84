import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { calendar } from '../src/services/calendar.service.ts';
import { contactArchive } from '../src/services/contacts.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { backupRestore } from '../src/services/backup-restore.ts';
import { dateAdd, dateList, dateRemove, datesUpcoming, dateUpdate } from '../src/services/important-dates.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { addContact } from './support/builders.ts';
import { icalendarEvents, oracleAvailable } from './support/oracle.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('important dates on %s', (dialect) => {
  let t: TestContext;
  // 2027 has no February 29.
  beforeEach(async () => { t = await testContext(dialect, fixedClock('2027-02-25T09:00:00.000Z')); });
  afterEach(async () => { await t.close(); });

  it('February 30 is refused naming the field; a one-off date without a year names the year', async () => {
    const ada = await addContact(t, 'Ada Lovelace');
    await expect(t.run(dateAdd, { contactId: ada, month: 2, day: 30, label: 'joined' })).rejects.toThrow(/day: 30 is not a day of month 2/);
    await expect(t.run(dateAdd, { contactId: ada, month: 6, day: 1, yearly: false, label: 'moved to Berlin' })).rejects.toThrow(/year: a one-off date needs its year/);
    expect(await t.run(dateList, { contactId: ada })).toEqual([]);
  });

  it('add, edit and remove a date; an edit that makes a bad day is refused and changes nothing', async () => {
    const ada = await addContact(t, 'Ada Lovelace');
    const added = await t.run(dateAdd, { contactId: ada, kind: 'anniversary', label: 'started at Northstar', year: 2019, month: 3, day: 31 });
    await expect(t.run(dateUpdate, { id: added.id, month: 4 })).rejects.toThrow(/day: 31 is not a day of month 4/);
    await t.run(dateUpdate, { id: added.id, day: 30, month: 4, yearly: false });
    expect(await t.run(dateList, { contactId: ada })).toEqual([
      { id: added.id, contactId: ada, kind: 'anniversary', label: 'started at Northstar', yearly: false, year: 2019, month: 4, day: 30 },
    ]);
    await t.run(dateRemove, { id: added.id });
    expect(await t.run(dateList, { contactId: ada })).toEqual([]);
    await expect(t.run(dateRemove, { id: added.id })).rejects.toThrow(/no important date with id/);
  });

  it('upcoming: a Feb 29 birthday falls on Feb 28 in 2027, with years counted; once-only past dates and far dates are left out; drafts for the occasion', async () => {
    const leap = await addContact(t, 'Leap Year', { birthday: '1988-02-29' });
    const grace = await addContact(t, 'Grace Hopper');
    await t.run(dateAdd, { contactId: grace, kind: 'anniversary', label: 'work anniversary', year: 2020, month: 3, day: 1 });
    await t.run(dateAdd, { contactId: grace, label: 'moved to Berlin', yearly: false, year: 2026, month: 2, day: 26 });
    await t.run(dateAdd, { contactId: grace, label: 'far away', month: 3, day: 20 });
    await t.run(contactArchive, { ids: [await addContact(t, 'Archived Person', { birthday: '--02-26' })] });
    const r = await t.run(datesUpcoming, { drafts: true });
    expect(r.items.map((i) => [i.contactName, i.on, i.daysAway, i.years])).toEqual([
      ['Leap Year', '2027-02-28', 3, 39],
      ['Grace Hopper', '2027-03-01', 4, 7],
    ]);
    expect(r.items[0]!.draft).toMatchObject({ subject: 'Happy birthday!' });
    expect(r.items[0]!.draft!.text).toContain('your 39th birthday today');
    expect(r.items[1]!.draft!.subject).toBe('Happy 7th work anniversary!');
    void leap;
    // The window is a setting.
    await t.run(settingsUpdate, { datesAheadDays: 3 });
    expect((await t.run(datesUpcoming, {})).items.map((i) => i.contactName)).toEqual(['Leap Year']);
  });

  it('a one-off date survives a backup and restore as one-off', async () => {
    const ada = await addContact(t, 'Ada Lovelace');
    await t.run(dateAdd, { contactId: ada, label: 'moved to Berlin', yearly: false, year: 2026, month: 6, day: 1 });
    const backup = (await t.run(exportOp, { format: 'json' })).content;
    const other = await testContext(dialect);
    try {
      await other.run(backupRestore, { content: backup });
      const [restored] = await other.store.db.selectFrom('contact_dates').select(['yearly', 'year', 'label']).execute();
      expect(restored).toEqual({ yearly: 0, year: 2026, label: 'moved to Berlin' });
    } finally {
      await other.close();
    }
  });

  it.runIf(oracleAvailable)('python-icalendar reads dates as yearly events (Feb 29 on February\'s last day) and alarms at the lead time from settings', async () => {
    const leap = await addContact(t, 'Leap Year', { birthday: '1988-02-29' });
    const ada = await addContact(t, 'Ada Lovelace');
    await t.run(dateAdd, { contactId: ada, kind: 'anniversary', label: 'work anniversary', month: 9, day: 1 });
    await t.run(dateAdd, { contactId: ada, label: 'moved to Berlin', yearly: false, year: 2026, month: 6, day: 1 });
    const events = icalendarEvents((await t.run(calendar, {})).content);
    const byUid = (prefix: string) => events.filter((e) => e.uid.startsWith(prefix));
    // The contacts' own first follow-ups, with the default alarm: 900 minutes before the day starts (9:00 the day before).
    expect(byUid('follow-up-')).toHaveLength(2);
    expect(byUid('follow-up-')[0]!.alarms).toEqual([{ action: 'DISPLAY', trigger: '-1 day, 9:00:00' }]);
    const birthday = byUid(`birthday-${leap}-`)[0]!;
    expect(birthday).toMatchObject({ summary: 'Leap Year: birthday', dtstart: '1988-02-29', rrule: 'FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2' });
    const dated = byUid('date-');
    expect(dated.map((e) => [e.summary, e.dtstart, e.rrule])).toEqual([
      ['Ada Lovelace: work anniversary', '2027-09-01', 'FREQ=YEARLY'],
      ['Ada Lovelace: moved to Berlin', '2026-06-01', null],
    ]);
    await t.run(settingsUpdate, { calendarAlarmMinutes: 30 });
    expect(icalendarEvents((await t.run(calendar, {})).content)[0]!.alarms).toEqual([{ action: 'DISPLAY', trigger: '-1 day, 23:30:00' }]);
    await t.run(settingsUpdate, { calendarAlarmMinutes: null });
    expect(icalendarEvents((await t.run(calendar, {})).content).every((e) => e.alarms.length === 0)).toBe(true);
  });
});
