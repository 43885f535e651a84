import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { demoLoad } from '../../src/services/demo.service.ts';
import { contactList } from '../../src/services/contact-list.service.ts';
import { interactionList, interactionLog } from '../../src/services/interactions.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

describe.skipIf(!chromiumAvailable)('undo in the web app', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let page: Page;
  let errors: string[];
  const ids = new Map<string, number>();
  const timeline = async (name: string) => (await app.run(interactionList, { contactId: ids.get(name) })).items;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'job-seeking', onboarded: true });
    for (const [name, organisation] of [['Isaac Svensson', 'Northstar'], ['Isaac Newton', 'Royal Society'], ['Ada Lovelace', 'Analytical Engines']]) {
      ids.set(name!, (await app.run(contactCreate, { name, organisation, networks: ['strategic'] })).contact.id);
    }
    page = await browser.newPage({ viewport: DESKTOP });
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('makes the user choose between two Isaacs, then undoes the logged call from the toast', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.waitFor();
    const picker = dialog.getByLabel('With');
    await picker.fill('Isaac');
    await dialog.getByRole('list', { name: 'Matching contacts' }).getByRole('button', { name: /Isaac Newton/ }).waitFor();
    await picker.press('Enter');
    await dialog.getByText('2 people match “Isaac”: choose one.').waitFor();
    expect(await dialog.getByRole('list', { name: 'With: chosen' }).count()).toBe(0);
    await dialog.getByRole('button', { name: /Isaac Svensson/ }).click();
    await dialog.getByRole('list', { name: 'With: chosen' }).getByText('Isaac Svensson').waitFor();
    await dialog.getByLabel('What').selectOption('call');
    await dialog.getByLabel('Notes').fill('Talked about the PM opening');
    await dialog.getByRole('button', { name: 'Log interaction' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const toast = page.getByRole('status').filter({ hasText: 'Logged a call with Isaac Svensson' });
    await toast.waitFor();
    expect((await timeline('Isaac Svensson')).map((i) => i.summary)).toEqual(['Talked about the PM opening']);
    expect(await timeline('Isaac Newton')).toEqual([]);
    await screenshot(page, 'undo-toast-desktop');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: /^Undid #\d+: Logged a call with Isaac Svensson/ }).waitFor();
    expect(await timeline('Isaac Svensson')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("gives Today's one-click Log message a toast whose Undo brings the follow-up back", async () => {
    await page.goto(app.url);
    const logAda = page.getByRole('button', { name: 'Log message to Ada Lovelace' });
    await logAda.click();
    const toast = page.getByRole('status').filter({ hasText: 'Logged a message with Ada Lovelace' });
    await toast.waitFor();
    await logAda.waitFor({ state: 'detached' });
    expect((await timeline('Ada Lovelace')).map((i) => i.kind)).toEqual(['message']);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await logAda.waitFor();
    expect(await timeline('Ada Lovelace')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('edits and deletes a timeline entry, and the delete can be undone', async () => {
    await app.run(interactionLog, { contactIds: [ids.get('Ada Lovelace')], kind: 'coffee', occurredAt: '2026-11-02', summary: 'Engines and looms' });
    await page.goto(`${app.url}/contacts/${ids.get('Ada Lovelace')}`);
    await page.getByText('Engines and looms').waitFor();
    await page.getByRole('button', { name: /^Edit Coffee/ }).click();
    const form = page.getByRole('form', { name: 'Edit this interaction' });
    await form.getByLabel('Notes').fill('Engines, looms and poetry');
    await form.getByLabel('What').selectOption('meal');
    await screenshot(page, 'undo-timeline-edit-desktop');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('ol.timeline').getByText('Engines, looms and poetry').waitFor();
    await page.getByRole('status').filter({ hasText: 'Edited a meal with Ada Lovelace' }).waitFor();
    expect((await timeline('Ada Lovelace')).map((i) => [i.kind, i.summary])).toEqual([['meal', 'Engines, looms and poetry']]);

    await page.getByRole('button', { name: /^Delete Meal/ }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Deleted a meal with Ada Lovelace' });
    await toast.waitFor();
    await page.getByText('No interactions logged yet.').waitFor();
    expect(await timeline('Ada Lovelace')).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.locator('ol.timeline').getByText('Engines, looms and poetry').waitFor();
    expect((await timeline('Ada Lovelace')).map((i) => i.summary)).toEqual(['Engines, looms and poetry']);
    expect(errors).toEqual([]);
  });

  it('shows the toast on a phone, over the page', async () => {
    const phone = await browser.newPage({ viewport: PHONE });
    const phoneErrors = watchErrors(phone);
    await phone.goto(`${app.url}/contacts/${ids.get('Ada Lovelace')}`);
    await phone.locator('ol.timeline').getByText('Engines, looms and poetry').waitFor();
    await phone.getByRole('button', { name: /^Edit Meal/ }).click();
    await screenshot(phone, 'undo-timeline-edit-phone');
    const form = phone.getByRole('form', { name: 'Edit this interaction' });
    await form.getByLabel('Notes').fill('Engines, looms, poetry and tea');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await phone.getByRole('status').filter({ hasText: 'Edited a meal with Ada Lovelace' }).waitFor();
    await screenshot(phone, 'undo-toast-phone');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});

describe.skipIf(!chromiumAvailable)('removing the demo from Settings', () => {
  let browser: Browser;
  let app: AppUnderTest;
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('says what goes, removes only the demo, and keeps what the user added', async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(demoLoad, { size: 20 });
    await app.run(settingsUpdate, { situation: 'job-seeking', onboarded: true });
    const mine = (await app.run(contactCreate, { name: 'Zelda Mine', networks: ['personal'] })).contact.id;
    const demoPerson = (await app.run(contactList, { limit: 1 })).items.find((c) => c.id !== mine)!;
    await app.run(interactionLog, { contactIds: [demoPerson.id], kind: 'call', occurredAt: '2026-11-01', summary: 'Only with a demo person' });
    await app.run(interactionLog, { contactIds: [demoPerson.id, mine], kind: 'meeting', occurredAt: '2026-11-02', summary: 'With both' });

    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/settings`);
    await page.getByRole('heading', { name: 'Demo data' }).waitFor();
    await page.getByText(/The demo network is still here: 20 contacts/).waitFor();
    await page.getByRole('button', { name: 'Remove demo data…' }).click();
    const ask = page.getByRole('alertdialog', { name: /Remove the demo data\?/ });
    await ask.getByText(/What you added only with demo people goes with them: 1 interaction/).waitFor();
    await ask.scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-remove-desktop');
    await ask.getByRole('button', { name: 'Remove demo data' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed the demo data (20 contacts)' }).waitFor();
    await page.getByText('There is no demo data in this database.').waitFor();

    const left = await app.run(contactList, { limit: 50 });
    expect(left.items.map((c) => c.name)).toEqual(['Zelda Mine']);
    expect((await app.run(interactionList, { contactId: mine })).items.map((i) => [i.summary, i.participants.map((p) => p.name)]))
      .toEqual([['With both', ['Zelda Mine']]]);

    const phone = await browser.newPage({ viewport: PHONE });
    await phone.goto(`${app.url}/settings`);
    await phone.getByText('There is no demo data in this database.').waitFor();
    await phone.getByRole('heading', { name: 'Demo data' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'demo-removed-phone');
    expect(errors).toEqual([]);
  });
});
