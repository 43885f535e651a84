import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { actionCreate, actionDone, actionList, actionUpdate } from '../src/services/actions.service.ts';
import { AUTH_OPERATIONS, authClearPassword, authSetPassword, authStatus } from '../src/services/auth.service.ts';
import { CATALOGUE } from '../src/services/catalogue.ts';
import { bridgesRank } from '../src/services/bridges.service.ts';
import { calendarCapture } from '../src/services/calendar-capture.service.ts';
import { digestConfigure, digestShow, digestStatus, digestTest } from '../src/services/digest.service.ts';
import { dateAdd, dateList, dateRemove, dateUpdate, datesUpcoming } from '../src/services/important-dates.service.ts';
import { metAdd, metDismiss, metList } from '../src/services/met-people.service.ts';
import { syncAdd, syncList, syncPause, syncRemove, syncResume, syncRun, syncTest } from '../src/services/sync/accounts.service.ts';
import { syncConflicts, syncResolve } from '../src/services/sync/sync-issues.service.ts';
import { communityAddMember, communityCreate, communityGet, communityList, communityRemoveMember, communityUpdate } from '../src/services/communities.service.ts';
import { connectionTypeAdd, connectionTypeList } from '../src/services/connection-types.service.ts';
import { contactList, search } from '../src/services/contact-list.service.ts';
import { contactBulkUpdate } from '../src/services/contacts-bulk.service.ts';
import { contactArchive, contactCreate, contactErase, contactGet, contactResolve, contactUpdate } from '../src/services/contacts.service.ts';
import { demoRemove } from '../src/services/demo-remove.service.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { eventAttend, eventCreate, eventGet, eventList, eventUnattend } from '../src/services/events.service.ts';
import { contactSnooze, followUpAdd, followUpDone, followUpList, followUpSnooze } from '../src/services/follow-ups.service.ts';
import { goalCreate, goalGet, goalLink, goalList, goalUnlink, goalUpdate } from '../src/services/goals.service.ts';
import { historyList, historyUndo } from '../src/services/history.service.ts';
import { backupRestore, calendar, contactMerge, duplicatesList, exportOp, importPreview, importRun } from '../src/services/import-export.catalogue.ts';
import { interactionDelete, interactionList, interactionLog, interactionUpdate } from '../src/services/interactions.service.ts';
import { linkAdd, linkList, linkRemove } from '../src/services/links.service.ts';
import { authFailures } from '../src/services/login-failures.service.ts';
import { introFind } from '../src/services/network-intro.service.ts';
import { networkGraph, networkReport } from '../src/services/network.service.ts';
import type { Operation } from '../src/services/operation.ts';
import { organisationCreate, organisationDelete, organisationGet, organisationList, organisationUpdate } from '../src/services/organisations.service.ts';
import { draftCompose, draftLint, draftSend, draftSent, outreachToday, templateDelete, templateGet, templateList, templateSave } from '../src/services/outreach-operations.ts';
import { settingsGet, settingsUpdate } from '../src/services/settings.service.ts';
import { tagAdd, tagList, tagRemove } from '../src/services/tags.service.ts';
import { today } from '../src/services/today.service.ts';
import { triageList, triageSort } from '../src/services/triage.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const VCARD = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Vera Card', 'EMAIL:vera@example.org', 'BDAY:--06-15', 'ADR:;;1 Main St;Springfield;;12345;USA', 'END:VCARD', ''].join('\r\n');
const LINKEDIN = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', 'Lin Kedin,Person,https://www.linkedin.com/in/lin,lin@example.org,Acme Recruiting,Talent Partner,01 Mar 2024', ''].join('\n');
// A past meeting with Una (a contact by then) and someone who is not a contact, for calendar capture and people met.
const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:coffee-1@test', 'DTSTAMP:20261101T090000Z',
  'DTSTART:20261110T090000Z', 'DTEND:20261110T100000Z', 'SUMMARY:Coffee', 'LOCATION:https://meet.google.com/abc-defg-hij',
  'ATTENDEE;CN=Una Sorted:mailto:una@example.org', 'ATTENDEE;CN=Nora New:mailto:nora@example.org', 'ATTENDEE;CN=Olga Other:mailto:olga@example.org', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const PARTS = { greeting: 'Hi {{firstName}},', context: 'We met at {{event}}.', intent: 'Could we talk about {{topic}}?', closing: 'Best, {{myName}}' };

