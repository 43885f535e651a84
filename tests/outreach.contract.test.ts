import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventAttend, eventCreate } from '../src/services/events.service.ts';
import { draftCompose, draftLint } from '../src/services/outreach-operations.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { addContact } from './support/builders.ts';
import { buildWorld, type World } from './support/outreach-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// What Rapport cannot know about a person and the composer asks for; everything else must come from the data.
const ASKED: Record<string, Record<string, string>> = {
  'event-follow-up': {},
  'thanks-after-connecting': { theirWork: 'article on schema evolution' },
  'informational-interview': { theirWork: 'talk on data contracts', topic: 'data platform leadership' },
  'coffee-request': { mutualContact: 'Priya Shah', topic: 'data platform leadership' },
  reconnect: {},
  congratulations: { achievement: 'your new role as VP of Data at Acme' },
  'share-or-offer-help': { articleTitle: 'Data Contracts in Practice', articleLink: 'https://example.org/contracts' },
  'thanks-for-help': {},
  'introduction-request': { topic: 'platform teams', myRole: 'a data engineer at Northwind' },
  'introduce-two-contacts': { topic: 'data contracts' },
};

describe.each(DIALECTS)('drafts on %s', (dialect) => {
  let t: TestContext;
  let w: World;
  beforeEach(async () => {
    t = await testContext(dialect);
    w = await buildWorld(t);
  });
  afterEach(async () => { await t.close(); });

  const compose = (template: string, extra: Record<string, unknown> = {}) =>
    t.run(draftCompose, { contactId: w.ana, template, ...extra });
  const introduceFor = (key: string) => (key.startsWith('introduc') ? { introduceContactId: w.jordan } : {});

  it.each(Object.keys(ASKED))('%s gives a clean draft for a demo-like contact: nothing missing, no findings', async (key) => {
    const draft = await compose(key, { values: ASKED[key], ...introduceFor(key) });
    expect(draft.missing).toEqual([]);
    expect(draft.findings).toEqual([]);
    expect(draft.text).not.toMatch(/\{\{|\[\[|\?\]|  /);
    expect(draft.text).toContain('Sam Rivera');
    expect(draft.to).toEqual(['ana@example.org']);
  });

  it.each(Object.keys(ASKED).filter((k) => Object.keys(ASKED[k]!).length > 0))('%s asks only for what the data cannot say, and flags it', async (key) => {
    const draft = await compose(key, introduceFor(key));
    expect(draft.missing.sort()).toEqual(Object.keys(ASKED[key]!).sort());
    for (const name of draft.missing) expect(`${draft.subject}\n${draft.text}`).toContain(`[${name}?]`);
    expect(draft.findings.some((f) => f.rule === 'unfilled-placeholder' && f.severity === 'error')).toBe(true);
  });

  it('personalises from the event, the last topic, the shared community, the goal and the help received', async () => {
    const follow = await compose('event-follow-up');
    expect(follow.subject).toBe('Good to meet you at PyData London');
    expect(follow.parts.greeting).toBe('Hi Ana,');
    expect(follow.parts.context).toBe(
      'It was good to meet you at PyData London on Thursday. It was a nice surprise to find a fellow member of the Women in Data association. Our conversation about data contracts between teams has stayed with me.',
    );
    // The last conversation was at the event (its channel), on Thursday (relative to the frozen 2026-11-23), about a recorded topic.
    expect((await compose('reconnect')).parts.context).toBe(
      'I was thinking back to our chat at PyData London on Thursday, when we talked about data contracts between teams, and realised it has been too long since we caught up.',
    );
    expect((await compose('thanks-for-help')).parts.context).toBe('Thank you again for the hour you spent on our migration plan.');
    const interview = await compose('informational-interview', { values: ASKED['informational-interview'] });
    expect(interview.parts.context).toContain('I am exploring a move into engineering management');
    const intro = await compose('introduce-two-contacts', { introduceContactId: w.jordan, values: { topic: 'x' } });
    expect(intro.parts.context).toContain('meet Jordan, who is Staff Engineer at Beta.');
    expect(intro.parts.context).toContain('meet Ana, who is Head of Data at Acme.');
    const ask = await compose('introduction-request', { introduceContactId: w.jordan, values: ASKED['introduction-request'] });
    expect(ask.blurb).toContain('Sam Rivera (a data engineer at Northwind) is working towards a move into engineering management');
    expect(ask.text).toContain('> Sam Rivera');
  });

  it('flags a value that cannot be filled, in text and subject, and never leaves it blank', async () => {
    const bo = await addContact(t, 'Bo');
    await t.run(settingsUpdate, { myName: null });
    const draft = await t.run(draftCompose, { contactId: bo, template: 'event-follow-up', values: { lastTopic: '   ' } });
    expect(draft.missing).toEqual(['eventName', 'myName']);
    expect(draft.subject).toBe('Good to meet you at [eventName?]');
    expect(draft.text).toContain('meet you at [eventName?].');
    expect(draft.text).toMatch(/Thanks and regards,\n\[myName\?\]$/);
    const placeholders = draft.findings.filter((f) => f.rule === 'unfilled-placeholder');
    expect(placeholders.map((f) => f.field ?? 'text')).toEqual(['subject', 'text', 'text']);
    expect(placeholders.every((f) => f.severity === 'error')).toBe(true);
    // When, the shared community and the topic are unknown: those sentences are dropped whole, never claimed.
    expect(draft.text).not.toMatch(/fellow member|conversation about|last week|\[metWhen/);
  });

  it('lints a first message with a job ask (never written to them) as an error, and not a later one', async () => {
    const stranger = await addContact(t, 'Cleo Park');
    const ask = { values: { achievement: 'your promotion', theirWork: 'x' } };
    const first = await t.run(draftCompose, { contactId: stranger, template: 'congratulations', ...ask });
    expect(first.firstMessage).toBe(true);
    const known = await compose('congratulations', ask);
    expect(known.firstMessage).toBe(false);
    const lint = await t.run(draftLint, { text: 'Hi Ana,\n\nAre you hiring? I am looking for a job.\n\nBest,\nSam' });
    expect(lint.findings.map((f) => f.rule)).toContain('asks-for-job');
    expect(lint.blocking).toBe(true);
    const later = await t.run(draftLint, { text: 'Hi Ana,\n\nAre you hiring? I am looking for a job.\n\nBest,\nSam', firstMessage: false });
    expect(later.findings.map((f) => f.rule)).not.toContain('asks-for-job');
  });

  it('names the field and value of a bad reference', async () => {
    await expect(compose('no-such-template')).rejects.toThrow(/template: no template "no-such-template"; known templates: event-follow-up/);
    await expect(compose('event-follow-up', { eventId: 999 })).rejects.toThrow(/eventId: no event with id 999/);
    await expect(compose('event-follow-up', { goalId: 998 })).rejects.toThrow(/goalId: no goal with id 998/);
    await expect(compose('introduce-two-contacts', { introduceContactId: w.ana })).rejects.toThrow(/introduceContactId: must be someone other than the recipient/);
    await expect(t.run(draftCompose, { contactId: 997, template: 'reconnect' })).rejects.toThrow(/contactId: no contact with id 997/);
    await expect(compose('reconnect', { values: { 'bad name': 'x' } })).rejects.toThrow(/values/);
  });

  it('takes the event asked for over where they were met', async () => {
    const other = await t.run(eventCreate, { name: 'DataConf', kind: 'conference', date: '2026-09-03' });
    await t.run(eventAttend, { eventId: other.id, contactIds: [w.ana] });
    expect((await compose('event-follow-up')).subject).toBe('Good to meet you at PyData London');
    const asked = await compose('event-follow-up', { eventId: other.id });
    expect(asked.subject).toBe('Good to meet you at DataConf');
    expect(asked.parts.context).toContain('DataConf on 3 September.');
    const followUps = await t.store.db.selectFrom('follow_ups').select('source').where('contact_id', '=', w.ana).execute();
    expect(followUps.map((f) => f.source).sort()).toEqual(['event', 'new-contact']);
  });
});

