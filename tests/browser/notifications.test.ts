import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDay } from '../../src/domain/dates.ts';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { followUpAdd } from '../../src/services/follow-ups.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

interface Shown { title: string; body: string; url: string | undefined }

// What the service worker has on screen, read through its registration (Playwright cannot see the OS's popups).
const shown = (page: Page): Promise<Shown[]> => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.ready;
  return (await reg.getNotifications({ tag: 'rapport-due' })).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url?: string } | null)?.url }));
});

// Polls (no fixed sleep) until the worker has shown a notification matching `title`.
async function waitForNotification(page: Page, title: RegExp): Promise<Shown> {
  await expect.poll(async () => (await shown(page)).some((n) => title.test(n.title)), { timeout: 20_000, interval: 100 }).toBe(true);
  return (await shown(page)).find((n) => title.test(n.title))!;
}

// The installed web app: a valid manifest with real icons, a service worker, and "what is due" notifications.
describe.skipIf(!chromiumAvailable)('installable web app and notifications', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let context: BrowserContext;
  let charles = 0;
  const day = toIsoDay(new Date());
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { onboarded: true, myName: 'Sam Rivera' });
    const add = async (name: string): Promise<number> => (await app.run(contactCreate, { name, networks: ['personal'] })).contact.id;
    const ada = await add('Ada Lovelace');
    charles = await add('Charles Babbage');
    const { db } = app.ctx.store;
    // Each new contact gets a first follow-up; closed, so only what is set up here is due.
    await db.updateTable('follow_ups').set({ done_at: new Date().toISOString() }).execute();
    await app.run(followUpAdd, { contactId: ada, dueOn: day, reason: 'send the Bernoulli notes' });
    await db.updateTable('contacts').set({ next_due_on: addDays(day, -10) }).where('id', '=', charles).execute();
    context = await browser.newContext({ viewport: PHONE });
    await context.grantPermissions(['notifications'], { origin: app.url });
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('serves a manifest a phone installs from, with icons of the sizes it names', async () => {
    const response = await fetch(`${app.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ name: 'Rapport', start_url: '/', display: 'standalone' });
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of pngs) {
      const bytes = Buffer.from(await (await fetch(`${app.url}${icon.src}`)).arrayBuffer());
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      // The PNG header's width and height (IHDR, bytes 16–24) are the sizes the manifest claims.
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });

  it('registers its service worker, asks permission from Settings, and shows what is due; a new follow-up shows on the next check', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}/settings`);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(worker).toBe(`${app.url}/sw.js`);

    const status = page.getByRole('status').filter({ hasText: /this device|notifications/i });
    await expect.poll(() => status.getAttribute('data-state')).toBe('off');
    await page.getByRole('button', { name: 'Notify me on this device' }).click();
    await expect.poll(() => status.getAttribute('data-state')).toBe('on');
    const first = await waitForNotification(page, /^Rapport:/);
    expect(first).toEqual({ title: 'Rapport: 1 follow-up, 1 person to keep in touch with', body: 'Ada Lovelace, Charles Babbage', url: '/' });
    await screenshot(page, 'notifications-settings-phone');

    // A follow-up with Charles is planned (through the API, as the app would): he moves from keep in touch to the
    // follow-ups, and the next check (the app checks when it opens) shows the new counts in place of the old.
    const planned = await fetch(`${app.url}/api/follow-ups`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ contactId: charles, dueOn: day, reason: 'thank him for the engine tour' }),
    });
    expect(planned.status).toBe(200);
    await page.reload();
    const second = await waitForNotification(page, /2 follow-ups/);
    expect(second).toEqual({ title: 'Rapport: 2 follow-ups', body: 'Ada Lovelace, Charles Babbage', url: '/' });
    // One notification, replaced, never a pile.
    expect(await shown(page)).toHaveLength(1);

    await page.getByRole('button', { name: 'Stop notifications on this device' }).click();
    await expect.poll(() => status.getAttribute('data-state')).toBe('off');
    expect(await shown(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
