import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityAddMember, communityCreate } from '../src/services/communities.service.ts';
import { contactUpdate } from '../src/services/contacts.service.ts';
import { composeDraft, composeDrafts, composeSchema, type ComposedDraft } from '../src/services/drafts.service.ts';
import { eventCreate } from '../src/services/events.service.ts';
import { goalCreate } from '../src/services/goals.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { outreachToday, type OutreachItem } from '../src/services/outreach.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { today } from '../src/services/today.service.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Counts the queries a piece of work sends to the database.
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

describe.each(DIALECTS)('outreach drafts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  // People a month past a monthly keep-in-touch: each is on today's outreach list with a reconnect draft.
  async function overdue(from: number, n: number): Promise<void> {
    for (let i = from; i < from + n; i++) {
      const id = await addContact(t, `Person ${i}`, { emails: [`p${i}@example.org`], organisation: `Org ${i % 3}`, cadenceDays: 30 });
      await t.run(interactionLog, { contactIds: [id], occurredAt: '2026-09-01', kind: 'call', summary: `Talked about topic ${i}` });
    }
  }

  // People met at an event two days ago (the clock says 2026-11-23): each gets an event follow-up about that event.
  async function metAt(event: string, names: string[]): Promise<void> {
    const ids = await Promise.all(names.map((name) => addContact(t, name)));
    await t.run(eventCreate, { name: event, kind: 'meetup', date: '2026-11-21', attendees: ids.map((contactId) => ({ contactId, metThere: true })) });
  }

  async function outreach(): Promise<{ items: OutreachItem[]; queries: number }> {
    const counter = new QueryCounter();
    const r = await runOperation({ ...t, store: { ...t.store, db: t.store.db.withPlugin(counter) } }, outreachToday, { limit: 100 });
    return { items: r.items, queries: counter.count };
  }

  it('composes every draft with the same number of queries for 5 people as for 19', async () => {
    await overdue(0, 4);
    await metAt('Product Camp', ['Ines Moll']);
    const few = await outreach();
    expect(few.items).toHaveLength(5);
    await overdue(4, 12);
    await metAt('Data Meetup', ['Kai Berg', 'Lea Roth']);
    const many = await outreach();
    expect(many.items).toHaveLength(19);
    expect(many.queries).toBe(few.queries);
    // Each draft is still its own person's: their name and their last topic, or the event they were met at.
    for (const item of many.items.filter((i) => i.reason === 'overdue')) {
      const n = /Person (\d+)/.exec(item.contactName)![1];
      expect(item.draft.contactName).toBe(`Person ${n}`);
      expect(item.draft.to).toEqual([`p${n}@example.org`]);
      expect(item.draft.values.lastTopic).toBe(`topic ${n}`);
    }
    const events = Object.fromEntries(many.items.filter((i) => i.template === 'event-follow-up').map((i) => [i.contactName, i.draft.values.eventName]));
    expect(events).toEqual({ 'Ines Moll': 'Product Camp', 'Kai Berg': 'Data Meetup', 'Lea Roth': 'Data Meetup' });
  });

  // Today lists the birthdays coming up with a draft for each; outreach shows none of them, so it must not compose
  // them (at 30,000 contacts, ~60 birthday drafts were most of `rapport outreach`'s time).
  it('composes no drafts for the birthdays coming up: the same people and queries whether 12 birthdays are in the window or not', async () => {
    await overdue(0, 3);
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => addContact(t, `Birthday ${i}`, { birthday: '--06-01' })));
    const before = await outreach();
    for (const id of people) await t.run(contactUpdate, { id, birthday: '--11-25' });
    expect((await t.run(today, {})).dates).toHaveLength(12);
    const after = await outreach();
    expect(after.items.map((i) => i.contactName)).toEqual(before.items.map((i) => i.contactName));
    expect(after.queries).toBe(before.queries);
  });
});

