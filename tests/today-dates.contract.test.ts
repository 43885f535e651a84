import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { dateAdd } from '../src/services/important-dates.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { today } from '../src/services/today.service.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Frozen at 2027-02-25, a year without February 29, with the default window of 7 days.
describe.each(DIALECTS)('important dates on Today on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect, fixedClock('2027-02-25T09:00:00.000Z')); });
  afterEach(async () => { await t.close(); });

  it('shows a birthday in 3 days with its draft, leaves one in 20 days out, and puts a February 29 birthday on the 28th', async () => {
    const mira = await addContact(t, 'Mira Soon', { birthday: '1990-02-28' });
    await addContact(t, 'Far Away', { birthday: '--03-17' });
    const leap = await addContact(t, 'Leap Year', { birthday: '--02-29' });
    const v = await t.run(today, {});
    expect(v.datesAheadDays).toBe(7);
    expect(v.dates.map((d) => [d.contactId, d.contactName, d.on, d.daysAway, d.years])).toEqual([
      [leap, 'Leap Year', '2027-02-28', 3, null],
      [mira, 'Mira Soon', '2027-02-28', 3, 37],
    ]);
    const miraDate = v.dates.find((d) => d.contactId === mira)!;
    expect(miraDate.draft).toMatchObject({ subject: 'Happy birthday!', template: 'occasion' });
    expect(miraDate.draft!.text).toContain('37th birthday');
  });

  it('follows the datesAheadDays setting and shows a once-only date with its label', async () => {
    const grace = await addContact(t, 'Grace Hopper');
    await t.run(dateAdd, { contactId: grace, label: 'started at Northstar', yearly: false, year: 2027, month: 3, day: 10 });
    expect((await t.run(today, {})).dates).toEqual([]);
    await t.run(settingsUpdate, { datesAheadDays: 14 });
    const v = await t.run(today, {});
    expect(v.dates.map((d) => [d.contactName, d.label, d.on, d.daysAway])).toEqual([['Grace Hopper', 'started at Northstar', '2027-03-10', 13]]);
    expect(v.dates[0]!.draft!.subject).toBe('Happy started at Northstar!');
  });

  it('leaves dates out when one section is paged', async () => {
    await addContact(t, 'Mira Soon', { birthday: '1990-02-27' });
    expect((await t.run(today, { section: 'keep-in-touch' })).dates).toEqual([]);
  });
});
