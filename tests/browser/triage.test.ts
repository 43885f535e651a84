import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDay } from '../../src/domain/dates.ts';
import { contactList } from '../../src/services/contact-list.service.ts';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { interactionLog } from '../../src/services/interactions.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { today } from '../../src/services/today.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'linkedin-eight.csv');

describe.skipIf(!chromiumAvailable)('triage of a LinkedIn import', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'job-seeking', onboarded: true, myName: 'Robin' });
    // One contact sorted by hand, spoken to 40 days ago: strategic every 30 days for a job seeker, so 10 days overdue.
    const { contact } = await app.run(contactCreate, { name: 'Ada Sorted', networks: ['strategic'] });
    await app.run(interactionLog, { contactIds: [contact.id], occurredAt: addDays(toIsoDay(new Date()), -40), kind: 'call', channel: 'video' });
    // Its first follow-up is done, so Today shows it under keep-in-touch (an open follow-up would cover it).
    await app.ctx.store.db.updateTable('follow_ups').set({ done_at: new Date().toISOString() }).where('contact_id', '=', contact.id).execute();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const unsortedCount = async () => (await app.run(contactList, { unsorted: true, limit: 1 })).total;
  const rows = (page: Page) => page.locator('.triage-row');
  // Presses a triage key and waits for the row to leave the list (the sort is saved before the next key).
  const press = async (page: Page, key: string, before: number) => {
    await page.keyboard.press(key);
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(before - 1);
  };

  it('imports with options from the web page, sorts with the keyboard, and Today lists only sorted contacts, nobody overdue by years', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/import`);
    await page.getByLabel('Tags').fill('linkedin, job-search');
    await page.getByLabel('Tags').blur();
    await page.getByLabel('Choose a file…').setInputFiles(FIXTURE);
    const preview = page.getByRole('region', { name: /Preview: linkedin-eight\.csv/ });
    await preview.getByText('8 new contacts will have no network').waitFor();
    await preview.getByText(/Merged.*same person as an earlier row/).waitFor();
    await screenshot(page, 'triage-import-preview-desktop');
    await page.getByRole('button', { name: 'Import 8 contacts' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: 8 contacts created' }).waitFor();
    expect(await unsortedCount()).toBe(8);
    const tagged = await app.run(contactList, { tag: 'job-search', limit: 1 });
    expect(tagged.total).toBe(8);

    // Nobody imported is on Today: only Ada, ten days overdue.
    let view = await app.run(today, {});
    expect([...view.overdue, ...view.dueThisWeek].map((c) => [c.name, c.daysOverdue])).toEqual([['Ada Sorted', 10]]);

    await page.getByRole('link', { name: /Triage/ }).first().click();
    await page.getByRole('heading', { name: 'Triage' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(8);
    await page.getByText('Recruiter at Northstar → strategic, recruiter').waitFor();
    await screenshot(page, 'triage-desktop');

    // Enter accepts the suggestion of the selected row; s/p/o (or 1/2/3) pick a network; x skips; a archives.
    const first = await rows(page).first().locator('strong').textContent();
    await press(page, 'Enter', 8);
    await press(page, 's', 7);
    await page.keyboard.press('x');
    await press(page, 'p', 6);
    await press(page, '1', 5);
    await page.keyboard.press('j');
    await press(page, 'Enter', 4);
    await press(page, 'a', 3);
    await page.getByRole('status').filter({ hasText: 'Archived 1 contact' }).waitFor();
    expect(await unsortedCount()).toBe(2);
    const sorted = await app.run(contactList, { unsorted: false, tag: 'job-search', limit: 50 });
    expect(sorted.items).toHaveLength(5);
    expect(sorted.items.map((c) => c.name)).toContain(first);
    await screenshot(page, 'triage-after-desktop');

    view = await app.run(today, {});
    const listed = [...view.overdue, ...view.dueThisWeek];
    expect(listed.every((c) => c.daysOverdue < 365)).toBe(true);
    expect(listed.map((c) => c.name)).toEqual(['Ada Sorted']);
    await page.getByRole('link', { name: 'Today' }).first().click();
    await page.getByText('Ada Sorted').first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\d{1,3},\d{3} days overdue/);
    for (const name of ['José Núñez', 'Tom Okafor', 'Sam Ito', 'Ines Costa']) expect(text).not.toContain(name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Contacts: "select all N matching" tags every contact the search finds, not only the ones on screen', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/contacts?q=northstar`);
    await page.getByLabel('Select José Núñez').waitFor();
    await page.getByLabel('Select José Núñez').click();
    await page.getByRole('button', { name: 'Select all 2 matching contacts' }).click();
    await page.getByText('All 2 matching contacts').waitFor();
    await page.getByLabel('Add a tag').fill('northstar-people');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('status').filter({ hasText: 'Tagged: 2 contacts' }).waitFor();
    await screenshot(page, 'contacts-all-matching-desktop');
    expect((await app.run(contactList, { tag: 'northstar-people', limit: 1 })).total).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is usable on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/triage`);
    await page.getByRole('heading', { name: 'Triage' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(2);
    await screenshot(page, 'triage-phone');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1);
    await page.goto(`${app.url}/import`);
    await page.getByLabel('Choose a file…').waitFor({ state: 'attached' });
    await screenshot(page, 'triage-import-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
