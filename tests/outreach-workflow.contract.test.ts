import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../src/domain/templates-builtin.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { eventAttend, eventCreate } from '../src/services/events.service.ts';
import { followUpDone, followUpList } from '../src/services/follow-ups.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { draftCompose, outreachToday, templateDelete, templateGet, templateList, templateSave } from '../src/services/outreach-operations.ts';
import { settingsGet, settingsUpdate } from '../src/services/settings.service.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('follow-up workflow on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testContext(dialect);
    await t.run(settingsUpdate, { myName: 'Sam Rivera' });
  });
  afterEach(async () => { await t.close(); });

  const outreach = async () => (await t.run(outreachToday, {})).items;
  const itemOf = async (id: number) => (await outreach()).find((i) => i.contactId === id);
  const openFollowUps = (contactId: number) => t.run(followUpList, { contactId });
  const meetAt = async (name: string, date: string, contactId: number) => {
    const event = await t.run(eventCreate, { name, kind: 'meetup', date });
    await t.run(eventAttend, { eventId: event.id, contactIds: [contactId], metThere: true });
    return event;
  };

  it('plans a follow-up two days after an event for everyone met there, and Today offers an event follow-up draft', async () => {
    const ana = await addContact(t, 'Ana Ruiz');
    // The first follow-up of a new contact is answered, so only the event's remains.
    for (const f of await openFollowUps(ana)) await t.run(followUpDone, { id: f.id });
    const event = await meetAt('PyData London', '2026-11-22', ana);
    const planned = await openFollowUps(ana);
    expect(planned).toEqual([expect.objectContaining({ dueOn: '2026-11-24', source: 'event', eventId: event.id, reason: 'Follow up after meeting at PyData London' })]);
    // Attending again does not plan a second one.
    await t.run(eventAttend, { eventId: event.id, contactIds: [ana], metThere: true });
    expect(await openFollowUps(ana)).toHaveLength(1);

    const item = await itemOf(ana);
    // Listed once, as met at the event (which takes precedence over the follow-up it planned).
    expect(item).toMatchObject({ reason: 'met-at-event', template: 'event-follow-up', eventId: event.id });
    expect(item!.draft.subject).toBe('Good to meet you at PyData London');
    expect(item!.draft.text).toContain('It was good to meet you at PyData London yesterday.');
    // Nothing was logged about what you talked about: the sentence about it is left out, not invented.
    expect(item!.draft.missing).toEqual([]);
    expect(item!.draft.text).not.toMatch(/conversation about|\[lastTopic/);
  });

  it('uses the configured number of days after an event', async () => {
    await t.run(settingsUpdate, { eventFollowUpDays: 5 });
    const bo = await addContact(t, 'Bo Chen');
    await meetAt('DataConf', '2026-11-20', bo);
    expect((await openFollowUps(bo)).find((f) => f.source === 'event')?.dueOn).toBe('2026-11-25');
  });

  it('gives a new contact a first follow-up, offered with a first-contact draft that claims no shared history', async () => {
    const cleo = await addContact(t, 'Cleo Park', { webLinks: ['https://www.linkedin.com/in/cleo'] });
    expect(await openFollowUps(cleo)).toEqual([expect.objectContaining({ dueOn: '2026-11-26', source: 'new-contact' })]);
    const item = await itemOf(cleo);
    expect(item).toMatchObject({ reason: 'follow-up', template: 'first-contact' });
    expect(item!.draft.text).toContain('we are connected on LinkedIn but have never properly spoken');
    expect(item!.draft.missing).toEqual([]);
  });

  it('offers the reconnect draft for an overdue tie, and the event draft for someone met whose follow-up is gone', async () => {
    const old = fixedClock('2026-03-01T09:00:00.000Z');
    const { contact } = await runOperation({ store: t.store, clock: old }, contactCreate, { name: 'Dana Old', networks: ['operational'] });
    await runOperation({ store: t.store, clock: old }, interactionLog, { contactIds: [contact.id], occurredAt: '2026-03-01', kind: 'coffee', summary: 'Talked about her move to Lisbon' });
    const reconnect = await itemOf(contact.id);
    expect(reconnect).toMatchObject({ reason: 'overdue', template: 'reconnect' });
    expect(reconnect!.draft.text).toContain('thinking back to our coffee on 1 March, when we talked about her move to Lisbon');
    expect(reconnect!.draft.findings).toEqual([]);

    const eli = await addContact(t, 'Eli Stone');
    await meetAt('Infra Summit', '2026-11-16', eli);
    for (const f of await openFollowUps(eli)) await t.run(followUpDone, { id: f.id });
    expect(await itemOf(eli)).toMatchObject({ reason: 'met-at-event', template: 'event-follow-up' });
    expect((await itemOf(eli))!.draft.text).toContain('Infra Summit last week');
  });

  it('remembers your name for drafts without resetting your other settings', async () => {
    await t.run(settingsUpdate, { situation: 'job-seeking', onboarded: true });
    await t.run(settingsUpdate, { myName: 'Sam R.' });
    expect(await t.run(settingsGet, {})).toMatchObject({ myName: 'Sam R.', situation: 'job-seeking', onboarded: true });
  });

  it('lists each person once, met at an event before their follow-up', async () => {
    const fay = await addContact(t, 'Fay Moss');
    await meetAt('Meetup', '2026-11-21', fay);
    const items = (await outreach()).filter((i) => i.contactId === fay);
    expect(items).toHaveLength(1);
    expect(items[0]!.reason).toBe('met-at-event');
  });
});

