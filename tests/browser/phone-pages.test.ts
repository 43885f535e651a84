import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoad } from '../../src/services/demo.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

// Pages that broke at phone width (390 px): the Network graph and the Events details.
describe.skipIf(!chromiumAvailable)('phone-width pages', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(demoLoad, { size: 200, seed: 7 });
    await app.run(settingsUpdate, { onboarded: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws the Network graph at 390 px with no console error, inside the screen', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/network`);
    await page.locator('ol.advice > li').first().waitFor();
    await page.locator('.graph-card').scrollIntoViewIfNeeded();
    const drawn = page.locator('.sigma-container canvas, svg.graph-svg').first();
    await drawn.waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.graph-stage').scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-network-graph');
    const stage = await page.locator('.graph-stage').boundingBox();
    expect(stage!.width).toBeGreaterThan(300);
    expect(stage!.x + stage!.width).toBeLessThanOrEqual(PHONE.width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Bands are explained where they are shown: the chart's rule, and the picked person's own reason.
    expect(await page.locator('.band-rule').textContent()).toContain('Dormant is about recency');
    await page.locator('section[aria-labelledby="h-structure"] .link-button').first().click();
    await expect.poll(async () => (await page.locator('[data-testid="tie-why"]').textContent()) ?? '').toMatch(/^(Strong|Medium|Weak|Dormant): /);
    await page.locator('.intro-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-network-tie-why');
    // Turning the phone (a resize) must not break the drawing either.
    await page.setViewportSize({ width: 844, height: 390 });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows an event\'s details right under the list, above the "Record an event" form', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/events`);
    const first = page.locator('.list-button').first();
    await first.waitFor();
    await page.locator('.list-button').nth(1).click();
    const detail = page.locator('.events-detail h2').first();
    await detail.waitFor();
    const detailTop = (await page.locator('.events-detail').boundingBox())!.y;
    const formTop = (await page.getByRole('form', { name: 'New event' }).boundingBox())!.y;
    const listTop = (await page.locator('.events-list').boundingBox())!.y;
    expect(listTop).toBeLessThan(detailTop);
    expect(detailTop).toBeLessThan(formTop);
    await screenshot(page, 'phone-events-detail');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
