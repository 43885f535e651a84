import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { importRun } from '../../src/services/import.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ada Lovelace',
  'N:King;Augusta;Ada;The Hon.;FRS',
  'NICKNAME:Enchantress',
  'ORG:Analytical Engines;Research',
  'EMAIL;TYPE=WORK:ada@engines.example',
  'TEL;TYPE=CELL:+44 20 7946 0001',
  'ADR;TYPE=HOME:;;12 St James\'s Square;London;;SW1Y 4JH;United Kingdom',
  'ADR;TYPE=WORK:PO Box 42;Floor 3;1 Engine Row;Manchester;Lancashire;M1 1AA;UK',
  'item1.ADR:;;Ockham Park;Ockham;Surrey;;UK',
  'item1.X-ABLabel:Country house',
  'END:VCARD',
  '',
].join('\r\n');

describe.skipIf(!chromiumAvailable)('the Contact page shows what a vCard told', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let ada = 0;
  let plain = 0;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'job-seeking', onboarded: true });
    const report = await app.run(importRun, { content: VCARD, filename: 'ada.vcf', networks: ['personal'] });
    ada = report.rows[0]!.contactId!;
    plain = (await app.run(contactCreate, { name: 'Bob Plain', networks: ['personal'] })).contact.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the addresses with their labels, the full name, nickname and the labels of phone and email', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/contacts/${ada}`);
    const details = page.getByRole('region', { name: 'Details' });
    await details.waitFor();
    const home = details.getByRole('group', { name: 'Home address' });
    expect(await home.innerText()).toBe("12 St James's Square\nLondon, SW1Y 4JH\nUnited Kingdom");
    expect(await details.getByRole('group', { name: 'Work address' }).innerText()).toBe('PO Box 42\nFloor 3\n1 Engine Row\nManchester, Lancashire M1 1AA\nUK');
    expect(await details.getByRole('group', { name: 'Country house address' }).innerText()).toBe('Ockham Park\nOckham, Surrey\nUK');
    await details.getByText('The Hon. Augusta Ada King, FRS').waitFor();
    await details.getByText('Enchantress').waitFor();
    await details.getByText('Research').waitFor();
    expect(await details.locator('dd', { hasText: 'ada@engines.example' }).innerText()).toBe('ada@engines.example Work');
    expect(await details.locator('dd', { hasText: '+44 20 7946 0001' }).innerText()).toMatch(/^\+44 20 7946 0001 (Cell|Mobile)$/);
    await screenshot(page, 'contact-card-desktop');
    const phone = await browser.newPage({ viewport: PHONE });
    await phone.goto(`${app.url}/contacts/${ada}`);
    await phone.getByRole('group', { name: 'Home address' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'contact-card-phone');
    expect(errors).toEqual([]);
    await phone.close();
    await page.close();
  });

  it('adds nothing for a contact without a card', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${app.url}/contacts/${plain}`);
    const details = page.getByRole('region', { name: 'Details' });
    await details.waitFor();
    expect(await details.getByText(/address|Full name|Nickname/).count()).toBe(0);
    await page.close();
  });
});
