import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoad } from '../../src/services/demo.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, seriousAxeViolations, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

describe.skipIf(!chromiumAvailable)('the Network page', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(demoLoad, { size: 200, seed: 7 });
    await app.run(settingsUpdate, { situation: 'stepping-into-leadership', onboarded: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows advice naming people, the four charts and the graph, and finds warm paths to a bridge', async () => {
    const page = await browser.newPage({ viewport: { ...DESKTOP, height: 1400 } });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/network`);
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    const advice = page.locator('ol.advice > li');
    await advice.first().waitFor();
    expect(await advice.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('ol.advice a[href^="/contacts/"]').count()).toBeGreaterThanOrEqual(6);
    for (const name of ['Balance against your target', 'Tie strength', 'Activity over the last year', 'Reciprocity', 'Who knows whom']) {
      await expect.poll(() => page.getByRole('heading', { name }).count()).toBe(1);
    }
    expect(await page.locator('.heatmap rect').count()).toBeGreaterThanOrEqual(365);
    await page.locator('.sigma-container canvas, svg.graph-svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'network-desktop');

    // Pick the top bridge: the panel names the warm paths to them, each with a first step.
    const bridge = page.locator('section[aria-labelledby="h-structure"] .link-button').first();
    const name = (await bridge.textContent())!;
    await bridge.click();
    const panel = page.locator('.intro-panel');
    await panel.getByRole('heading', { name }).waitFor();
    await panel.locator('.intro-paths li').first().waitFor();
    expect(await panel.locator('.first-step').first().textContent()).toMatch(/First step: (Ask|Reconnect with) /);
    await page.locator('.graph-card').scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'network-intro-desktop');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('fits a phone screen and has no serious accessibility violation', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const errors = watchErrors(page);
    await page.goto(`${app.url}/network`);
    await page.locator('ol.advice > li').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'network-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    const axePage = await context.newPage();
    await axePage.goto(`${app.url}/network`);
    await axePage.locator('ol.advice > li').first().waitFor();
    await axePage.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(axePage)).toEqual([]);
    await context.close();
  }, 120_000);
});
