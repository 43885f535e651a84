import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionCreate } from '../src/services/actions.service.ts';
import { eventCreate } from '../src/services/events.service.ts';
import { followUpAdd } from '../src/services/follow-ups.service.ts';
import { TODAY_SHORT_LIST, today } from '../src/services/today.service.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// The clock is frozen at 2026-11-23. Names run A→Z while lateness runs the other way, so an order by name shows.
describe.each(DIALECTS)('Today in sections on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const view = (input: Record<string, unknown> = {}) => t.run(today, input);
  // A contact due on a given day, with no open follow-up of its own.
  const dueOn = async (name: string, day: string): Promise<number> => {
    const id = await addContact(t, name, { networks: ['personal'] });
    await t.store.db.updateTable('follow_ups').set({ done_at: '2026-11-01T00:00:00.000Z' }).where('contact_id', '=', id).execute();
    await t.store.db.updateTable('contacts').set({ next_due_on: day }).where('id', '=', id).execute();
    return id;
  };

  it('keeps each section short, counts them all, and "show all" pages the same list most overdue first', async () => {
    // 20 due: "Due 00" is 1 day late … "Due 19" is 20 days late.
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push(await dueOn(`Due ${String(i).padStart(2, '0')}`, `2026-11-${String(22 - i).padStart(2, '0')}`));
    const v = await view();
    expect(v.keepInTouchTotal).toBe(20);
    expect(v.overdue).toHaveLength(TODAY_SHORT_LIST);
    expect(v.overdue.map((c) => c.name)).toEqual(['Due 19', 'Due 18', 'Due 17', 'Due 16', 'Due 15', 'Due 14']);
    expect(v.overdue[0]!.daysOverdue).toBe(20);
    const all: string[] = [];
    for (let offset = 0; offset < 20; offset += 8) {
      const page = await view({ section: 'keep-in-touch', limit: 8, offset });
      expect(page.keepInTouchTotal).toBe(20);
      expect(page.followUps).toEqual([]);
      all.push(...[...page.overdue, ...page.dueThisWeek].map((c) => c.name));
    }
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `Due ${String(19 - i).padStart(2, '0')}`));
    // The short list is the head of the full one.
    expect(all.slice(0, TODAY_SHORT_LIST)).toEqual(v.overdue.map((c) => c.name));
  });

  it('lists nobody twice: met at an event, then a due action, then a follow-up, then keep in touch', async () => {
    const met = await dueOn('Mira Met', '2026-11-01');
    const acted = await dueOn('Arlo Action', '2026-11-02');
    const followed = await dueOn('Fern Follow', '2026-11-03');
    const plain = await dueOn('Kit Plain', '2026-11-04');
    await t.run(eventCreate, { name: 'Product Camp', kind: 'meetup', date: '2026-11-20', attendees: [{ contactId: met, metThere: true }] });
    await t.run(followUpAdd, { contactId: met, dueOn: '2026-11-22', reason: 'send the deck' });
    await t.run(actionCreate, { kind: 'coffee', description: 'Coffee with Arlo', dueOn: '2026-11-21', contactId: acted });
    await t.run(followUpAdd, { contactId: acted, dueOn: '2026-11-22', reason: 'thank Arlo' });
    await t.run(followUpAdd, { contactId: followed, dueOn: '2026-11-21', reason: 'reply to Fern' });
    const v = await view();
    expect(v.metAtEvents.map((m) => m.contactId)).toEqual([met]);
    expect(v.actions.map((a) => a.contactId)).toEqual([acted]);
    expect(v.followUps.map((f) => f.contactId)).toEqual([followed]);
    expect([...v.overdue, ...v.dueThisWeek].map((c) => c.id)).toEqual([plain]);
    expect([v.metAtEventsTotal, v.actionsTotal, v.followUpsTotal, v.keepInTouchTotal]).toEqual([1, 1, 1, 1]);
  });

  it('lists a person met at two recent events once, at the latest, and the longest waiting first', async () => {
    const ana = await addContact(t, 'Ana Early');
    const zoe = await addContact(t, 'Zoe Late');
    const cy = await addContact(t, 'Cy Waiting');
    await t.run(eventCreate, { name: 'First Meetup', kind: 'meetup', date: '2026-11-12', attendees: [{ contactId: zoe, metThere: true }, { contactId: cy, metThere: true }] });
    await t.run(eventCreate, { name: 'Second Meetup', kind: 'meetup', date: '2026-11-19', attendees: [{ contactId: zoe, metThere: true }, { contactId: ana, metThere: true }] });
    const v = await view();
    expect(v.metAtEvents.map((m) => [m.contactName, m.eventName])).toEqual([['Cy Waiting', 'First Meetup'], ['Ana Early', 'Second Meetup'], ['Zoe Late', 'Second Meetup']]);
    expect(v.metAtEventsTotal).toBe(3);
  });
});
