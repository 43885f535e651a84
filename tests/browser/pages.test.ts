import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactList } from '../../src/services/contact-list.service.ts';
import { demoLoad } from '../../src/services/demo.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, seriousAxeViolations, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const PAGES: [name: string, path: string][] = [
  ['today', '/'], ['contacts', '/contacts'], ['contact', '/contacts/:id'], ['organisations', '/organisations'], ['goals', '/goals'],
  ['events', '/events'], ['communities', '/communities'], ['import', '/import'], ['export', '/export'], ['settings', '/settings'],
];

describe.skipIf(!chromiumAvailable)('every main page', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let contactId = 0;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(demoLoad, { size: 200, seed: 7 });
    await app.run(settingsUpdate, { situation: 'stepping-into-leadership', onboarded: true });
    contactId = (await app.run(contactList, { limit: 1, sort: 'last-interaction' })).items[0]!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`renders at ${label} width without errors, and is saved as a screenshot`, async () => {
      const page = await browser.newPage({ viewport });
      const errors = watchErrors(page);
      for (const [name, path] of PAGES) {
        await page.goto(app.url + path.replace(':id', String(contactId)));
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `${name}-${label}`);
        // Nothing may stick out sideways at phone width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} is wider than the ${label} screen`).toBeLessThanOrEqual(0);
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('has no serious or critical axe-core violation on any page', async () => {
    // axe is injected as a script, which the app's own CSP rightly forbids: this context alone bypasses it.
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    const found: string[] = [];
    for (const [name, path] of PAGES) {
      await page.goto(app.url + path.replace(':id', String(contactId)));
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const v of await seriousAxeViolations(page)) found.push(`${name}: ${v}`);
    }
    await page.setViewportSize(PHONE);
    for (const [name, path] of PAGES.slice(0, 3)) {
      await page.goto(app.url + path.replace(':id', String(contactId)));
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const v of await seriousAxeViolations(page)) found.push(`${name} (phone): ${v}`);
    }
    expect(found).toEqual([]);
    await context.close();
  }, 120_000);
});
