import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, PHONE, launchBrowser, screenshot, startApp, type AppUnderTest } from './support/harness.ts';

describe.skipIf(!chromiumAvailable)('signing in', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { onboarded: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for the password once one is set, refuses a wrong one, and returns to the page asked for', async () => {
    // Set as the Settings page sets it: through the API, which tells the running server at once.
    const res = await fetch(`${app.url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ newPassword: 'correct horse battery' }) });
    expect(res.status).toBe(200);
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.url}/contacts`);
    expect(new URL(page.url()).pathname).toBe('/auth/login');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That password is not right.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'login-phone');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/contacts');
    await page.close();
  });

  it('shows the failed sign-ins in Settings: when, from where, password or token', async () => {
    // One more wrong try, as a script with a bearer token would make it.
    const wrong = await fetch(`${app.url}/api/settings`, { headers: { authorization: 'Bearer not-the-token', accept: 'application/json' } });
    expect(wrong.status).toBe(401);
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${app.url}/settings`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const section = page.getByRole('region', { name: 'Failed sign-ins' });
      await section.getByText('2 failed sign-ins (1 wrong password, 1 wrong token)').waitFor();
      const rows = section.getByRole('table', { name: 'Latest failed sign-ins' }).locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toMatch(/127\.0\.0\.1\s+token$/);
      expect(await rows.nth(1).innerText()).toMatch(/127\.0\.0\.1\s+password$/);
      await section.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `settings-failed-sign-ins-${name}`);
      await page.close();
    }
  });
});
