import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDay } from '../../src/domain/dates.ts';
import { actionCreate } from '../../src/services/actions.service.ts';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { eventCreate } from '../../src/services/events.service.ts';
import { followUpAdd } from '../../src/services/follow-ups.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, PHONE, SCREENSHOTS, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

const DUE = 70;
const ORDER = ['follow-ups', 'actions', 'met-at-events', 'keep-in-touch'];

// Many people due: Today must stay short per section, in a fixed order, and "show all" must keep the order.
describe.skipIf(!chromiumAvailable)('Today with many due contacts', () => {
  let browser: Browser;
  let app: AppUnderTest;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startApp()]);
    await app.run(settingsUpdate, { onboarded: true, myName: 'Sam Rivera' });
    const day = toIsoDay(new Date());
    const add = async (name: string): Promise<number> => (await app.run(contactCreate, { name, networks: ['personal'] })).contact.id;
    const { db } = app.ctx.store;
    // Names A→Z run against lateness, so a list sorted by name would show.
    for (let i = 0; i < DUE; i++) {
      const id = await add(`Due ${String.fromCharCode(65 + (i % 26))}${String(i).padStart(2, '0')} Person`);
      await db.updateTable('contacts').set({ next_due_on: addDays(day, -(i + 1) * 3) }).where('id', '=', id).execute();
    }
    const followed: number[] = [];
    for (let i = 0; i < 9; i++) followed.push(await add(`Follow Up ${i}`));
    const met = [await add('Met Person One'), await add('Met Person Two')];
    // Only the follow-ups below stay open (each new contact gets a first one).
    await db.updateTable('follow_ups').set({ done_at: new Date().toISOString() }).execute();
    for (const [i, contactId] of followed.entries()) await app.run(followUpAdd, { contactId, dueOn: addDays(day, -i), reason: `reply about item ${i}` });
    for (let i = 0; i < 3; i++) await app.run(actionCreate, { kind: 'coffee', description: `Coffee number ${i}`, dueOn: addDays(day, i) });
    await app.run(eventCreate, { name: 'Product Camp', kind: 'meetup', date: addDays(day, -3), attendees: met.map((contactId) => ({ contactId, metThere: true })) });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const sectionsOf = (page: Page) => page.locator('section.today-section').evaluateAll((els) => els.map((e) => ({
    key: e.getAttribute('data-section'), rows: e.querySelectorAll('li.row-item').length, top: e.getBoundingClientRect().top + window.scrollY,
  })));

  it.each([['desktop', DESKTOP], ['phone', PHONE]] as const)('on a %s: sections in order, each short, nobody buried', async (name, viewport) => {
    const page = await browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.locator('section.today-section').first().waitFor();
    await page.waitForLoadState('networkidle');
    const sections = await sectionsOf(page);
    expect(sections.map((s) => s.key)).toEqual(ORDER);
    for (const s of sections) expect(s.rows).toBeLessThanOrEqual(7);
    // People met at an event are near the top, not below dozens of keep-in-touch rows.
    const met = sections.find((s) => s.key === 'met-at-events')!;
    expect(met.top).toBeLessThan(name === 'phone' ? 3200 : 1400);
    expect(await page.getByRole('link', { name: `Show all ${DUE}` }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Show all 9' }).count()).toBe(1);
    await screenshot(page, `today-many-${name}`);
    await page.screenshot({ path: join(SCREENSHOTS, `today-many-${name}-full.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('"show all" opens the whole keep-in-touch list, most overdue first, starting with the rows Today showed', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const errors = watchErrors(page);
    await page.goto(app.url);
    const short = await page.locator('section[data-section="keep-in-touch"] li.row-item a').allTextContents();
    await page.getByRole('link', { name: `Show all ${DUE}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Keep in touch' }).waitFor();
    const rows = page.locator('[data-testid="due-contact"]');
    await expect.poll(() => rows.count()).toBe(DUE);
    const late = await page.locator('[data-testid="due-contact"] [data-days-overdue]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-days-overdue'))));
    expect(late).toEqual([...late].sort((a, b) => b - a));
    expect(late[0]).toBe(DUE * 3);
    const names = await page.locator('[data-testid="due-contact"] .row-main > a').allTextContents();
    expect(names.slice(0, short.length)).toEqual(short);
    await screenshot(page, 'today-show-all-phone');
    await page.getByRole('link', { name: 'Back to Today' }).click();
    await page.locator('section[data-section="follow-ups"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
