import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { interactionLog } from '../../src/services/interactions.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { tagList } from '../../src/services/tags.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const PEOPLE = [
  { name: 'Ada Lovelace', organisation: 'Analytical Engines', networks: ['strategic'], notes: 'Loves sailing regattas on the Solent.' },
  { name: 'Charles Babbage', organisation: 'Analytical Engines', networks: ['operational'] },
  { name: 'Grace Hopper', organisation: 'Navy', networks: ['personal'] },
  { name: 'Mary Somerville', networks: ['personal', 'strategic'] },
  { name: 'Evil Notes', notes: '<script>window.__pwned = true</script><img src="x" onerror="window.__pwned = true"><b>bold?</b>' },
];

describe.skipIf(!chromiumAvailable)('contacts', () => {
  let browser: Browser;
  let app: AppUnderTest;
  const ids = new Map<string, number>();
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'growing-in-role', onboarded: true });
    for (const p of PEOPLE) ids.set(p.name, (await app.run(contactCreate, p)).contact.id);
    await app.run(interactionLog, { contactIds: [ids.get('Evil Notes')], kind: 'call', occurredAt: '2026-01-05', summary: '<script>window.__pwned = true</script> talked' });
    page = await browser.newPage({ viewport: DESKTOP });
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('finds a contact by a word in a note, from the / shortcut', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.keyboard.press('/');
    const search = page.getByLabel('Search contacts');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('regattas');
    const list = page.getByRole('list', { name: 'Contacts' });
    await expect.poll(async () => list.getByRole('link').allTextContents()).toEqual(['Ada Lovelace']);
    expect(page.url()).toContain('q=regattas');
  });

  it('tags three contacts in one bulk action', async () => {
    await page.goto(`${app.url}/contacts`);
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('link', { name: 'Mary Somerville' }).waitFor();
    for (const name of ['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']) await page.getByRole('checkbox', { name: `Select ${name}` }).click();
    await page.getByText('3 selected contacts').waitFor();
    await page.getByLabel('Add a tag').fill('pioneers');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tagged: 3 contacts.').waitFor();
    expect(await app.run(tagList, {})).toEqual([{ tag: 'pioneers', count: 3 }]);
  });

  it('shows markup in notes and conversations as text, never running it', async () => {
    await page.goto(`${app.url}/contacts/${ids.get('Evil Notes')}`);
    const notes = page.getByTestId('contact-notes');
    await notes.waitFor();
    expect(await notes.textContent()).toContain('<script>window.__pwned = true</script>');
    await page.getByText('<script>window.__pwned = true</script> talked').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('main b, main img').count()).toBe(0);
  });

  it('opens a new contact with n and logs an interaction with l', async () => {
    await page.goto(`${app.url}/contacts/${ids.get('Grace Hopper')}`);
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.waitFor();
    await dialog.getByLabel('Notes').fill('Compared notes on compilers');
    await dialog.getByRole('button', { name: 'Log interaction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Compared notes on compilers').waitFor();

    await page.keyboard.press('n');
    const create = page.getByRole('dialog', { name: 'New contact' });
    await create.getByLabel('Name').fill('Katherine Johnson');
    await create.getByLabel('Email').fill('not-an-email');
    await create.getByRole('button', { name: 'Add contact' }).click();
    // The browser's own email check or the server's problem: either way the contact is not created yet.
    await create.getByLabel('Email').fill('katherine@example.org');
    await create.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });
});
