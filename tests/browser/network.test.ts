import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { demoLoad } from '../../src/services/demo.service.ts';
import { interactionLog } from '../../src/services/interactions.service.ts';
import { linkAdd } from '../../src/services/links.service.ts';
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
    // Your own brokerage is over real ties only (docs/ego-network.md).
    await expect.poll(() => page.getByText(/You: effective size [\d.]+ over \d+ real ties/).count()).toBe(1);
    // A 200-person network is ranked exactly, and the page says how sure the bridges are (docs/bridges.md).
    expect(await page.locator('.bridge-certainty').textContent()).toMatch(/^Exact, computed (just now|\d+ min ago|\d+ h ago|\d+ days ago)\.$/);
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

// Ada and Bob, spoken to today; Mid 1..8 known to Ada (Mid 1..4 to Bob too), each knowing Tess, who alone knows
// Zed 1 and Zed 2: Tess bridges, and the 12 equally good paths to her start at Ada (8) or Bob (4).
describe.skipIf(!chromiumAvailable)('introductions with many equally good paths on the Network page', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'stepping-into-leadership', onboarded: true });
    const add = async (name: string) => (await app.run(contactCreate, { name })).contact.id;
    const ada = await add('Ada Lovelace');
    const bob = await add('Bob Stone');
    const tess = await add('Tess Target');
    await app.run(interactionLog, { contactIds: [ada, bob], kind: 'coffee', channel: 'in-person', occurredAt: '2026-11-20' });
    for (let i = 1; i <= 8; i++) {
      const mid = await add(`Mid ${i}`);
      await app.run(linkAdd, { aId: ada, bId: mid, strength: 5 });
      if (i <= 4) await app.run(linkAdd, { aId: bob, bId: mid, strength: 5 });
      await app.run(linkAdd, { aId: mid, bId: tess, strength: 5 });
    }
    for (const name of ['Zed 1', 'Zed 2']) await app.run(linkAdd, { aId: tess, bId: await add(name), strength: 5 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`says how many equally good paths there are and whom to ask (${label})`, async () => {
      const page = await browser.newPage({ viewport: { ...viewport, height: 1400 } });
      const errors = watchErrors(page);
      await page.goto(`${app.url}/network`);
      await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
      await page.locator('section[aria-labelledby="h-structure"] .link-button', { hasText: 'Tess Target' }).first().click();
      const panel = page.locator('.intro-panel');
      await panel.getByRole('heading', { name: 'Tess Target' }).waitFor();
      const ask = panel.locator('.intro-ask-first');
      await ask.waitFor();
      expect(await ask.textContent()).toBe('12 equally good paths; ask one of these 2 people: Ada Lovelace (8), Bob Stone (4)');
      expect(await panel.locator('.intro-paths li').count()).toBe(12);
      expect(await panel.locator('.intro-chain').first().textContent()).toContain('You → Ada Lovelace → Mid 1 → Tess Target');
      await panel.scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `network-intro-equal-${label}`);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