// Every operation run on the demo network (and on what the earlier steps made of it), each result held to the
// operation's own output schema: the schemas in the OpenAPI document describe what the API really answers.
describe.each(DIALECTS)('operation outputs on %s', (dialect) => {
  let t: TestContext;
  const ran = new Set<string>();
  const results: { name: string; error: string | null }[] = [];

  // Runs the operation and checks its result against its schema here too, whatever RAPPORT_CHECK_OUTPUTS says.
  async function check<I extends z.ZodType, O>(op: Operation<I, O>, input: unknown): Promise<O> {
    const output = await t.run(op, input);
    const parsed = op.output.safeParse(output);
    results.push({ name: op.name, error: parsed.success ? null : `${op.name}: ${parsed.error.message}` });
    ran.add(op.name);
    return output;
  }

  beforeAll(async () => {
    t = await testContext(dialect);
  });
  afterAll(async () => { await t.close(); });

  it('every operation answers what its output schema says', async () => {
    const demo = await check(demoLoad, { size: 60 });
    expect(demo.contacts).toBeGreaterThan(40);

    await check(today, {});
    await check(today, { section: 'keep-in-touch', limit: 50 });
    await check(settingsGet, {});
    await check(settingsUpdate, { myName: 'Sam Rivers', cadenceOverrides: { personal: 40 } });
    await check(authFailures, {});
    await check(authStatus, {});
    await check(authSetPassword, { newPassword: 'correct horse battery staple' });
    await check(authClearPassword, { currentPassword: 'correct horse battery staple' });

    const page = await check(contactList, { limit: 500 });
    const [first, second, third, fourth] = page.items;
    if (!first || !second || !third || !fourth) throw new Error('the demo has fewer than four contacts');
    await check(contactList, { due: 'overdue', sort: 'next-due' });
    await check(search, { query: first.name.split(' ')[0] });
    await check(contactGet, { id: first.id });
    await check(contactResolve, { ref: first.name });

    const created = await check(contactCreate, {
      name: 'Una Sorted', emails: ['una@example.org'], phones: ['+31 20 123 4567'], webLinks: ['https://example.org/una'], organisation: 'Acme Recruiting', title: 'Recruiter',
      birthday: '--04-01', card: { nickname: 'Una', addresses: [{ street: '1 Canal St', locality: 'Amsterdam' }], dates: [{ kind: 'anniversary', month: 5, day: 2 }] },
    });
    const una = created.contact.id;
    await check(contactUpdate, { id: una, notes: 'Met at the fair', tags: ['recruiter'] });
    const imported = await check(importRun, { content: LINKEDIN, filename: 'Connections.csv' });
    const lin = imported.rows[0]?.contactId;
    await check(triageList, {});
    await check(triageSort, { ids: [lin], apply: 'network', network: 'strategic' });
    await check(contactBulkUpdate, { ids: [una, first.id], addTags: ['bulk'] });
    await check(tagAdd, { ids: [una], tags: ['later'] });
    await check(tagRemove, { ids: [una], tags: ['later'] });
    await check(tagList, {});
    await check(contactSnooze, { ids: [second.id], days: 30 });
    await check(connectionTypeList, {});
    await check(connectionTypeAdd, { key: 'board-member', label: 'Board member', defaultNetwork: 'strategic' });

    const coffee = await check(interactionLog, { contactIds: [una, first.id], occurredAt: '2026-11-20', kind: 'coffee', summary: 'Talked about hiring', value: 'received', gratitude: true });
    await check(interactionList, { contactId: una });
    await check(interactionUpdate, { id: coffee.id, summary: 'Talked about hiring, and Lisbon' });
    const note = await check(interactionLog, { contactIds: [una], occurredAt: '2026-11-21T09:30:00Z', kind: 'message' });
    await check(interactionDelete, { id: note.id });

    const followUp = await check(followUpAdd, { contactId: una, dueOn: '2026-11-30', reason: 'Send the job description' });
    await check(followUpSnooze, { id: followUp.id, days: 3 });
    await check(followUpList, { includeDone: true });
    await check(followUpDone, { id: followUp.id });

    const org = await check(organisationCreate, { name: 'Zeta Labs', industry: 'Software', website: 'https://zeta.example', notes: 'Series A' });
    await check(organisationUpdate, { id: org.id, isMine: false });
    await check(organisationList, { query: 'Zeta' });
    await check(organisationGet, { id: org.id });
    await check(contactUpdate, { id: third.id, organisation: 'Zeta Labs' });
    await check(organisationDelete, { id: org.id });

    await check(linkAdd, { aId: una, bId: first.id, strength: 4, note: 'worked together' });
    await check(linkList, { contactId: una });
    await check(linkRemove, { aId: una, bId: first.id });

    const goal = await check(goalCreate, { kind: 'job', description: 'Find a product role', targetDate: '2027-03-01', contactIds: [una] });
    await check(goalUpdate, { id: goal.id, description: 'Find a product role in Lisbon' });
    await check(goalLink, { id: goal.id, contactIds: [first.id] });
    await check(goalUnlink, { id: goal.id, contactIds: [first.id] });
    await check(goalList, {});
    const action = await check(actionCreate, { kind: 'coffee', description: 'Coffee with Una', dueOn: '2026-11-25', goalId: goal.id, contactId: una });
    await check(actionUpdate, { id: action.id, dueOn: '2026-11-26' });
    await check(goalGet, { id: goal.id });
    await check(actionList, { open: true });
    await check(actionDone, { id: action.id });

    const community = await check(communityCreate, { name: 'Product Guild', kind: 'association', iAmMember: true });
    await check(communityUpdate, { id: community.id, notes: 'Monthly' });
    await check(communityAddMember, { id: community.id, contactIds: [una, fourth.id], role: 'organiser' });
    await check(communityRemoveMember, { id: community.id, contactIds: [fourth.id] });
    await check(communityGet, { id: community.id });
    await check(communityList, {});
    const event = await check(eventCreate, { name: 'Product Camp', kind: 'meetup', date: '2026-11-21', place: 'Lisbon', communityId: community.id, attendees: [{ contactId: una, metThere: true }] });
    await check(eventAttend, { eventId: event.id, contactIds: [fourth.id], metThere: true });
    await check(eventUnattend, { eventId: event.id, contactIds: [fourth.id] });
    await check(eventGet, { id: event.id });
    await check(eventList, {});

    await check(networkReport, {});
    await check(networkGraph, { limit: 30 });
    await check(networkGraph, { focus: first.id });
    await check(introFind, { target: 'Acme Recruiting', kind: 'organisation', k: 3 });
    await check(introFind, { target: String(third.id), by: 'hops' });

    await check(templateList, {});
    await check(templateSave, { key: 'guild-hello', name: 'Guild hello', parts: PARTS, blurb: 'Sam runs product at a small studio.' });
    await check(templateGet, { key: 'guild-hello' });
    await check(templateDelete, { key: 'guild-hello' });
    await check(draftCompose, { contactId: una, values: { topic: 'the role' } });
    await check(draftLint, { text: 'Hi Una, could you get me a job at your company?', contactId: una });
    await check(draftSend, { contactId: una, text: 'Hi Una,\n\nGood to meet you at Product Camp. Could we talk about the role next week?\n\nBest, Sam', via: 'eml', followUpInDays: 7 });
    await check(draftSent, { contactId: una });
    await check(outreachToday, { limit: 10 });

    await check(importPreview, { content: VCARD, filename: 'vera.vcf' });
    await check(importRun, { content: VCARD, filename: 'vera.vcf' });
    await check(duplicatesList, {});
    const copy = await check(contactCreate, { name: 'Una Sorted', emails: ['una.sorted@example.org'] });
    await check(contactMerge, { keepId: una, mergeId: copy.contact.id });
    for (const format of ['vcard', 'csv', 'json'] as const) await check(exportOp, { format });
    await check(calendar, {});
    const backup = await check(exportOp, { format: 'json' });

    // This round's operations: important dates, the digest, bridges, calendar capture, people met and sync accounts.
    const date = await check(dateAdd, { contactId: una, kind: 'anniversary', label: 'started at Acme', month: 11, day: 26 });
    await check(dateUpdate, { id: date.id, label: 'started at Acme Recruiting' });
    await check(dateList, { contactId: una });
    await check(datesUpcoming, { days: 10, drafts: true });
    // Today with a date coming up, and its draft.
    await check(today, {});
    await check(dateRemove, { id: date.id });
    // A webhook receiver on this machine, so "Send a test" really sends.
    const receiver = createServer((req, res) => { req.resume(); req.on('end', () => res.end('ok')); });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await check(digestConfigure, { frequency: 'daily', hour: 8, timeZone: 'Europe/Lisbon', webhook: { enabled: true, url }, webhookSecret: 's3cret' });
      expect((await check(digestTest, { channel: 'webhook' })).ok).toBe(true);
    } finally {
      receiver.close();
    }
    await check(digestShow, {});
    await check(digestStatus, {});
    await check(bridgesRank, {});
    const folder = mkdtempSync(join(tmpdir(), 'rapport-outputs-'));
    try {
      writeFileSync(join(folder, 'calendar.ics'), ICS);
      const captured = await check(calendarCapture, { source: join(folder, 'calendar.ics'), content: ICS });
      expect(captured).toMatchObject({ created: 1 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const met = await check(metList, {});
    expect(met.items.map((m) => m.email).sort()).toEqual(['nora@example.org', 'olga@example.org']);
    await check(metAdd, { email: 'nora@example.org' });
    await check(metDismiss, { email: 'olga@example.org' });
    // An address book on a closed loopback port: the run records the failure on the account instead of throwing.
    await check(syncAdd, { kind: 'carddav', name: 'closed', url: 'http://127.0.0.1:9/dav/', username: 'sam', password: 'pw' });
    await check(syncList, {});
    await check(syncRun, { name: 'closed' });
    await check(syncPause, { name: 'closed' });
    await check(syncResume, { name: 'closed' });
    await check(syncConflicts, {});
    await check(syncRemove, { name: 'closed' });
    // sync.test and sync.resolve answer only with a server that signs in and a conflict it made: their outputs are
    // held to their schemas by tests/carddav-sync.test.ts (RAPPORT_CHECK_OUTPUTS is on in every test run).
    ran.add(syncTest.name).add(syncResolve.name);

    await check(contactArchive, { ids: [fourth.id] });
    await check(contactErase, { ids: [fourth.id] });
    await check(historyList, { limit: 20 });
    await check(historyUndo, {});
    await check(demoRemove, { dryRun: true });
    await check(demoRemove, {});
    const fresh = await testContext(dialect);
    try {
      const restored = await fresh.run(backupRestore, { content: backup.content, filename: 'backup.json' });
      expect(backupRestore.output.safeParse(restored).success).toBe(true);
      ran.add(backupRestore.name);
    } finally {
      await fresh.close();
    }

    expect(results.filter((r) => r.error !== null)).toEqual([]);
    const everyOperation = [...CATALOGUE, ...AUTH_OPERATIONS].map((op) => op.name);
    expect(everyOperation.filter((name) => !ran.has(name))).toEqual([]);
  });
});
