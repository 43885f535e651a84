import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import type { Contact } from '../src/domain/contact.ts';
import { contactList, search } from '../src/services/contact-list.service.ts';
import { contactCreate, contactGet } from '../src/services/contacts.service.ts';
import { contactSnooze, followUpAdd, followUpSnooze } from '../src/services/follow-ups.service.ts';
import { interactionDelete, interactionList, interactionLog } from '../src/services/interactions.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { today } from '../src/services/today.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Contacts are added "in the past" by a clock set back, then today is read at 2026-11-23.
describe.each(DIALECTS)('keep in touch on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const addOn = async (day: string, input: Record<string, unknown>): Promise<Contact> => {
    const ctx = { store: t.store, clock: fixedClock(`${day}T09:00:00.000Z`) };
    const { contact } = await runOperation(ctx, contactCreate, input);
    await t.store.db.updateTable('follow_ups').set({ done_at: `${day}T09:00:00.000Z` }).where('contact_id', '=', contact.id).execute();
    return contact;
  };
  const view = () => t.run(today, {});

  it('puts a contact past its cadence on the overdue list, and takes it off once any interaction is logged', async () => {
    const ada = await addOn('2026-09-01', { name: 'Ada Lovelace', networks: ['operational'] });
    await addOn('2026-11-20', { name: 'Fresh Face', networks: ['operational'] });
    // growing-in-role: operational every 30 days, so Ada was due 2026-10-01.
    let v = await view();
    expect(v.overdue.map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(v.overdue[0]!.daysOverdue).toBe(53);
    await t.run(interactionLog, { contactIds: [ada.id], occurredAt: '2026-11-22', kind: 'message', summary: 'quick hello' });
    v = await view();
    expect(v.overdue).toEqual([]);
    expect((await t.run(contactGet, { id: ada.id })).nextDueOn).toBe('2026-12-22');
  });

  it('uses the cadence override and the shortest network cadence', async () => {
    const c = await addOn('2026-11-01', { name: 'Busy Person', networks: ['personal', 'strategic'], cadenceDays: 10 });
    expect(c.nextDueOn).toBe('2026-11-11');
    const d = await addOn('2026-11-01', { name: 'Two Nets', networks: ['personal', 'strategic'] });
    expect(d.effectiveCadenceDays).toBe(60);
  });

  it('re-plans every next due date when the situation changes', async () => {
    const c = await addOn('2026-10-01', { name: 'Stra Tegic', networks: ['strategic'] });
    expect(c.nextDueOn).toBe('2026-12-30');
    await t.run(settingsUpdate, { situation: 'job-seeking' });
    expect((await t.run(contactGet, { id: c.id })).nextDueOn).toBe('2026-10-31');
  });

  it('lists follow-ups first and answers them with the next interaction; deleting it brings the due date back', async () => {
    const bob = await addOn('2026-11-01', { name: 'Bob Builder', networks: ['operational'] });
    await t.run(followUpAdd, { contactId: bob.id, dueOn: '2026-11-24', reason: 'send the slides' });
    let v = await view();
    expect(v.followUps.map((f) => f.reason)).toEqual(['send the slides']);
    expect(v.overdue.concat(v.dueThisWeek).map((c) => c.name)).not.toContain('Bob Builder');
    const logged = await t.run(interactionLog, { contactIds: [bob.id], occurredAt: '2026-11-23T10:00:00Z', kind: 'email', value: 'given', valueNote: 'slides' });
    v = await view();
    expect(v.followUps).toEqual([]);
    await t.run(interactionDelete, { id: logged.id });
    expect((await t.run(contactGet, { id: bob.id })).lastInteractionAt).toBeNull();
  });

  it('snoozes a follow-up and a keep-in-touch reminder; refuses a snooze in the past', async () => {
    const c = await addOn('2026-01-01', { name: 'Snoozy', networks: ['operational'] });
    const f = await t.run(followUpAdd, { contactId: c.id, dueOn: '2026-11-23', reason: 'call back' });
    await t.run(followUpSnooze, { id: f.id, days: 3 });
    expect((await view()).followUps).toEqual([]);
    await expect(t.run(followUpSnooze, { id: f.id, until: '2026-11-01' })).rejects.toThrow(/until: a snooze must end after today/);
    await t.store.db.updateTable('follow_ups').set({ done_at: 'x' }).execute();
    expect((await view()).overdue.map((x) => x.name)).toEqual(['Snoozy']);
    await t.run(contactSnooze, { ids: [c.id], until: '2026-12-15' });
    expect((await view()).overdue).toEqual([]);
  });

  it('rejects a bad date, unknown contact and unknown kind, naming field and value, writing nothing', async () => {
    const c = await addOn('2026-11-01', { name: 'Val Idation' });
    await expect(t.run(interactionLog, { contactIds: [c.id], occurredAt: '2026-02-30', kind: 'coffee' })).rejects.toThrow(/occurredAt/);
    await expect(t.run(interactionLog, { contactIds: [c.id, 999], occurredAt: '2026-11-01', kind: 'coffee' })).rejects.toThrow(/contactIds: no contact with id 999/);
    await expect(t.run(interactionLog, { contactIds: [c.id], occurredAt: '2026-11-01', kind: 'telepathy' })).rejects.toThrow(/kind: unknown interaction kind "telepathy"/);
    const page = await t.run(interactionList, { contactId: c.id });
    expect(page.total).toBe(0);
  });

  it('finds a contact by a word in a note or an interaction summary, and filters the list', async () => {
    const a = await addOn('2026-11-01', { name: 'Marie Curie', notes: 'Knows everything about radium', networks: ['strategic'], tags: ['science'] });
    await addOn('2026-11-01', { name: 'Pierre Curie', networks: ['personal'] });
    await t.run(interactionLog, { contactIds: [a.id], occurredAt: '2026-11-02', kind: 'coffee', summary: 'talked about polonium' });
    expect((await t.run(search, { query: 'radi' })).map((c) => c.name)).toEqual(['Marie Curie']);
    expect((await t.run(search, { query: 'polonium' })).map((c) => c.name)).toEqual(['Marie Curie']);
    expect((await t.run(search, { query: 'curie' })).length).toBe(2);
    const strategic = await t.run(contactList, { network: 'strategic' });
    expect(strategic.items.map((c) => c.name)).toEqual(['Marie Curie']);
    const tagged = await t.run(contactList, { tag: 'science', query: 'curie' });
    expect(tagged.total).toBe(1);
  });
  it('pages through the list in name or due order, each contact exactly once, with the total of the filter', async () => {
    const names = ['Zoe Quinn', 'Ada Lovelace', 'Mia Hamm', 'Bo Diddley', 'Kim Stanley', 'Lee Smith', 'Ada Byron'];
    for (const [i, name] of names.entries()) await addOn(`2026-0${1 + i}-10`, { name, networks: [i % 2 ? 'personal' : 'operational'] });
    const seen: string[] = [];
    for (let offset = 0; offset < 9; offset += 3) {
      const page = await t.run(contactList, { limit: 3, offset });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((c) => c.name));
    }
    expect(seen).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const due = await t.run(contactList, { limit: 2, offset: 1, sort: 'next-due', network: 'operational' });
    expect(due.total).toBe(4);
    const all = await t.run(contactList, { limit: 10, sort: 'next-due', network: 'operational' });
    expect(all.items.map((c) => c.nextDueOn)).toEqual([...all.items.map((c) => c.nextDueOn)].sort());
    expect(due.items).toEqual(all.items.slice(1, 3));
  });
});
