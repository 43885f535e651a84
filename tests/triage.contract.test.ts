import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactList } from '../src/services/contact-list.service.ts';
import { contactGet, contactUpdate } from '../src/services/contacts.service.ts';
import { contactBulkUpdate } from '../src/services/contacts-bulk.service.ts';
import { goalCreate } from '../src/services/goals.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { organisationList, organisationUpdate } from '../src/services/organisations.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { today } from '../src/services/today.service.ts';
import { triageList, triageSort } from '../src/services/triage.service.ts';
import { clientFixturesUrl } from './support/fixtures.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const HEADER = readFileSync(new URL('linkedin_Connections_preamble_and_header.csv', clientFixturesUrl('csv')), 'utf8').replace(/\r?\n$/, '');
// Connected years before "today" (2026-11-23): under the old rule José was 2,500 days overdue.
const ROWS = [
  'José,Núñez,https://www.linkedin.com/in/jose-nunez,,Northstar,Senior Technical Recruiter,02 Jan 2019',
  'Priya,Raman,https://www.linkedin.com/in/priya-raman,,Northstar,Product Manager,14 Feb 2020',
  'Tom,Okafor,https://www.linkedin.com/in/tom-okafor,,Lumen,Co-founder & CEO,03 Mar 2018',
  'Lena,Berg,https://www.linkedin.com/in/lena-berg,,Acme,Designer,05 May 2021',
  'Sam,Ito,https://www.linkedin.com/in/sam-ito,,Kite,Engineer,07 Jun 2017',
];
const CSV = `${[HEADER, ...ROWS].join('\n')}\n`;

