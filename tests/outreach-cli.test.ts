import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess, type CliResult } from './support/cli-in-process.ts';

// The CLI in-process, with a frozen clock and a throwaway SQLite file, capturing what a terminal would see.
let dir: string;
let db: string;

const cli = (...args: string[]): Promise<CliResult> => runCliInProcess(db, args);

describe('outreach commands', () => {
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-outreach-'));
    db = join(dir, 'rapport.db');
    await cli('settings', 'set', '--my-name', 'Sam Rivera');
    await cli('contact', 'add', 'Ana Ruiz', '--email', 'ana@example.org', '--met-at', 'the PyData meetup');
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('prints a draft with its findings and what to fill in; --json gives the whole draft', async () => {
    const r = await cli('draft', 'ana', '-t', 'reconnect');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Subject: It has been a while');
    // Never spoken to: the draft cannot say how you last talked, so it asks rather than invents.
    expect(r.out).toContain('I was thinking back to [lastExchange?], and realised');
    expect(r.out).toMatch(/error +unfilled-placeholder: "\[lastExchange\?\]"/);
    expect(r.out).toMatch(/lastExchange +your last conversation/);
    expect(r.out).toContain('First message — checks for a first contact are on, because you have never spoken.');
    const json = JSON.parse((await cli('draft', 'ana', '-t', 'reconnect', '--set', 'lastExchange=our coffee in May', '--set', 'lastTopic=her move to Lisbon', '--mode', 'ongoing', '--json')).out) as { findings: unknown[]; missing: unknown[]; text: string; mode: string };
    expect(json.missing).toEqual([]);
    expect(json.findings).toEqual([]);
    expect(json.mode).toBe('ongoing');
    expect(json.text).toContain('our coffee in May, when we talked about her move to Lisbon');
    expect((await cli('draft', 'ana', '-t', 'nope')).err).toContain('template: no template "nope"');
  });

  it('lints a file: exit 1 for a job ask in a first message or a placeholder, 0 once the mode says ongoing', async () => {
    const jobAsk = join(dir, 'job.txt');
    await writeFile(jobAsk, 'Hi Ana,\n\nWe met at PyData yesterday. Are you hiring?\n\nBest,\nSam\n');
    const refused = await cli('lint', jobAsk, '--contact', 'ana');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/error +asks-for-job/);
    expect(refused.out).toContain('because you have never spoken');
    const ongoing = await cli('lint', jobAsk, '--mode', 'ongoing');
    expect(ongoing.code).toBe(0);
    expect(ongoing.out).toContain('no mistakes found');
    expect((await cli('lint', jobAsk, '--not-first')).out).toContain('no mistakes found');
    expect((await cli('lint', jobAsk, '--mode', 'sometimes')).code).toBe(2);
    const placeholder = join(dir, 'placeholder.txt');
    await writeFile(placeholder, 'Hi {{firstName}},\n\nWe met at PyData yesterday. Coffee?\n\nBest,\nSam\n');
    const blocked = await cli('lint', placeholder);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toContain('unfilled-placeholder');
  });

  it('sends by .eml, mailto: and clipboard, logging each; refuses an unfilled draft', async () => {
    const refused = await cli('send', 'ana', '-t', 'reconnect', '--via', 'eml');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('not sent, fix this first: unfilled-placeholder');

    const file = join(dir, 'ana.eml');
    const eml = await cli('send', 'ana', '-t', 'reconnect', '--set', 'lastExchange=our coffee in May', '--via', 'eml', '-o', file, '--follow-up-in', '14');
    expect(eml.code).toBe(0);
    expect(eml.err).toContain(`wrote ${file}`);
    expect(eml.err).toContain('nudge planned 2026-12-07');
    const written = await readFile(file, 'utf8');
    expect(written).toMatch(/^To: Ana Ruiz <ana@example.org>\r\nSubject: It has been a while\r\nDate: Mon, 23 Nov 2026 12:00:00 \+0000\r\n/);

    const text = join(dir, 'note.txt');
    await writeFile(text, 'Hi Ana,\n\nAs promised, the slides from Thursday. Any thoughts?\n\nBest,\nSam\n');
    const mailto = await cli('send', 'ana', '-f', text, '--subject', 'Slides & notes', '--via', 'mailto', '--no-follow-up');
    expect(mailto.out.trim()).toBe('mailto:ana@example.org?subject=Slides%20%26%20notes&body=Hi%20Ana%2C%0D%0A%0D%0AAs%20promised%2C%20the%20slides%20from%20Thursday.%20Any%20thoughts%3F%0D%0A%0D%0ABest%2C%0D%0ASam');
    const clip = await cli('send', 'ana', '-f', text, '-t', 'share-or-offer-help', '--set', 'articleTitle=Slides', '--via', 'clipboard', '--channel', 'message', '--json');
    expect(JSON.parse(clip.out)).toMatchObject({ interaction: { summary: 'Thought of you: Slides', kind: 'message', value: 'given' }, followUp: null });
    const plain = await cli('send', 'ana', '-f', text, '--via', 'clipboard', '--channel', 'message');
    expect(plain.out).toBe('Hi Ana,\n\nAs promised, the slides from Thursday. Any thoughts?\n\nBest,\nSam\n');
    expect(plain.err).toContain('logged message with Ana Ruiz');

    expect((await cli('send', 'ana', '--via', 'clipboard')).err).toContain('--template: say what to send');
    expect((await cli('send', 'ana', '-t', 'reconnect', '--via', 'eml', '-o', join(dir, 'missing', 'x.eml'))).err).toContain('--output: cannot write a file in');
  });

  it("lists today's people with their ready drafts and the command to send each", async () => {
    const r = await cli('outreach');
    expect(r.out).toContain('Ana Ruiz #1  First follow-up: say thank you and stay in touch');
    // Never spoken to: a first message that needs nothing filled in.
    expect(r.out).toContain('first-contact: "A question about your work"');
    expect(r.out).not.toContain('fill in:');
    const json = JSON.parse((await cli('outreach', '--json')).out) as { items: { draft: { text: string } }[] };
    expect(json.items[0]!.draft.text).toMatch(/^Hi Ana,/);
  });

  it('lists, shows, saves and deletes templates', async () => {
    expect((await cli('templates')).out).toMatch(/event-follow-up +built-in +Follow up after an event/);
    const def = join(dir, 'tpl.json');
    await writeFile(def, JSON.stringify({ key: 'reconnect', name: 'My reconnect', parts: { greeting: 'Hey {{firstName}},', context: 'Long time!', intent: 'Coffee soon?', closing: 'Sam' } }));
    expect((await cli('templates', 'save', def)).out).toContain('saved reconnect (edited)');
    expect((await cli('templates', 'show', 'reconnect')).out).toContain('greeting: Hey {{firstName}},');
    expect((await cli('templates', 'delete', 'reconnect')).out).toContain('deleted reconnect (the built-in is back)');
    await writeFile(def, '{ not json');
    expect((await cli('templates', 'save', def)).err).toContain('not valid JSON');
  });
});
