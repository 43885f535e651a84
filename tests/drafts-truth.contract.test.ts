import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCreate } from '../src/services/events.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { draftCompose, draftLint, draftSend } from '../src/services/outreach-operations.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// The clock is frozen at 2026-11-23 (a Monday). Drafts may assert only what the record holds.
const JOB_ASK = 'Hi Lena,\n\nWe connected on LinkedIn last year. Can you help me get a job at your company? Would you be open to a 20-minute call?\n\nBest,\nSam';

describe.each(DIALECTS)('drafts tell the truth on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testContext(dialect);
    await t.run(settingsUpdate, { myName: 'Sam Rivera' });
  });
  afterEach(async () => { await t.close(); });

  const compose = (contactId: number, extra: Record<string, unknown> = {}) => t.run(draftCompose, { contactId, ...extra });
  const log = (contactId: number, fields: Record<string, unknown>) => t.run(interactionLog, { contactIds: [contactId], ...fields });

  it('writes a first-contact draft to someone only connected: first-message checks on, no claimed history, nothing to fill', async () => {
    const lena = await addContact(t, 'Lena Vogt', { organisation: 'Northstar', title: 'Product Director', webLinks: ['https://www.linkedin.com/in/lenavogt'] });
    await log(lena, { occurredAt: '2024-03-02', kind: 'connected', channel: 'social' });
    const draft = await compose(lena);
    expect(draft).toMatchObject({ template: 'first-contact', mode: 'first', modeReason: 'only-connected', missing: [], findings: [] });
    expect(draft.modeText).toMatch(/^First message — checks for a first contact are on/);
    expect(draft.text).toContain('we are connected on LinkedIn but have never properly spoken');
    expect(draft.text).not.toMatch(/\?\]|our conversation|talked about|at the event|last week/);
    // The same text with a job ask added is an error in this mode, and sending it is refused.
    const lint = await t.run(draftLint, { text: JOB_ASK, contactId: lena });
    expect(lint.mode).toBe('first');
    expect(lint.findings).toContainEqual(expect.objectContaining({ rule: 'asks-for-job', severity: 'error' }));
    expect(lint.blocking).toBe(true);
    await expect(t.run(draftSend, { contactId: lena, text: JOB_ASK, via: 'clipboard' })).rejects.toThrow(/asks-for-job/);
  });

  it('treats a tie silent for 16 months as a cold, first message; a call last month as ongoing; and the user can override either way', async () => {
    const old = await addContact(t, 'Marek Holm');
    await log(old, { occurredAt: '2025-07-20', kind: 'coffee', summary: 'Talked about his startup' });
    const cold = await compose(old, { template: 'reconnect' });
    expect(cold).toMatchObject({ mode: 'first', modeReason: 'gone-cold', firstMessage: true });
    expect(cold.modeText).toContain('491 days ago');
    const recent = await addContact(t, 'Noor Haddad');
    await log(recent, { occurredAt: '2026-10-30', kind: 'call' });
    expect(await compose(recent, { template: 'reconnect' })).toMatchObject({ mode: 'ongoing', modeReason: 'recent-conversation' });
    expect(await compose(recent, { template: 'reconnect', mode: 'first' })).toMatchObject({ mode: 'first', modeReason: 'chosen' });
    const overridden = await t.run(draftLint, { text: JOB_ASK, contactId: old, mode: 'ongoing' });
    expect(overridden).toMatchObject({ blocking: false, mode: 'ongoing' });
    // Sent as an ongoing conversation by choice: nothing blocks it.
    const sent = await t.run(draftSend, { contactId: old, text: JOB_ASK, via: 'clipboard', mode: 'ongoing' });
    expect(sent.interaction.kind).toBe('email');
  });

  it('names the channel actually used and the right relative day of the event the person attended', async () => {
    const priya = await addContact(t, 'Priya Menon');
    // Design Systems Day was 10 days ago; the conversation afterwards was a video call 3 days ago.
    const day = await t.run(eventCreate, { name: 'Design Systems Day', kind: 'conference', date: '2026-11-13', attendees: [{ contactId: priya, metThere: true }] });
    await log(priya, { occurredAt: '2026-11-20', kind: 'call', channel: 'video', summary: 'Video call about PM openings' });
    const reconnect = await compose(priya, { template: 'reconnect' });
    expect(reconnect.parts.context).toBe('I was thinking back to our video call on Friday, when we talked about PM openings, and realised it has been too long since we caught up.');
    const follow = await compose(priya, { template: 'event-follow-up', eventId: day.id });
    expect(follow.parts.context).toContain('It was good to meet you at Design Systems Day last week.');
    expect(follow.text).not.toMatch(/this week|conversation at the event/);
  });

  it('claims an event only if the person attended it, and a topic only if one was recorded', async () => {
    const omar = await addContact(t, 'Omar Sato');
    const elsewhere = await t.run(eventCreate, { name: 'Logistics Forum', kind: 'seminar', date: '2026-11-20', attendees: [] });
    await log(omar, { occurredAt: '2026-11-03', kind: 'call', channel: 'phone' });
    const follow = await compose(omar, { template: 'event-follow-up', eventId: elsewhere.id });
    expect(follow.text).not.toContain('Logistics Forum');
    expect(follow.missing).toContain('eventName');
    const reconnect = await compose(omar, { template: 'reconnect' });
    expect(reconnect.parts.context).toBe('I was thinking back to our phone call on 3 November, and realised it has been too long since we caught up.');
    expect(reconnect.missing).toEqual([]);
  });

  it('suggests the event follow-up for an open event follow-up, and reconnect for a tie gone quiet', async () => {
    const kai = await addContact(t, 'Kai Berg');
    await log(kai, { occurredAt: '2026-01-10', kind: 'coffee' });
    expect((await compose(kai)).template).toBe('reconnect');
    const met = await addContact(t, 'Ines Moll');
    await t.run(eventCreate, { name: 'Product Camp', kind: 'meetup', date: '2026-11-21', attendees: [{ contactId: met, metThere: true }] });
    const draft = await compose(met);
    expect(draft.template).toBe('event-follow-up');
    expect(draft.parts.context).toContain('It was good to meet you at Product Camp on Saturday.');
  });
});
