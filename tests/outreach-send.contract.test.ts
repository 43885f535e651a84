import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action } from '../src/domain/entities.ts';
import { RapportError } from '../src/domain/errors.ts';
import { goalGet } from '../src/services/goals.service.ts';
import { followUpList } from '../src/services/follow-ups.service.ts';
import { interactionDelete, interactionList } from '../src/services/interactions.service.ts';
import { draftCompose, draftSend, draftSent, outreachToday } from '../src/services/outreach-operations.ts';
import { today, type TodayView } from '../src/services/today.service.ts';
import { addContact } from './support/builders.ts';
import { buildWorld, type World } from './support/outreach-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const onToday = (v: TodayView, id: number): boolean =>
  v.followUps.some((f) => f.contactId === id) || v.overdue.some((c) => c.id === id) || v.dueThisWeek.some((c) => c.id === id) || v.metAtEvents.some((m) => m.contactId === id);

describe.each(DIALECTS)('sending drafts on %s', (dialect) => {
  let t: TestContext;
  let w: World;
  beforeEach(async () => {
    t = await testContext(dialect);
    w = await buildWorld(t);
  });
  afterEach(async () => { await t.close(); });

  const send = (input: Record<string, unknown>) => t.run(draftSend, { via: 'clipboard', ...input });

  it('logs the message, answers the open follow-up, plans the nudge, and takes the contact off Today', async () => {
    const cleo = await addContact(t, 'Cleo Park', { emails: ['cleo@example.org'] });
    expect(onToday(await t.run(today, {}), cleo)).toBe(true);
    const listed = await t.run(outreachToday, {});
    expect(listed.items.find((i) => i.contactId === cleo)?.template).toBe('first-contact');

    const draft = await t.run(draftCompose, {
      contactId: cleo, template: 'thanks-after-connecting', values: { theirWork: 'post on hiring', lastTopic: 'hiring juniors' },
    });
    expect(draft.findings).toEqual([]);
    const sent = await send({ contactId: cleo, subject: draft.subject, text: draft.text, template: 'thanks-after-connecting' });

    expect(sent.interaction).toMatchObject({ kind: 'email', channel: 'email', summary: 'Thanks for connecting', occurredAt: '2026-11-23T12:00:00.000Z' });
    expect(sent.interaction.participants).toEqual([{ id: cleo, name: 'Cleo Park' }]);
    expect(sent.followUp).toMatchObject({ contactId: cleo, dueOn: '2026-12-03', source: 'message-sent' });
    const open = await t.run(followUpList, { contactId: cleo });
    expect(open.map((f) => f.source)).toEqual(['message-sent']);
    expect(onToday(await t.run(today, {}), cleo)).toBe(false);
    const after = await t.run(outreachToday, {});
    expect(after.items.map((i) => i.contactId)).not.toContain(cleo);

    const history = await t.run(draftSent, { contactId: cleo });
    expect(history).toEqual([expect.objectContaining({ interactionId: sent.interaction.id, template: 'thanks-after-connecting', text: draft.text, via: 'clipboard' })]);
    expect(sent.text).toBe(draft.text);
  });

  it('refuses a job ask in a first message and an unfilled placeholder, writing nothing; sends the ask in an ongoing conversation', async () => {
    const text = 'Hi Ana,\n\nWe met at PyData London on Thursday. Are you hiring? I am looking for a job.\n\nBest,\nSam';
    const before0 = (await t.run(interactionList, { contactId: w.ana })).total;
    await expect(send({ contactId: w.ana, subject: 'Hello', text, mode: 'first', followUpInDays: null })).rejects.toThrow(/not sent, fix this first: asks-for-job/);
    expect((await t.run(interactionList, { contactId: w.ana })).total).toBe(before0);
    // Ana was spoken to on Thursday: by her record this is an ongoing conversation, where the ask is not checked.
    const sent = await send({ contactId: w.ana, subject: 'Hello', text, followUpInDays: null });
    expect(sent.warnings.map((f) => f.rule)).not.toContain('asks-for-job');
    expect(sent.followUp).toBeNull();

    const before = (await t.run(interactionList, { contactId: w.ana })).total;
    const blocked = send({ contactId: w.ana, subject: 'Hello', text: 'Hi Ana,\n\nOur chat about [lastTopic?] stayed with me. Coffee?\n\nBest,\nSam' });
    await expect(blocked).rejects.toThrow(/text: not sent, fix this first: unfilled-placeholder: "\[lastTopic\?\]" is a placeholder/);
    await expect(blocked).rejects.toMatchObject({ code: 'invalid', problems: [{ path: 'text', value: { start: 24, end: 36 } }] });
    await expect(send({ contactId: w.ana, subject: 'About {{topic}}', text: 'Hi Ana,\n\nWe met on Thursday. Coffee?\n\nBest,\nSam' }))
      .rejects.toThrow(/subject: not sent.*unfilled-placeholder: In the subject/);
    expect((await t.run(interactionList, { contactId: w.ana })).total).toBe(before);
  });

  it('refuses nonsense input naming the field', async () => {
    await expect(send({ contactId: w.ana, text: '   ' })).rejects.toThrow(/text: there is no message to send/);
    await expect(send({ contactId: w.ana, text: 'Hi', via: 'fax' })).rejects.toThrow(/via/);
    await expect(send({ contactId: w.ana, text: 'Hi', goalId: 404 })).rejects.toThrow(/goalId: no goal with id 404/);
    await expect(send({ contactId: w.ana, text: 'Hi', from: 'not-an-address' })).rejects.toThrow(/from: not an email address: "not-an-address"/);
    await expect(send({ contactId: w.ana, text: 'Hi', followUpInDays: 0 })).rejects.toBeInstanceOf(RapportError);
  });

  it('records an introduction request on the goal, and gratitude and value given for the notes that carry them', async () => {
    const draft = await t.run(draftCompose, {
      contactId: w.ana, template: 'introduction-request', introduceContactId: w.jordan, goalId: w.goal,
      values: { topic: 'platform teams', myRole: 'a data engineer at Northwind' },
    });
    const sent = await send({ contactId: w.ana, subject: draft.subject, text: draft.text, template: 'introduction-request', goalId: w.goal, introduceContactId: w.jordan });
    expect(sent.action).toMatchObject({ kind: 'introduction-request', goalId: w.goal, contactId: w.jordan, description: 'Asked Ana Ruiz for an introduction to Jordan Lee' });
    expect(sent.action?.doneAt).toBe('2026-11-23T12:00:00.000Z');
    const goal = await t.run(goalGet, { id: w.goal });
    expect(goal.actions.map((a: Action) => a.kind)).toEqual(['introduction-request']);
    expect(goal.actionsDone).toBe(1);

    const thanks = await send({ contactId: w.jordan, subject: 'Thank you', text: 'Hi Jordan,\n\nThank you for the intro. Coffee soon?\n\nBest,\nSam', template: 'thanks-for-help' });
    expect(thanks.interaction.gratitude).toBe(true);
    expect(thanks.followUp).toBeNull();
    const shared = await send({ contactId: w.jordan, subject: 'Thought of you', text: 'Hi Jordan,\n\nAfter our chat I found this. Any thoughts?\n\nBest,\nSam', template: 'share-or-offer-help', channel: 'message' });
    expect(shared.interaction).toMatchObject({ kind: 'message', channel: 'message', value: 'given' });
  });

  it('builds a well-formed .eml and an encoded mailto: link', async () => {
    const subject = 'Schön, Sie auf der PyData getroffen zu haben – Kaffee & Gespräch?';
    const text = 'Hi Ana,\n\nIt was good to meet you at PyData London on Thursday – our chat about "data contracts" stayed with me.\nWould you be open to a coffee?\n\nBest,\nSam';
    const sent = await send({ contactId: w.ana, subject, text, via: 'eml', from: 'sam@example.org' });
    const eml = sent.eml!;
    expect(sent.emlFileName).toBe('2026-11-23-ana-ruiz.eml');
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const split = eml.indexOf('\r\n\r\n');
    const head = eml.slice(0, split);
    const body = eml.slice(split + 4);
    const headers = head.replace(/\r\n /g, ' ').split('\r\n');
    expect(headers).toContain('To: Ana Ruiz <ana@example.org>');
    expect(headers).toContain('From: Sam Rivera <sam@example.org>');
    expect(headers).toContain('Date: Mon, 23 Nov 2026 12:00:00 +0000');
    expect(headers).toContain('MIME-Version: 1.0');
    expect(headers).toContain('Content-Type: text/plain; charset=utf-8');
    expect(headers).toContain('Content-Transfer-Encoding: quoted-printable');
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const subjectLine = headers.find((h) => h.startsWith('Subject: '))!;
    const decoded = [...subjectLine.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)].map((m) => Buffer.from(m[1]!, 'base64')).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
    expect(decoded.toString('utf8')).toBe(subject);
    const qp = body.replace(/=\r\n/g, '').replace(/\r\n$/, '');
    const bytes = Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    expect(bytes.toString('utf8')).toBe(text.replace(/\n/g, '\r\n'));

    const url = new URL(sent.mailto);
    expect(sent.mailto.startsWith('mailto:ana@example.org?subject=Sch%C3%B6n%2C%20Sie')).toBe(true);
    expect(sent.mailto).not.toMatch(/[ \n"]/);
    expect(url.searchParams.get('subject')).toBe(subject);
    expect(decodeURIComponent(sent.mailto.split('body=')[1]!)).toBe(text.replace(/\n/g, '\r\n'));
  });

  it('keeps the words sent only as long as the interaction that records them', async () => {
    const sent = await send({ contactId: w.jordan, subject: 'Hi', text: 'Hi Jordan,\n\nWe met last week. Coffee?\n\nBest,\nSam' });
    await t.run(interactionDelete, { id: sent.interaction.id });
    expect(await t.run(draftSent, { contactId: w.jordan })).toEqual([]);
  });
});