describe.each(DIALECTS)('templates on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const list = () => t.run(templateList, {});
  const mine = {
    key: 'event-follow-up', name: 'My event follow-up',
    parts: { greeting: 'Hello {{firstName}},', context: 'Lovely to meet you at {{eventName}}.', intent: 'Coffee next week?', closing: 'Cheers,\n{{myName}}' },
  };

  it('lets a template of yours override a built-in, and deleting it restores the built-in', async () => {
    const ana = await addContact(t, 'Ana Ruiz');
    expect((await list()).map((e) => e.origin)).toEqual(Array(BUILT_IN_TEMPLATES.length).fill('built-in'));
    const saved = await t.run(templateSave, mine);
    expect(saved.template).toMatchObject({ key: 'event-follow-up', origin: 'edited', subject: 'My event follow-up' });
    expect(saved.warnings).toEqual([]);
    expect(await list()).toHaveLength(BUILT_IN_TEMPLATES.length);
    const draft = await t.run(draftCompose, { contactId: ana, template: 'event-follow-up', values: { eventName: 'PyData', myName: 'Sam' } });
    expect(draft.text).toBe('Hello Ana,\n\nLovely to meet you at PyData.\n\nCoffee next week?\n\nCheers,\nSam');

    expect(await t.run(templateDelete, { key: 'event-follow-up' })).toEqual({ deleted: 'event-follow-up', restoredBuiltIn: true });
    const restored = await t.run(templateGet, { key: 'event-follow-up' });
    expect(restored).toMatchObject({ origin: 'built-in', subject: 'Good to meet you at {{eventName}}' });
    await expect(t.run(templateDelete, { key: 'event-follow-up' })).rejects.toThrow(/key: "event-follow-up" is a built-in template and cannot be deleted/);
  });

  it('adds, lists and deletes a template of your own, warning about placeholders it cannot fill', async () => {
    const saved = await t.run(templateSave, { ...mine, key: 'board-intro', name: 'Board intro', parts: { ...mine.parts, intent: 'Could we talk about {{boardSeat}}?' } });
    expect(saved.template).toMatchObject({ origin: 'custom', unknownPlaceholders: ['boardSeat'] });
    expect(saved.warnings).toEqual([expect.stringContaining('{{boardSeat}} is not a placeholder Rapport fills')]);
    expect((await list()).map((e) => e.key)).toContain('board-intro');
    await t.run(templateDelete, { key: 'board-intro' });
    expect((await list()).map((e) => e.key)).not.toContain('board-intro');
    await expect(t.run(templateDelete, { key: 'board-intro' })).rejects.toThrow(/key: no template of yours is called "board-intro"/);
  });

  it('refuses an invalid template naming the part', async () => {
    await expect(t.run(templateSave, { ...mine, parts: { ...mine.parts, greeting: '  ' } })).rejects.toThrow(/parts\.greeting: the greeting part cannot be empty/);
    await expect(t.run(templateSave, { ...mine, key: 'Bad Key' })).rejects.toThrow(/key: a template key is kebab-case/);
    await expect(t.run(templateSave, { ...mine, parts: { ...mine.parts, context: 'At {{eventName}.' } })).rejects.toThrow(/parts\.context: the context part has a malformed placeholder/);
  });
});
