import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactList } from '../../src/services/contact-list.service.ts';
import { importRun } from '../../src/services/import.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'linkedin-thirty.csv');

// Sorting fast means pressing the next key while the last sort is still being saved: no key may be lost.
describe.skipIf(!chromiumAvailable)('triage keys pressed faster than the server saves', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'job-seeking', onboarded: true });
    await app.run(importRun, { content: readFileSync(FIXTURE, 'utf8'), filename: 'linkedin-thirty.csv' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('applies every key, in order, to the row that was highlighted when it was pressed', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/triage`);
    const rows = page.locator('.triage-row');
    await expect.poll(() => rows.count()).toBe(30);
    const names = await rows.locator('strong').allTextContents();
    // Strategic, skip one, personal, archive, operational: five keys in one burst.
    for (const key of ['s', 'x', 'p', 'a', 'o']) await page.keyboard.press(key);
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(26);
    // Saved in the order pressed, each to the row highlighted at the time.
    const saved = async () => (await app.run(contactList, { unsorted: false, limit: 50 })).items;
    await expect.poll(async () => (await saved()).length, { timeout: 10_000 }).toBe(3);
    expect((await saved()).map((c) => [c.name, c.networks]).sort()).toEqual([[names[0], ['strategic']], [names[2], ['personal']], [names[4], ['operational']]].sort());
    const archived = await app.run(contactList, { archived: true, limit: 50 });
    expect(archived.items.map((c) => c.name)).toEqual([names[3]]);
    // The skipped one waits at the end of the list.
    await expect.poll(async () => (await rows.locator('strong').allTextContents()).at(-1)).toBe(names[1]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