describe.each(DIALECTS)('triage of imported contacts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const importFive = async (extra: Record<string, unknown> = {}) => {
    const report = await t.run(importRun, { content: CSV, filename: 'Connections.csv', ...extra });
    expect(report.counts.created).toBe(5);
    return Object.fromEntries(await Promise.all(report.rows.map(async (r) => [(await t.run(contactGet, { id: r.contactId })).givenName!, r.contactId!])));
  };
  const view = () => t.run(today, {});
  const get = (id: number) => t.run(contactGet, { id });
  const triage = (input: Record<string, unknown> = {}) => t.run(triageList, input);

  it('a 5-row LinkedIn import puts nobody on Today and nobody overdue; "connected" is on record but is no conversation', async () => {
    const ids = await importFive();
    const v = await view();
    expect(v.overdue).toEqual([]);
    expect(v.dueThisWeek).toEqual([]);
    expect(v.keepInTouchTotal).toBe(0);
    const jose = await get(ids['José']!);
    expect(jose).toMatchObject({ networks: [], sortedAt: null, nextDueOn: null, lastInteractionAt: null });
    const overdue = await t.run(contactList, { due: 'overdue' });
    expect(overdue.total).toBe(0);
    const unsorted = await t.run(contactList, { unsorted: true });
    expect(unsorted.total).toBe(5);
    expect((await triage()).unsorted).toBe(5);
  });

  it('once sorted into a network with a conversation 40 days ago, that one is due by the cadence; the rest stay off Today', async () => {
    const ids = await importFive();
    await t.run(interactionLog, { contactIds: [ids['Priya']], occurredAt: '2026-10-14', kind: 'call', channel: 'video', summary: 'PM roles at Northstar' });
    // Talking to someone does not sort them: still no cadence until they have a network.
    expect((await get(ids['Priya']!)).nextDueOn).toBeNull();
    const sorted = await t.run(triageSort, { ids: [ids['Priya']], apply: 'network', network: 'strategic' });
    expect(sorted.sorted).toBe(1);
    // growing-in-role: strategic every 90 days from the call on 2026-10-14.
    expect(await get(ids['Priya']!)).toMatchObject({ networks: ['strategic'], sortedAt: '2026-11-23T12:00:00.000Z', nextDueOn: '2027-01-12', lastInteractionAt: '2026-10-14T12:00:00.000Z' });
    await t.run(settingsUpdate, { situation: 'job-seeking' });
    // job-seeking: strategic every 30 days → due 2026-11-13, ten days overdue; nobody else is on Today.
    const v = await view();
    expect(v.overdue.map((c) => [c.name, c.daysOverdue])).toEqual([['Priya Raman', 10]]);
    expect(v.keepInTouchTotal).toBe(1);
  });

  it('a contact never spoken to starts its cadence when sorted, not when LinkedIn connected it', async () => {
    const ids = await importFive();
    await t.run(triageSort, { ids: [ids['Sam']], apply: 'network', network: 'personal', connectionType: 'friend' });
    // growing-in-role: personal every 60 days from today.
    expect(await get(ids['Sam']!)).toMatchObject({ nextDueOn: '2027-01-22', connectionType: 'friend' });
  });

  it('giving a network by edit or bulk update sorts the contact too', async () => {
    const ids = await importFive();
    await t.run(contactUpdate, { id: ids['Lena'], networks: ['personal'] });
    await t.run(contactBulkUpdate, { ids: [ids['Tom']], networks: ['strategic'] });
    expect((await get(ids['Lena']!)).sortedAt).toBe('2026-11-23T12:00:00.000Z');
    expect((await get(ids['Tom']!)).nextDueOn).toBe('2027-02-21');
    expect((await triage()).unsorted).toBe(3);
  });

  it('a bulk update by filter reaches every matching contact ("select all N matching"), not only the ids on screen', async () => {
    await importFive();
    const result = await t.run(contactBulkUpdate, { filter: { unsorted: true, archived: false }, addNetworks: ['personal'], addTags: ['linkedin'] });
    expect(result.updated).toBe(5);
    expect((await triage()).unsorted).toBe(0);
    expect((await t.run(contactList, { tag: 'linkedin' })).total).toBe(5);
    await t.run(contactBulkUpdate, { filter: { archived: false, query: 'Northstar' }, archived: true });
    expect((await t.run(contactList, { archived: true })).items.map((c) => c.name).sort()).toEqual(['José Núñez', 'Priya Raman']);
    await expect(t.run(contactBulkUpdate, { networks: ['personal'] })).rejects.toThrow(/either ids or filter/);
  });

  it('an import with a network sorts as it goes', async () => {
    const ids = await importFive({ networks: ['personal'] });
    expect(await get(ids['José']!)).toMatchObject({ networks: ['personal'], nextDueOn: '2027-01-22' });
    expect(await get(ids['Sam']!)).toMatchObject({ sortedAt: '2026-11-23T12:00:00.000Z' });
    expect((await triage()).unsorted).toBe(0);
  });

  it('suggests with reasons, puts target organisations first for a job seeker, and accepts by filter', async () => {
    const ids = await importFive();
    await t.run(settingsUpdate, { situation: 'job-seeking' });
    const orgs = await t.run(organisationList, {});
    const orgId = (name: string) => orgs.items.find((o) => o.name === name)!.id;
    await t.run(organisationUpdate, { id: orgId('Acme'), isMine: true });
    let page = await triage();
    expect(page.items.find((i) => i.id === ids['José'])!.suggestion).toEqual({ rule: 'recruiter', network: 'strategic', connectionType: 'recruiter', reason: 'Recruiter at Northstar → strategic, recruiter' });
    expect(page.items.find((i) => i.id === ids['Lena'])!.suggestion).toMatchObject({ network: 'operational', connectionType: 'colleague' });
    expect(page.byRule).toEqual({ recruiter: 1, founder: 1, 'my-organisation': 1, 'no-clue': 2 });
    // Recruiter first for a job seeker, until Northstar becomes a target: then both Northstar people lead.
    expect(page.items[0]!.name).toBe('José Núñez');
    await t.run(goalCreate, { kind: 'job', description: 'PM role at Northstar', organisationIds: [orgId('Northstar')] });
    page = await triage();
    expect(page.items.slice(0, 2).map((i) => i.name).sort()).toEqual(['José Núñez', 'Priya Raman']);
    expect(page.items.find((i) => i.name === 'Priya Raman')!.priority).toBe('at a target organisation');

    const accepted = await t.run(triageSort, { filter: { rule: 'recruiter' }, apply: 'suggestion' });
    expect(accepted.ids).toEqual([ids['José']]);
    expect(await get(ids['José']!)).toMatchObject({ networks: ['strategic'], connectionType: 'recruiter', nextDueOn: '2026-12-23' });
    const rest = await t.run(triageSort, { filter: { query: 'kite' }, apply: 'archive' });
    expect(rest.archived).toBe(1);
    expect((await triage()).unsorted).toBe(3);
  });

  it('refuses ids merged, deleted or sorted since, and changes nothing', async () => {
    const ids = await importFive();
    await t.run(triageSort, { ids: [ids['Tom']], apply: 'suggestion' });
    await expect(t.run(triageSort, { ids: [ids['José'], ids['Tom']], apply: 'suggestion' })).rejects.toThrow(/not waiting in triage any more: Tom Okafor/);
    await expect(t.run(triageSort, { ids: [ids['José'], 99999], apply: 'archive' })).rejects.toThrow(/no contact with id 99999/);
    expect(await get(ids['José']!)).toMatchObject({ sortedAt: null, archived: false });
  });
});
