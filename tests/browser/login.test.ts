import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, PHONE, launchBrowser, screenshot, startApp, type AppUnderTest } from './support/harness.ts';

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
});
