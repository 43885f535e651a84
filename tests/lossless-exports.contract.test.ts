import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendar } from '../src/services/calendar.service.ts';
import { contactCreate, contactGet } from '../src/services/contacts.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { followUpSnooze } from '../src/services/follow-ups.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { icalendarEvents, oracleAvailable } from './support/oracle.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// What Google's and Outlook's layouts hold, field by field; our importers must read our own exports back.
const ADA = {
  name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', organisation: 'Analytical Engines', title: 'Countess', birthday: '1815-12-10',
  notes: 'Met at the Royal Society, 1833', tags: ['Mathematics', 'Pioneers'],
  emails: [{ address: 'Ada@Example.org', label: 'work' }, { address: 'ada@home.example', label: 'home' }],
  phones: [{ number: '+44 20 7946 0000', label: 'mobile' }, { number: '+44 20 7946 0001', label: 'work' }],
  webLinks: [{ url: 'https://ada.example', label: null }],
  card: {
    namePrefix: 'Countess', middleName: 'Augusta', nameSuffix: 'FRS', nickname: 'Ada', organisationUnit: 'Research',
    addresses: [{ label: 'home', street: '12 St James Square', locality: 'London', postcode: 'SW1Y 4JH', country: 'United Kingdom' }],
  },
};

describe.each(DIALECTS)('exports other tools read, on %s', (dialect) => {
  let t: TestContext;
  let fresh: TestContext;
  beforeEach(async () => { t = await testContext(dialect); fresh = await testContext(dialect); });
  afterEach(async () => { await t.close(); await fresh.close(); });

  it.each(['google', 'outlook'] as const)('the %s CSV layout has its real headers, one value per column, and reads back losslessly', async (layout) => {
    const { contact } = await t.run(contactCreate, ADA);
    const out = await t.run(exportOp, { format: 'csv', layout });
    const [row] = parse(out.content.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    if (layout === 'google') {
      expect(row).toMatchObject({ 'First Name': 'Ada', 'Middle Name': 'Augusta', 'Last Name': 'Lovelace', 'Organization Name': 'Analytical Engines', 'Organization Title': 'Countess',
        'E-mail 1 - Label': 'work', 'E-mail 1 - Value': 'Ada@Example.org', 'E-mail 2 - Value': 'ada@home.example', 'Phone 1 - Label': 'mobile', 'Phone 1 - Value': '+44 20 7946 0000',
        'Address 1 - City': 'London', 'Address 1 - Postal Code': 'SW1Y 4JH', Labels: 'Mathematics ::: Pioneers' });
    } else {
      // Outlook's "Title" is the courtesy title; the job goes in "Job Title".
      expect(row).toMatchObject({ 'First Name': 'Ada', 'Last Name': 'Lovelace', Title: 'Countess', 'Job Title': 'Countess', Company: 'Analytical Engines', Department: 'Research',
        'E-mail Address': 'Ada@Example.org', 'E-mail 2 Address': 'ada@home.example', 'Mobile Phone': '+44 20 7946 0000', 'Business Phone': '+44 20 7946 0001',
        'Home Street': '12 St James Square', 'Home City': 'London', Birthday: '12/10/1815', Categories: 'Mathematics;Pioneers' });
    }
    const report = await fresh.run(importRun, { content: out.content, filename: out.filename });
    expect(report.format).toBe(layout);
    const back = await fresh.run(contactGet, { id: report.rows[0]!.contactId });
    const same = ['givenName', 'familyName', 'organisation', 'title', 'birthday', 'notes', 'tags', 'webLinks'] as const;
    for (const f of same) expect(back[f], f).toEqual(contact[f]);
    expect(back.emails.map((e) => e.address)).toEqual(contact.emails.map((e) => e.address));
    expect(back.phones.map((p) => p.number)).toEqual(contact.phones.map((p) => p.number));
    if (layout === 'google') expect(back.emails).toEqual(contact.emails);
    const { properties: _p, dates: _d, ...card } = contact.card!;
    expect({ ...back.card!, properties: undefined, dates: undefined }).toMatchObject(card);
  });

  it.runIf(oracleAvailable)('python-icalendar reads the .ics: globally unique UIDs, DTSTAMP at generation, SEQUENCE rising with each snooze', async () => {
    const { contact } = await t.run(contactCreate, { name: 'Grace Hopper' });
    const before = icalendarEvents((await t.run(calendar, {})).content);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ sequence: 0, dtstamp: '2026-11-23T12:00:00+00:00' });
    expect(before[0]!.uid).toMatch(/^follow-up-\d+-[0-9a-f-]{36}@rapport$/);
    const id = Number(/^follow-up-(\d+)-/.exec(before[0]!.uid)![1]);
    await t.run(followUpSnooze, { id, until: '2026-12-24' });
    const after = icalendarEvents((await t.run(calendar, {})).content);
    expect(after[0]).toMatchObject({ uid: before[0]!.uid, sequence: 1, dtstart: '2026-12-24' });
    // Another database: other UIDs for its items.
    await fresh.run(contactCreate, { name: contact.name });
    expect(icalendarEvents((await fresh.run(calendar, {})).content)[0]!.uid).not.toBe(before[0]!.uid);
  });
});
