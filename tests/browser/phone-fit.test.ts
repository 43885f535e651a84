import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { importRun } from '../../src/services/import.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const THIRTY = join(import.meta.dirname, 'fixtures', 'linkedin-thirty.csv');

interface Box { x: number; y: number; width: number; height: number }
const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error(`not on screen: ${l.toString()}`);
  return b;
};
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(!chromiumAvailable)('nothing the user needs is covered or out of sight', () => {
  let browser: Browser;
  let app: AppUnderTest;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { situation: 'job-seeking', onboarded: true });
    await app.run(importRun, { content: readFileSync(THIRTY, 'utf8'), filename: 'linkedin-thirty.csv' });
  });
  let ada = 0;
  beforeAll(async () => {
    ada = (await app.run(contactCreate, { name: 'Ada Lovelace', organisation: 'Analytical Engines', networks: ['personal'] })).contact.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  // The undo toast after a sort must leave the next row's buttons free to tap, wherever the row sat on screen.
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`keeps the undo toast off Triage's buttons (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      const errors = watchErrors(page);
      await page.goto(`${app.url}/triage`);
      const actions = page.getByRole('group', { name: /^Sort / });
      await actions.waitFor();
      // First sort from where the page opens; then with the buttons scrolled to the very bottom of the screen.
      for (const where of ['as opened', 'at the bottom']) {
        if (where === 'at the bottom') {
          await actions.evaluate((el) => {
            const list = el.closest('.triage-list')!;
            const r = el.getBoundingClientRect();
            if (list.scrollHeight > list.clientHeight) list.scrollTop += r.bottom - list.getBoundingClientRect().bottom;
            else window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight);
          });
        }
        const who = (await actions.getAttribute('aria-label'))!;
        await actions.getByRole('button', { name: 'Accept' }).click();
        await page.getByRole('group', { name: who }).waitFor({ state: 'detached' });
        const toast = page.locator('.undo-toast');
        await toast.getByRole('button', { name: 'Undo' }).waitFor();
        await actions.waitFor();
        await expect.poll(async () => {
          const t = await box(toast);
          const buttons = await actions.getByRole('button').all();
          const hit: string[] = [];
          for (const b of buttons) if (overlap(t, await box(b))) hit.push((await b.innerText()).trim());
          return hit;
        }, { timeout: 3000 }).toEqual([]);
        for (const b of await actions.getByRole('button').all()) {
          const r = await box(b);
          expect(r.y + r.height).toBeLessThanOrEqual(viewport.height);
          expect(r.y).toBeGreaterThanOrEqual(0);
        }
        await screenshot(page, `toast-triage-${label}-${where.replace(/ /g, '-')}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  // While writing on a phone, the mistake check is beside the message box, not below the whole form.
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`shows the composer's mistake check next to the message being written (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      const errors = watchErrors(page);
      await page.goto(`${app.url}/contacts/${ada}`);
      await page.getByRole('button', { name: 'Write a message' }).click();
      const dialog = page.getByRole('dialog', { name: 'Write to Ada Lovelace' });
      const text = dialog.getByLabel('Message', { exact: true });
      await expect.poll(() => text.inputValue(), { timeout: 10_000 }).toContain('Ada');
      await text.click();
      await text.fill('Hi Ada,\n\nLovely to talk about [topic] last week.\n\nBest,\nSam');
      await text.press('End');
      const finding = page.getByTestId('composer-findings').locator('[data-rule="unfilled-placeholder"]');
      await finding.waitFor();
      expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
      const f = await box(finding);
      const t = await box(text);
      expect(t.y).toBeGreaterThanOrEqual(0);
      expect(f.y).toBeGreaterThanOrEqual(0);
      expect(f.y + f.height).toBeLessThanOrEqual(viewport.height);
      // Near the box: beside it, or straight under it.
      expect(f.y).toBeLessThan(t.y + t.height + 120);
      await screenshot(page, `composer-findings-${label}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
