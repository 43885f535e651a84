import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { radicaleAvailable, startRadicale, type Radicale } from '../support/radicale.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, screenshot, startApp, type AppUnderTest } from './support/harness.ts';

describe.skipIf(!chromiumAvailable || !radicaleAvailable)('connected address books in Settings', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let r: Radicale;
  beforeAll(async () => {
    [browser, app, r] = await Promise.all([launchBrowser(), startApp(), startRadicale()]);
    await app.run(settingsUpdate, { onboarded: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await r?.close();
  });

  it('connects a Radicale address book with consent to store the password, syncs it now, and shows the result', async () => {
    await r.put('ada.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n');
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${app.url}/settings`);
    const form = page.getByRole('form', { name: 'Connect an address book' });
    await form.getByLabel('Name', { exact: true }).fill('phone');
    await form.getByLabel('CardDAV server').fill(r.url);
    await form.getByLabel('User', { exact: true }).fill(r.user);
    await form.getByLabel('Password', { exact: true }).fill(r.password);
    // No consent, no stored password.
    expect(await form.getByRole('button', { name: 'Connect' }).isDisabled()).toBe(true);
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Connect' }).click();
    const table = page.getByRole('table', { name: 'Connected accounts' });
    await table.getByRole('cell', { name: 'phone' }).waitFor();
    await table.getByRole('button', { name: 'Sync now' }).click();
    await table.getByText('1 created, 0 updated').waitFor();
    await screenshot(page, 'settings-connected-accounts');
    await page.goto(`${app.url}/contacts`);
    await page.getByText('Ada Lovelace').first().waitFor();
    await page.close();
  });
});
