// `node scripts/make-icons.mjs`: the web app's home-screen icons (web/public/icon-192.png, icon-512.png and the
// maskable one) drawn from favicon.svg by Chromium, so there is one drawing to change. Run after editing the SVG;
// the PNGs are committed, since a build should not need a browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './build.mjs';

const svg = readFileSync(join(ROOT, 'web', 'public', 'favicon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  // A maskable icon is cropped to a circle of 80% by the phone: the drawing sits inside that safe zone on the colour.
  const icons = [
    { file: 'icon-192.png', size: 192, inset: 0 },
    { file: 'icon-512.png', size: 512, inset: 0 },
    { file: 'icon-maskable-512.png', size: 512, inset: 0.12 },
  ];
  for (const { file, size, inset } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const pad = Math.round(size * inset);
    await page.setContent(`<body style="margin:0;background:${inset ? '#2c5d8f' : 'transparent'}"><div style="padding:${pad}px">${svg.replace('<svg ', `<svg width="${size - 2 * pad}" height="${size - 2 * pad}" style="display:block" `)}</div></body>`);
    await page.screenshot({ path: join(ROOT, 'web', 'public', file), omitBackground: !inset });
    await page.close();
  }
} finally {
  await browser.close();
}
