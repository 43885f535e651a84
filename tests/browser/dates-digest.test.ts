import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDay } from '../../src/domain/dates.ts';
import { contactCreate } from '../../src/services/contacts.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { chromiumAvailable, DESKTOP, launchBrowser, screenshot, startApp, watchErrors, type AppUnderTest } from './support/harness.ts';

interface Received { headers: IncomingHttpHeaders; body: string }

// A real webhook receiver on a loopback ephemeral port, recording what the digest posts.
function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received })));
}

describe.skipIf(!chromiumAvailable)('important dates on Today and the contact page, and the digest settings', () => {
  let browser: Browser;
  let app: AppUnderTest;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let page: Page;
  let errors: string[];
  let ada = 0;
  const inThree = addDays(toIsoDay(new Date()), 3);
  beforeAll(async () => {
    [browser, app, receiver] = await Promise.all([launchBrowser(), startApp(), startReceiver()]);
    await app.run(settingsUpdate, { onboarded: true, myName: 'Sam Rivera' });
    ada = (await app.run(contactCreate, { name: 'Ada Lovelace', birthday: `1990-${inThree.slice(5)}` })).contact.id;
    await app.run(contactCreate, { name: 'Far Future', birthday: `--${addDays(toIsoDay(new Date()), 20).slice(5)}` });
    page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    errors = watchErrors(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((r) => receiver?.server.close(r));
  });

  it('Today shows the birthday in 3 days with its draft, not the one in 20 days', async () => {
    await page.goto(`${app.url}/`);
    const section = page.locator('[data-section="dates"]');
    await section.getByRole('heading', { name: /Dates coming up/ }).waitFor();
    const rows = section.getByTestId('date-row');
    expect(await rows.allInnerTexts()).toHaveLength(1);
    await expect.poll(() => rows.first().innerText()).toMatch(/Ada Lovelace[\s\S]*birthday[\s\S]*in 3 days/);
    await rows.first().getByText('Draft: Happy birthday!').click();
    expect(await rows.first().locator('.note-text').innerText()).toMatch(/birthday/);
    await screenshot(page, 'dates-today');
    await rows.first().getByRole('button', { name: 'Write to Ada Lovelace' }).click();
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => page.getByRole('dialog').locator('textarea, input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join('\n'))).toMatch(/Happy birthday!/);
    await screenshot(page, 'dates-composer');
    await page.keyboard.press('Escape');
  });

  it('the contact page lists dates, refuses February 30 with the server\'s message, adds and removes a date', async () => {
    await page.goto(`${app.url}/contacts/${ada}`);
    const card = page.getByRole('region', { name: 'Important dates' });
    await card.getByTestId('contact-date').first().waitFor({ timeout: 8000 });
    expect(await card.getByTestId('contact-date').first().innerText()).toMatch(/Birthday[\s\S]*1990[\s\S]*every year/);
    const form = card.getByRole('form', { name: 'Add a date' });
    await form.getByLabel('What').fill('started at Northstar');
    await form.getByLabel('Day', { exact: true }).fill('30');
    await form.getByLabel('Month', { exact: true }).selectOption({ label: 'February' });
    await form.getByRole('button', { name: 'Add date' }).click();
    await card.getByText(/30 is not a day of month 2/).waitFor({ timeout: 8000 });
    await screenshot(page, 'dates-contact-feb30');
    await form.getByLabel('Day', { exact: true }).fill('14');
    await form.getByLabel('Month', { exact: true }).selectOption({ label: 'March' });
    await form.getByLabel('Year').fill('2021');
    await form.getByLabel('Repeats').selectOption('once');
    await form.getByRole('button', { name: 'Add date' }).click();
    await card.getByText('started at Northstar', { exact: true }).waitFor();
    expect(await card.getByTestId('contact-date').nth(1).innerText()).toMatch(/14 March 2021[\s\S]*once/);
    await screenshot(page, 'dates-contact-added');
    await card.getByRole('button', { name: /Remove.*started at Northstar/ }).click();
    await expect.poll(() => card.getByTestId('contact-date').count()).toBe(1);
  });

  it('Settings → Digest saves a schedule and a webhook, keeps the secret write-only, and a test reaches the receiver signed', async () => {
    await page.goto(`${app.url}/settings`);
    const form = page.getByRole('form', { name: 'Digest' });
    await form.getByLabel('Send', { exact: true }).selectOption('daily');
    await form.getByLabel('At hour (0–23)').fill('7');
    await form.getByLabel('Time zone').fill('Europe/Paaris');
    await form.getByRole('button', { name: 'Save digest' }).click();
    await form.getByText(/not an IANA time zone/).waitFor();
    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByLabel('Webhook URL').fill(receiver.url);
    await form.getByLabel('Signing secret').fill('s3cret-value');
    await form.getByRole('button', { name: 'Save digest' }).click();
    await form.getByText('Saved.').waitFor();
    expect(await form.getByLabel('Signing secret').inputValue()).toBe('');
    expect(await form.getByLabel('Signing secret').getAttribute('placeholder')).toBe('stored (type to replace)');
    expect(await page.content()).not.toContain('s3cret-value');
    await form.getByRole('button', { name: 'Send a test by Webhook' }).click();
    await form.getByTestId('digest-test-webhook').waitFor();
    expect(await form.getByTestId('digest-test-webhook').innerText()).toMatch(/Sent: posted to .*\/hook \(signed\)/);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.body).toContain('Ada Lovelace');
    expect(Object.keys(receiver.received[0]!.headers).some((h) => /signature/i.test(h))).toBe(true);
    // ntfy has no topic yet: the failure says which setting to fix.
    await form.getByRole('button', { name: 'Send a test by ntfy push' }).click();
    await form.getByTestId('digest-test-ntfy').waitFor();
    expect(await form.getByTestId('digest-test-ntfy').innerText()).toMatch(/Failed: digest\.ntfy\.url: no topic address set/);
    expect(await form.getByText(/^Next send:/).innerText()).not.toMatch(/off/);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'digest-settings');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
