import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactList } from '../../src/services/contact-list.service.ts';
import { settingsGet } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

describe.skipIf(!chromiumAvailable)('first visit', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('onboarding → demo → today → log an interaction → the contact leaves the due list', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to Rapport' }).waitFor();
    await screenshot(page, 'onboarding-desktop');
    await page.getByLabel('Looking for a job').check();
    await page.getByLabel(/Your name/).fill('Sam Rivera');
    await page.getByRole('button', { name: /Explore a demo network/ }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor({ timeout: 60_000 });

    const settings = await app.run(settingsGet, {});
    expect(settings).toMatchObject({ situation: 'job-seeking', onboarded: true, myName: 'Sam Rivera' });
    expect((await app.run(contactList, { limit: 1 })).total).toBeGreaterThan(100);

    const due = page.getByTestId('due-contact');
    await due.first().waitFor();
    const name = (await due.first().getByRole('link').first().textContent())!;
    await due.first().getByRole('button', { name: `Log message to ${name}` }).click();
    await expect.poll(async () => page.getByTestId('due-contact').filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
