import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { z } from 'zod';
import { systemClock, type Clock } from '../../../src/domain/clock.ts';
import { startServer, type RunningServer } from '../../../src/server/serve.ts';
import { buildWeb } from '../../../scripts/build.mjs';
import { REPO_ROOT, WEB_DIST } from '../../../src/server/web-build.ts';
import { runOperation, type Operation, type ServiceContext } from '../../../src/services/operation.ts';
import { openStore } from '../../../src/store/open-store.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

// Without Chromium the browser suites skip on a developer's machine, and fail in CI, where .ci/run installs it.
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install -y chromium)`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// Test files run in parallel processes; one builds web/dist while the others wait for it.
async function buildOnce(): Promise<void> {
  const lock = join(tmpdir(), 'rapport-web-build.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await buildWeb();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface AppUnderTest {
  url: string;
  ctx: ServiceContext;
  run<I extends z.ZodType, O>(op: Operation<I, O>, input: unknown): Promise<O>;
  close(): Promise<void>;
}

// The real server on a random port over a fresh SQLite file, serving the built web app; a journey that spans
// weeks passes its own clock.
export async function startApp(options: { clock?: Clock } = {}): Promise<AppUnderTest> {
  const clock = options.clock ?? systemClock;
  await buildOnce();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-browser-'));
  const store = await openStore({ location: join(dir, 'rapport.db') });
  const ctx: ServiceContext = { store, clock };
  const server: RunningServer = await startServer({ store, clock, host: '127.0.0.1', port: 0, webRoot: WEB_DIST });
  return {
    url: server.url,
    ctx,
    run: <I extends z.ZodType, O>(op: Operation<I, O>, input: unknown) => runOperation(ctx, op, input),
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Any console error or failed request in the page is a bug the test should show.
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

// axe-core injected from node_modules (no CDN); returns the serious and critical violations only.
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
