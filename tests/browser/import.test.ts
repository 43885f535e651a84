import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactList } from '../../src/services/contact-list.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'one-bad-row.csv');

describe.skipIf(!chromiumAvailable)('import', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'growing-in-role', onboarded: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('previews a file with one bad row, shows why, and imports nothing', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/import`);
    await page.getByLabel('Choose a file…').setInputFiles(FIXTURE);
    const preview = page.getByRole('region', { name: /Preview: one-bad-row\.csv/ });
    await preview.waitFor();
    await preview.getByText('Line 3: cadenceDays: not a whole number of days "every month"').waitFor();
    expect(await preview.getByRole('row').count()).toBe(3); // header + the two good rows
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await page.getByRole('alert').filter({ hasText: 'cadenceDays: not a whole number of days' }).last().waitFor();
    await screenshot(page, 'import-rejected-desktop');
    expect((await app.run(contactList, { limit: 1 })).total).toBe(0);
    // The server's refusal is the expected outcome here, so the browser's note of the 422 is not an error.
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    await page.close();
  });
});
