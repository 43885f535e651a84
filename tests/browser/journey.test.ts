import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.ts';
import { contactList } from '../../src/services/contact-list.service.ts';
import { interactionList } from '../../src/services/interactions.service.ts';
import { settingsGet } from '../../src/services/settings.service.ts';
import { today } from '../../src/services/today.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

// 30 connections in LinkedIn's own shape: the "Notes:" preamble, then rows connected between 2012 and 2023.
const FIXTURE = join(import.meta.dirname, 'fixtures', 'linkedin-thirty.csv');
const IMPORTED = 30;
const TRIAGED = 20;
// A job seeker keeps in touch with strategic contacts every 30 days: the longest anyone sorted today can be overdue
// a month from now is a few days, never years.
const STRATEGIC_CADENCE = 30;
const JOB_ASK = 'Are there any PM roles open at your company? I\'d love to be considered.';
const LEARN_ASK = 'Would you have 20 minutes in the next few weeks to tell me how your team decides what to build?';

// The server's clock and the browser's are both frozen; the test moves them on by hand, never by waiting.
let now = new Date('2026-12-01T09:00:00.000Z');
const clock: Clock = { now: () => new Date(now) };

describe.skipIf(!chromiumAvailable)('the first hour with real data (issue 11)', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let context: BrowserContext;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp({ clock })]);
    context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  // Key steps are looked at on a desktop and on a phone, then the journey goes on at desktop width.
  // `focus` is scrolled into view at each width (on a phone the mistake check sits below the form).
  const shoot = async (page: Page, name: string, focus?: Locator): Promise<void> => {
    await focus?.scrollIntoViewIfNeeded();
    await screenshot(page, `journey-${name}-desktop`);
    await page.setViewportSize(PHONE);
    await focus?.scrollIntoViewIfNeeded();
    await screenshot(page, `journey-${name}-phone`);
    await page.setViewportSize(DESKTOP);
  };
  const moveClock = async (page: Page, to: string): Promise<void> => {
    now = new Date(to);
    await page.clock.setFixedTime(now);
  };
  const keepInTouch = (page: Page) => page.locator('section[data-section="keep-in-touch"]');
  const dueRows = (page: Page) => page.getByTestId('due-contact');

  it('onboard as a job seeker → import LinkedIn → triage 20 by keyboard → Today → a job ask blocked → send → undo', { timeout: 180_000 }, async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.clock.setFixedTime(now);

    // Onboarding on an empty database: job-seeking, then "Import a file".
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to Rapport' }).waitFor();
    await page.getByLabel('Looking for a job').check();
    await page.getByLabel(/Your name/).fill('Robin Hale');
    await page.getByRole('button', { name: /Import a file/ }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    expect(await app.run(settingsGet, {})).toMatchObject({ situation: 'job-seeking', onboarded: true, myName: 'Robin Hale' });

    // The LinkedIn file from the web Import page, with no network chosen: everyone arrives unsorted.
    await page.getByLabel('Tags').fill('linkedin');
    await page.getByLabel('Tags').blur();
    await page.getByLabel('Choose a file…').setInputFiles(FIXTURE);
    const preview = page.getByRole('region', { name: /Preview: linkedin-thirty\.csv/ });
    await preview.getByText(`${IMPORTED} new contacts will have no network`).waitFor();
    await page.getByRole('button', { name: `Import ${IMPORTED} contacts` }).click();
    await page.getByRole('status').filter({ hasText: `Done: ${IMPORTED} contacts created` }).waitFor();
    expect((await app.run(contactList, { unsorted: true, limit: 1 })).total).toBe(IMPORTED);

    // Triage: twenty contacts sorted with keys alone.
    await page.getByRole('link', { name: `Sort the ${IMPORTED} unsorted in Triage` }).click();
    await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
    const rows = page.locator('.triage-row');
    await expect.poll(() => rows.count()).toBe(IMPORTED);
    await shoot(page, 'triage');
    const keys = ['Enter', 's', 'Enter', 'p', 'Enter', '3', 'Enter', 'o', 'Enter', 's', 'Enter', '2', 'Enter', 's', 'Enter', 'p', 'Enter', '1', 'Enter', 's'];
    expect(keys).toHaveLength(TRIAGED);
    // Each row leaves as its key is pressed; keys pressed while a save is under way wait their turn.
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(IMPORTED - i - 1);
    }
    await page.getByRole('status').filter({ hasText: 'Sorted 1 contact' }).waitFor();
    await expect.poll(async () => (await app.run(contactList, { unsorted: true, limit: 1 })).total, { timeout: 10_000 }).toBe(IMPORTED - TRIAGED);
    await page.getByText(`${IMPORTED - TRIAGED} contacts unsorted.`).waitFor();
    const unsorted = (await app.run(contactList, { unsorted: true, limit: 50 })).items.map((c) => c.name);

    // Straight after triage nobody is due: "Connected On" years ago is not a conversation and starts no cadence.
    await page.getByRole('link', { name: 'Today' }).first().click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.getByText('Nothing is due').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('overdue');

    // A month on, the strategic contacts sorted that day are due: only sorted people, none overdue by years.
    await moveClock(page, '2027-01-02T09:00:00.000Z');
    await page.reload();
    await keepInTouch(page).waitFor();
    await dueRows(page).first().waitFor();
    const main = await page.locator('main').innerText();
    const overdue = [...main.matchAll(/([\d,]+) days? overdue/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(overdue.length).toBeGreaterThan(0);
    expect(Math.max(...overdue)).toBeLessThanOrEqual(STRATEGIC_CADENCE);
    for (const name of unsorted) expect(main).not.toContain(name);
    // Beyond the short list too: everyone due was sorted in triage, none more than a few days late.
    const due = await app.run(today, { section: 'keep-in-touch', limit: 100 });
    const listed = [...due.overdue, ...due.dueThisWeek];
    expect(listed.length).toBe(due.keepInTouchTotal);
    expect(listed.filter((c) => unsorted.includes(c.name) || c.networks.length === 0 || c.daysOverdue > STRATEGIC_CADENCE)).toEqual([]);
    await shoot(page, 'today');

    // Someone imported, sorted and never spoken to: only the "connected" record.
    const row = dueRows(page).first();
    const name = (await row.getByRole('link').first().textContent())!;
    const contactId = Number((await row.getByRole('link').first().getAttribute('href'))!.split('/').pop());
    expect((await app.run(interactionList, { contactId })).items.map((i) => i.kind)).toEqual(['connected']);
    await row.getByText('never spoken to').waitFor();
    const sectionBefore = await keepInTouch(page).innerText();
    const viewBefore = await app.run(today, {});

    // The composer checks a first message, and a job ask in it is an error that blocks sending.
    await row.getByRole('button', { name: `Write to ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Write to ${name}` });
    const text = dialog.getByLabel('Message', { exact: true });
    await expect.poll(() => text.inputValue(), { timeout: 10_000 }).toContain(`Hi ${name.split(' ')[0]}`);
    await expect.poll(() => dialog.getByTestId('composer-mode').textContent()).toContain('First message');
    const findings = dialog.getByTestId('composer-findings');
    // The ask goes where a user would put it: after the draft's own question, before the sign-off.
    const draft = await text.inputValue();
    const signOff = draft.lastIndexOf('\n\n');
    expect(signOff).toBeGreaterThan(0);
    const withAsk = (ask: string) => `${draft.slice(0, signOff)}\n\n${ask}${draft.slice(signOff)}`;
    await text.fill(withAsk(JOB_ASK));
    const jobAsk = findings.locator('[data-rule="asks-for-job"]');
    await jobAsk.first().waitFor();
    for (const finding of await jobAsk.all()) expect(await finding.getAttribute('class')).toContain('finding-error');
    const send = dialog.getByRole('button', { name: 'Copy and mark sent' });
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByText('Fix the errors in the mistake check to send.').waitFor();
    await shoot(page, 'composer-job-ask', jobAsk.first());

    // Asking to learn instead: the error goes and the message can be sent.
    const fixed = withAsk(LEARN_ASK);
    await text.fill(fixed);
    await expect.poll(() => jobAsk.count()).toBe(0);
    expect(await findings.locator('.finding-error').count()).toBe(0);
    await send.click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fixed);
    const toast = page.getByRole('status').filter({ hasText: `Recorded a message sent to ${name}` });
    await toast.waitFor();
    await dueRows(page).filter({ hasText: name }).waitFor({ state: 'detached' });
    expect((await app.run(interactionList, { contactId })).items.map((i) => i.kind)).toEqual(['email', 'connected']);
    await shoot(page, 'today-after-send');

    // Undo from the toast: the message is gone and Today is exactly as it was.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: /^Undid #\d+: Recorded a message sent to/ }).waitFor();
    await dueRows(page).filter({ hasText: name }).waitFor();
    await expect.poll(() => keepInTouch(page).innerText()).toBe(sectionBefore);
    expect(await app.run(today, {})).toEqual(viewBefore);
    expect((await app.run(interactionList, { contactId })).items.map((i) => i.kind)).toEqual(['connected']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