describe.each(DIALECTS)('drafts composed in batch on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testContext(dialect);
    await t.run(settingsUpdate, { myName: 'Sam Rivera' });
  });
  afterEach(async () => { await t.close(); });

  const log = (contactId: number, fields: Record<string, unknown>) => t.run(interactionLog, { contactIds: [contactId], ...fields });

  it('gives each person, in one batch, exactly the draft they get alone', async () => {
    // Only connected on LinkedIn: a first contact.
    const lena = await addContact(t, 'Lena Vogt', { organisation: 'Northstar', title: 'Product Director', emails: ['lena@northstar.example'] });
    await log(lena, { occurredAt: '2024-03-02', kind: 'connected', channel: 'social' });
    // Silent for 16 months after a coffee about his startup: a cold reconnect.
    const marek = await addContact(t, 'Marek Holm');
    await log(marek, { occurredAt: '2025-07-20', kind: 'coffee', summary: 'Talked about his startup' });
    // A video call two weeks ago, then met at an event two days ago: the open event follow-up picks the template.
    const priya = await addContact(t, 'Priya Menon', { emails: ['priya@example.org'] });
    await log(priya, { occurredAt: '2026-11-09', kind: 'call', channel: 'video', summary: 'Video call about PM openings' });
    const camp = await t.run(eventCreate, { name: 'Product Camp', kind: 'meetup', date: '2026-11-21', attendees: [{ contactId: priya, metThere: true }] });
    // A fellow community member tied to an open goal, last spoken to by phone.
    const omar = await addContact(t, 'Omar Sato', { organisation: 'Freightly' });
    await log(omar, { occurredAt: '2026-11-03', kind: 'call', channel: 'phone', summary: 'Chat about logistics data' });
    const guild = await t.run(communityCreate, { name: 'Data Guild', kind: 'association' });
    await t.run(communityAddMember, { id: guild.id, contactIds: [omar] });
    const goal = await t.run(goalCreate, { kind: 'insight', description: 'Understand freight pricing', contactIds: [omar] });
    // Never spoken to, nothing recorded.
    const noor = await addContact(t, 'Noor Haddad');

    const inputs = [
      { contactId: lena },
      { contactId: marek, template: 'reconnect' },
      { contactId: priya },
      { contactId: omar, template: 'reconnect' },
      { contactId: noor },
      { contactId: omar, template: 'introduce-two-contacts', introduceContactId: lena },
      { contactId: marek, template: 'event-follow-up', eventId: camp.id },
      { contactId: priya, template: 'informational-interview', goalId: goal.id, values: { topic: 'product roles' }, mode: 'first' },
    ].map((i) => composeSchema.parse(i));
    const alone: ComposedDraft[] = [];
    for (const input of inputs) alone.push(await composeDraft(t, input));
    const batch = await composeDrafts(t, inputs);
    expect(batch).toEqual(alone);
    // The drafts really differ per person, so a batch that mixed them up could not pass.
    expect(batch.map((d) => [d.contactName, d.template, d.mode])).toEqual([
      ['Lena Vogt', 'first-contact', 'first'],
      ['Marek Holm', 'reconnect', 'first'],
      ['Priya Menon', 'event-follow-up', 'ongoing'],
      ['Omar Sato', 'reconnect', 'ongoing'],
      ['Noor Haddad', 'first-contact', 'first'],
      ['Omar Sato', 'introduce-two-contacts', 'ongoing'],
      ['Marek Holm', 'event-follow-up', 'first'],
      ['Priya Menon', 'informational-interview', 'first'],
    ]);
    expect(batch[2]!.text).toContain('Product Camp');
    expect(batch[6]!.text).not.toContain('Product Camp');
  });

  it('refuses a batch naming an event that does not exist, as a single draft would', async () => {
    const kai = await addContact(t, 'Kai Berg');
    const ines = await addContact(t, 'Ines Moll');
    const inputs = [{ contactId: kai, template: 'reconnect' }, { contactId: ines, template: 'event-follow-up', eventId: 999 }].map((i) => composeSchema.parse(i));
    await expect(composeDrafts(t, inputs)).rejects.toMatchObject({ code: 'not_found', message: 'eventId: no event with id 999' });
  });
});
